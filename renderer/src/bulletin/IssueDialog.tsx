/**
 * 签发: the dialog that issues a draft. It says what happens (the issue becomes read-only, its 期号 and
 * every referenced value are frozen) and which 期号 and date it will take, offers 增刊 and 总第M期,
 * warns of a head without its 编印单位 or an issue with no 版记, and shows a refusal (a broken or
 * updated reference) in the person's language, changing nothing.
 */
import { Alert, Checkbox, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinFrame, IssueNumber } from '../../../shared/bulletin';
import { issueLabel, type BulletinRecord } from '../../../shared/bulletin-store';
import { localDate, longDate } from '../../../shared/briefing-words';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { errorText } from '../session';

export interface IssueDialogProps {
  id: number;
  title: string;
  /** The draft's head and tail as typed, for the warnings. */
  frame: BulletinFrame;
  /** The draft has no body yet (no block, no 按语). */
  empty: boolean;
  /** References whose figure changed since accepted, and whose figure was deleted (the draft's reference report): 签发 refuses both. */
  references: { changed: number; broken: number };
  lang: Lang;
  open: boolean;
  onClose: () => void;
  onIssued: (record: BulletinRecord) => void;
}

export function IssueDialog({ id, title, frame, empty, references, lang, open, onClose, onIssued }: IssueDialogProps): React.JSX.Element {
  const { t } = useTranslation();
  const [supplement, setSupplement] = useState(false);
  const [withTotal, setWithTotal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The 期号 it will take, asked again when 增刊 or 总期号 changes (an issue 签发'd meanwhile elsewhere takes it first: 签发 numbers again).
  const [next, setNext] = useState<IssueNumber | null>(null);
  useEffect(() => {
    if (!open) return;
    let current = true;
    getApi()
      .nextBulletinIssue({ supplement, withTotal })
      .then((n) => current && setNext(n), () => current && setNext(null));
    return () => void (current = false);
  }, [open, supplement, withTotal]);
  const words = lang === 'en' ? 'en' : 'zh';
  const noTail = frame.sendTo.length === 0 && frame.copyTo.length === 0 && frame.copies === null;
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
      // References it would refuse are said below: 签发 waits until they are dealt with (pressed, it only said "未签发").
      // A reference that broke since the report still meets the refusal, in words.
      okButtonProps={{ disabled: references.changed + references.broken > 0 }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('bulletins.issue.what', { title })}</Typography.Paragraph>
      {next ? (
        <Typography.Paragraph strong role="status">
          {t('bulletins.issue.number', { number: issueLabel(next, words), date: longDate(localDate(new Date()), words) })}
        </Typography.Paragraph>
      ) : null}
      {/* Said before 签发 is pressed: references it would refuse (an error), then what is merely missing. */}
      <BeforeIssuing
        type="error"
        title={t('bulletins.issue.references')}
        items={[references.changed > 0 && t('bulletins.issue.staleRefs', { count: references.changed }), references.broken > 0 && t('bulletins.issue.brokenRefs', { count: references.broken })]}
      />
      <BeforeIssuing
        type="warning"
        title={t('bulletins.issue.incomplete')}
        items={[empty && t('bulletins.issue.noBody'), !frame.unit.trim() && t('bulletins.issue.noUnit'), noTail && t('bulletins.issue.noTail')]}
      />
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

/**
 * What to know before 签发, as a list under a title; nothing when the list is empty. A note, not an
 * alert: the dialog's one alert is a refusal.
 */
function BeforeIssuing({ type, title, items }: { type: 'error' | 'warning'; title: string; items: (string | false)[] }): React.JSX.Element | null {
  const shown = items.filter((i): i is string => i !== false);
  if (shown.length === 0) return null;
  return (
    <Alert
      type={type}
      role="note"
      showIcon
      style={{ marginBottom: 12 }}
      title={title}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {shown.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      }
    />
  );
}
