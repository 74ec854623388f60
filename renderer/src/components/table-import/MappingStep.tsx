/**
 * Step 3 of the table import: what each column of the header row holds, whether years run across the
 * top (a wide table), the values the whole table shares, and the saved mappings (use, save, delete).
 */
import { Button, Checkbox, Form, Input, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUALIFIERS, UNITS, type EntitySummary, type Unit } from '../../../../shared/domain';
import { UNITS_OF_KIND, type MetricKind } from '../../../../shared/metrics';
import type { Lang } from '../../../../shared/i18n';
import { ColumnRole, periodOfHeader, type EntityChoice, type NameChoice, type SavedMapping, type TableGrid, type TableMapping } from '../../../../shared/table-import';

/** A year (2023), a quarter (2023-Q2) or a month (2023-06). */
const PERIOD = /^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$/;

export const SCOPE_CHOICES = ['province', 'strategic_clusters', 'pillar_clusters', 'emerging_clusters', 'future_industries'] as const;

/** An entity choice as a select value: "entity:smart-robots" or "scope:province". */
export const choiceValue = (c: EntityChoice): string => ('entityId' in c ? `entity:${c.entityId}` : `scope:${c.scope}`);
export const choiceOf = (value: string): EntityChoice => {
  const [kind, id] = value.split(':') as [string, string];
  return kind === 'entity' ? { entityId: id } : { scope: id as (typeof SCOPE_CHOICES)[number] };
};
/** A name's choice in the preview: an entity or group, or 'skip' (its rows left out). */
export const nameChoiceOf = (value: string): NameChoice => (value === 'skip' ? { skip: true } : choiceOf(value));

/**
 * The industries and scopes a table's name may be taken as. A name two industries share (先进材料: a
 * pillar cluster and a future industry) says which is which ("先进材料（未来产业）"): two identical
 * choices wrote figures to whichever the person guessed.
 */
export function entityOptions(entities: EntitySummary[], lang: Lang, t: (key: string) => string): { label: string; value: string }[] {
  const name = (e: EntitySummary): string => (lang === 'en' ? e.name.en : e.name.zh);
  const shared = new Set(entities.map(name).filter((n, i, all) => all.indexOf(n) !== i));
  return [
    ...entities.map((e) => ({ label: shared.has(name(e)) ? `${name(e)}${lang === 'en' ? ` (${t(`category.${e.category}`)})` : `（${t(`category.${e.category}`)}）`}` : name(e), value: `entity:${e.id}` })),
    ...SCOPE_CHOICES.map((s) => ({ label: t(`tableImport.scopes.${s}`), value: `scope:${s}` })),
  ];
}

/** The units a metric of this kind takes; all of them while no metric is chosen for the whole table. */
const unitsFor = (kind: MetricKind | undefined): readonly Unit[] => (kind ? UNITS_OF_KIND[kind] : UNITS);

/** One value for the whole table, or none (a column holds it, or it is implied). */
function FixedSelect<V extends string>(props: { label: string; value: V | null; onChange: (v: V | null) => void; options: { label: string; value: V }[] }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Form.Item label={props.label}>
      <Select<V> aria-label={props.label} allowClear placeholder={t('tableImport.none')} value={props.value ?? undefined} onChange={(v?: V) => props.onChange(v ?? null)} options={props.options} />
    </Form.Item>
  );
}

