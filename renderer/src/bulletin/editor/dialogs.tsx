/**
 * The editor's dialogs: 插入数据 (one figure), 插入图表 (tiers, a trend or a comparison, with a
 * caption), 插入表格 (several figures and a caption) and 插入引文 (a source and its passage). Each hands
 * back a valid node (checked with the stored schema) or nothing; editing a card opens the same dialog
 * with the block's values.
 */
import { Button, Form, Input, Modal, Radio, Select, Space, Typography, type InputRef } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BulletinBlock, type ChartChoice, type FigureSnapshotRef } from '../../../../shared/bulletin';
import type { EntitySummary, Source } from '../../../../shared/domain';
import type { FigureListRow } from '../../../../shared/workbench';
import { entityChoices } from '../../components/entityChoices';
import { useFocusOnOpen } from '../../components/focusOnOpen';
import { useSession } from '../../session';
import { FigurePicker } from './FigurePicker';
import { figureOptionText, snapshotOfRow } from './figureSearch';

export type DialogKind = 'figure' | 'chart' | 'table' | 'quote';
type ChartBlock = Extract<BulletinBlock, { type: 'chart' }>;
type TableBlock = Extract<BulletinBlock, { type: 'table' }>;
type QuoteBlock = Extract<BulletinBlock, { type: 'quote' }>;
export type AtomBlock = ChartBlock | TableBlock | QuoteBlock;

