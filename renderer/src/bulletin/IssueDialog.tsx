/**
 * 签发: the dialog that issues a draft. It says what happens (the issue becomes read-only, its 期号 and
 * every referenced value are frozen), offers 增刊 and 总第M期, and shows a refusal (a broken or
 * updated reference) in the person's language, changing nothing.
 */
import { Alert, Checkbox, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinRecord } from '../../../shared/bulletin-store';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { errorText } from '../session';

export interface IssueDialogProps {
  id: number;
  title: string;
  lang: Lang;
  open: boolean;
  onClose: () => void;
  onIssued: (record: BulletinRecord) => void;
}

export function IssueDialog({ id, title, lang, open, onClose, onIssued }: IssueDialogProps): React.JSX.Element {
  const { t } = useTranslation();
  const [supplement, setSupplement] = useState(false);
  const [withTotal, setWithTotal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const issue = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onIssued(await getApi().issueBulletin({ id, supplement, withTotal }));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('bulletins.issue.title')}
      okText={t('bulletins.issue.confirm')}
      cancelText={t('bulletins.issue.cancel')}
      onOk={() => void issue()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('bulletins.issue.what', { title })}</Typography.Paragraph>
      <Space orientation="vertical">
        <Checkbox checked={supplement} onChange={(e) => setSupplement(e.target.checked)}>
          {t('bulletins.issue.supplement')}
        </Checkbox>
        <Checkbox checked={withTotal} onChange={(e) => setWithTotal(e.target.checked)}>
          {t('bulletins.issue.withTotal')}
        </Checkbox>
      </Space>
      {error ? <Alert role="alert" type="error" showIcon title={t('bulletins.issue.refused')} description={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
