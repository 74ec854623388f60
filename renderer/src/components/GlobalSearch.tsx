/**
 * The one search over everything: a box on the overview and a dialog that Ctrl/⌘+K opens on any
 * screen. Both show the same results (the `search` channel): industries by name, whether or not they
 * have figures, then figures, annotations and sources, each a link to where it lives.
 */
import { Button, Input, Modal, Spin, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResults } from '../../../shared/global-search';
import { colonOf, formatFigure } from '../../../shared/format';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { useSession } from '../session';
import { useCall } from '../useCall';
import { hrefFor } from '../useRoute';
import { Highlight } from './Highlight';
import { useFocusOnOpen } from './focusOnOpen';

/** The text once typing has paused, so each keystroke does not start a search. */
function useSettled(value: string, ms = 150): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const entityHref = (id: string | null, otherwise: string): string => (id ? hrefFor({ name: 'entity', id }) : otherwise);
/** A figure found opens in the workbench's edit panel (province figures too, which have no page of their own). */
const figureHref = (id: number, name: string): string => `#/workbench?${new URLSearchParams({ figure: String(id), name }).toString()}`;

/**
 * Up and Down move between the results (and from the box to the first); Tab still walks them too. A
 * list of links a keyboard reached only by Tab, one by one past every snippet.
 */
function moveAmongResults(e: React.KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const links = Array.from(e.currentTarget.querySelectorAll<HTMLAnchorElement>('section a[href]'));
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = e.key === 'ArrowDown' ? (at < 0 ? 0 : Math.min(at + 1, links.length - 1)) : at <= 0 ? -1 : at - 1;
  e.preventDefault();
  if (next < 0) e.currentTarget.querySelector<HTMLInputElement>('input')?.focus();
  else links[next]!.focus();
}

/** Results shown a kind at first; one more is asked for, to know whether to offer 显示更多. */
const FIRST = 8;
/** Results a kind once 显示更多 is pressed (the channel's most); beyond, the workbench's search lists every figure. */
const MOST = 50;

/** Each kind cut to `n`, and whether any kind had more. */
function cut(found: SearchResults, n: number): { shown: SearchResults; more: boolean } {
  const kinds = ['entities', 'cities', 'figures', 'annotations', 'sources'] as const;
  const more = kinds.some((k) => found[k].length > n);
  return { shown: { entities: found.entities.slice(0, n), cities: found.cities.slice(0, n), figures: found.figures.slice(0, n), annotations: found.annotations.slice(0, n), sources: found.sources.slice(0, n) }, more };
}

