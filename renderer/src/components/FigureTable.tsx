/**
 * The figures table, virtualised: only the rows in view are in the page, fetched a page (100 rows)
 * at a time as the person scrolls, so it stays smooth at 100,000 figures. An ARIA table (rows,
 * cells, column headers with sort state) so it reads as a table to screen readers and tests.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { Badge, Button, Empty, Typography } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authorName, colonOf, formatFigure } from '../../../shared/format';
import type { Lang } from '../../../shared/i18n';
import type { FigureListRow, FigureQuery, FigureSort } from '../../../shared/workbench';
import { getApi } from '../api';
import { useSession } from '../session';
import { Highlight } from './Highlight';
import { localDateTime } from '../time';

const PAGE = 100;
const ROW_HEIGHT = 56;
/** The table's rows region is never shorter than this (about six rows), however small the window. */
const LEAST_HEIGHT = 336;
/** The space kept below the table: the page's own bottom padding. */
const BELOW = 24;

/**
 * The height that takes the rows region down to the window's foot, with the page scrolled to its
 * top: a tall screen shows more rows, a laptop's no more than fit (the page then does not scroll as
 * well as the table). Measured again after every render of the table (the count line above it, the
 * filters and the column heads in another language) and when the window changes size — not by
 * watching the page's size: a page one pixel too tall takes a scrollbar, the narrower page wraps the
 * filters onto one more line, the region shrinks, the scrollbar goes, the filters unwrap, the region
 * grows… for ever (seen in English, where the filters only just fit on two lines).
 */
