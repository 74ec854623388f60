/** Settings: language, theme and author name (applied at once, kept in the data file), deleted items to restore, the 简报 frame defaults, backups. */
import { App as AntApp, Button, Card, Empty, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import type { DeletedItem, Theme } from '../../../shared/workbench';
import { getApi } from '../api';
import { FrameDefaultsSection } from '../bulletin/FrameDefaultsSection';
import { BackupsSection } from '../components/BackupsSection';
import { MetricsSection } from '../components/MetricsSection';
import { LoadState } from '../components/LoadState';
import { useSession } from '../session';
import { useCall } from '../useCall';

export function SettingsPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { settings, updateSettings, dataVersion, changed, showError } = useSession();
  const [deleted, retry] = useCall(() => getApi().listDeleted({}), [dataVersion]);
  const restore = async (targetType: DeletedItem['targetType'], targetId: string, name: string): Promise<void> => {
    try {
      await getApi().restoreItem({ targetType, targetId });
      changed();
      // Said, as a save is (a restore changed the list and said nothing).
      void message.success(t('settings.restoredItem', { name }));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('settings.heading')}
      </Typography.Title>
      <Card size="small" style={{ maxWidth: 640 }}>
        <Form layout="vertical">
          <Form.Item label={t('settings.language')}>
            <Radio.Group
              aria-label={t('settings.language')}
              value={lang}
              onChange={(e) => void updateSettings({ lang: e.target.value as Lang })}
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('settings.theme')}>
            <Radio.Group
              aria-label={t('settings.theme')}
              value={settings?.theme ?? 'system'}
              onChange={(e) => void updateSettings({ theme: e.target.value as Theme })}
              options={[
                { value: 'light', label: t('settings.themeLight') },
                { value: 'dark', label: t('settings.themeDark') },
                { value: 'system', label: t('settings.themeSystem') },
              ]}
            />
          </Form.Item>
        </Form>
        {settings ? (
          <Form
            key={settings.authorName ?? ''}
            layout="vertical"
            initialValues={{ authorName: settings.authorName ?? settings.defaultAuthorName }}
            onFinish={(v: { authorName: string }) => void updateSettings({ authorName: v.authorName.trim() }).then(() => message.success(t('settings.saved')))}
          >
            <Form.Item name="authorName" label={t('settings.author')} extra={t('settings.authorHelp')} rules={[{ required: true, whitespace: true, max: 100, message: t('settings.authorRequired') }]}>
              <Input />
            </Form.Item>
            <Button htmlType="submit">{t('settings.save')}</Button>
          </Form>
        ) : null}
      </Card>
      <MetricsSection lang={lang} />
      <section aria-labelledby="trash-heading" style={{ marginTop: 24, maxWidth: 900 }}>
        <Typography.Title level={2} id="trash-heading" style={{ fontSize: 20 }}>
          {t('settings.trash')}
        </Typography.Title>
        <LoadState loaded={deleted} lang={lang} retry={retry}>
          {(items) =>
            items.length === 0 ? (
              <Empty description={t('settings.trashEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                dataSource={items}
                renderItem={(item) => {
                  const label = lang === 'en' ? item.label.en : item.label.zh;
                  return (
                    <List.Item
                      actions={[
                        <Button key="restore" size="small" aria-label={`${t('settings.restore')} ${label}`} onClick={() => void restore(item.targetType, item.targetId, label)}>
                          {t('settings.restore')}
                        </Button>,
                      ]}
                    >
                      <Space>
                        <Tag>{t(`settings.kind.${item.targetType}`)}</Tag>
                        <span>{label}</span>
                        <Typography.Text type="secondary">{t('settings.deletedAt', { at: item.deletedAt.slice(0, 16).replace('T', ' ') })}</Typography.Text>
                      </Space>
                    </List.Item>
                  );
                }}
              />
            )
          }
        </LoadState>
      </section>
      <FrameDefaultsSection lang={lang} />
      <BackupsSection lang={lang} />
    </>
  );
}
