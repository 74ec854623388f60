import { RedoOutlined, SettingOutlined, UndoOutlined } from '@ant-design/icons';
import { App as AntApp, Button, ConfigProvider, Form, Input, Layout, Modal, Space, Spin, Typography, theme } from 'antd';
import { DarkTheme } from './darkTheme';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeChange } from '../../shared/history';
import type { Lang } from '../../shared/i18n';
import type { Theme } from '../../shared/workbench';
import { ExportWorkbook } from './components/ExportWorkbook';
import { FileHealthNotice } from './components/FileHealthNotice';
import { OutsideChangeNotice } from './components/OutsideChangeNotice';
import { SearchDialog } from './components/GlobalSearch';
import { AnnotationsPage } from './pages/AnnotationsPage';
import { BriefingPage } from './pages/BriefingPage';
import { ChecksPage } from './pages/ChecksPage';
import { BulletinPage } from './pages/BulletinPage';
import { BulletinsPage } from './pages/BulletinsPage';
import { EntityPage } from './pages/EntityPage';
import { ImportPage } from './pages/ImportPage';
import { OverviewPage } from './pages/OverviewPage';
import { SettingsPage } from './pages/SettingsPage';
import { TableImportPage } from './pages/TableImportPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { watchIconLabels } from './iconLabels';
import { SessionProvider, useSession } from './session';
import { REDUCED_MOTION, useMediaQuery } from './useMediaQuery';
import { hrefFor, useRoute, type Route } from './useRoute';
import { PAGE_FONT } from './pageFont';

// ECharts is large and only the dashboard needs it: load it when the dashboard is opened.
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));

const LIGHT_CONTRAST = { colorPrimary: '#0958d9', colorLink: '#0958d9', colorError: '#cf1322', colorWarning: '#ad6800', colorTextDescription: 'rgba(0, 0, 0, 0.62)' };
const DARK_CONTRAST = { colorLink: '#69b1ff', colorError: '#ff7875', colorTextDescription: 'rgba(255, 255, 255, 0.68)' };

// Issue 13, found by axe along the first-day journey: placeholders, hovered buttons (the pointer stays
// on a button after a click) and orange/green tags read at 4.5:1 or more in either theme.
const LIGHT_STATES = { colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)', colorPrimaryHover: '#003eb3', orange: '#d46b08', green: '#389e0d' };
const DARK_STATES = { colorTextPlaceholder: 'rgba(255, 255, 255, 0.5)', colorPrimaryHover: '#0958d9' };
const BUTTON_STATES = { light: { defaultHoverColor: '#003eb3', defaultHoverBorderColor: '#003eb3' }, dark: { defaultHoverColor: '#91caff', defaultHoverBorderColor: '#91caff' } };
/** A disabled button on the navy header: light text (6.4:1 on #0b3d6b, WCAG AA), no fill, a dashed edge. */
const DISABLED_ON_NAVY: React.CSSProperties = { color: '#b8c7d9', background: 'transparent', borderColor: '#6f8fb3', borderStyle: 'dashed' };

const LANG_CHOICES: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

/** Light or dark, following the operating system when the person chose "follow the system". */
function useDark(choice: Theme): boolean {
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  return choice === 'dark' || (choice === 'system' && systemDark);
}

