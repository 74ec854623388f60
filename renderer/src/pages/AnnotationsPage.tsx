/** Every annotation, filtered by status, tag and author. */
import { Button, Empty, List, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import type { AnnotationListItem } from '../../../shared/workbench';
import { getApi } from '../api';
import { AnnotationItem } from '../components/Annotations';
import { LoadState } from '../components/LoadState';
import { useSession } from '../session';
import { authorName } from '../../../shared/format';
import { useCall } from '../useCall';
import { hrefFor } from '../useRoute';

type Filter = { status?: 'open' | 'resolved'; tag?: string; author?: string };

export function AnnotationsPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const [filter, setFilter] = useState<Filter>({ status: 'open' });
  const [loaded, retry] = useCall(async () => {
    // Showing only the open ones: also count the resolved ones the filter hides, to say so when none is open.
    const [annotations, facets, resolved] = await Promise.all([
      getApi().listAnnotations(filter),
      getApi().getFigureFacets({}),
      filter.status === 'open' ? getApi().listAnnotations({ ...filter, status: 'resolved' }) : Promise.resolve([]),
    ]);
    return { annotations, facets, hiddenResolved: resolved.length };
  }, [JSON.stringify(filter), dataVersion]);
  // After 标记为已解决 or 重新打开: once the list is reloaded, the keyboard goes to the item now where the
  // changed one was (the next one), or to the empty list, not to the page's <body>.
  const list = useRef<HTMLElement>(null);
  const moved = useRef<{ id: number; status: Annotation['status']; index: number } | null>(null);
  useEffect(() => {
    const was = moved.current;
    if (!was || loaded.state !== 'ready') return;
    const { annotations } = loaded.value;
    const still = annotations.findIndex((a) => a.id === was.id);
    if (still >= 0 && annotations[still]!.status !== was.status) return; // not reloaded yet
    moved.current = null;
    if (still >= 0 && list.current?.contains(document.activeElement)) return; // still shown, the focus on it
    const next = annotations[still >= 0 ? still : Math.min(was.index, annotations.length - 1)];
    const item = next ? list.current?.querySelector<HTMLElement>(`[data-annotation="${next.id}"]`) : null;
    (item ?? list.current)?.focus();
  }, [loaded]);
  const pick = (key: keyof Filter) => (value: string) => setFilter((f) => ({ ...f, [key]: value === '' ? undefined : value }));
  const href = (a: AnnotationListItem): string | undefined => (a.targetType === 'entity' ? hrefFor({ name: 'entity', id: a.targetId }) : undefined);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('annotations.heading')}
      </Typography.Title>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {({ annotations, facets, hiddenResolved }) => (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Select
                aria-label={t('annotations.status')}
                style={{ width: 160 }}
                value={filter.status ?? ''}
                onChange={pick('status')}
                options={[
                  { value: '', label: t('annotations.statusAll') },
                  { value: 'open', label: t('annotations.open') },
                  { value: 'resolved', label: t('annotations.resolved') },
                ]}
              />
              <Select
                aria-label={t('annotations.tag')}
                style={{ width: 160 }}
                value={filter.tag ?? ''}
                onChange={pick('tag')}
                options={[{ value: '', label: t('annotations.tagAll') }, ...facets.tags.map((x) => ({ value: x, label: `#${x}` }))]}
              />
              <Select
                aria-label={t('annotations.author')}
                style={{ width: 160 }}
                value={filter.author ?? ''}
                onChange={pick('author')}
                options={[{ value: '', label: t('annotations.authorAll') }, ...facets.authors.map((x) => ({ value: x, label: authorName(x, lang) }))]}
              />
            </Space>
            <section aria-label={t('annotations.list')} ref={list} tabIndex={-1}>
              {annotations.length === 0 ? (
                <Empty
                  description={
                    filter.status === 'open' ? (hiddenResolved > 0 ? t('annotations.noneOpenSomeResolved', { count: hiddenResolved }) : t('annotations.noneOpen')) : t('annotations.empty')
                  }
                >
                  {filter.status === 'open' && hiddenResolved > 0 ? <Button onClick={() => setFilter((f) => ({ ...f, status: 'resolved' }))}>{t('annotations.showResolved')}</Button> : null}
                </Empty>
              ) : (
                <List
                  dataSource={annotations}
                  renderItem={(a, index) => (
                    <AnnotationItem
                      annotation={a}
                      label={lang === 'en' ? a.targetLabel.en : a.targetLabel.zh}
                      href={href(a)}
                      onStatusChanged={(id, status) => (moved.current = { id, status, index })}
                    />
                  )}
                />
              )}
            </section>
          </>
        )}
      </LoadState>
    </>
  );
}
