/**
 * Adding or editing a figure: value, unit, qualifier, period, metric, note and source (an existing
 * one or a new one). Every field is checked here with the same schemas main checks again; a
 * refusal from main is shown next to the field it names.
 */
import { Alert, App, Button, Col, Divider, Form, Input, Row, Select, Space, Typography } from 'antd';
import { Confirm } from './Confirm';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CallError } from '../../../shared/client';
import {
  FigureInput,
  Period,
  QUALIFIERS,
  Scope,
  SourceInput,
  type EntitySummary,
  type FigureSnapshot,
  type Bilingual,
  type Figure,
  type Qualifier,
  type Source,
  type Unit,
} from '../../../shared/domain';
import { UNITS_OF_KIND, type MetricDef } from '../../../shared/metrics';
import type { FigureListRow } from '../../../shared/workbench';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { errorText, useSession } from '../session';
import { localDateTime } from '../time';
import { authorName, colonOf, formatFigure, formatValue } from '../../../shared/format';
import { sizeJump, sizeRatio } from '../../../shared/magnitude';
import { figureLabel } from '../../../shared/history';
import { parseNumberText } from '../../../shared/number-text';
import { differs } from './confirmDiscard';
import { rowName } from './FigureTable';
import { entityChoices } from './entityChoices';

const NEW_SOURCE = -1;
const NO_SOURCE = 0;

interface Values {
  scope: FigureInput['scope'];
  entityId: string | null;
  metric: FigureInput['metric'];
  value: string;
  unit: FigureInput['unit'];
  qualifier: FigureInput['qualifier'];
  period: string;
  /** '' for province-wide. */
  cityCode: string;
  note: string;
  sourceId: number;
  sourceQuote: string;
  newSource?: { title: string; publisher: string; author: string; publishedOn: string; url: string; excerpt: string };
}

const orNull = (s: string | undefined): string | null => (s && s.trim() ? s.trim() : null);
/** The value as typed, by the workbook import's rule (shared/number-text.ts): `0x10`, `1,2`, `1.2e3` or `1 200` are refused, not read as 16, 12 or 1200. */
const toNumber = (s: string): number => parseNumberText(s) ?? Number.NaN;

function toFigureInput(v: Values): FigureInput {
  return {
    scope: v.scope,
    entityId: v.scope === 'entity' ? (v.entityId ?? null) : null,
    metric: v.metric,
    value: toNumber(v.value),
    unit: v.unit,
    qualifier: v.qualifier,
    period: v.period.trim(),
    cityCode: v.cityCode ? v.cityCode : null,
    sourceId: v.sourceId > 0 ? v.sourceId : null,
    sourceQuote: orNull(v.sourceQuote),
    note: orNull(v.note),
  };
}

function toSourceInput(s: NonNullable<Values['newSource']>): SourceInput {
  return { title: s.title?.trim() ?? '', publisher: s.publisher?.trim() ?? '', author: orNull(s.author), publishedOn: orNull(s.publishedOn), url: orNull(s.url), excerpt: orNull(s.excerpt) };
}

/** The units a metric's figures may be in (every unit while the catalog is loading). */
function unitsOf(def: MetricDef | undefined): readonly Unit[] {
  return def ? UNITS_OF_KIND[def.kind] : [...UNITS_OF_KIND.money, ...UNITS_OF_KIND.percent, ...UNITS_OF_KIND.count];
}

/** A unit's word; an 'other' metric's own unit label. */
function unitWord(u: Unit, def: MetricDef | undefined, lang: Lang, t: (k: string) => string): string {
  if (u === 'metric_unit' && def?.unitLabel) return lang === 'en' ? def.unitLabel.en : def.unitLabel.zh;
  return t(`unit.${u}`) || u;
}

/** A form rule that checks one field against the field's schema and says what is wrong in the person's language. */
function fieldRule(schema: z.ZodType, convert: (v: unknown) => unknown, message: string) {
  return {
    validator: (_: unknown, value: unknown) => (schema.safeParse(convert(value)).success ? Promise.resolve() : Promise.reject(new Error(message))),
  };
}