export function App(): React.JSX.Element {
  const [themeChoice, setThemeChoice] = useState<Theme>('system');
  const [lang, setLang] = useState<Lang>('zh-CN');
  const dark = useDark(themeChoice);
  const reducedMotion = useMediaQuery(REDUCED_MOTION);
  // Messages after an action open just under the header, never over it: a long one ("已重做：修改 …")
  // covered the navigation and the undo buttons, and antd holds a message open while the pointer is on it.
  const [headerHeight, setHeaderHeight] = useState(64);
  return (
    <ConfigProvider
      // No virtual lists: every option of a select is in the page, reachable by role and name
      // (a virtual list exposes only the few in view, so assistive tech could not pick the rest).
      virtual={false}
      button={{ autoInsertSpace: false }}
      // No ripple after a click: decorative, and its frames (drawn by the CPU where there is no GPU) take a share
      // of a 2-core laptop from the work the click started.
      wave={{ disabled: true }}
      locale={lang === 'en' ? enUS : zhCN}
      theme={{
        algorithm: dark ? theme.darkAlgorithm : theme.defaultAlgorithm,
        // Blue, red and secondary text that read at WCAG AA contrast on either background.
        token: { motion: !reducedMotion, fontFamily: PAGE_FONT, ...(dark ? DARK_CONTRAST : LIGHT_CONTRAST), ...(dark ? DARK_STATES : LIGHT_STATES) },
        components: { Button: dark ? BUTTON_STATES.dark : BUTTON_STATES.light },
      }}
    >
      <AntApp message={{ top: headerHeight + TOAST_GAP, duration: TOAST_SECONDS }}>
        <SessionProvider>
          <DarkTheme.Provider value={dark}>
            <Shell dark={dark} onTheme={setThemeChoice} onLang={setLang} onHeaderHeight={setHeaderHeight} />
          </DarkTheme.Provider>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** The pages, in the header's order; settings is the gear at the end of the same navigation. */
const NAV: Route['name'][] = ['overview', 'workbench', 'dashboard', 'checks', 'annotations', 'bulletins', 'briefings', 'import', 'tables'];
const NAV_LABEL: Record<string, string> = {
  overview: 'nav.overview',
  workbench: 'workbench.nav',
  dashboard: 'dashboard.nav',
  checks: 'checks.nav',
  annotations: 'annotations.nav',
  bulletins: 'bulletins.nav',
  briefings: 'briefingBuilder.nav',
  import: 'importer.nav',
  tables: 'tableImport.nav',
};

/** A link of the navy header: white and underlined when it is the page shown. */
const navLinkStyle = (here: boolean): React.CSSProperties => ({
  color: here ? '#fff' : '#cfe0f3',
  fontWeight: here ? 600 : 400,
  whiteSpace: 'nowrap',
  // As tall as the header's buttons, so every item of the row shares one top edge; the underline drawn inside.
  display: 'inline-block',
  lineHeight: '32px',
  boxShadow: here ? 'inset 0 -2px 0 #fff' : 'none',
});

/** Space between the header's lower edge and a message under it. */
const TOAST_GAP = 8;

/**
 * How long a message stays, in seconds (Ant Design's default is 3). Messages say what was done —
 * "已撤销：修改 智能机器人 产值（2023）（连同另外 1 项修改）" — and take longer than 3 s to read.
 */
const TOAST_SECONDS = 6;

/** The header's height as it is laid out now (its links wrap onto a second row in a narrow window). */
function useHeaderHeight(onHeight: (px: number) => void): React.RefObject<HTMLElement | null> {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const header = ref.current;
    if (!header) return;
    const report = (): void => onHeight(Math.ceil(header.getBoundingClientRect().height));
    report();
    const observer = new ResizeObserver(report);
    observer.observe(header);
    return () => observer.disconnect();
  }, [onHeight]);
  return ref;
}

function Shell({ dark, onTheme, onLang, onHeaderHeight }: { dark: boolean; onTheme: (t: Theme) => void; onLang: (l: Lang) => void; onHeaderHeight: (px: number) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const headerRef = useHeaderHeight(onHeaderHeight);
  const route = useRoute();
  const session = useSession();
  const { lang, settings } = session;

  useEffect(() => onLang(lang), [lang, onLang]);
  useEffect(() => {
    if (settings) onTheme(settings.theme);
  }, [settings, onTheme]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    document.title = `${t('app.title')} · Cluster Brief`;
  }, [lang, dark, t]);
  // Screen readers hear the person's language, not antd's English icon names (issue 13).
  useEffect(() => watchIconLabels(document.body, { clear: t('a11y.clear'), close: t('a11y.close'), search: t('a11y.search') }), [lang, t]);

  const current = route.name === 'entity' ? 'overview' : route.name === 'bulletin' ? 'bulletins' : route.name;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* One row at 1280 px in either language (English wrapped below 1536 px): tight spacing, settings
          as a gear and undo/redo as arrows, each named for screen readers and with its words on hover.
          In a still narrower window the links wrap onto a second row rather than push the page wider. */}
      <Layout.Header ref={headerRef} style={{ display: 'flex', alignItems: 'center', gap: 12, background: '#0b3d6b', paddingInline: 16, paddingBlock: 12, height: 'auto', lineHeight: '40px' }}>
        <a href="#/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap', marginInlineEnd: 4, lineHeight: '32px' }}>
          {t('app.title')}
        </a>
        <nav aria-label={t('nav.main')} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 12, flex: 1, minWidth: 0 }}>
          {NAV.map((name) => (
            <a key={name} href={hrefFor({ name } as Route)} aria-current={current === name ? 'page' : undefined} style={navLinkStyle(current === name)}>
              {t(NAV_LABEL[name]!)}
            </a>
          ))}
          <a
            href={hrefFor({ name: 'settings' })}
            aria-current={current === 'settings' ? 'page' : undefined}
            aria-label={t('settings.nav')}
            title={t('settings.nav')}
            style={{ ...navLinkStyle(current === 'settings'), marginInlineStart: 'auto', fontSize: 18, paddingInline: 7 }}
          >
            <SettingOutlined />
          </a>
        </nav>
        <ExportWorkbook lang={lang} />
        <Space.Compact role="group" aria-label={t('undo.group')}>
          {/* Each says what it would take back before it is pressed (its description, and the tooltip): on the dashboard, 撤销 took back a 简报 edit made elsewhere. */}
          <Button
            aria-label={t('undo.undo')}
            icon={<UndoOutlined />}
            disabled={!session.undoState.canUndo}
            style={session.undoState.canUndo ? undefined : DISABLED_ON_NAVY}
            onClick={() => void session.undo()}
            title={session.undoState.undoWhat ? t('undo.undoWhat', { change: describeChange(session.undoState.undoWhat, lang), keys: 'Ctrl/⌘+Z' }) : t('undo.undoKeys', { keys: 'Ctrl/⌘+Z' })}
          />
          <Button
            aria-label={t('undo.redo')}
            icon={<RedoOutlined />}
            disabled={!session.undoState.canRedo}
            style={session.undoState.canRedo ? undefined : DISABLED_ON_NAVY}
            onClick={() => void session.redo()}
            title={session.undoState.redoWhat ? t('undo.redoWhat', { change: describeChange(session.undoState.redoWhat, lang), keys: 'Ctrl/⌘+Shift+Z' }) : t('undo.redoKeys', { keys: 'Ctrl/⌘+Shift+Z' })}
          />
        </Space.Compact>
        <Space.Compact role="group" aria-label={t('app.language')}>
          {LANG_CHOICES.map(({ value, label }) => (
            <Button key={value} type={lang === value ? 'primary' : 'default'} aria-pressed={lang === value} lang={value} onClick={() => void session.updateSettings({ lang: value })}>
              {label}
            </Button>
          ))}
        </Space.Compact>
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 32px', maxWidth: 1440, width: '100%', margin: '0 auto' }}>
        <FileHealthNotice />
        <OutsideChangeNotice />
        <Screen route={route} lang={lang} />
      </Layout.Content>
      <FirstStart />
      <SearchDialog lang={lang} />
    </Layout>
  );
}

