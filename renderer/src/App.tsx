import { Button, ConfigProvider, Layout, Space, Typography, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { rememberLang } from './i18n';
import { ExportWorkbook } from './components/ExportWorkbook';
import { BriefingPage } from './pages/BriefingPage';
import { EntityPage } from './pages/EntityPage';
import { ImportPage } from './pages/ImportPage';
import { OverviewPage } from './pages/OverviewPage';
import { useRoute } from './useRoute';

const LANG_CHOICES: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function App(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const [lang, setLang] = useState<Lang>(i18n.language as Lang);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('app.title')} · Cluster Brief`;
  }, [lang, t]);

  const switchLang = (next: Lang): void => {
    void i18n.changeLanguage(next);
    rememberLang(next);
    setLang(next);
  };

  return (
    <ConfigProvider button={{ autoInsertSpace: false }} locale={lang === 'en' ? enUS : zhCN} theme={{ algorithm: theme.defaultAlgorithm, token: { fontFamily: "'Noto Sans SC', system-ui, sans-serif" } }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#0b3d6b' }}>
          <a href="#/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
            {t('app.title')}
          </a>
          <Typography.Text style={{ color: '#cfe0f3', flex: 1 }} ellipsis>
            {t('app.subtitle')}
          </Typography.Text>
          <nav aria-label={t('nav.main')} style={{ display: 'flex', gap: 16 }}>
            <a href="#/briefings" aria-current={route.name === 'briefings' ? 'page' : undefined} style={{ color: '#fff', whiteSpace: 'nowrap' }}>
              {t('briefingBuilder.nav')}
            </a>
            <a href="#/import" aria-current={route.name === 'import' ? 'page' : undefined} style={{ color: '#fff', whiteSpace: 'nowrap' }}>
              {t('importer.nav')}
            </a>
          </nav>
          <ExportWorkbook lang={lang} />
          <Space.Compact role="group" aria-label={t('app.language')}>
            {LANG_CHOICES.map(({ value, label }) => (
              <Button key={value} type={lang === value ? 'primary' : 'default'} aria-pressed={lang === value} lang={value} onClick={() => switchLang(value)}>
                {label}
              </Button>
            ))}
          </Space.Compact>
        </Layout.Header>
        <Layout.Content style={{ padding: '24px 32px', maxWidth: 1280, width: '100%', margin: '0 auto' }}>
          <main>
            {route.name === 'entity' ? (
              <EntityPage id={route.id} lang={lang} />
            ) : route.name === 'briefings' ? (
              <BriefingPage lang={lang} />
            ) : route.name === 'import' ? (
              <ImportPage lang={lang} />
            ) : (
              <OverviewPage lang={lang} />
            )}
          </main>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
