import { Alert, Button, Modal, Progress, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../../shared/client';
import type { JobStatus } from '../../../shared/domain';
import { describeError, type ErrorPayload } from '../../../shared/errors';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';

const asPayload = (error: unknown): ErrorPayload =>
  error instanceof CallError ? error.payload : { code: 'INTERNAL', message: String(error), details: { reason: String(error) } };

/** "导出 Excel": choose the workbook's language, pick where to save, watch the progress, cancel if need be. */
export function ExportWorkbook({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [bookLang, setBookLang] = useState<Lang>(lang);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const running = busy || job?.state === 'running';

  // Poll the running job for its progress until it ends.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(() => {
      getApi().getJob({ id: job.id }).then(setJob, (e: unknown) => setError(asPayload(e)));
    }, 250);
    return () => clearTimeout(timer);
  }, [job]);

  const start = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setJob(null);
    try {
      const started = await getApi().startWorkbookExport({ lang: bookLang });
      if (started === null) setNotice(t('workbook.dialogCancelled'));
      else setJob(started);
    } catch (e) {
      setError(asPayload(e));
    } finally {
      setBusy(false);
    }
  };

  const cancel = async (): Promise<void> => {
    if (!job) return;
    try {
      setJob(await getApi().cancelJob({ id: job.id }));
    } catch (e) {
      setError(asPayload(e));
    }
  };

  /** Opens the finished workbook with the system's spreadsheet program, and closes the dialog. */
  const openFile = async (): Promise<void> => {
    if (!job) return;
    try {
      await getApi().openExportedWorkbook({ id: job.id });
      setOpen(false);
    } catch (e) {
      setError(asPayload(e));
    }
  };

  const openDialog = (): void => {
    setBookLang(lang);
    setJob(null);
    setNotice(null);
    setError(null);
    setOpen(true);
  };

  const percent = job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  return (
    <>
      <Button onClick={openDialog}>{t('workbook.exportAction')}</Button>
      <Modal
        open={open}
        title={t('workbook.dialogTitle')}
        closable={false}
        mask={{ closable: !running }}
        keyboard={!running}
        onCancel={() => setOpen(false)}
        footer={
          running ? (
            <Button danger onClick={() => void cancel()} disabled={!job}>
              {t('workbook.cancel')}
            </Button>
          ) : job?.state === 'done' ? (
            // Done: open the file or close; starting the same export again is not what comes next.
            <Space>
              <Button onClick={() => setOpen(false)}>{t('workbook.close')}</Button>
              <Button type="primary" onClick={() => void openFile()}>
                {t('workbook.open')}
              </Button>
            </Space>
          ) : (
            <Space>
              <Button onClick={() => setOpen(false)}>{t('workbook.close')}</Button>
              <Button type="primary" onClick={() => void start()}>
                {t('workbook.start')}
              </Button>
            </Space>
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text id="workbook-language-label" strong>
            {t('workbook.language')}
          </Typography.Text>
          <Radio.Group
            aria-labelledby="workbook-language-label"
            value={bookLang}
            disabled={running}
            onChange={(e) => setBookLang(e.target.value as Lang)}
            options={[
              { value: 'zh-CN', label: t('workbook.langZh') },
              { value: 'en', label: t('workbook.langEn') },
            ]}
          />
          {job ? (
            <>
              <Progress aria-label={t('workbook.progress')} percent={job.state === 'done' ? 100 : percent} status={job.state === 'failed' || job.state === 'cancelled' ? 'exception' : undefined} />
              <Typography.Text role="status">
                {job.state === 'running'
                  ? job.total > 0
                    ? t('workbook.rowsDone', { done: job.done, total: job.total })
                    : t('workbook.starting')
                  : job.state === 'done'
                    ? t('workbook.done', { path: job.path ?? '' })
                    : job.state === 'cancelled'
                      ? t('workbook.cancelled')
                      : t('workbook.failed')}
              </Typography.Text>
              {job.state === 'failed' && job.error ? <Alert type="error" showIcon title={t('workbook.failed')} description={describeError(job.error, lang)} /> : null}
            </>
          ) : null}
          {notice ? <Typography.Text role="status">{notice}</Typography.Text> : null}
          {error ? <Alert type="error" showIcon title={t('workbook.failed')} description={describeError(error, lang)} /> : null}
        </Space>
      </Modal>
    </>
  );
}
