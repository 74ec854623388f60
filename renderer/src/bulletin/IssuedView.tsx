/** An issued 简报, read-only: its 期号, date, frame and body as issued; exported, or corrected (更正: a new draft). */
import { Alert, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinRecord } from '../../../shared/bulletin-store';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { useSession } from '../session';
import { localDateTime } from '../time';
import { hrefFor } from '../useRoute';
import { CorrectionNote } from './CorrectionNote';
import { BulletinEditor } from './editor/BulletinEditor';
import { ExportBar } from './ExportBar';
import { PreviewDrawer } from './PreviewDrawer';
import { isExampleIssue, issueWords, issuedDay } from './issueWords';

export function IssuedView({ record, lang }: { record: BulletinRecord; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { changed, showError } = useSession();
  const [correcting, setCorrecting] = useState(false);
  const { content } = record;
  const correct = async (): Promise<void> => {
    setCorrecting(true);
    try {
      const draft = await getApi().correctBulletin({ id: record.id });
      changed();
      window.location.hash = hrefFor({ name: 'bulletin', id: draft.id });
    } catch (error) {
      showError(error);
    } finally {
      setCorrecting(false);
    }
  };
  const list = (names: string[]): string => (names.length > 0 ? names.join(lang === 'en' ? ', ' : '、') : '—');
  return (
    <article aria-labelledby="bulletin-title">
      <Space align="center" wrap style={{ marginTop: 8 }}>
        <Typography.Title level={1} id="bulletin-title" style={{ fontSize: 26, margin: 0 }}>
          {record.title}
        </Typography.Title>
        {record.issue ? <Tag color="red">{issueWords(record.issue, lang)}</Tag> : null}
        {record.issue?.supplement ? <Tag color="purple">{t('bulletins.supplementTag')}</Tag> : null}
        {isExampleIssue(record) ? <Tag color="blue">{t('bulletins.exampleTag')}</Tag> : null}
      </Space>
      <div style={{ marginTop: 12, maxWidth: 1000 }}>
        {record.correctionOf !== null ? <CorrectionNote of={record.correctionOf} lang={lang} /> : null}
        <Alert type="info" showIcon title={t('bulletins.readOnly', { date: issuedDay(record.issuedAt), by: record.changedBy })} style={{ marginBottom: 12 }} />
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'issue', label: t('bulletins.issueNumber'), children: record.issue ? issueWords(record.issue, lang) : '—' },
            { key: 'date', label: t('bulletins.issuedAtLabel'), children: record.issuedAt ? localDateTime(record.issuedAt) : '—' },
            { key: 'name', label: t('bulletins.frame.name'), children: content.frame.name },
            { key: 'unit', label: t('bulletins.frame.unit'), children: content.frame.unit || '—' },
            { key: 'lang', label: t('bulletins.lang'), children: t(`bulletins.langs.${content.lang}`) },
            { key: 'marking', label: t('bulletins.frame.marking'), children: content.frame.marking || '—' },
            { key: 'sendTo', label: t('bulletins.frame.sendTo'), children: list(content.frame.sendTo) },
            { key: 'copyTo', label: t('bulletins.frame.copyTo'), children: list(content.frame.copyTo) },
          ]}
        />
        {content.editorNote ? (
          <section aria-label={t('bulletins.editorNote')}>
            <Typography.Paragraph>
              <strong>{t('bulletins.editorNote')}：</strong>
              {content.editorNote}
            </Typography.Paragraph>
          </section>
        ) : null}
      </div>
      <BulletinEditor readOnly label={t('bulletins.body')} blocks={content.blocks} lang={content.lang} onChange={() => undefined} />
      <section aria-labelledby="bulletin-actions-heading" style={{ marginTop: 24, maxWidth: 1000 }}>
        <Typography.Title level={2} id="bulletin-actions-heading" style={{ fontSize: 18 }}>
          {t('bulletins.actions')}
        </Typography.Title>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <PreviewDrawer id={record.id} title={content.title} lang={lang} />
          <ExportBar id={record.id} lang={lang} />
          <Button onClick={() => void correct()} loading={correcting}>
            {t('bulletins.correct')}
          </Button>
        </Space>
      </section>
    </article>
  );
}
