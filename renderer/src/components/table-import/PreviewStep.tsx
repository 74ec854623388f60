/**
 * Step 5 of the table import: the counts, names to confirm (suggestions by similarity first), refused
 * cells with sheet, row, column and why, and every figure to add or change, before → after with units.
 */
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../../../../shared/domain';
import { colonOf, formatValue } from '../../../../shared/format';
import type { Lang } from '../../../../shared/i18n';
import type { NameChoice, TableChange, TablePreview } from '../../../../shared/table-import';
import { RefusedCells } from '../RefusedCells';
import { entityOptions, nameChoiceOf } from './MappingStep';

export function PreviewStep(props: { preview: TablePreview; entities: EntitySummary[]; lang: Lang; onConfirm: (names: Record<string, NameChoice>) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { preview, lang } = props;
  const [picked, setPicked] = useState<Record<string, string>>({});
  const { counts } = preview;
  const total = counts.added + counts.changed;
  const nameOf = (n: { zh: string; en: string } | null): string => (n ? (lang === 'en' ? n.en : n.zh) : '');
  const value = (v: NonNullable<TableChange['before']>): string => formatValue(v.value, v.unit, v.qualifier, lang);
  return (
    <>
      <Typography.Paragraph role="status">{t('tableImport.summary', counts)}</Typography.Paragraph>
      {preview.periodColumns.length > 0 ? (
        <Typography.Paragraph>
          {t('tableImport.periods')}{colonOf(lang)}{preview.periodColumns.map((p) => `${p.column} ${p.header} → ${p.period}`).join(lang === 'en' ? '; ' : '；')}
        </Typography.Paragraph>
      ) : null}

      {preview.unmatched.length > 0 ? (
        <section aria-labelledby="table-unmatched-heading">
          <Typography.Title level={3} id="table-unmatched-heading" style={{ fontSize: 18 }}>
            {t('tableImport.unmatchedHeading')}
          </Typography.Title>
          <Typography.Paragraph>{t('tableImport.unmatchedIntro')}</Typography.Paragraph>
          {preview.unmatched.map((u) => {
            const all = entityOptions(props.entities, lang, t);
            const score = (n: number): string => (lang === 'en' ? ` (${n}%)` : `（${n}%）`);
            const suggested = u.suggestions.map((s) => ({ label: `${all.find((o) => o.value === `entity:${s.entityId}`)?.label ?? nameOf(s.name)}${score(Math.round(s.score * 100))}`, value: `entity:${s.entityId}` }));
            const rest = all.filter((o) => !suggested.some((s) => s.value === o.value));
            // A total or subtotal row (合计, 小计) is left out, not taken as some group: the total of six rows is not the 20 clusters'.
            const skip = { label: t('tableImport.skipName'), value: 'skip' };
            return (
              <Space key={u.name} style={{ display: 'flex', marginBottom: 8 }} wrap>
                <Typography.Text strong>{u.name}</Typography.Text>
                <Typography.Text type="secondary">{t('tableImport.unmatchedRows', { rows: u.rows.slice(0, 10).join('、') })}</Typography.Text>
                <Select
                  aria-label={t('tableImport.chooseFor', { name: u.name })}
                  style={{ minWidth: 260 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={picked[u.name] ?? suggested[0]?.value}
                  onChange={(v: string) => setPicked({ ...picked, [u.name]: v })}
                  options={[...suggested, skip, ...rest]}
                />
              </Space>
            );
          })}
          <Button
            type="primary"
            onClick={() => {
              const names: Record<string, NameChoice> = {};
              for (const u of preview.unmatched) {
                const v = picked[u.name] ?? (u.suggestions[0] ? `entity:${u.suggestions[0].entityId}` : undefined);
                if (v) names[u.name] = nameChoiceOf(v);
              }
              props.onConfirm(names);
            }}
          >
            {t('tableImport.confirm')}
          </Button>
        </section>
      ) : null}

      {preview.errorCount > 0 ? (
        <section aria-labelledby="table-errors-heading" style={{ marginTop: 16 }}>
          <Typography.Title level={3} id="table-errors-heading" style={{ fontSize: 18 }}>
            {t('tableImport.errorsHeading')}
          </Typography.Title>
          <Alert type="error" showIcon title={t('tableImport.errorsIntro', { count: preview.errorCount })} style={{ marginBottom: 12 }} />
          <RefusedCells errors={preview.errors} lang={lang} label={t('tableImport.errorsTable')} />
        </section>
      ) : null}

      <section aria-labelledby="table-changes-heading" style={{ marginTop: 16 }}>
        <Typography.Title level={3} id="table-changes-heading" style={{ fontSize: 18 }}>
          {t('tableImport.changesHeading')}
        </Typography.Title>
        {total === 0 ? (
          preview.errorCount === 0 ? <Typography.Paragraph>{t('tableImport.noChanges')}</Typography.Paragraph> : null
        ) : (
          <>
            {preview.changes.length < total ? <Typography.Paragraph>{t('tableImport.shownFirst', { shown: preview.changes.length, total })}</Typography.Paragraph> : null}
            <Table<TableChange & { key: number }>
              aria-label={t('tableImport.changesTable')}
              size="small"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              dataSource={preview.changes.map((c, key) => ({ ...c, key }))}
              columns={[
                { title: t('tableImport.col.kind'), key: 'kind', render: (_, c) => <Tag color={c.kind === 'changed' ? 'blue' : 'green'}>{t(`tableImport.kind.${c.kind}`)}</Tag> },
                { title: t('tableImport.col.cell'), key: 'cell', render: (_, c) => `${c.column}${c.row}` },
                { title: t('tableImport.col.who'), key: 'who', render: (_, c) => (c.entityName ? nameOf(c.entityName) : t(`tableImport.scopes.${c.scope}`)) },
                { title: t('tableImport.col.city'), key: 'city', render: (_, c) => (c.cityName ? nameOf(c.cityName) : t('tableImport.provinceWide')) },
                { title: t('tableImport.col.metric'), key: 'metric', render: (_, c) => nameOf(c.metricName) },
                { title: t('tableImport.col.period'), key: 'period', dataIndex: 'period' },
                {
                  title: t('tableImport.col.change'),
                  key: 'change',
                  render: (_, c) => {
                    const after = c.percentCell !== null ? t('tableImport.percentCell', { from: c.percentCell, to: value(c.after) }) : value(c.after);
                    return c.before ? `${value(c.before)} → ${after}` : after;
                  },
                },
              ]}
            />
          </>
        )}
      </section>
    </>
  );
}
