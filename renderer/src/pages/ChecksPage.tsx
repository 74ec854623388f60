/**
 * 数据核查 / Data checks (issue 12): every check with its count and explanation, its open findings as
 * a table (links to the industry page and to each figure in the workbench's figure drawer), and
 * acknowledging a finding with a note (a dialog), or every listed open finding of one check with one
 * note (确认本项全部); acknowledged ones listed apart on request.
 */
import { App as AntApp, Button, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeFacts, type CheckResult, type Finding } from '../../../shared/checks';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { FigureDrawer, type DrawerTarget } from '../components/FigureDrawer';
import { useFocusOnOpen } from '../components/focusOnOpen';
import { LoadState } from '../components/LoadState';
import { useSession } from '../session';
import { localDateTime } from '../time';
import { useCall } from '../useCall';
import { hrefFor } from '../useRoute';

type Name = { zh: string; en: string };
const word = (name: Name, lang: Lang): string => (lang === 'en' ? name.en : name.zh);

export function ChecksPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const [loaded, retry] = useCall(() => getApi().runChecks({}), [dataVersion]);
  const [showAcknowledged, setShowAcknowledged] = useState(false);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const [acknowledging, setAcknowledging] = useState<Finding | null>(null);
  const [acknowledgingAll, setAcknowledgingAll] = useState<CheckResult | null>(null);
  const page = useRef<HTMLDivElement>(null);
  /** Which 确认 button was pressed (its place among them): the keyboard goes to the one now in its place once the finding is gone. */
  const pressed = useRef<number | null>(null);
  const refocus = useRef(false);
  /** The check whose findings were all acknowledged: the keyboard goes to its heading, which now says what is left. */
  const refocusCheck = useRef<CheckResult['id'] | null>(null);
  const ackButtons = (): HTMLButtonElement[] => Array.from(page.current?.querySelectorAll<HTMLButtonElement>('button[data-acknowledge]') ?? []);
  useEffect(() => {
    if (refocusCheck.current === null || loaded.state !== 'ready') return;
    page.current?.querySelector<HTMLElement>(`#check-${refocusCheck.current}`)?.focus();
    refocusCheck.current = null;
  }, [loaded]);
  useEffect(() => {
    if (!refocus.current || loaded.state !== 'ready') return;
    refocus.current = false;
    // The acknowledged finding's row is gone: the next finding's 确认 (or the last), else the heading; not the page's start.
    const buttons = ackButtons();
    const next = buttons[Math.min(pressed.current ?? 0, buttons.length - 1)];
    (next ?? page.current?.querySelector<HTMLElement>('h1'))?.focus();
  }, [loaded]);
  return (
    <div ref={page}>
      <Typography.Title level={1} style={{ fontSize: 26 }} tabIndex={-1}>
        {t('checks.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('checks.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button onClick={retry}>{t('checks.rerun')}</Button>
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          <Switch checked={showAcknowledged} onChange={setShowAcknowledged} />
          {t('checks.showAcknowledged')}
        </label>
      </Space>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {(report) => (
          <>
            <Typography.Paragraph type="secondary">{t('checks.ranAt', { at: localDateTime(report.ranAt) })}</Typography.Paragraph>
            {report.checks.map((check) => (
              <CheckSection
                key={check.id}
                check={check}
                lang={lang}
                showAcknowledged={showAcknowledged}
                onOpen={setDrawer}
                onAcknowledge={(f) => {
                  pressed.current = ackButtons().findIndex((b) => b === document.activeElement);
                  setAcknowledging(f);
                }}
                onAcknowledgeAll={setAcknowledgingAll}
              />
            ))}
          </>
        )}
      </LoadState>
      <AcknowledgeDialog
        finding={acknowledging}
        lang={lang}
        onClose={(done) => {
          refocus.current = done;
          setAcknowledging(null);
        }}
      />
      <AcknowledgeAllDialog
        check={acknowledgingAll}
        lang={lang}
        onClose={(done) => {
          if (done && acknowledgingAll) refocusCheck.current = acknowledgingAll.id;
          setAcknowledgingAll(null);
        }}
      />
      <FigureDrawer target={drawer} lang={lang} onClose={() => setDrawer(null)} />
    </div>
  );
}

interface SectionProps {
  check: CheckResult;
  lang: Lang;
  showAcknowledged: boolean;
  onOpen: (target: DrawerTarget) => void;
  onAcknowledge: (finding: Finding) => void;
  onAcknowledgeAll: (check: CheckResult) => void;
}

function CheckSection({ check, lang, showAcknowledged, onOpen, onAcknowledge, onAcknowledgeAll }: SectionProps): React.JSX.Element {
  const { t } = useTranslation();
  const name = word(check.name, lang);
  const headingId = `check-${check.id}`;
  return (
    <section aria-labelledby={headingId} style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id={headingId} tabIndex={-1} style={{ fontSize: 18, display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        {name}
        <Tag color={check.count > 0 ? 'orange' : undefined}>{check.count > 0 ? t('checks.count', { count: check.count }) : t('checks.clear')}</Tag>
        {check.acknowledged.total > 0 ? <Tag>{t('checks.acknowledgedCount', { count: check.acknowledged.total })}</Tag> : null}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{word(check.hint, lang)}</Typography.Paragraph>
      {check.open.items.length > 0 ? (
        <Button style={{ marginBottom: 12 }} aria-label={t('checks.acknowledgeAllNamed', { check: name })} onClick={() => onAcknowledgeAll(check)}>
          {t('checks.acknowledgeAll')}
        </Button>
      ) : null}
      {check.open.total > 0 ? <FindingTable caption={t('checks.openTable', { check: name })} acknowledged={false} list={check.open} lang={lang} onOpen={onOpen} onAcknowledge={onAcknowledge} /> : null}
      {showAcknowledged && check.acknowledged.total > 0 ? (
        <FindingTable caption={t('checks.acknowledgedTable', { check: name })} acknowledged list={check.acknowledged} lang={lang} onOpen={onOpen} onAcknowledge={onAcknowledge} />
      ) : null}
    </section>
  );
}

/** What a finding is about, in a few words: entity (or group), city, metric, period. */
function findingName(f: Finding, lang: Lang, t: (key: string) => string): string {
  const who = f.entityName ? word(f.entityName, lang) : t(`scope.${f.scope}`);
  return [who, f.cityName ? word(f.cityName, lang) : null, word(f.metricName, lang), f.period].filter((p) => p !== null).join(' · ');
}

function FindingTable(props: { caption: string; acknowledged: boolean; list: CheckResult['open']; lang: Lang; onOpen: (target: DrawerTarget) => void; onAcknowledge: (finding: Finding) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { lang, list } = props;
  const withdraw = useWithdraw();
  const label = (f: Finding): string => findingName(f, lang, t);
  return (
    <>
      <Table<Finding>
        size="small"
        pagination={false}
        rowKey={(f) => f.subject}
        dataSource={list.items}
        caption={<span style={{ position: 'absolute', left: -10000 }}>{props.caption}</span>}
        scroll={{ x: true }}
        columns={[
          {
            title: t('checks.where'),
            key: 'where',
            render: (_, f) =>
              f.entityId && f.entityName ? (
                <a href={hrefFor({ name: 'entity', id: f.entityId })} aria-label={t('checks.openEntity', { name: word(f.entityName, lang) })}>
                  {word(f.entityName, lang)}
                </a>
              ) : (
                t(`scope.${f.scope}`)
              ),
          },
          { title: t('checks.city'), key: 'city', render: (_, f) => (f.cityName ? word(f.cityName, lang) : t('checks.province')) },
          { title: t('checks.metric'), key: 'metric', render: (_, f) => word(f.metricName, lang) },
          { title: t('checks.period'), key: 'period', render: (_, f) => f.period ?? '' },
          { title: t('checks.found'), key: 'found', render: (_, f) => describeFacts(f, lang) },
          {
            title: t('checks.figures'),
            key: 'figures',
            render: (_, f) => (
              <Space size={4} wrap>
                {f.figures.map((g) => {
                  // The figure by its period, as the analyst knows it, and named as the figure it is ("智能机器人 · 产值 · 2022"): "#24"
                  // meant nothing, and "… · 2023 (2023)" said the period twice.
                  const name = findingName({ ...f, period: g.period }, lang, t);
                  return (
                    <Button key={g.id} size="small" type="link" aria-label={t('checks.openFigure', { name })} onClick={() => props.onOpen({ id: g.id, name })}>
                      {g.period}
                    </Button>
                  );
                })}
                {f.figureCount > f.figures.length ? <span>{t('checks.moreFigures', { count: f.figureCount })}</span> : null}
              </Space>
            ),
          },
          {
            title: props.acknowledged ? t('checks.note') : t('checks.actions'),
            key: 'actions',
            render: (_, f) =>
              f.acknowledged ? (
                <Space direction="vertical" size={4}>
                  <span>{t('checks.acknowledgedBy', { author: f.acknowledged.author, at: localDateTime(f.acknowledged.at), note: f.acknowledged.note })}</span>
                  <Button size="small" aria-label={t('checks.withdrawNamed', { name: label(f) })} onClick={() => void withdraw(f)}>
                    {t('checks.withdraw')}
                  </Button>
                </Space>
              ) : (
                <Button size="small" data-acknowledge aria-label={t('checks.acknowledgeNamed', { name: label(f) })} onClick={() => props.onAcknowledge(f)}>
                  {t('checks.acknowledge')}
                </Button>
              ),
          },
        ]}
      />
      {list.total > list.items.length ? <Typography.Paragraph type="secondary">{t('checks.moreFindings', { count: list.total - list.items.length })}</Typography.Paragraph> : null}
    </>
  );
}

/** Withdraws an acknowledgement: the finding is open again (undo brings the acknowledgement back). */
function useWithdraw(): (f: Finding) => Promise<void> {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { changed, showError } = useSession();
  return async (f) => {
    try {
      await getApi().unacknowledgeFinding({ checkId: f.checkId, subject: f.subject });
      changed();
      void message.success(t('checks.withdrawn'));
    } catch (error) {
      showError(error);
    }
  };
}

function AcknowledgeDialog({ finding, lang, onClose }: { finding: Finding | null; lang: Lang; onClose: (done: boolean) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <NoteDialog
      open={finding !== null}
      title={t('checks.acknowledgeTitle')}
      okText={t('checks.confirm')}
      save={async (note) => {
        if (!finding) return;
        await getApi().acknowledgeFinding({ checkId: finding.checkId, subject: finding.subject, note });
        void message.success(t('checks.done'));
      }}
      onClose={onClose}
    >
      {finding ? (
        <Typography.Paragraph>
          <strong>{findingName(finding, lang, t)}</strong> — {describeFacts(finding, lang)}
        </Typography.Paragraph>
      ) : null}
    </NoteDialog>
  );
}

/**
 * 确认本项全部: the findings of one check the page lists, each acknowledged with the one note. Exactly
 * those are sent, by their keys as listed; any changed since are left open, and the answer says how many.
 */
function AcknowledgeAllDialog({ check, lang, onClose }: { check: CheckResult | null; lang: Lang; onClose: (done: boolean) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const listed = check?.open.items ?? [];
  const name = check ? word(check.name, lang) : '';
  const unlisted = check ? check.open.total - listed.length : 0;
  return (
    <NoteDialog
      open={check !== null}
      title={t('checks.acknowledgeAllTitle', { check: name })}
      okText={t('checks.acknowledgeAllOk', { count: listed.length })}
      save={async (note) => {
        if (!check) return;
        const result = await getApi().acknowledgeFindings({ checkId: check.id, subjects: listed.map((f) => f.subject), note });
        const done = t('checks.acknowledgedAll', { count: result.acknowledged });
        if (result.changed === 0) void message.success(done);
        else void message.warning({ content: `${done}${t('checks.changedSince', { count: result.changed })}`, duration: 10 });
      }}
      onClose={onClose}
    >
      <Typography.Paragraph>{t('checks.acknowledgeAllWhat', { count: listed.length })}</Typography.Paragraph>
      {unlisted > 0 ? <Typography.Paragraph>{t('checks.acknowledgeAllUnlisted', { count: unlisted })}</Typography.Paragraph> : null}
    </NoteDialog>
  );
}

/** A dialog that takes one acknowledgement note (required, as the channel limits it) and saves it; `children` say what it is for. */
function NoteDialog(props: { open: boolean; title: string; okText: string; save: (note: string) => Promise<void>; onClose: (done: boolean) => void; children: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  const { changed, showError } = useSession();
  const [form] = Form.useForm<{ note: string }>();
  const focus = useFocusOnOpen<TextAreaRef>();
  const [saving, setSaving] = useState(false);
  const submit = async (): Promise<void> => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      await props.save(values.note);
      form.resetFields();
      changed();
      props.onClose(true);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('checks.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => props.onClose(false)}
      afterOpenChange={focus.afterOpenChange}
      destroyOnHidden
    >
      {props.children}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="note" label={t('checks.note')} extra={t('checks.acknowledgeHelp')} rules={[{ required: true, whitespace: true, max: 2000, message: t('checks.noteRequired') }]}>
          <Input.TextArea ref={focus.ref} autoFocus rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