export function FigureForm(props: {
  figure: FigureSnapshot | null;
  defaults?: Partial<FigureInput>;
  lang: Lang;
  onSaved: (figure: FigureSnapshot) => void;
  onDeleted?: () => void;
  /** Told whether the form holds changes not saved yet (closing then asks first). */
  onDirty?: (dirty: boolean) => void;
  /** Opens another figure in the panel (the one this form's period already has). */
  onOpenFigure?: (target: { id: number; name: string }) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { changed, showError, metrics, cities, catalog } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const metricId = Form.useWatch('metric', form);
  const [entities, setEntities] = useState<EntitySummary[]>([]);
  const [sources, setSources] = useState<Source[]>([]);
  const [saving, setSaving] = useState(false);
  const scope = Form.useWatch('scope', form);
  const sourceId = Form.useWatch('sourceId', form);
  const valueText = Form.useWatch('value', form);
  const unitNow = Form.useWatch('unit', form);
  const qualifierNow = Form.useWatch('qualifier', form);
  const entityNow = Form.useWatch('entityId', form);
  const periodNow = Form.useWatch('period', form);
  const cityNow = Form.useWatch('cityCode', form);
  const quoteNow = Form.useWatch('sourceQuote', form);
  const f = props.figure;
  const shape = FigureInput;

  useEffect(() => {
    void Promise.all([getApi().listEntities({}), getApi().listSources({})]).then(([e, s]) => {
      setEntities(e);
      setSources(s);
    }, showError);
  }, [showError]);

  const initial: Values = {
    scope: f?.scope ?? props.defaults?.scope ?? 'entity',
    entityId: f?.entityId ?? props.defaults?.entityId ?? null,
    metric: f?.metric ?? props.defaults?.metric ?? 'output_value',
    value: f ? String(f.value) : '',
    unit: f?.unit ?? props.defaults?.unit ?? '100m_yuan',
    qualifier: f?.qualifier ?? 'exact',
    period: f?.period ?? '',
    cityCode: f?.cityCode ?? props.defaults?.cityCode ?? '',
    note: f?.note ?? '',
    sourceId: f?.sourceId ?? NO_SOURCE,
    sourceQuote: f?.sourceQuote ?? '',
  };

  // The quoted sentence belongs to its source: choosing another source sets aside the quote typed for
  // the one before (and brings it back if that source is chosen again), so a new source never inherits
  // a sentence from the old one — it printed under the new source in a signed 简报.
  const quotes = useRef(new Map<number, string>([[initial.sourceId, initial.sourceQuote]]));
  const [quoteSetAside, setQuoteSetAside] = useState(false);
  // A new value under the same source and the same quoted sentence: the sentence still says the old number ("5.2 percent" under
  // 5.3%), and it prints under the new one in every briefing (first-week review). Said, not refused: the source may say both.
  const quoteUnchanged =
    f !== undefined &&
    initial.sourceQuote.trim() !== '' &&
    valueText !== undefined &&
    String(valueText).trim() !== initial.value &&
    sourceId === initial.sourceId &&
    (quoteNow ?? '') === initial.sourceQuote;
  const sourceChanged = (next: number, previous: number): void => {
    const quote = String(form.getFieldValue('sourceQuote') ?? '');
    quotes.current.set(previous, quote);
    const restored = quotes.current.get(next) ?? '';
    form.setFieldValue('sourceQuote', restored);
    setQuoteSetAside(quote.trim() !== '' && restored.trim() === '');
  };

  // A save refused because the figure changed after the form was filled (another window, the command
  // line, an import): what changed, kept beside the person's own values until they choose.
  const [conflict, setConflict] = useState<CallError | null>(null);
  const [seen, setSeen] = useState(f?.changedAt);
  const save = async (values: Values, over?: string): Promise<void> => {
    setSaving(true);
    try {
      const saved = await getApi().saveFigure({
        ...(f ? { id: f.id, seen: over ?? seen } : {}),
        figure: toFigureInput(values),
        ...(values.sourceId === NEW_SOURCE && values.newSource ? { newSource: toSourceInput(values.newSource) } : {}),
      });
      setConflict(null);
      changed();
      props.onDirty?.(false);
      // Say what was saved: "已保存：智能机器人 产值（2023）".
      const entity = entities.find((e) => e.id === saved.entityId);
      const what = figureLabel(saved, entity ? entity.name : null, catalog.metric(saved.metric)?.name ?? null)[props.lang === 'en' ? 'en' : 'zh'];
      const newSource = values.sourceId === NEW_SOURCE ? values.newSource?.title?.trim() : undefined;
      void message.success(newSource ? t('figureForm.savedWithSource', { what, source: newSource }) : t('figureForm.savedWhat', { what }));
      props.onSaved(saved);
    } catch (error) {
      if (error instanceof CallError && error.code === 'CHANGED_ELSEWHERE') {
        setConflict(error);
        return;
      }
      if (error instanceof CallError && (error.code === 'UNKNOWN_METRIC' || error.code === 'UNKNOWN_CITY')) {
        const field = error.code === 'UNKNOWN_METRIC' ? 'metric' : 'cityCode';
        form.setFields([{ name: field, errors: [errorText(error, props.lang)] }]);
        form.scrollToField(field, { focus: true, block: 'center' });
        return;
      }
      if (error instanceof CallError && error.code === 'INVALID_INPUT') {
        // Main refused what the form let through: show it at the field it names.
        const where = String(error.details?.where ?? '').replace(/^saveFigure\./, '').replace(/^figure\./, '');
        const name = where.split('.');
        const text = name[0] === 'newSource' ? t(`sourceForm.invalid.${name[1]}`, { defaultValue: '' }) : t(`figureForm.invalid.${name[0]}`, { defaultValue: '' });
        if (text) {
          form.setFields([{ name: name as never, errors: [text] }]);
          form.scrollToField(name as never, { focus: true, block: 'center' });
          return;
        }
      }
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (): Promise<void> => {
    if (!f) return;
    try {
      await getApi().deleteItem({ targetType: 'figure', targetId: String(f.id) });
      changed();
      // Said, with the way back, as a save is.
      const entity = entities.find((e) => e.id === f.entityId);
      const what = figureLabel(f, entity ? entity.name : null, catalog.metric(f.metric)?.name ?? null)[props.lang === 'en' ? 'en' : 'zh'];
      void message.success(t('figureForm.deletedWhat', { what }));
      props.onDeleted?.();
    } catch (error) {
      showError(error);
    }
  };

  const name = (e: EntitySummary): string => (props.lang === 'en' ? e.name.en : e.name.zh);
  const invalid = (key: string): string => t(`figureForm.invalid.${key}`);
  const sourceInvalid = (key: string): string => t(`sourceForm.invalid.${key}`);
  const src = SourceInput.shape;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void save(v)}
      // A refused save puts the keyboard on the first field to fix (it stayed on 保存, the errors out of sight).
      scrollToFirstError={{ focus: true, block: 'center' }}
      onValuesChange={(_, all) => props.onDirty?.(differs(all, initial))}
      aria-label={f ? t('figureForm.titleEdit') : t('figureForm.titleNew')}>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="scope" label={t('figureForm.scope')} rules={[fieldRule(Scope, (v) => v, invalid('scope'))]}>
            <Select options={Scope.options.map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="entityId"
            label={t('figureForm.entity')}
            dependencies={['scope']}
            // Read the scope from the form when validating, not from the last render: a validation run
            // right after the scope changed saw the old scope and refused, so 保存 sent nothing. An entity
            // left in the (disabled) field of a province-level figure is dropped on save, not an error.
            rules={[{ validator: (_, v) => (form.getFieldValue('scope') !== 'entity' || Boolean(v) ? Promise.resolve() : Promise.reject(new Error(invalid('entityId')))) }]}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={scope !== 'entity'}
              options={entityChoices(entities, name, props.lang, t)}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="metric" label={t('figureForm.metric')} rules={[fieldRule(shape.shape.metric, (v) => v, invalid('metric'))]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={metrics.map((m) => ({ value: m.id, label: catalog.metricName(m.id, props.lang) }))}
              onChange={(id: string) => {
                // Keep the unit one the new metric takes (money: 亿元/万元/元; percent: %; …).
                const allowed = unitsOf(catalog.metric(id));
                if (!allowed.includes(form.getFieldValue('unit') as Unit)) form.setFieldValue('unit', allowed[0]);
              }}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="period" label={t('figureForm.period')} extra={t('figureForm.periodHelp')} rules={[fieldRule(shape.shape.period, (v) => String(v ?? '').trim(), invalid('period'))]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="value"
            label={t('figureForm.value')}
            dependencies={['metric']}
            rules={[
              fieldRule(shape.shape.value, (v) => toNumber(String(v ?? '')), invalid('value')),
              {
                // Only a metric the catalog marks as possibly negative (a growth rate) may be below zero, as main checks again.
                validator: (_: unknown, v: unknown) =>
                  toNumber(String(v ?? '')) < 0 && catalog.metric(String(form.getFieldValue('metric')))?.mayBeNegative === false
                    ? Promise.reject(new Error(invalid('negative')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="unit" label={t('figureForm.unit')}>
            <Select options={unitsOf(catalog.metric(String(metricId ?? ''))).map((u) => ({ value: u, label: unitWord(u, catalog.metric(String(metricId ?? '')), props.lang, t) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="qualifier" label={t('figureForm.qualifier')}>
            <Select options={QUALIFIERS.map((q) => ({ value: q, label: t(`qualifierName.${q}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <ShownAs
        value={toNumber(String(valueText ?? ''))}
        unit={unitNow}
        qualifier={qualifierNow}
        before={f ?? null}
        unitLabel={catalog.metric(String(metricId ?? ''))?.unitLabel ?? null}
        lang={props.lang}
      />
      <Form.Item name="cityCode" label={t('catalog.city')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: t('catalog.allCities') }, ...cities.map((c) => ({ value: c.code, label: catalog.cityName(c.code, props.lang) ?? c.code }))]}
        />
      </Form.Item>
      <SameKey figureId={f?.id ?? null} scope={scope} entityId={entityNow ?? null} metric={metricId} period={periodNow} cityCode={cityNow} qualifier={qualifierNow} lang={props.lang} onOpen={props.onOpenFigure} />
      <Form.Item name="note" label={t('figureForm.note')} rules={[{ max: 5000, message: invalid('note') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="sourceId" label={t('figureForm.source')}>
        <Select
          onChange={(next: number) => sourceChanged(next, sourceId ?? initial.sourceId)}
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            { value: NO_SOURCE, label: t('figureForm.noSource') },
            ...sources.map((s) => ({ value: s.id, label: `${s.title} · ${s.publisher}${s.publishedOn ? ` · ${s.publishedOn}` : ''}` })),
            { value: NEW_SOURCE, label: t('figureForm.newSource') },
          ]}
        />
      </Form.Item>
      {sourceId === NEW_SOURCE ? (
        <fieldset
          aria-label={t('sourceForm.heading')}
          // Enter in one of the new source's fields ends that field, not the whole form: typing a date and
          // pressing Enter saved the figure at once, its 引用原文 still empty. Enter in the figure's own
          // fields still saves; a textarea keeps its new line.
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
          }}
          style={{ border: '1px solid rgba(128,128,128,0.35)', borderRadius: 8, padding: '8px 12px', marginBottom: 16 }}>
          <legend style={{ width: 'auto', padding: '0 4px', marginBottom: 0, fontSize: 14, border: 0 }}>{t('sourceForm.heading')}</legend>
          <Form.Item name={['newSource', 'title']} label={t('sourceForm.title')} rules={[fieldRule(src.title, (v) => String(v ?? ''), sourceInvalid('title'))]}>
            <Input />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name={['newSource', 'publisher']} label={t('sourceForm.publisher')} rules={[fieldRule(src.publisher, (v) => String(v ?? ''), sourceInvalid('publisher'))]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['newSource', 'author']} label={t('sourceForm.author')} rules={[fieldRule(src.author, (v) => orNull(v as string), sourceInvalid('author'))]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name={['newSource', 'publishedOn']} label={t('sourceForm.publishedOn')} rules={[fieldRule(src.publishedOn, (v) => orNull(v as string), sourceInvalid('publishedOn'))]}>
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['newSource', 'url']} label={t('sourceForm.url')} rules={[fieldRule(src.url, (v) => orNull(v as string), sourceInvalid('url'))]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={['newSource', 'excerpt']} label={t('sourceForm.excerpt')} rules={[fieldRule(src.excerpt, (v) => orNull(v as string), sourceInvalid('excerpt'))]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </fieldset>
      ) : null}
      <Form.Item
        name="sourceQuote"
        label={t('figureForm.sourceQuote')}
        rules={[{ max: 5000, message: invalid('sourceQuote') }]}
        extra={quoteSetAside ? <span role="status">{t('figureForm.quoteSetAside')}</span> : quoteUnchanged ? <span role="status">{t('figureForm.quoteUnchanged')}</span> : undefined}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      {f?.changedAt ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('figure.changed')}{colonOf(props.lang)}{authorName(f.changedBy, props.lang)} · {localDateTime(f.changedAt)}
        </Typography.Paragraph>
      ) : null}
      <Divider style={{ margin: '12px 0' }} />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={errorText(conflict, props.lang)}
          action={
            <Space direction="vertical">
              <Button
                size="small"
                onClick={() => {
                  // The figure as it is now: the form is filled again from it (the drawer reloads on the data version).
                  props.onDirty?.(false);
                  setConflict(null);
                  changed();
                }}>
                {t('figureForm.loadLatest')}
              </Button>
              {conflict.details?.deleted ? null : (
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    const at = String(conflict.details?.changedAt ?? '');
                    setSeen(at);
                    void save(form.getFieldsValue(true) as Values, at);
                  }}>
                  {t('figureForm.saveMineOver')}
                </Button>
              )}
            </Space>
          }
        />
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('figureForm.save')}
        </Button>
        {f ? (
          <Confirm title={t('figureForm.deleteConfirm')} onConfirm={() => void remove()} okText={t('figureForm.delete')} cancelText={t('figureForm.cancel')}>
            <Button danger>{t('figureForm.delete')}</Button>
          </Confirm>
        ) : null}
      </Space>
    </Form>
  );
}

/**
 * What the figure will read as ("将显示为：超过1万亿元"), and, when its size changes tenfold or more from
 * the saved one (a unit changed without converting the number, 0.4 typed for 40%), a warning naming the
 * value before: both were saved without a word.
 */
function ShownAs({ value, unit, qualifier, before, unitLabel, lang }: { value: number; unit: Unit | undefined; qualifier: Qualifier | undefined; before: Figure | null; unitLabel: Bilingual | null; lang: Lang }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!Number.isFinite(value) || !unit || !qualifier) return null;
  const jump = before ? sizeJump(sizeRatio(before, { value, unit })) : null;
  return (
    <div role="status" style={{ marginTop: -8, marginBottom: 16 }}>
      <Typography.Text type="secondary">{t('figureForm.shownAs', { value: formatValue(value, unit, qualifier, lang, unitLabel) })}</Typography.Text>
      {jump && before ? (
        <Typography.Paragraph type="warning" style={{ margin: '4px 0 0' }}>
          {t(jump.larger ? 'figureForm.sizeLarger' : 'figureForm.sizeSmaller', { times: jump.times.toLocaleString(lang), before: formatFigure(before, lang, unitLabel) })}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

/** What makes two figures the same data point, as the data checks' duplicate rule reads it. */
interface Key {
  figureId: number | null;
  scope: Scope | undefined;
  entityId: string | null;
  metric: string | undefined;
  period: string | undefined;
  cityCode: string | undefined;
  qualifier: Qualifier | undefined;
}

/**
 * Another live figure with the same industry (or group), metric, period and city — both actual or both
 * targets — named with its value while the form is filled in: saving then makes a second figure for the
 * same point, which 数据核查 lists as a duplicate (the analyst most likely meant to correct the first).
 */
function SameKey(key: Key & { lang: Lang; onOpen: ((target: { id: number; name: string }) => void) | undefined }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { catalog, dataVersion } = useSession();
  const [found, setFound] = useState<FigureListRow[]>([]);
  const { figureId, scope, entityId, metric, period, cityCode, qualifier, lang, onOpen } = key;
  useEffect(() => {
    const p = String(period ?? '').trim();
    if (!scope || !metric || !Period.safeParse(p).success || (scope === 'entity' && !entityId)) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void getApi()
        .listFigures({ level: scope === 'entity' ? 'entity' : 'province', ...(scope === 'entity' && entityId ? { entityId } : {}), metric, period: p, ...(cityCode ? { cityCode } : {}), limit: 50, withTotal: false })
        .then(
          (page) => {
            if (!live) return;
            const target = qualifier === 'target';
            setFound(page.rows.filter((r) => r.id !== figureId && r.scope === scope && (r.cityCode ?? '') === (cityCode ?? '') && (r.qualifier === 'target') === target));
          },
          () => live && setFound([]),
        );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [figureId, scope, entityId, metric, period, cityCode, qualifier, dataVersion]);
  const first = found[0];
  if (!first) return null;
  const value = formatFigure(first, lang, catalog.metric(first.metric)?.unitLabel ?? null);
  // Named as the tables name the figure they open ("智能机器人 · 产值 · 2023").
  const name = `${rowName(first, lang, t)} · ${catalog.metricName(first.metric, lang)} · ${first.period}`;
  return (
    <div role="status" style={{ marginTop: -8, marginBottom: 16 }}>
      <Typography.Text type="warning">
        {t(found.length > 1 ? 'figureForm.sameKeyMany' : 'figureForm.sameKey', { count: found.length, value, period: first.period, source: first.sourceTitle ?? t('figureForm.noSource') })}
      </Typography.Text>
      {onOpen ? (
        <Button type="link" size="small" onClick={() => onOpen({ id: first.id, name })}>
          {t('figureForm.openExisting')}
        </Button>
      ) : null}
    </div>
  );
}
