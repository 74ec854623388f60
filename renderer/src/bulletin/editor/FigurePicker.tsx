/**
 * A search box over the figures (zh or en) with the results as a listbox: each option shows the
 * industry, metric, period and value with its unit. Arrow keys move, Enter or a click chooses (Enter
 * typed before the results arrive chooses the first of them when they do).
 * 插入数据 chooses one; 插入表格 chooses several (the chosen ones are marked selected).
 */
import { Alert, Input, Typography, theme, type InputRef } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../../../shared/client';
import { describeError } from '../../../../shared/errors';
import type { FigureListRow } from '../../../../shared/workbench';
import { getApi } from '../../api';
import { useSession } from '../../session';
import { figureOptionText, searchFigures } from './figureSearch';

const SEARCH_PAUSE_MS = 150;

export function FigurePicker({ chosen, onChoose, autoFocus, inputRef }: { chosen: ReadonlySet<number>; onChoose: (row: FigureListRow) => void; autoFocus?: boolean; inputRef?: React.Ref<InputRef> }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { catalog, metrics } = useSession();
  const { token } = theme.useToken();
  const ui = i18n.language === 'en' ? 'en' : 'zh-CN';
  const listId = useId();
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<FigureListRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  // The query the rows shown are for: Enter typed before its results arrive waits for them and takes the
  // first (it inserted nothing, or a result of what was typed before).
  const [rowsFor, setRowsFor] = useState('');
  const enterWaiting = useRef(false);
  const chooseNow = useRef(onChoose);
  useEffect(() => {
    chooseNow.current = onChoose;
  });

  useEffect(() => {
    let live = true;
    if (query.trim() === '') {
      setRows(null);
      return;
    }
    // Search once typing pauses, not for every character typed.
    const timer = window.setTimeout(() => {
      searchFigures(getApi(), query, ui, metrics).then(
        (found) => {
          if (!live) return;
          setRows(found);
          setRowsFor(query);
          setError(null);
          setActive(0);
          if (enterWaiting.current && found[0]) chooseNow.current(found[0]);
          enterWaiting.current = false;
        },
        (e: unknown) => {
          if (!live) return;
          enterWaiting.current = false;
          setError(e instanceof CallError ? describeError(e.payload, ui) : String(e));
        },
      );
    }, SEARCH_PAUSE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, ui, metrics]);

  const choose = (row: FigureListRow | undefined): void => {
    if (row) onChoose(row);
  };
  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'Enter' && query.trim() !== '' && (rows === null || rowsFor !== query)) {
      enterWaiting.current = true;
      event.preventDefault();
      return;
    }
    if (!rows || rows.length === 0) return;
    if (event.key === 'ArrowDown') setActive((a) => Math.min(rows.length - 1, a + 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (event.key === 'Enter') choose(rows[active]);
    else return;
    event.preventDefault();
  };
  const optionId = (i: number): string => `${listId}-o${i}`;

  return (
    <div>
      <Input.Search
        ref={inputRef}
        autoFocus={autoFocus}
        allowClear
        value={query}
        onChange={(e) => {
          enterWaiting.current = false;
          setQuery(e.target.value);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-label={t('bulletinEditor.search')}
        aria-controls={listId}
        aria-expanded={rows !== null}
        aria-autocomplete="list"
        aria-activedescendant={rows && rows.length > 0 ? optionId(active) : undefined}
        placeholder={t('bulletinEditor.searchHint')}
      />
      {error ? <Alert type="error" showIcon style={{ marginTop: 8 }} message={t('bulletinEditor.loadFailed', { message: error })} /> : null}
      {rows !== null && rows.length === 0 ? <Typography.Paragraph style={{ marginTop: 8 }}>{t('bulletinEditor.noResults')}</Typography.Paragraph> : null}
      <ul id={listId} role="listbox" aria-label={t('bulletinEditor.results')} aria-multiselectable={chosen.size > 0 || undefined} style={{ listStyle: 'none', margin: '8px 0 0', padding: 0, maxHeight: 320, overflowY: 'auto' }}>
        {(rows ?? []).map((row, i) => {
          const selected = chosen.has(row.id);
          return (
            <li
              key={row.id}
              id={optionId(i)}
              role="option"
              aria-selected={selected}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(row)}
              onMouseEnter={() => setActive(i)}
              style={{
                padding: '4px 8px',
                cursor: 'pointer',
                borderRadius: token.borderRadiusSM,
                background: i === active ? token.controlItemBgActive : undefined,
                fontWeight: selected ? 600 : undefined,
              }}
            >
              {selected ? '✓ ' : ''}
              {figureOptionText(row, ui, catalog)}
              {row.sourceTitle ? (
                <Typography.Text type="secondary" title={row.sourceTitle}>
                  {' · '}
                  {row.sourceTitle.length > 32 ? `${row.sourceTitle.slice(0, 30)}…` : row.sourceTitle}
                </Typography.Text>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
