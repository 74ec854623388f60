/**
 * Every recorded change of one figure or entity, newest first, with "restore this version". An
 * entity's history holds its figures' and annotations' changes too, each named by what it is.
 */
import { App, Button, Empty, List, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { authorName, formatFigure } from '../../../shared/format';
import { excerpt } from '../../../shared/history';
import type { Figure } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import type { Revision } from '../../../shared/workbench';
import { getApi } from '../api';
import { Confirm } from './Confirm';
import { LoadState } from './LoadState';
import { localDateTime } from '../time';
import { useSession } from '../session';
import type { Catalog } from '../../../shared/metrics';
import { useCall } from '../useCall';

const HIDDEN = new Set(['id', 'changedAt', 'changedBy', 'updatedAt', 'createdAt', 'targetType', 'targetId', 'author']);

/** How one field's value reads in the history; a source by its title and publisher, never its id. */
function show(key: string, r: Revision, side: 'before' | 'after', lang: Lang, t: TFunction, catalog: Catalog): string {
  const snapshot = r[side];
  if (!snapshot) return t('history.none');
  const v = snapshot[key];
  if (key === 'sourceId' && v !== null && v !== undefined) return r.sourceNames[String(v)] ?? t('history.sourceId', { id: String(v) });
  if (key === 'entityId' && typeof v === 'string') return r.entityNames[v]?.[lang === 'en' ? 'en' : 'zh'] ?? v;
  if (key === 'status') return t(`annotations.${String(v)}`);
  if (typeof v === 'boolean') return t(v ? 'history.yes' : 'history.no');
  if (key === 'value' && typeof v === 'number') return formatFigure(snapshot as unknown as Figure, lang, catalog.metric(String(snapshot.metric))?.unitLabel ?? null);
  if (key === 'deletedAt') return v ? t('history.deleted') : t('history.none');
  if (key === 'name' && v && typeof v === 'object') return `${(v as { zh: string }).zh} / ${(v as { en: string }).en}`;
  if (v === null || v === undefined || v === '') return t('history.none');
  if (key === 'metric') return catalog.metricName(String(v), lang);
  if (key === 'qualifier') return t(`qualifierName.${String(v)}`);
  if (key === 'unit') return t(`unit.${String(v)}`) || String(v);
  if (key === 'scope') return t(`scope.${String(v)}`);
  if (key === 'category') return t(`category.${String(v)}`);
  if (key === 'tier') return t(`tier.${String(v)}`);
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/**
 * The fields a revision changed. A value is shown with its qualifier and unit ("约9876.5432亿元"), so
 * where the value changed they are not listed again beside it: "单位 万元" under a value shown in 亿元
 * read as two units for one number.
 */
function changedKeys(r: Revision): string[] {
  const keys = new Set([...Object.keys(r.before ?? {}), ...Object.keys(r.after ?? {})]);
  const changed = [...keys].filter((k) => !HIDDEN.has(k) && JSON.stringify(r.before?.[k] ?? null) !== JSON.stringify(r.after?.[k] ?? null));
  return changed.includes('value') ? changed.filter((k) => k !== 'unit' && k !== 'qualifier') : changed;
}

const LABELS: Record<string, string> = {
  scope: 'figureForm.scope',
  entityId: 'figureForm.entity',
  metric: 'figureForm.metric',
  value: 'figureForm.value',
  unit: 'figureForm.unit',
  qualifier: 'figureForm.qualifier',
  period: 'figureForm.period',
  sourceId: 'figureForm.source',
  sourceQuote: 'figureForm.sourceQuote',
  note: 'figureForm.note',
  name: 'entityForm.nameZh',
  category: 'entityForm.category',
  tier: 'entityForm.tier',
  sortOrder: 'entityForm.sortOrder',
  deletedAt: 'history.deleted',
  body: 'annotations.body',
  status: 'annotations.status',
  tags: 'annotations.tags',
  includeInBriefing: 'annotations.includeInBriefing',
};

/** What a revision is about, when the panel shows more than one object (an entity's figures and annotations). */
function subjectOf(r: Revision, panel: 'figure' | 'entity', lang: Lang, t: TFunction, catalog: Catalog): string | null {
  if (r.targetType === panel) return null;
  const snap = r.after ?? r.before ?? {};
  // Headed like a figure's ("Annotation: “…”" beside "Figure: Output value (2023)"), not as undo's mid-sentence "annotation “…”".
  if (r.targetType === 'annotation') return t('history.annotationSubject', { text: excerpt(typeof snap.body === 'string' ? snap.body : '', 20) });
  if (r.targetType === 'figure') return t('history.figureSubject', { metric: catalog.metricName(String(snap.metric), lang), period: String(snap.period) });
  return t(`settings.kind.${r.targetType}`);
}

export function HistoryPanel({ targetType, targetId, name, lang }: { targetType: 'figure' | 'entity'; targetId: string; name: string; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion, changed, showError, catalog } = useSession();
  const { message } = App.useApp();
  const [loaded, retry] = useCall(() => getApi().getHistory({ targetType, targetId }), [targetType, targetId, dataVersion]);
  /** `seen`: the newest revision shown; a change made since (elsewhere) is not overwritten. */
  const restore = async (revisionId: number, seen: number | undefined, what: string): Promise<void> => {
    try {
      await getApi().restoreVersion({ revisionId, seen });
      changed();
      void message.success(what ? t('history.restoredTo', { what }) : t('history.restored'));
    } catch (error) {
      showError(error);
    }
  };
  /** A figure's value as the version leaves it ("超过100亿元"); empty for anything else. */
  const restoredAs = (r: Revision): string => (r.targetType === 'figure' && r.after && typeof r.after.value === 'number' ? show('value', r, 'after', lang, t, catalog) : '');
  return (
    <section aria-label={t('history.label', { name })}>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {(revisions) =>
          revisions.length === 0 ? (
            <Empty description={t('history.empty')} />
          ) : (
            <List
              dataSource={revisions}
              renderItem={(r, index) => {
                const at = localDateTime(r.at);
                const author = authorName(r.author, lang);
                const subject = subjectOf(r, targetType, lang, t, catalog);
                // The newest revision of each object is its current version.
                const current = revisions.findIndex((o) => o.targetType === r.targetType && o.targetId === r.targetId) === index;
                return (
                  <List.Item aria-label={[t(`history.action.${r.action}`), subject, author, at].filter(Boolean).join(' · ')}>
                    <div style={{ width: '100%' }}>
                      <Space size={4} wrap>
                        <Tag color={r.action === 'delete' ? 'red' : r.action === 'create' ? 'green' : 'blue'}>{t(`history.action.${r.action}`)}</Tag>
                        {r.batchKind !== 'change' ? <Tag color="purple">{t(`history.kind.${r.batchKind}`)}</Tag> : null}
                        {subject ? <Typography.Text>{subject}</Typography.Text> : null}
                        <Typography.Text strong>{author}</Typography.Text>
                        <Typography.Text type="secondary">{at}</Typography.Text>
                        {current ? (
                          <Tag>{t('history.current')}</Tag>
                        ) : (
                          // Asked first, saying what it becomes: one click replaced a figure, and the message did not say with what.
                          <Confirm
                            title={restoredAs(r) ? t('history.restoreAskValue', { at, what: restoredAs(r) }) : t('history.restoreAsk', { at })}
                            okText={t('history.restore')}
                            cancelText={t('history.keepCurrent')}
                            danger={false}
                            onConfirm={() => void restore(r.id, revisions[0]?.id, restoredAs(r))}
                          >
                            <Button size="small">{t('history.restore')}</Button>
                          </Confirm>
                        )}
                      </Space>
                      <dl style={{ margin: '6px 0 0', display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12, rowGap: 2, fontSize: 13 }}>
                        {changedKeys(r).map((key) => (
                          <div key={key} style={{ display: 'contents' }}>
                            <dt style={{ color: 'inherit', opacity: 0.75 }}>{LABELS[key] ? t(LABELS[key]) : key}</dt>
                            <dd style={{ margin: 0 }}>
                              {r.before ? (
                                <>
                                  <del>{show(key, r, 'before', lang, t, catalog)}</del> →{' '}
                                </>
                              ) : null}
                              <ins style={{ textDecoration: 'none', fontWeight: 600 }}>{show(key, r, 'after', lang, t, catalog)}</ins>
                            </dd>
                          </div>
                        ))}
                      </dl>
                    </div>
                  </List.Item>
                );
              }}
            />
          )
        }
      </LoadState>
    </section>
  );
}
