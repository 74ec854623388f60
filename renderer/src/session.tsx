/**
 * What every screen shares: the person's settings (language, theme, author), a data version that
 * changes after every write so screens reload, and undo/redo with their state.
 */
import { App as AntApp } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../shared/client';
import { describeError } from '../../shared/errors';
import { describeChange } from '../../shared/history';
import type { Lang } from '../../shared/i18n';
import { catalogOf, type Catalog, type City, type MetricEntry } from '../../shared/metrics';
import type { Settings, UndoState } from '../../shared/workbench';
import { getApi } from './api';
import { rememberLang } from './i18n';

export interface Session {
  lang: Lang;
  settings: Settings | null;
  updateSettings: (patch: { authorName?: string; lang?: Lang; theme?: Settings['theme'] }) => Promise<void>;
  /** Changes after every write: put it in a screen's load dependencies. */
  dataVersion: number;
  /** Call after a write so every screen reloads what it shows. */
  changed: () => void;
  undoState: UndoState;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Shows a failed call to the person, in their language. */
  showError: (error: unknown) => void;
  /** The metric catalog with each metric's figure count, and the cities (issue 12), reloaded after writes. */
  metrics: MetricEntry[];
  cities: City[];
  /** Names of metrics and cities in a language, from the catalog. */
  catalog: Catalog;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function errorText(error: unknown, lang: Lang): string {
  return error instanceof CallError ? describeError(error.payload, lang) : String(error);
}

export function SessionProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [lang, setLang] = useState<Lang>(i18n.language as Lang);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const [undoState, setUndoState] = useState<UndoState>({ canUndo: false, canRedo: false });
  const changed = useCallback(() => setDataVersion((v) => v + 1), []);
  const showError = useCallback((error: unknown) => void message.error(errorText(error, lang)), [message, lang]);

  const applyLang = useCallback(
    (next: Lang) => {
      void i18n.changeLanguage(next);
      rememberLang(next);
      setLang(next);
    },
    [i18n],
  );

  useEffect(() => {
    getApi()
      .getSettings({})
      .then((s) => {
        setSettings(s);
        if (s.lang !== i18n.language) applyLang(s.lang);
      }, showError);
    // Loaded once; later changes go through updateSettings.
  }, []);

  useEffect(() => {
    getApi().getUndoState({}).then(setUndoState, () => undefined);
  }, [dataVersion]);

  // The catalog is small: read again after every write (a metric added, its figure counts changed).
  const [metrics, setMetrics] = useState<MetricEntry[]>([]);
  const [cities, setCities] = useState<City[]>([]);
  useEffect(() => {
    getApi().listMetrics({}).then(setMetrics, () => undefined);
  }, [dataVersion]);
  useEffect(() => {
    getApi().listCities({}).then(setCities, () => undefined);
  }, []);
  const catalog = useMemo(() => catalogOf(metrics, cities), [metrics, cities]);

  const updateSettings = useCallback<Session['updateSettings']>(
    async (patch) => {
      if (patch.lang) applyLang(patch.lang);
      // Applied at once; the saved settings replace these when main answers.
      setSettings((s) => (s ? { ...s, ...patch } : s));
      try {
        setSettings(await getApi().updateSettings(patch));
      } catch (error) {
        showError(error);
      }
    },
    [applyLang, showError],
  );

  const step = useCallback(
    async (which: 'undo' | 'redo') => {
      try {
        // Only the change the button stood for: one that came in meanwhile (another window, the command line) is left alone.
        const batchId = (which === 'undo' ? undoState.undoBatchId : undoState.redoBatchId) ?? undefined;
        const result = which === 'undo' ? await getApi().undo({ batchId }) : await getApi().redo({ batchId });
        setUndoState(result.state);
        if (!result.done) {
          void message.info(t(which === 'undo' ? 'undo.nothingToUndo' : 'undo.nothingToRedo'));
          return;
        }
        // Says what was taken back ("已撤销：修改 智能机器人 产值（2023）"), not only how many revisions.
        const words = result.summary
          ? t(which === 'undo' ? 'undo.undoneWhat' : 'undo.redoneWhat', { change: describeChange(result.summary, lang) })
          : t(which === 'undo' ? 'undo.undone' : 'undo.redone', { count: result.changes });
        void message.success(words);
        changed();
      } catch (error) {
        showError(error);
      }
    },
    [changed, message, showError, t, undoState, lang],
  );

  const value = useMemo<Session>(
    () => ({ lang, settings, updateSettings, dataVersion, changed, undoState, undo: () => step('undo'), redo: () => step('redo'), showError, metrics, cities, catalog }),
    [lang, settings, updateSettings, dataVersion, changed, undoState, step, showError, metrics, cities, catalog],
  );

  // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (and Ctrl+Y) undo and redo changes, except where text is typed.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      if (isTextEntry(event.target)) return;
      event.preventDefault();
      void step(key === 'y' || event.shiftKey ? 'redo' : 'undo');
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = getApi().onMenuCommand((command) => void step(command));
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [step]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}