export function MappingStep(props: {
  grid: TableGrid;
  mapping: TableMapping;
  setMapping: (m: TableMapping) => void;
  entities: EntitySummary[];
  saved: SavedMapping[];
  onSave: (name: string) => void;
  onDelete: (name: string) => void;
  lang: Lang;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { grid, mapping, setMapping, lang } = props;
  const [name, setName] = useState('');
  // The period as typed: kept while it is being typed ("20", "2023-Q"), taken for the table once it is one.
  const [periodText, setPeriodText] = useState(mapping.fixed.period ?? '');
  const periodOk = periodText.trim() === '' || PERIOD.test(periodText.trim());
  const headerCells = grid.rows.find((r) => r.number === mapping.headerRow)?.cells ?? [];
  const headers = headerCells.map((h) => h.trim()).filter((h, i, all) => h !== '' && all.indexOf(h) === i);
  const roleOf = (header: string): ColumnRole => mapping.columns.find((c) => c.header === header)?.role ?? 'ignore';
  const setRole = (header: string, role: ColumnRole): void =>
    setMapping({ ...mapping, columns: [...mapping.columns.filter((c) => c.header !== header), ...(role === 'ignore' ? [] : [{ header, role }])] });
  const periods = headers.filter((h) => roleOf(h) === 'ignore' && periodOfHeader(h) !== null);
  const fixed = (patch: Partial<TableMapping['fixed']>): void => setMapping({ ...mapping, fixed: { ...mapping.fixed, ...patch } });
  const nameOf = (n: { zh: string; en: string }): string => (lang === 'en' ? n.en : n.zh);
  return (
    <>
      <Form layout="horizontal" labelCol={{ span: 8 }} wrapperCol={{ span: 12 }}>
        {headers.map((h) => (
          <Form.Item key={h} label={h}>
            <Select
              aria-label={t('tableImport.roleOf', { header: h })}
              value={roleOf(h)}
              onChange={(role) => setRole(h, role)}
              // In a wide table a year column left as it is holds that year's values: said so, not "不导入" (issue 13 review).
              options={ColumnRole.options.map((r) => ({ label: r === 'ignore' && mapping.wide && periodOfHeader(h) !== null ? t('tableImport.widePeriodRole', { period: periodOfHeader(h) }) : t(`tableImport.roles.${r}`), value: r }))}
            />
          </Form.Item>
        ))}
      </Form>
      <Checkbox checked={mapping.wide} onChange={(e) => setMapping({ ...mapping, wide: e.target.checked })}>
        {t('tableImport.wide')}
      </Checkbox>
      {mapping.wide ? <Typography.Paragraph role="status">{periods.length > 0 ? t('tableImport.wideFound', { list: periods.map((p) => `${p} → ${periodOfHeader(p)}`).join(lang === 'en' ? '; ' : '；') }) : t('tableImport.wideNone')}</Typography.Paragraph> : null}

      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {t('tableImport.fixedHeading')}
      </Typography.Title>
      <Form layout="horizontal" labelCol={{ span: 8 }} wrapperCol={{ span: 12 }}>
        <Form.Item label={t('tableImport.fixed.entity')}>
          <Select
            aria-label={t('tableImport.fixed.entity')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('tableImport.none')}
            value={mapping.fixed.entity ? choiceValue(mapping.fixed.entity) : undefined}
            onChange={(v?: string) => fixed({ entity: v ? choiceOf(v) : null })}
            options={entityOptions(props.entities, lang, t)}
          />
        </Form.Item>
        <Form.Item label={t('tableImport.fixed.city')}>
          <Select
            aria-label={t('tableImport.fixed.city')}
            value={mapping.fixed.cityCode ?? ''}
            onChange={(v: string) => fixed({ cityCode: v || null })}
            options={[{ label: t('tableImport.provinceWide'), value: '' }, ...grid.cities.map((c) => ({ label: nameOf(c.name), value: c.code }))]}
          />
        </Form.Item>
        <FixedSelect label={t('tableImport.fixed.metric')} value={mapping.fixed.metric} onChange={(metric) => fixed({ metric })} options={grid.metrics.map((m) => ({ label: nameOf(m.name), value: m.id }))} />
        <FixedSelect label={t('tableImport.fixed.unit')} value={mapping.fixed.unit} onChange={(unit) => fixed({ unit })} options={unitsFor(grid.metrics.find((m) => m.id === mapping.fixed.metric)?.kind).map((u) => ({ label: t(`unit.${u}`), value: u }))} />
        <FixedSelect label={t('tableImport.fixed.qualifier')} value={mapping.fixed.qualifier} onChange={(qualifier) => fixed({ qualifier })} options={QUALIFIERS.map((q) => ({ label: t(`qualifierName.${q}`), value: q }))} />
        <Form.Item label={t('tableImport.fixed.period')} validateStatus={periodOk ? undefined : 'error'} help={periodOk ? undefined : t('tableImport.periodInvalid')}>
          <Input
            aria-label={t('tableImport.fixed.period')}
            value={periodText}
            placeholder="2023"
            onChange={(e) => {
              setPeriodText(e.target.value);
              const typed = e.target.value.trim();
              fixed({ period: PERIOD.test(typed) ? typed : null });
            }}
          />
        </Form.Item>
      </Form>

      <section aria-labelledby="table-saved-heading">
        <Typography.Title level={3} id="table-saved-heading" style={{ fontSize: 18 }}>
          {t('tableImport.savedHeading')}
        </Typography.Title>
        <List
          size="small"
          locale={{ emptyText: t('tableImport.savedNone') }}
          dataSource={props.saved}
          renderItem={(m) => (
            <List.Item
              actions={[
                <Button key="use" size="small" onClick={() => {
                    // The header row stays the one chosen for this file (a saved mapping's may be another table's).
                    setMapping({ ...m.mapping, sheet: grid.sheet, headerRow: mapping.headerRow });
                    setPeriodText(m.mapping.fixed.period ?? '');
                  }}>
                  {t('tableImport.useMapping', { name: m.name })}
                </Button>,
                <Button key="delete" size="small" danger onClick={() => props.onDelete(m.name)}>
                  {t('tableImport.deleteMapping', { name: m.name })}
                </Button>,
              ]}
            >
              {m.name}
            </List.Item>
          )}
        />
        <Space.Compact style={{ marginTop: 8 }}>
          <Input aria-label={t('tableImport.mappingName')} placeholder={t('tableImport.mappingName')} value={name} onChange={(e) => setName(e.target.value)} />
          <Button disabled={name.trim() === ''} onClick={() => props.onSave(name.trim())}>
            {t('tableImport.saveMapping')}
          </Button>
        </Space.Compact>
      </section>
    </>
  );
}
