/**
 * 数据核查 / Data checks (issue 12): every check with its count and explanation, its open findings as
 * a table (links to the industry page and to each figure in the workbench's figure drawer), and
 * acknowledging a finding with a note (a dialog); acknowledged ones listed apart on request.
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
  const page = useRef<HTMLDivElement>(null);
  /** Which 确认 button was pressed (its place among them): the keyboard goes to the one now in its place once the finding is gone. */
  const pressed = useRef<number | null>(null);
  const refocus = useRef(false);
  const ackButtons = (): HTMLButtonElement[] => Array.from(page.current?.querySelectorAll<HTMLButtonElement>('button[data-acknowledge]') ?? []);
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
}

function CheckSection({ check, lang, showAcknowledged, onOpen, onAcknowledge }: SectionProps): React.JSX.Element {
  const { t } = useTranslation();
  const name = word(check.name, lang);
  const headingId = `check-${check.id}`;
  return (
    <section aria-labelledby={headingId} style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id={headingId} style={{ fontSize: 18, display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        {name}
        <Tag color={check.count > 0 ? 'orange' : undefined}>{check.count > 0 ? t('checks.count', { count: check.count }) : t('checks.clear')}</Tag>
        {check.acknowledged.total > 0 ? <Tag>{t('checks.acknowledgedCount', { count: check.acknowledged.total })}</Tag> : null}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{word(check.hint, lang)}</Typography.Paragraph>
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
  const { changed, showError } = useSession();
  const [form] = Form.useForm<{ note: string }>();
  const focus = useFocusOnOpen<TextAreaRef>();
  const [saving, setSaving] = useState(false);
  const submit = async (): Promise<void> => {
    if (!finding) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      await getApi().acknowledgeFinding({ checkId: finding.checkId, subject: finding.subject, note: values.note });
      form.resetFields();
      changed();
      void message.success(t('checks.done'));
      onClose(true);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={finding !== null}
      title={t('checks.acknowledgeTitle')}
      okText={t('checks.confirm')}
      cancelText={t('checks.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
      afterOpenChange={focus.afterOpenChange}
      destroyOnHidden
    >
      {finding ? (
        <Typography.Paragraph>
          <strong>{findingName(finding, lang, t)}</strong> — {describeFacts(finding, lang)}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="note" label={t('checks.note')} extra={t('checks.acknowledgeHelp')} rules={[{ required: true, whitespace: true, max: 2000, message: t('checks.noteRequired') }]}>
          <Input.TextArea ref={focus.ref} autoFocus rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
