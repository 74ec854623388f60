/**
 * 简报编发 (issue 10): the office's 简报 issues. 草稿 — the drafts being written, and a new one
 * started from a title and a language; 归档 — the issued issues by year, filtered by year or found
 * by the words in them.
 */
import { Alert, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinContent } from '../../../shared/bulletin';
import type { BulletinListItem } from '../../../shared/bulletin-store';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { markJustCreated } from '../bulletin/justCreated';
import { LangChoice } from '../bulletin/LangChoice';
import { isExampleIssue, issueWords, issuedDay } from '../bulletin/issueWords';
import { LoadState } from '../components/LoadState';
import { errorText, useSession } from '../session';
import { localDateTime } from '../time';
import { useCall } from '../useCall';
import { hrefFor } from '../useRoute';

export function BulletinsPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('bulletins.heading')}
      </Typography.Title>
      <Drafts lang={lang} />
      <Archive lang={lang} />
    </>
  );
}

function Drafts({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const [drafts, retry] = useCall(() => getApi().listBulletinDrafts({}), [dataVersion]);
  return (
    <section aria-labelledby="bulletin-drafts-heading" style={{ maxWidth: 1000 }}>
      <Typography.Title level={2} id="bulletin-drafts-heading" style={{ fontSize: 20 }}>
        {t('bulletins.drafts')}
      </Typography.Title>
      <NewDraft lang={lang} />
      <LoadState loaded={drafts} lang={lang} retry={retry}>
        {(items) =>
          items.length === 0 ? (
            <Empty description={t('bulletins.noDrafts')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <List
              bordered
              size="small"
              dataSource={items}
              renderItem={(item) => (
                <List.Item>
                  <List.Item.Meta
                    title={<a href={hrefFor({ name: 'bulletin', id: item.id })}>{item.title}</a>}
                    description={
                      <Space wrap size={4}>
                        <span>{t('bulletins.changedBy', { at: localDateTime(item.changedAt), by: item.changedBy })}</span>
                        {item.correctionOf !== null ? <Tag color="orange">{t('bulletins.correctionTag')}</Tag> : null}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          )
        }
      </LoadState>
    </section>
  );
}

/** 新建简报: a title and a language; the frame comes from Settings' defaults. */
function NewDraft({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { changed } = useSession();
  const [title, setTitle] = useState('');
  const [docLang, setDocLang] = useState<BulletinContent['lang']>(lang === 'en' ? 'en' : 'zh');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const content = await getApi().newBulletinContent({ title: title.trim(), lang: docLang });
      const draft = await getApi().createBulletinDraft({ content });
      changed();
      markJustCreated(draft.id);
      window.location.hash = hrefFor({ name: 'bulletin', id: draft.id });
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form layout="inline" colon={false} onFinish={() => void create()} style={{ rowGap: 8 }}>
        <Form.Item label={t('bulletins.newTitle')} htmlFor="new-bulletin-title" style={{ minWidth: 360 }}>
          <Input id="new-bulletin-title" value={title} maxLength={200} showCount onChange={(e) => setTitle(e.target.value)} />
        </Form.Item>
        <Form.Item label={<span id="new-bulletin-lang">{t('bulletins.lang')}</span>}>
          <LangChoice labelledBy="new-bulletin-lang" value={docLang} onChange={setDocLang} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={title.trim() === ''}>
          {t('bulletins.create')}
        </Button>
      </Form>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Card>
  );
}

function Archive({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const [year, setYear] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [archive, retry] = useCall(() => getApi().listIssuedBulletins({}), [dataVersion]);
  const [found, retrySearch] = useCall(() => (query.trim() === '' ? Promise.resolve(null) : getApi().searchBulletins({ query: query.trim(), issuedOnly: true })), [query, dataVersion]);
  return (
    <section aria-labelledby="bulletin-archive-heading" style={{ maxWidth: 1000, marginTop: 24 }}>
      <Typography.Title level={2} id="bulletin-archive-heading" style={{ fontSize: 20 }}>
        {t('bulletins.archive')}
      </Typography.Title>
      <LoadState loaded={archive} lang={lang} retry={retry}>
        {({ years, items }) => {
          const all = new Map(items.map((i) => [i.id, i]));
          return (
            <>
              <Space wrap style={{ marginBottom: 12 }}>
                <Select
                  aria-label={t('bulletins.yearFilter')}
                  style={{ minWidth: 160 }}
                  value={year ?? 'all'}
                  onChange={(v: number | 'all') => setYear(v === 'all' ? null : v)}
                  options={[{ value: 'all', label: t('bulletins.allYears') }, ...years.map((y) => ({ value: y, label: t('bulletins.year', { year: y }) }))]}
                />
                <Input.Search type="search" aria-label={t('bulletins.search')} placeholder={t('bulletins.searchPlaceholder')} allowClear style={{ width: 320 }} onSearch={setQuery} onChange={(e) => e.target.value === '' && setQuery('')} />
              </Space>
              {query.trim() !== '' ? (
                <LoadState loaded={found} lang={lang} retry={retrySearch}>
                  {(results) => (
                    <section aria-label={t('bulletins.results')}>
                      {results && results.length > 0 ? (
                        <IssueList items={results} all={all} lang={lang} />
                      ) : (
                        <Empty description={t('bulletins.noResults', { query: query.trim() })} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                      )}
                    </section>
                  )}
                </LoadState>
              ) : items.length === 0 ? (
                <Empty description={t('bulletins.noIssued')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                years
                  .filter((y) => year === null || y === year)
                  .map((y) => (
                    <section key={y} aria-labelledby={`archive-year-${y}`}>
                      <Typography.Title level={3} id={`archive-year-${y}`} style={{ fontSize: 17 }}>
                        {t('bulletins.year', { year: y })}
                      </Typography.Title>
                      <IssueList items={items.filter((i) => i.issue?.year === y)} all={all} lang={lang} />
                    </section>
                  ))
              )}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

/** Issued issues: 期号 (增刊), title, issued date, the issue a correction corrects, 示例. */
function IssueList({ items, all, lang }: { items: BulletinListItem[]; all: Map<number, BulletinListItem>; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <List
      bordered
      size="small"
      style={{ marginBottom: 16 }}
      dataSource={items}
      renderItem={(item) => {
        const corrected = item.correctionOf !== null ? all.get(item.correctionOf) : undefined;
        return (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap size={8}>
                  {item.issue ? <strong>{issueWords(item.issue, lang)}</strong> : null}
                  {item.issue?.supplement ? <Tag color="purple">{t('bulletins.supplementTag')}</Tag> : null}
                  {isExampleIssue(item) ? <Tag color="blue">{t('bulletins.exampleTag')}</Tag> : null}
                  <a href={hrefFor({ name: 'bulletin', id: item.id })}>{item.title}</a>
                </Space>
              }
              description={
                <Space wrap size={8}>
                  <span>{t('bulletins.issuedOn', { date: issuedDay(item.issuedAt) })}</span>
                  {item.correctionOf !== null ? (
                    <span>{t('bulletins.corrects', { which: corrected?.issue ? issueWords(corrected.issue, lang) : (corrected?.title ?? `#${item.correctionOf}`) })}</span>
                  ) : null}
                  {item.snippet ? <Typography.Text type="secondary">{item.snippet}</Typography.Text> : null}
                </Space>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
