import { Alert, Button, Checkbox, Descriptions, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { authorName, colonOf, formatValue } from '../../../shared/format';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../../shared/client';
import { describeError, type ErrorPayload } from '../../../shared/errors';
import type { Lang } from '../../../shared/i18n';
import { qualifierOf, unitOf, type FieldValue, type ImportChange, type ImportField, type ImportPreview, type ImportResult } from '../../../shared/workbook';
import type { Bilingual, Qualifier, Unit } from '../../../shared/domain';
import { getApi } from '../api';
import { RefusedCells } from '../components/RefusedCells';
import { useSession } from '../session';
import { localDateTime } from '../time';
import type { PercentConversion } from '../../../shared/workbook';

type Step = { name: 'idle' } | { name: 'reading' } | { name: 'preview'; preview: ImportPreview; applying: boolean } | { name: 'applied'; result: ImportResult; undone: boolean };

const asPayload = (error: unknown): ErrorPayload =>
  error instanceof CallError ? error.payload : { code: 'INTERNAL', message: String(error), details: { reason: String(error) } };

/** Import screen: choose a workbook → see the difference and any errors → apply → done. */
export function ImportPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [includeRemovals, setIncludeRemovals] = useState(false);
  // Figures changed here after the workbook's copy are kept unless the person chooses otherwise.
  const [overwriteNewer, setOverwriteNewer] = useState(false);
  // Every screen, and the header's 撤销, learn of the import (undo still named the edit before it, and refused).
  const { changed } = useSession();

  const choose = async (): Promise<void> => {
    setError(null);
    setStep({ name: 'reading' });
    try {
      const preview = await getApi().previewWorkbookImport({});
      setStep(preview ? { name: 'preview', preview, applying: false } : { name: 'idle' });
    } catch (e) {
      setError(asPayload(e));
      setStep({ name: 'idle' });
    }
  };

  const apply = async (preview: ImportPreview): Promise<void> => {
    setError(null);
    setStep({ name: 'preview', preview, applying: true });
    try {
      setStep({ name: 'applied', result: await getApi().applyWorkbookImport({ previewId: preview.id, includeRemovals, overwriteNewer }), undone: false });
      changed();
    } catch (e) {
      setError(asPayload(e));
      setStep({ name: 'preview', preview, applying: false });
    }
  };

  /** Takes the whole import back, as the table import's done step does. */
  const undo = async (result: ImportResult): Promise<void> => {
    if (!result.batchId) return;
    setError(null);
    try {
      await getApi().undo({ batchId: result.batchId });
      setStep({ name: 'applied', result, undone: true });
      changed();
    } catch (e) {
      setError(asPayload(e));
    }
  };

  return (
    <section aria-labelledby="import-heading">
      <Typography.Title level={1} id="import-heading" style={{ fontSize: 26 }}>
        {t('importer.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('importer.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button type={step.name === 'preview' ? 'default' : 'primary'} onClick={() => void choose()} loading={step.name === 'reading'}>
          {step.name === 'applied' ? t('importer.another') : t('importer.choose')}
        </Button>
      </Space>
      {step.name === 'reading' ? <Spin aria-label={t('importer.reading')} /> : null}
      {error ? <Alert type="error" showIcon title={t('app.errorTitle')} description={describeError(error, lang)} style={{ marginBottom: 16 }} /> : null}
      {step.name === 'preview' ? (
        <PreviewView
          preview={step.preview}
          lang={lang}
          includeRemovals={includeRemovals}
          setIncludeRemovals={setIncludeRemovals}
          overwriteNewer={overwriteNewer}
          setOverwriteNewer={setOverwriteNewer}
          applying={step.applying}
          apply={() => void apply(step.preview)}
        />
      ) : null}
      {step.name === 'applied' ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={step.undone ? t('importer.undone') : step.result.batchId === null ? t('importer.nothingApplied') : t('importer.applied', step.result)}
          description={step.result.backupPath ? t('importer.backup', { path: step.result.backupPath }) : undefined}
          action={
            step.result.batchId !== null && !step.undone ? (
              <Button onClick={() => void undo(step.result)}>{t('importer.undo')}</Button>
            ) : undefined
          }
        />
      ) : null}
    </section>
  );
}

function PreviewView(props: {
  preview: ImportPreview;
  lang: Lang;
  includeRemovals: boolean;
  setIncludeRemovals: (v: boolean) => void;
  overwriteNewer: boolean;
  setOverwriteNewer: (v: boolean) => void;
  applying: boolean;
  apply: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { catalog } = useSession();
  const { preview, lang, includeRemovals, overwriteNewer } = props;
  // An 'other' metric's own unit label (issue 12).
  const ownUnit = (c: ImportChange): Bilingual | null => catalog.metric(c.figure.metric)?.unitLabel ?? null;
  /** A field's value on one side of a change, in words. */
  const shown = (c: ImportChange, f: ImportChange['fields'][number], side: 'before' | 'after'): string =>
    fieldText(f.field, f[side], t, { unit: unitOf(c, side), qualifier: qualifierOf(c, side), unitLabel: ownUnit(c), lang }, (id) => catalog.metricName(id, lang));
  const { counts } = preview;
  const changes = preview.changes.filter((c) => c.kind !== 'removed' || includeRemovals);
  const toWrite = counts.changed - (overwriteNewer ? 0 : counts.newer) + counts.added + (includeRemovals ? counts.removed : 0);
  const shownTotal = counts.changed + counts.added + (includeRemovals ? counts.removed : 0);
  return (
    <>
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('importer.file')}>{preview.file}</Descriptions.Item>
      </Descriptions>
      <Checkbox checked={includeRemovals} onChange={(e) => props.setIncludeRemovals(e.target.checked)} disabled={props.applying}>
        {t('importer.includeRemovals')}
      </Checkbox>
      <Typography.Paragraph role="status" style={{ marginTop: 12 }}>
        {t('importer.summary', { ...counts, removed: includeRemovals ? counts.removed : 0 })}
        {!includeRemovals && counts.removed > 0 ? <> · {t('importer.removalsKept', { count: counts.removed })}</> : null}
      </Typography.Paragraph>
      <ImportNotes preview={preview} />
      {counts.newer > 0 ? (
        // An older workbook would quietly undo edits made here since it was exported: said, and kept unless chosen.
        <Alert
          type="warning"
          showIcon
          title={t('importer.newer', { count: counts.newer })}
          description={
            <Checkbox checked={overwriteNewer} onChange={(e) => props.setOverwriteNewer(e.target.checked)} disabled={props.applying}>
              {t('importer.overwriteNewer', { count: counts.newer })}
            </Checkbox>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}

      {preview.errorCount > 0 ? (
        <section aria-labelledby="import-errors-heading">
          <Typography.Title level={2} id="import-errors-heading" style={{ fontSize: 20 }}>
            {t('importer.errorsHeading')}
          </Typography.Title>
          <Alert type="error" showIcon title={t('importer.errorsIntro', { count: preview.errorCount })} style={{ marginBottom: 12 }} />
          <RefusedCells errors={preview.errors} lang={lang} label={t('importer.errorsTable')} />
        </section>
      ) : null}

      <section aria-labelledby="import-changes-heading" style={{ marginTop: 16 }}>
        <Typography.Title level={2} id="import-changes-heading" style={{ fontSize: 20 }}>
          {t('importer.changesHeading')}
        </Typography.Title>
        {shownTotal === 0 ? (
          preview.errorCount === 0 ? <Typography.Paragraph>{t('importer.noChanges')}</Typography.Paragraph> : null
        ) : (
          <>
            {changes.length < shownTotal ? <Typography.Paragraph>{t('importer.shownFirst', { shown: changes.length, total: shownTotal })}</Typography.Paragraph> : null}
            <Table<ImportChange & { key: number }>
              aria-label={t('importer.changesTable')}
              size="small"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              dataSource={changes.map((c, key) => ({ ...c, key }))}
              columns={[
                {
                  title: t('importer.col.kind'),
                  key: 'kind',
                  render: (_, c) => (
                    <>
                      <Tag color={c.kind === 'changed' ? 'blue' : c.kind === 'added' ? 'green' : 'red'}>{t(`importer.kind.${c.kind}`)}</Tag>
                      {c.quoteKept ? (
                        <Tooltip title={t('importer.quoteKeptWhy')}>
                          <Tag color="orange" tabIndex={0} aria-label={`${t('importer.quoteKept')}${colonOf(lang)}${t('importer.quoteKeptWhy')}`}>
                            {t('importer.quoteKept')}
                          </Tag>
                        </Tooltip>
                      ) : null}
                      {c.newer ? (
                        <Tag color="orange">{t(overwriteNewer ? 'importer.newerOverwritten' : 'importer.newerKept', { at: localDateTime(c.newer.at), by: authorName(c.newer.by, lang) })}</Tag>
                      ) : null}
                    </>
                  ),
                },
                { title: t('importer.col.row'), key: 'row', render: (_, c) => c.row ?? '' },
                { title: 'ID', key: 'id', render: (_, c) => c.figureId ?? '' },
                { title: t('importer.col.figure'), key: 'figure', render: (_, c) => <FigureLabel change={c} lang={lang} /> },
                {
                  title: `${t('importer.col.field')}${colonOf(lang)}${t('importer.col.before')} → ${t('importer.col.after')}`,
                  key: 'fields',
                  render: (_, c) => (
                    <ul style={{ margin: 0, paddingLeft: 16 }}>
                      {c.fields
                        .filter((f) => c.kind === 'changed' || (c.kind === 'added' ? f.after !== null : f.before !== null))
                        .map((f) => (
                          <li key={f.field}>
                            {t(`workbook.col.${f.field}`)}{colonOf(lang)}{c.kind !== 'added' ? <del>{shown(c, f, 'before')}</del> : null}
                            {c.kind === 'changed' ? ' → ' : null}
                            {c.kind !== 'removed' ? <ins>{shown(c, f, 'after')}</ins> : null}
                          </li>
                        ))}
                    </ul>
                  ),
                },
              ]}
            />
          </>
        )}
      </section>

      <Button type="primary" style={{ marginTop: 16 }} disabled={preview.errorCount > 0 || toWrite === 0} loading={props.applying} onClick={props.apply}>
        {t('importer.apply')}
      </Button>
    </>
  );
}

/** What the import reads differently from the cells (percent formats), and what it leaves out (the annotations sheet). */
function ImportNotes({ preview }: { preview: ImportPreview }): React.JSX.Element | null {
  const { t } = useTranslation();
  const first = preview.percentConversions[0];
  if (preview.ignoredAnnotationEdits === 0 && !first) return null;
  return (
    <>
      {preview.ignoredAnnotationEdits > 0 ? <Alert type="warning" showIcon title={t('importer.annotationsIgnored', { count: preview.ignoredAnnotationEdits })} style={{ marginBottom: 12 }} /> : null}
      {first ? (
        <>
          <Alert type="info" showIcon title={t('importer.percentConverted', { count: preview.percentConversionCount, cell: first.cell, from: first.from, to: first.to })} style={{ marginBottom: 12 }} />
          <Table<PercentConversion & { key: number }>
            aria-label={t('importer.percentTable')}
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={preview.percentConversions.map((c, key) => ({ ...c, key }))}
            columns={[
              { title: t('importer.percentCell'), key: 'cell', render: (_, c) => c.cell },
              { title: t('importer.percentStored'), key: 'from', render: (_, c) => c.from },
              { title: t('importer.percentImported'), key: 'to', render: (_, c) => `${c.to}` },
            ]}
            style={{ marginBottom: 12 }}
          />
        </>
      ) : null}
    </>
  );
}

function FigureLabel({ change, lang }: { change: ImportChange; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { catalog } = useSession();
  const f = change.figure;
  const who = f.entityName ? (lang === 'en' ? f.entityName.en : f.entityName.zh) : t(`scope.${f.scope}`);
  return (
    <span>
      {who} · {catalog.metricName(f.metric, lang)} · {f.period}
    </span>
  );
}

/**
 * A field's value in words. A value as the app writes every figure, with its qualifier and unit
 * ("超过1万亿元", "over 1 trillion yuan", "5.2%"): "10000 (100 million yuan)" left out whether it was
 * still a lower bound.
 */
function fieldText(field: ImportField, value: FieldValue, t: (key: string) => string, figure: { unit: Unit; qualifier: Qualifier; unitLabel: Bilingual | null; lang: Lang }, metricName: (id: string) => string): string {
  if (value === null || value === '') return t('importer.empty');
  if (field === 'value' && typeof value === 'number') return formatValue(value, figure.unit, figure.qualifier, figure.lang, figure.unitLabel);
  if (field === 'scope') return t(`scope.${value}`);
  if (field === 'metric') return metricName(String(value));
  if (field === 'unit') return t(`workbook.unit.${value}`);
  if (field === 'qualifier') return t(`qualifierName.${value}`);
  return String(value);
}