/** The results for `q`, grouped by kind; a chosen result calls `onPick` (the dialog closes). */
export function SearchResultsView({ q, lang, onPick }: { q: string; lang: Lang; onPick?: () => void }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { dataVersion, catalog } = useSession();
  const settled = useSettled(q.trim());
  // 显示更多 widens this search only: a new search starts at the first few again.
  const [wideFor, setWideFor] = useState<string | null>(null);
  if (wideFor !== null && wideFor !== settled) setWideFor(null);
  const wide = wideFor === settled;
  const [loaded] = useCall<SearchResults | null>(() => (settled ? getApi().search({ q: settled, limit: wide ? MOST : FIRST + 1 }) : Promise.resolve(null)), [settled, wide, dataVersion]);
  if (!settled) return null;
  if (loaded.state === 'loading') return <Spin aria-label={t('globalSearch.searching')} />;
  if (loaded.state === 'error' || loaded.value === null) return null;
  const { shown: found, more } = cut(loaded.value, wide ? MOST : FIRST);
  // At the most, the figures may still go on: the workbench lists every one.
  const figuresCut = wide && loaded.value.figures.length >= MOST;
  const name = (n: { zh: string; en: string } | null): string => (n ? (lang === 'en' ? n.en : n.zh) : t('globalSearch.province'));
  const total = found.entities.length + found.cities.length + found.figures.length + found.annotations.length + found.sources.length;
  const link = (href: string, children: React.ReactNode): React.JSX.Element => (
    <a href={href} onClick={onPick}>
      {children}
    </a>
  );
  return (
    <section aria-label={t('globalSearch.results')} aria-live="polite" style={{ marginTop: 12 }}>
      {total === 0 ? <Typography.Paragraph>{t('globalSearch.none', { q: settled })}</Typography.Paragraph> : null}
      <Group title={t('globalSearch.entities')} count={found.entities.length}>
        {found.entities.map((e) => (
          <li key={e.entityId}>
            {link(
              entityHref(e.entityId, '#/'),
              <>
                <Highlight text={lang === 'en' ? e.name.en : e.name.zh} query={settled} /> <Highlight text={lang === 'en' ? e.name.zh : e.name.en} query={settled} />
              </>,
            )}{' '}
            <Typography.Text type="secondary">
              {t(`category.${e.category}`)} · {e.figures === 0 ? t('globalSearch.noFigures') : t('globalSearch.figureCount', { count: e.figures })}
            </Typography.Text>
          </li>
        ))}
      </Group>
      <Group title={t('catalog.city')} count={found.cities.length}>
        {found.cities.map((c) => (
          <li key={c.code}>
            {link(`#/workbench?city=${c.code}`, <Highlight text={`${name(c.name)} ${lang === 'en' ? c.name.zh : c.name.en}`} query={settled} />)}{' '}
            <Typography.Text type="secondary">{c.figures === 0 ? t('globalSearch.noFigures') : t('globalSearch.figureCount', { count: c.figures })}</Typography.Text>
          </li>
        ))}
      </Group>
      <Group title={t('globalSearch.figures')} count={found.figures.length}>
        {found.figures.map((f) => (
          <li key={f.figureId}>
            {link(figureHref(f.figureId, `${f.entityName ? name(f.entityName) : t(`scope.${f.scope}`)} · ${catalog.metricName(f.metric, lang)} · ${f.period}`), `${f.entityName ? name(f.entityName) : t(`scope.${f.scope}`)} · ${catalog.metricName(f.metric, lang)} · ${f.period}${colonOf(lang)}${formatFigure(f, lang, catalog.metric(f.metric)?.unitLabel ?? null)}`)}
            {f.snippet ? <Snippet text={f.snippet} query={settled} /> : null}
          </li>
        ))}
      </Group>
      <Group title={t('globalSearch.annotations')} count={found.annotations.length}>
        {found.annotations.map((a) => (
          <li key={a.annotationId}>
            {link(entityHref(a.entityId, '#/annotations'), name(a.entityName))} <Tag>{t(`globalSearch.${a.status}`)}</Tag>
            <Snippet text={a.snippet} query={settled} />
          </li>
        ))}
      </Group>
      <Group title={t('globalSearch.sources')} count={found.sources.length}>
        {found.sources.map((s) => (
          <li key={s.sourceId}>
            {link(entityHref(s.entityId, '#/'), <Highlight text={`${s.title} · ${s.publisher}`} query={settled} />)}
            {s.snippet ? <Snippet text={s.snippet} query={settled} /> : null}
          </li>
        ))}
      </Group>
      {more && !wide ? (
        <Button type="link" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => setWideFor(settled)}>
          {t('globalSearch.more', { count: FIRST })}
        </Button>
      ) : null}
      {figuresCut ? (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t('globalSearch.mostShown', { count: MOST })} {link(`#/workbench?${new URLSearchParams({ q: settled }).toString()}`, t('globalSearch.inWorkbench'))}
        </Typography.Paragraph>
      ) : null}
    </section>
  );
}

function Group({ title, count, children }: { title: string; count: number; children: React.ReactNode }): React.JSX.Element | null {
  if (count === 0) return null;
  return (
    <section aria-label={title}>
      <Typography.Title level={3} style={{ fontSize: 15, margin: '12px 0 4px' }}>
        {title}
      </Typography.Title>
      <ul style={{ margin: 0, paddingLeft: 18 }}>{children}</ul>
    </section>
  );
}

function Snippet({ text, query }: { text: string; query: string }): React.JSX.Element {
  return (
    <div style={{ fontSize: 13, opacity: 0.85 }}>
      <Highlight text={text} query={query} />
    </div>
  );
}

/** The search box (the overview shows one; the dialog holds another). */
export function SearchBox({ lang, autoFocus, inputRef, onPick }: { lang: Lang; autoFocus?: boolean; inputRef?: React.Ref<InputRef>; onPick?: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  return (
    <div role="search" aria-label={t('globalSearch.label')} style={{ marginBottom: 16 }} onKeyDown={moveAmongResults}>
      <Input ref={inputRef} type="search" allowClear autoFocus={autoFocus} aria-label={t('globalSearch.label')} placeholder={t('globalSearch.placeholder')} value={q} onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 640 }} />
      <SearchResultsView q={q} lang={lang} onPick={onPick} />
    </div>
  );
}

/** Ctrl/⌘+K on any screen opens the search; choosing a result goes there and closes it. */
export function SearchDialog({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const focus = useFocusOnOpen<InputRef>();
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Modal open={open} title={t('globalSearch.dialog')} footer={null} destroyOnHidden onCancel={() => setOpen(false)} afterOpenChange={focus.afterOpenChange} width={720}>
      <SearchBox lang={lang} autoFocus inputRef={focus.ref} onPick={() => setOpen(false)} />
    </Modal>
  );
}