function Screen({ route, lang }: { route: Route; lang: Lang }): React.JSX.Element {
  // The route's query as it was when the route last changed (a hashchange): a query the page itself takes
  // out of the address (replaceState, the workbench closing a figure it opened) does not open the page afresh.
  const query = useMemo(() => window.location.hash.split('?')[1] ?? '', [route]);
  switch (route.name) {
    case 'entity':
      return <EntityPage id={route.id} lang={lang} />;
    case 'workbench':
      // Opened again with another query (a figure or city found by the search, from the workbench itself): afresh.
      return <WorkbenchPage key={query} lang={lang} />;
    case 'dashboard':
      return (
        <Suspense fallback={<Spin />}>
          <DashboardPage lang={lang} />
        </Suspense>
      );
    case 'checks':
      return <ChecksPage lang={lang} />;
    case 'annotations':
      return <AnnotationsPage lang={lang} />;
    case 'settings':
      return <SettingsPage lang={lang} />;
    case 'briefings':
      return <BriefingPage lang={lang} />;
    case 'bulletins':
      return <BulletinsPage lang={lang} />;
    case 'bulletin':
      return <BulletinPage key={route.id} id={route.id} lang={lang} />;
    case 'import':
      return <ImportPage lang={lang} />;
    case 'tables':
      return <TableImportPage lang={lang} />;
    default:
      return <OverviewPage lang={lang} />;
  }
}

/** On first start, asks for the name every change will be recorded under (the OS user name suggested). */
function FirstStart(): React.JSX.Element | null {
  const { t } = useTranslation();
  const { settings, updateSettings } = useSession();
  const [form] = Form.useForm<{ authorName: string }>();
  if (!settings || settings.authorName !== null) return null;
  const confirm = async (): Promise<void> => {
    const values = await form.validateFields().catch(() => null);
    if (values) await updateSettings({ authorName: values.authorName.trim() });
  };
  return (
    <Modal open title={t('settings.welcomeTitle')} closable={false} maskClosable={false} keyboard={false} onOk={() => void confirm()} okText={t('settings.welcomeConfirm')} cancelButtonProps={{ style: { display: 'none' } }}>
      <Typography.Paragraph>{t('settings.welcomeText')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ authorName: settings.defaultAuthorName }} onFinish={() => void confirm()}>
        <Form.Item name="authorName" label={t('settings.author')} rules={[{ required: true, whitespace: true, max: 100, message: t('settings.authorRequired') }]}>
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
