/**
 * Settings ▸ Backups: the backups beside the data file, newest first, each restorable after a
 * confirmation; 立即备份 writes one now (a job: its progress, then its name, time and size, or why not).
 */
import { Alert, App as AntApp, Button, Empty, List, Modal, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/backups';
import { CallError } from '../../../shared/client';
import type { JobStatus } from '../../../shared/domain';
import { describeError, type ErrorPayload } from '../../../shared/errors';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { localDateTime } from '../time';
import { LoadState } from './LoadState';
import { FILE_RESTORED } from './FileHealthNotice';
import { useSession } from '../session';
import { useCall } from '../useCall';

const labelKey = (label: string): string =>
  label === 'manual'
    ? 'manual'
    : label === 'before-import'
      ? 'import'
      : label === 'before-restore'
        ? 'restore'
        : /^before-v\d+$/.test(label)
          ? 'upgrade'
          : 'other';

/** A file's size as a person reads it: KB below a megabyte, MB with one decimal above. */
const sizeWords = (bytes: number, t: (key: string, options: Record<string, unknown>) => string): string =>
  bytes < 1024 * 1024 ? t('backups.size', { size: Math.max(1, Math.round(bytes / 1024)) }) : t('backups.sizeMb', { size: (bytes / 1024 / 1024).toFixed(1) });

const asPayload = (error: unknown): ErrorPayload =>
  error instanceof CallError ? error.payload : { code: 'INTERNAL', message: String(error), details: { reason: String(error) } };

export function BackupsSection({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { dataVersion, changed, showError } = useSession();
  const [list, retry] = useCall(() => getApi().listBackups({}), [dataVersion]);
  const [asking, setAsking] = useState<BackupEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<ErrorPayload | null>(null);
  const backingUp = starting || job?.state === 'running';

  // Poll the running backup for its progress until it ends; then the list shows it first.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(() => {
      getApi()
        .getJob({ id: job.id })
        .then(
          (next) => {
            setJob(next);
            if (next.state === 'failed') setFailure(next.error);
            if (next.state === 'done') retry();
          },
          (e: unknown) => {
            setJob(null);
            setFailure(asPayload(e));
          },
        );
    }, 250);
    return () => clearTimeout(timer);
  }, [job, retry]);

  const backUpNow = async (): Promise<void> => {
    setStarting(true);
    setFailure(null);
    setJob(null);
    try {
      setJob(await getApi().backUpNow({}));
    } catch (e) {
      setFailure(asPayload(e));
    } finally {
      setStarting(false);
    }
  };
  const percent = job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  const made = job?.state === 'done' ? job.summary : null;

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
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Button type="primary" onClick={() => void backUpNow()} loading={backingUp}>
          {t('backups.backUpNow')}
        </Button>
        {backingUp ? (
          <>
            <Progress aria-label={t('backups.progress')} percent={percent} status="active" />
            <Typography.Text role="status">{t('backups.backingUp')}</Typography.Text>
          </>
        ) : null}
        {made ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('backups.made', {
              time: localDateTime(String(made.takenAt), { seconds: true }),
              size: sizeWords(Number(made.bytes), t),
              name: String(made.name),
            })}
          />
        ) : null}
        {failure ? <Alert type="error" showIcon title={t('backups.failed')} description={describeError(failure, lang)} /> : null}
      </Space>
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
                      <Typography.Text type="secondary">{sizeWords(b.bytes, t)}</Typography.Text>
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
