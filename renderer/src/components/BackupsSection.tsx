/** Settings ▸ Backups: the backups beside the data file, newest first, each restorable after a confirmation. */
import { App as AntApp, Button, Empty, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/backups';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { localDateTime } from '../time';
import { LoadState } from './LoadState';
import { FILE_RESTORED } from './FileHealthNotice';
import { useSession } from '../session';
import { useCall } from '../useCall';

const labelKey = (label: string): string =>
  label === 'before-import' ? 'import' : label === 'before-restore' ? 'restore' : /^before-v\d+$/.test(label) ? 'upgrade' : 'other';

export function BackupsSection({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { dataVersion, changed, showError } = useSession();
  const [list, retry] = useCall(() => getApi().listBackups({}), [dataVersion]);
  const [asking, setAsking] = useState<BackupEntry | null>(null);
  const [busy, setBusy] = useState(false);

  const restore = async (backup: BackupEntry): Promise<void> => {
    setBusy(true);
    try {
      const result = await getApi().restoreBackup({ name: backup.name });
      setAsking(null);
      void message.success(t('backups.restored', { name: result.restored, safety: result.safetyBackup }));
      window.dispatchEvent(new Event(FILE_RESTORED));
      changed();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="backups-heading" style={{ marginTop: 24, maxWidth: 900 }}>
      <Typography.Title level={2} id="backups-heading" style={{ fontSize: 20 }}>
        {t('backups.heading')}
      </Typography.Title>
      <LoadState loaded={list} lang={lang} retry={retry}>
        {({ folder, backups }) => (
          <>
            <Typography.Paragraph type="secondary">{t('backups.intro', { folder })}</Typography.Paragraph>
            {backups.length === 0 ? (
              <Empty description={t('backups.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                aria-label={t('backups.heading')}
                dataSource={backups}
                renderItem={(b) => (
                  <List.Item
                    actions={[
                      <Button key="restore" size="small" aria-label={`${t('backups.restore')} ${b.name}`} onClick={() => setAsking(b)}>
                        {t('backups.restore')}
                      </Button>,
                    ]}
                  >
                    <Space wrap>
                      <Tag>{t(`backups.label.${labelKey(b.label)}`)}</Tag>
                      <span>{localDateTime(b.takenAt, { seconds: true })}</span>
                      <Typography.Text type="secondary">{b.name}</Typography.Text>
                      <Typography.Text type="secondary">{t('backups.size', { size: Math.max(1, Math.round(b.bytes / 1024)) })}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </>
        )}
      </LoadState>
      <Modal
        open={asking !== null}
        title={t('backups.confirmTitle')}
        okText={t('backups.confirmOk')}
        cancelText={t('backups.cancel')}
        okButtonProps={{ danger: true, loading: busy }}
        onOk={() => asking && void restore(asking)}
        onCancel={() => setAsking(null)}
      >
        <Typography.Paragraph>{t('backups.confirmText', { name: asking?.name ?? '' })}</Typography.Paragraph>
      </Modal>
    </section>
  );
}
