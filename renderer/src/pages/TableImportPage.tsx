/**
 * The statistical-table import wizard (issue 12): file → sheet and header row → what each column
 * holds → source → preview → apply as one undoable change → done (with undo). The page never names a
 * path: the Host's open dialog picks the file and the page holds only its id.
 */
import { Alert, Button, Descriptions, Form, Input, Radio, Select, Space, Spin, Steps, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../../shared/client';
import type { EntitySummary, Source } from '../../../shared/domain';
import { describeError, type ErrorPayload } from '../../../shared/errors';
import type { Lang } from '../../../shared/i18n';
import { type NameChoice, type SavedMapping, type TableGrid, type TableImportResult, type TableMapping, type TablePreview, type TableSource } from '../../../shared/table-import';
import { getApi } from '../api';
import { guessHeaderRow, guessMapping } from '../components/table-import/guess';
import { MappingStep } from '../components/table-import/MappingStep';
import { PreviewStep } from '../components/table-import/PreviewStep';
import { useSession } from '../session';
import { typedDate } from '../time';

const STEPS = ['file', 'sheet', 'mapping', 'source', 'preview', 'done'] as const;
const asPayload = (error: unknown): ErrorPayload => (error instanceof CallError ? error.payload : { code: 'INTERNAL', message: String(error), details: { reason: String(error) } });

const NEW_SOURCE = { title: '', publisher: '', publishedOn: '', url: '' };

const SOURCE_FIELDS = [
  ['title', 'tableImport.sourceTitle'],
  ['publisher', 'tableImport.sourcePublisher'],
  ['publishedOn', 'tableImport.sourceDate'],
  ['url', 'tableImport.sourceUrl'],
] as const;

/** Column letter of a 1-based column number, as the spreadsheet shows it: 1 → A, 27 → AA. */
function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** What an unfinished import was when the person left the screen (to check a figure elsewhere): it is where they left it when they come back. */
interface KeptWizard {
  step: number;
  grid: TableGrid | null;
  mapping: TableMapping | null;
  sourceKind: 'existing' | 'new';
  existingId: number | null;
  newSource: typeof NEW_SOURCE;
  preview: TablePreview | null;
}
let kept: KeptWizard | null = null;

export function TableImportPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { changed } = useSession();
  const [step, setStep] = useState(kept?.step ?? 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [grid, setGrid] = useState<TableGrid | null>(kept?.grid ?? null);
  const [mapping, setMapping] = useState<TableMapping | null>(kept?.mapping ?? null);
  const [entities, setEntities] = useState<EntitySummary[]>([]);
  const [sources, setSources] = useState<Source[]>([]);
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [sourceKind, setSourceKind] = useState<'existing' | 'new'>(kept?.sourceKind ?? 'new');
  const [existingId, setExistingId] = useState<number | null>(kept?.existingId ?? null);
  const [newSource, setNewSource] = useState(kept?.newSource ?? NEW_SOURCE);
  const [preview, setPreview] = useState<TablePreview | null>(kept?.preview ?? null);
  const [result, setResult] = useState<TableImportResult | null>(null);
  const [undone, setUndone] = useState(false);
  // Kept for the next visit while unfinished; a finished import (applied) or none begun keeps nothing.
  useEffect(() => {
    kept = result === null && grid !== null ? { step, grid, mapping, sourceKind, existingId, newSource, preview } : null;
  }, [step, grid, mapping, sourceKind, existingId, newSource, preview, result]);

  useEffect(() => {
    void Promise.all([getApi().listEntities({}), getApi().listSources({}), getApi().listTableMappings({})]).then(([e, s, m]) => {
      setEntities(e);
      setSources(s);
      setSaved(m);
    });
  }, []);

  /** Runs a call with the spinner and the error shown; null when it failed. */
  const run = async <T,>(work: () => Promise<T>): Promise<T | null> => {
    setError(null);
    setBusy(true);
    try {
      return await work();
    } catch (e) {
      setError(asPayload(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const open = async (sheet?: string): Promise<void> => {
    const read = await run(() => getApi().readTable(sheet && grid ? { fileId: grid.fileId, sheet } : {}));
    if (!read) return;
    setGrid(read);
    const headerRow = guessHeaderRow(read);
    setMapping(guessMapping(read, headerRow));
    setStep(1);
  };

  const source = (): TableSource =>
    sourceKind === 'existing' && existingId !== null
      ? { kind: 'existing', id: existingId }
      : { kind: 'new', source: { title: newSource.title, publisher: newSource.publisher, author: null, publishedOn: typedDate(newSource.publishedOn), url: newSource.url || null, excerpt: null } };

  const makePreview = async (m: TableMapping): Promise<void> => {
    if (!grid) return;
    const made = await run(() => getApi().previewTableImport({ fileId: grid.fileId, mapping: m, source: source() }));
    if (made) {
      setPreview(made);
      setStep(4);
    }
  };

  const confirmNames = (names: Record<string, NameChoice>): void => {
    if (!mapping) return;
    const next = { ...mapping, entityNames: { ...mapping.entityNames, ...names } };
    setMapping(next);
    void makePreview(next);
  };

  const apply = async (): Promise<void> => {
    if (!preview) return;
    const applied = await run(() => getApi().applyTableImport({ previewId: preview.id }));
    if (applied) {
      setResult(applied);
      setUndone(false);
      setStep(5);
      changed();
    }
  };

  const undo = async (): Promise<void> => {
    if (!result?.batchId) return;
    const done = await run(() => getApi().undo({ batchId: result.batchId! }));
    if (done) {
      setUndone(true);
      changed();
    }
  };

  const restart = (): void => {
    setStep(0);
    setGrid(null);
    setPreview(null);
    setResult(null);
  };

  const dateOk = newSource.publishedOn.trim() === '' || typedDate(newSource.publishedOn) !== null;
  const sourceReady = sourceKind === 'existing' ? existingId !== null : newSource.title.trim() !== '' && newSource.publisher.trim() !== '' && dateOk;
  const back = (
    <Button onClick={() => setStep(step - 1)} disabled={busy}>
      {t('tableImport.back')}
    </Button>
  );

  return (
    <section aria-labelledby="table-import-heading">
      <Typography.Title level={1} id="table-import-heading" style={{ fontSize: 26 }}>
        {t('tableImport.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('tableImport.intro')}</Typography.Paragraph>
      <nav aria-label={t('tableImport.stepsLabel')}>
        <Steps size="small" current={step} items={STEPS.map((s) => ({ title: t(`tableImport.steps.${s}`) }))} style={{ marginBottom: 24 }} />
      </nav>
      {error ? <Alert type="error" showIcon title={t('app.errorTitle')} description={describeError(error, lang)} style={{ marginBottom: 16 }} /> : null}
      {busy ? <Spin aria-label={step === 3 ? t('tableImport.previewing') : t('tableImport.reading')} /> : null}

      {step === 0 ? (
        <Button type="primary" onClick={() => void open()} loading={busy}>
          {t('tableImport.choose')}
        </Button>
      ) : null}

      {step === 1 && grid && mapping ? (
        <>
          <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('tableImport.steps.file')}>{grid.fileName}</Descriptions.Item>
            {grid.encoding ? <Descriptions.Item label={t('tableImport.encoding')}>{t(`tableImport.encodings.${grid.encoding}`)}</Descriptions.Item> : null}
          </Descriptions>
          {grid.sheets.length > 1 ? (
            <Form.Item label={t('tableImport.sheet')}>
              <Select aria-label={t('tableImport.sheet')} value={grid.sheet} onChange={(s: string) => void open(s)} options={grid.sheets.map((s) => ({ label: s, value: s }))} style={{ minWidth: 200 }} />
            </Form.Item>
          ) : null}
          <Typography.Paragraph>
            {t(grid.rows.length < grid.rowCount ? 'tableImport.size' : 'tableImport.sizeAll', {
              rows: t('tableImport.rowCount', { count: grid.rowCount }),
              columns: t('tableImport.columnCount', { count: grid.columnCount }),
              shown: grid.rows.length,
            })}
          </Typography.Paragraph>
          <Radio.Group value={mapping.headerRow} onChange={(e) => setMapping(guessMapping(grid, e.target.value as number))} style={{ width: '100%' }}>
            <Table<TableGrid['rows'][number]>
              aria-label={t('tableImport.grid')}
              size="small"
              rowKey="number"
              pagination={false}
              scroll={{ x: true }}
              dataSource={grid.rows}
              columns={[
                { title: t('tableImport.headerRow'), key: 'header', render: (_, r) => <Radio value={r.number} aria-label={t('tableImport.headerRowOf', { row: r.number })} /> },
                { title: t('tableImport.row'), key: 'row', dataIndex: 'number' },
                ...Array.from({ length: grid.columnCount }, (_, i) => ({ title: columnLetter(i + 1), key: `c${i}`, render: (_: unknown, r: TableGrid['rows'][number]) => r.cells[i] ?? '' })),
              ]}
            />
          </Radio.Group>
          <Space style={{ marginTop: 16 }}>
            <Button onClick={restart}>{t('tableImport.back')}</Button>
            <Button type="primary" onClick={() => setStep(2)}>
              {t('tableImport.next')}
            </Button>
          </Space>
        </>
      ) : null}

      {step === 2 && grid && mapping ? (
        <>
          <MappingStep
            grid={grid}
            mapping={mapping}
            setMapping={setMapping}
            entities={entities}
            saved={saved}
            lang={lang}
            onSave={(name) => void run(() => getApi().saveTableMapping({ name, mapping })).then((all) => all && setSaved(all))}
            onDelete={(name) => void run(() => getApi().deleteTableMapping({ name })).then((all) => all && setSaved(all))}
          />
          <Space style={{ marginTop: 16 }}>
            {back}
            <Button type="primary" onClick={() => setStep(3)}>
              {t('tableImport.next')}
            </Button>
          </Space>
        </>
      ) : null}

      {step === 3 && mapping ? (
        <>
          <Radio.Group aria-label={t('tableImport.sourceChoice')} value={sourceKind} onChange={(e) => setSourceKind(e.target.value as 'existing' | 'new')} style={{ marginBottom: 16 }}>
            <Radio value="existing">{t('tableImport.sourceExisting')}</Radio>
            <Radio value="new">{t('tableImport.sourceNew')}</Radio>
          </Radio.Group>
          {sourceKind === 'existing' ? (
            <Select
              aria-label={t('tableImport.sourceExisting')}
              style={{ minWidth: 400, display: 'block' }}
              showSearch={{ optionFilterProp: 'label' }}
              value={existingId ?? undefined}
              onChange={(id: number) => setExistingId(id)}
              options={sources.map((s) => ({ label: `${s.title} · ${s.publisher}${s.publishedOn ? ` · ${s.publishedOn}` : ''}`, value: s.id }))}
            />
          ) : (
            <Form layout="horizontal" labelCol={{ span: 6 }} wrapperCol={{ span: 12 }}>
              {SOURCE_FIELDS.map(([field, label]) => (
                <Form.Item
                  key={field}
                  label={t(label)}
                  required={field === 'title' || field === 'publisher'}
                  {...(field === 'publishedOn' && !dateOk ? { validateStatus: 'error' as const, help: t('tableImport.sourceDateInvalid') } : {})}
                >
                  <Input aria-label={t(label)} value={newSource[field]} onChange={(e) => setNewSource({ ...newSource, [field]: e.target.value })} />
                </Form.Item>
              ))}
            </Form>
          )}
          <Space style={{ marginTop: 16 }}>
            {back}
            <Button type="primary" disabled={!sourceReady} loading={busy} onClick={() => void makePreview(mapping)}>
              {t('tableImport.next')}
            </Button>
          </Space>
        </>
      ) : null}

      {step === 4 && preview ? (
        <>
          <PreviewStep preview={preview} entities={entities} lang={lang} onConfirm={confirmNames} />
          <Space style={{ marginTop: 16 }}>
            {back}
            <Button type="primary" disabled={preview.errorCount > 0 || preview.counts.added + preview.counts.changed === 0} loading={busy} onClick={() => void apply()}>
              {t('tableImport.apply')}
            </Button>
          </Space>
        </>
      ) : null}

      {step === 5 && result ? (
        <>
          <Alert
            type="success"
            showIcon
            role="status"
            title={undone ? t('tableImport.undone') : result.batchId === null ? t('tableImport.nothingApplied') : t('tableImport.applied', result)}
            description={result.backupPath && !undone ? t('tableImport.backup', { path: result.backupPath }) : undefined}
            style={{ marginBottom: 16 }}
          />
          <Space>
            {result.batchId && !undone ? (
              <Button onClick={() => void undo()} loading={busy}>
                {t('tableImport.undo')}
              </Button>
            ) : null}
            <Button type="primary" onClick={restart}>
              {t('tableImport.another')}
            </Button>
          </Space>
        </>
      ) : null}
    </section>
  );
}