export function FigureDialog({ sources, onInsert, onCancel }: { sources: ReadonlyMap<number, Source>; onInsert: (figureId: number, accepted: FigureSnapshotRef) => void; onCancel: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { catalog } = useSession();
  const focus = useFocusOnOpen<InputRef>();
  return (
    <Modal open title={t('bulletinEditor.insertFigure')} onCancel={onCancel} afterOpenChange={focus.afterOpenChange} footer={<Button onClick={onCancel}>{t('bulletinEditor.cancel')}</Button>}>
      <FigurePicker autoFocus inputRef={focus.ref} chosen={new Set()} onChoose={(row) => onInsert(row.id, snapshotOfRow(row, sources, catalog))} />
    </Modal>
  );
}

function BlockModal({ title, block, onSave, onCancel, afterOpenChange, children }: { title: string; block: AtomBlock | null; onSave: (block: AtomBlock) => void; onCancel: () => void; afterOpenChange?: (open: boolean) => void; children: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      onCancel={onCancel}
      afterOpenChange={afterOpenChange}
      okText={t('bulletinEditor.save')}
      cancelText={t('bulletinEditor.cancel')}
      okButtonProps={{ disabled: block === null }}
      onOk={() => block && onSave(block)}
    >
      {children}
    </Modal>
  );
}

/** The candidate block, if the schema accepts it. */
function checked<B extends AtomBlock>(candidate: B): B | null {
  return BulletinBlock.safeParse(candidate).success ? candidate : null;
}

export function ChartDialog({ initial, entities, onSave, onCancel }: { initial: ChartBlock | null; entities: EntitySummary[]; onSave: (block: AtomBlock) => void; onCancel: () => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { metrics } = useSession();
  const ui = i18n.language === 'en' ? 'en' : 'zh-CN';
  const start = initial?.chart;
  const [kind, setKind] = useState<ChartChoice['kind']>(start?.kind ?? 'trend');
  const [metric, setMetric] = useState<string | undefined>(start && start.kind !== 'tiers' ? start.metric : 'output_value');
  const [entityIds, setEntityIds] = useState<string[]>(start && start.kind !== 'tiers' ? start.entityIds : []);
  const [caption, setCaption] = useState(initial?.caption ?? '');
  // "Required" shows once the person has been in the field, not on opening the dialog.
  const [touched, setTouched] = useState(false);
  const max = kind === 'trend' ? 5 : 30;
  const entityProblem = entityIds.length === 0 ? (touched ? t('bulletinEditor.required') : null) : entityIds.length > max ? t('bulletinEditor.tooMany', { max }) : null;
  const chart: ChartChoice | null = kind === 'tiers' ? { kind } : metric ? { kind, metric, entityIds } : null;
  const block = chart ? checked<ChartBlock>({ type: 'chart', chart, caption }) : null;
  return (
    <BlockModal title={t('bulletinEditor.insertChart')} block={block} onSave={onSave} onCancel={onCancel}>
      <Form layout="vertical">
        <Form.Item label={t('bulletinEditor.chartKindLabel')}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as ChartChoice['kind'])} aria-label={t('bulletinEditor.chartKindLabel')}>
            {(['tiers', 'trend', 'compare'] as const).map((k) => (
              <Radio key={k} value={k}>
                {t(`bulletinEditor.chartKind.${k}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {kind === 'tiers' ? null : (
          <>
            <Form.Item label={t('bulletinEditor.metric')} htmlFor="bulletin-chart-metric">
              <Select id="bulletin-chart-metric" value={metric} onChange={setMetric} options={metrics.map((m) => ({ value: m.id, label: m.name[ui === 'en' ? 'en' : 'zh'] }))} />
            </Form.Item>
            <Form.Item
              label={kind === 'trend' ? t('bulletinEditor.entities') : t('bulletinEditor.entitiesCompare')}
              htmlFor="bulletin-chart-entities"
              validateStatus={entityProblem ? 'error' : undefined}
              help={entityProblem ?? undefined}
            >
              <Select
                id="bulletin-chart-entities"
                mode="multiple"
                value={entityIds}
                maxCount={max}
                onChange={setEntityIds}
                onBlur={() => setTouched(true)}
                optionFilterProp="label"
                options={entityChoices(entities, (e) => `${e.name.zh} ${e.name.en}`, ui, t)}
              />
            </Form.Item>
          </>
        )}
        <CaptionField value={caption} onChange={setCaption} />
      </Form>
    </BlockModal>
  );
}

function CaptionField({ value, onChange }: { value: string; onChange: (v: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('bulletinEditor.caption')} htmlFor="bulletin-block-caption" extra={t('bulletinEditor.captionHint')}>
      <Input id="bulletin-block-caption" value={value} maxLength={200} showCount onChange={(e) => onChange(e.target.value)} />
    </Form.Item>
  );
}

export function TableDialog({ initial, sources, onSave, onCancel }: { initial: TableBlock | null; sources: ReadonlyMap<number, Source>; onSave: (block: AtomBlock) => void; onCancel: () => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { catalog } = useSession();
  const focus = useFocusOnOpen<InputRef>();
  const ui = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [rows, setRows] = useState<{ figureId: number; accepted: FigureSnapshotRef; text: string }[]>(
    () => initial?.figureIds.flatMap((figureId, i) => {
      const accepted = initial.accepted[i];
      return accepted ? [{ figureId, accepted, text: accepted.label ? `${accepted.label[ui === 'en' ? 'en' : 'zh']} · ${accepted.period}` : `#${figureId}` }] : [];
    }) ?? [],
  );
  const [caption, setCaption] = useState(initial?.caption ?? '');
  const chosen = new Set(rows.map((r) => r.figureId));
  const toggle = (row: FigureListRow): void =>
    setRows((list) => (list.some((r) => r.figureId === row.id) ? list.filter((r) => r.figureId !== row.id) : [...list, { figureId: row.id, accepted: snapshotOfRow(row, sources, catalog), text: figureOptionText(row, ui, catalog) }]));
  const block = rows.length > 0 ? checked<TableBlock>({ type: 'table', caption, figureIds: rows.map((r) => r.figureId), accepted: rows.map((r) => r.accepted) }) : null;
  return (
    <BlockModal title={t('bulletinEditor.insertTable')} block={block} onSave={onSave} onCancel={onCancel} afterOpenChange={focus.afterOpenChange}>
      <Form layout="vertical">
        <FigurePicker chosen={chosen} onChoose={toggle} autoFocus inputRef={focus.ref} />
        <Typography.Title level={5} style={{ marginTop: 12 }}>
          {t('bulletinEditor.chosen')}
        </Typography.Title>
        {rows.length === 0 ? <Typography.Paragraph type="secondary">{t('bulletinEditor.noneChosen')}</Typography.Paragraph> : null}
        <ol aria-label={t('bulletinEditor.chosen')} style={{ paddingLeft: 20 }}>
          {rows.map((r) => (
            <li key={r.figureId}>
              <Space>
                <span>{r.text}</span>
                <Button size="small" type="link" onClick={() => setRows((list) => list.filter((x) => x.figureId !== r.figureId))} aria-label={`${t('bulletinEditor.remove')} ${r.text}`}>
                  {t('bulletinEditor.remove')}
                </Button>
              </Space>
            </li>
          ))}
        </ol>
        <CaptionField value={caption} onChange={setCaption} />
      </Form>
    </BlockModal>
  );
}

export function QuoteDialog({ initial, sources, onSave, onCancel }: { initial: QuoteBlock | null; sources: Source[]; onSave: (block: AtomBlock) => void; onCancel: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [sourceId, setSourceId] = useState<number | undefined>(initial?.sourceId);
  const [text, setText] = useState(initial?.text ?? '');
  const block = sourceId !== undefined && text.trim() !== '' ? checked<QuoteBlock>({ type: 'quote', sourceId, text }) : null;
  return (
    <BlockModal title={t('bulletinEditor.insertQuote')} block={block} onSave={onSave} onCancel={onCancel}>
      <Form layout="vertical">
        <Form.Item label={t('bulletinEditor.sourceLabel')} htmlFor="bulletin-quote-source">
          <Select
            id="bulletin-quote-source"
            showSearch
            optionFilterProp="label"
            value={sourceId}
            onChange={setSourceId}
            options={sources.map((s) => ({ value: s.id, label: `${s.title} · ${s.publisher}${s.publishedOn ? ` · ${s.publishedOn}` : ''}` }))}
          />
        </Form.Item>
        <Form.Item label={t('bulletinEditor.passage')} htmlFor="bulletin-quote-text" extra={t('bulletinEditor.passageHint')}>
          <Input.TextArea id="bulletin-quote-text" value={text} maxLength={5000} showCount autoSize={{ minRows: 4, maxRows: 12 }} onChange={(e) => setText(e.target.value)} />
        </Form.Item>
      </Form>
    </BlockModal>
  );
}