function useFillHeight(region: React.RefObject<HTMLElement | null>, fixed: number | undefined): number {
  const [height, setHeight] = useState(fixed ?? 560);
  const fit = useCallback((): void => {
    const el = region.current;
    if (fixed !== undefined || !el) return;
    const box = el.getBoundingClientRect();
    // What the table has under its rows region (its bottom border) stays on the screen too.
    const under = Math.max(0, (el.parentElement?.getBoundingClientRect().bottom ?? box.bottom) - box.bottom);
    setHeight(Math.max(LEAST_HEIGHT, Math.floor(window.innerHeight - (box.top + window.scrollY) - under - BELOW)));
  }, [region, fixed]);
  // No dependencies: after every render (a new height renders once more, measures the same, and stops).
  useLayoutEffect(fit);
  useEffect(() => {
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [fit]);
  return height;
}

const COLUMNS = 'minmax(180px, 2fr) minmax(120px, 1.3fr) minmax(140px, 1.4fr) 90px minmax(160px, 1.6fr) minmax(140px, 1.2fr) 90px 96px';

export type TableFilter = Omit<FigureQuery, 'offset' | 'limit' | 'lang' | 'sort' | 'order' | 'withTotal'>;

export function rowName(row: FigureListRow, lang: Lang, t: (k: string) => string): string {
  return row.entityName ? (lang === 'en' ? row.entityName.en : row.entityName.zh) : t(`scope.${row.scope}`);
}

export function FigureTable(props: { filter: TableFilter; lang: Lang; onEdit: (row: FigureListRow) => void; onCount?: (n: number) => void; height?: number }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion, changed, showError } = useSession();
  const [sort, setSort] = useState<{ by: FigureSort; order: 'asc' | 'desc' }>({ by: 'changedAt', order: 'desc' });
  const [total, setTotal] = useState<number | null>(null);
  const pages = useRef(new Map<number, FigureListRow[] | 'loading'>());
  const [, repaint] = useReducer((n: number) => n + 1, 0);
  const scroller = useRef<HTMLDivElement>(null);
  const height = useFillHeight(scroller, props.height);
  const generation = useRef(0);
  const { filter, lang, onCount } = props;
  const key = JSON.stringify({ filter, sort, lang, dataVersion });

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page)) return;
      pages.current.set(page, 'loading');
      const mine = generation.current;
      getApi()
        .listFigures({ ...filter, lang, sort: sort.by, order: sort.order, offset: page * PAGE, limit: PAGE, withTotal: page === 0 })
        .then(
          (result) => {
            if (mine !== generation.current) return;
            pages.current.set(page, result.rows);
            if (result.total !== null) {
              setTotal(result.total);
              onCount?.(result.total);
            }
            repaint();
          },
          (error: unknown) => {
            pages.current.delete(page);
            showError(error);
          },
        );
    },
    // The key says when the query (filter, sort, language or data) changed.
    [key],
  );

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    load(0);
  }, [load]);

  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total === null) return;
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) load(p);
  }, [first, last, total, load]);

  const rowAt = (index: number): FigureListRow | undefined => {
    const page = pages.current.get(Math.floor(index / PAGE));
    return Array.isArray(page) ? page[index % PAGE] : undefined;
  };

  const restore = async (row: FigureListRow): Promise<void> => {
    try {
      await getApi().restoreItem({ targetType: 'figure', targetId: String(row.id) });
      changed();
    } catch (error) {
      showError(error);
    }
  };

  const header = (label: string, by?: FigureSort, numeric = false): React.JSX.Element => {
    const active = by !== undefined && sort.by === by;
    return (
      <div role="columnheader" aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined} className={numeric ? 'cb-cell cb-head cb-num' : 'cb-cell cb-head'}>
        {by ? (
          <button
            type="button"
            className="cb-sort"
            aria-label={t('figuresTable.sortBy', { column: label })}
            onClick={() => setSort((s) => ({ by, order: s.by === by && s.order === 'desc' ? 'asc' : 'desc' }))}
          >
            {label} {active ? (sort.order === 'asc' ? '▲' : '▼') : ''}
          </button>
        ) : (
          label
        )}
      </div>
    );
  };
  const q = filter.q ?? '';
  return (
    <div role="table" aria-label={t('figuresTable.label')} aria-rowcount={(total ?? 0) + 1} className="cb-table">
      <div role="rowgroup" className="cb-head-group">
        <div role="row" aria-rowindex={1} className="cb-row cb-header" style={{ gridTemplateColumns: COLUMNS }}>
          {header(t('figuresTable.entity'), 'entity')}
          {header(t('figuresTable.metric'), 'metric')}
          {header(t('figuresTable.value'), 'value', true)}
          {header(t('figuresTable.period'), 'period')}
          {header(t('figuresTable.source'))}
          {header(t('figuresTable.changed'), 'changedAt')}
          {header(t('figuresTable.annotations'))}
          {header(t('figuresTable.actions'))}
        </div>
      </div>
      {total === 0 ? <Empty description={t('figuresTable.empty')} /> : null}
      <div ref={scroller} role="rowgroup" className="cb-scroll" style={{ height }}>
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="cb-row"
                style={{ gridTemplateColumns: COLUMNS, position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {row ? <Cells row={row} lang={lang} q={q} onEdit={() => props.onEdit(row)} onRestore={() => void restore(row)} /> : <div role="cell" className="cb-cell cb-loading" />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Cells({ row, lang, q, onEdit, onRestore }: { row: FigureListRow; lang: Lang; q: string; onEdit: () => void; onRestore: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { catalog } = useSession();
  const name = rowName(row, lang, t);
  const city = catalog.cityName(row.cityCode, lang);
  const label = `${name}${city ? ` · ${city}` : ''} · ${catalog.metricName(row.metric, lang)} · ${row.period}`;
  return (
    <>
      <div role="cell" className="cb-cell">
        <div className="cb-strong">
          <Highlight text={name} query={q} />
        </div>
        {row.snippet ? (
          <div className="cb-small" title={row.snippet}>
            {t('figuresTable.matched')}{colonOf(lang)}<Highlight text={row.snippet} query={q} />
          </div>
        ) : row.entityName ? (
          <div className="cb-small">
            <Highlight text={lang === 'en' ? row.entityName.zh : row.entityName.en} query={q} />
          </div>
        ) : null}
      </div>
      <div role="cell" className="cb-cell">
        {catalog.metricName(row.metric, lang)}
        {city ? <div className="cb-small">{city}</div> : null}
      </div>
      <div role="cell" className="cb-cell cb-strong cb-num">
        {formatFigure(row, lang, catalog.metric(row.metric)?.unitLabel ?? null)}
      </div>
      <div role="cell" className="cb-cell">
        {row.period}
      </div>
      <div role="cell" className="cb-cell">
        {row.sourceTitle ? <span className="cb-clip">{row.sourceTitle}</span> : <Typography.Text type="warning">{t('figure.noSource')}</Typography.Text>}
      </div>
      <div role="cell" className="cb-cell">
        <div className="cb-clip">{authorName(row.changedBy, lang)}</div>
        <div className="cb-small">{localDateTime(row.changedAt)}</div>
      </div>
      <div role="cell" className="cb-cell">
        {row.openAnnotations > 0 ? <Badge count={row.openAnnotations} color="orange" title={t('figuresTable.openCount', { count: row.openAnnotations })} /> : null}
      </div>
      <div role="cell" className="cb-cell">
        {row.deleted ? (
          <Button size="small" onClick={onRestore} aria-label={t('figuresTable.restore', { name: label })}>
            {t('settings.restore')}
          </Button>
        ) : (
          <Button size="small" onClick={onEdit} aria-label={t('figuresTable.edit', { name: label })}>
            {t('annotations.edit')}
          </Button>
        )}
      </div>
    </>
  );
}
