/**
 * The briefing builder: choose template, entities, language, title block and marking; preview the
 * PDF in the page (components/BriefingPreview.tsx: drawn by pdf.js, page 1 first); export
 * through the save dialog; save the choices as a named definition and run it again later.
 */
import { Alert, Button, Card, Checkbox, Col, ConfigProvider, Form, Input, List, Radio, Row, Select, Space, Typography, type ThemeConfig } from 'antd';
import { Confirm } from '../components/Confirm';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../../shared/client';
import { BRIEFING_LANGS, BRIEFING_TEMPLATES, BriefingRequest, type BriefingDefinition } from '../../../shared/briefing';
import { BRIEFING_WORDS } from '../../../shared/briefing-words';
import type { EntitySummary } from '../../../shared/domain';
import { describeError, type ErrorPayload } from '../../../shared/errors';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { LoadState } from '../components/LoadState';
import { BriefingPreview, type BriefingPreviewHandle } from '../components/BriefingPreview';
import { entityChoices } from '../components/entityChoices';
import { BriefingTierWarnings } from '../components/TierCheck';
import { useSession } from '../session';
import { useCall } from '../useCall';
import { useStoredState } from '../useStoredState';

/** The app's theme, its motion off (see the builder below). */
const STILL: ThemeConfig = { token: { motion: false } };

const EMPTY: BriefingRequest = { template: 'one-page', entityIds: [], lang: 'zh', title: '', subtitle: '', author: '', marking: '' };

/** The choices being made, kept while the person visits other pages: a request before its fact-sheet rule holds. */
const Draft = z.object(BriefingRequest.shape).strict();
const DRAFT_KEY = 'cluster-brief:briefing-draft';
/** The industries field's hint (or its warning), which the field is described by. */
const ENTITIES_HINT = 'briefing-entities-hint';

type Notice = { type: 'success' | 'info' | 'error'; text: string } | null;

function asPayload(error: unknown): ErrorPayload {
  return error instanceof CallError ? error.payload : { code: 'INTERNAL', message: String(error), details: { reason: String(error) } };
}

export function BriefingPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const [loaded, retry] = useCall(() => getApi().listEntities({}), []);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('briefingBuilder.heading')}
      </Typography.Title>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {(entities) => <Builder entities={entities} lang={lang} />}
      </LoadState>
    </>
  );
}

function Builder({ entities, lang }: { entities: EntitySummary[]; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { settings } = useSession();
  const [request, setRequest, restored] = useStoredState<BriefingRequest>(DRAFT_KEY, Draft, () => ({ ...EMPTY, author: settings?.authorName ?? '' }));
  // 编写人 starts as the author name from settings (which may arrive after the page), until typed over.
  const authorTyped = useRef(restored);
  useEffect(() => {
    if (!authorTyped.current && settings?.authorName) setRequest((r) => ({ ...r, author: settings.authorName ?? '' }));
  }, [settings?.authorName, setRequest]);
  const [name, setName] = useState('');
  const [openAfter, setOpenAfter] = useState(true);
  const [saved, setSaved] = useState<BriefingDefinition[]>([]);
  const [busy, setBusy] = useState<'preview' | 'export' | 'save' | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const pane = useRef<BriefingPreviewHandle>(null);
  const previewFailed = useCallback((text: string) => setNotice({ type: 'error', text }), []);
  const { dataVersion } = useSession();
  // Industries whose latest output figure and tier disagree: listed above the buttons, asked about before export.
  const [warnings] = useCall(() => getApi().briefingWarnings({ request: { ...request, title: '', subtitle: '', author: '', marking: '' } }), [request.template, request.entityIds.join(','), dataVersion]);
  const disagreements = warnings.state === 'ready' ? warnings.value.tierDisagreements : [];

  const refreshSaved = (): void => {
    getApi()
      .listBriefings({})
      .then(setSaved, (e: unknown) => setNotice({ type: 'error', text: describeError(asPayload(e), lang) }));
  };
  useEffect(refreshSaved, []);

  const set = <K extends keyof BriefingRequest>(key: K, value: BriefingRequest[K]): void => setRequest((r) => ({ ...r, [key]: value }));
  const factSheet = request.template === 'fact-sheet';
  const needsEntity = request.template === 'fact-sheet' && request.entityIds.length !== 1;

  const run = async (kind: 'preview' | 'export' | 'save', work: () => Promise<void>): Promise<void> => {
    setBusy(kind);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setNotice({ type: 'error', text: describeError(asPayload(e), lang) });
    } finally {
      setBusy(null);
    }
  };

  // Busy until the first page is on the screen (the pane's own state carries the steps in between).
  const doPreview = (): Promise<void> => {
    setPreviewed(JSON.stringify(request));
    return run('preview', async () => pane.current?.show(() => getApi().previewBriefing({ request })));
  };
  // The choices the pane's PDF was made from: changed since, the pane says it shows the briefing as it was.
  const [previewed, setPreviewed] = useState<string | null>(null);
  const stale = previewed !== null && previewed !== JSON.stringify(request);

  // Which of the two exports is under way (its button spins).
  const [exporting, setExporting] = useState<'pdf' | 'docx'>('pdf');
  const doExport = (format: 'pdf' | 'docx'): Promise<void> =>
    run('export', async () => {
      setExporting(format);
      const result = await getApi().exportBriefing({ request, openAfter, format });
      setNotice(result.path ? { type: 'success', text: t('briefingBuilder.exported', { path: result.path }) } : { type: 'info', text: t('briefingBuilder.exportCancelled') });
    });

  const doSave = (): Promise<void> =>
    run('save', async () => {
      const definition = await getApi().saveBriefing({ name, request });
      setNotice({ type: 'success', text: t('briefingBuilder.saved', { name: definition.name }) });
      refreshSaved();
    });

  const load = (d: BriefingDefinition): void => {
    setRequest(d.request);
    setName(d.name);
    setNotice(null);
  };

  const remove = (d: BriefingDefinition): Promise<void> =>
    run('save', async () => {
      await getApi().deleteBriefing({ id: d.id });
      setNotice({ type: 'info', text: t('briefingBuilder.removed', { name: d.name }) });
      refreshSaved();
    });

  const entityOptions = useMemo(() => entityChoices(entities, (e) => (lang === 'en' ? e.name.en : `${e.name.zh}  ${e.name.en}`), lang, t), [entities, lang, t]);

  // The choices and the saved list are made again only when what they show changes, not when a
  // button turns off for a preview: re-rendering them (antd's radios, selects, list) took ~10 ms of a
  // core at the press, beside the service making the PDF.
  const fields = useMemo(
    () => (
      <>
        <Form.Item label={<span id="briefing-template-label">{t('briefingBuilder.template')}</span>}>
          <Radio.Group aria-labelledby="briefing-template-label" value={request.template} onChange={(e) => set('template', e.target.value as BriefingRequest['template'])}>
            {BRIEFING_TEMPLATES.map((tpl) => (
              <Radio key={tpl} value={tpl}>
                {t(`briefingBuilder.templates.${tpl}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={t('briefingBuilder.entities')}
          htmlFor="briefing-entities"
          // The standing hint goes below the field with the usual gap before the next one (antd's help
          // takes that gap: a two-line hint touched 简报语言); a missing industry is a warning in its place.
          {...(needsEntity ? { help: <span id={ENTITIES_HINT}>{t('briefingBuilder.needEntity')}</span>, validateStatus: 'warning' as const } : { extra: <span id={ENTITIES_HINT}>{t(factSheet ? 'briefingBuilder.factSheetHelp' : 'briefingBuilder.entitiesHelp')}</span> })}
        >
          {factSheet ? (
            // A fact sheet is about one industry: a single choice, asked for in the same words as the help.
            <Select
              id="briefing-entities"
              aria-describedby={ENTITIES_HINT}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('briefingBuilder.entitiesOne')}
              options={entityOptions}
              value={request.entityIds.length === 1 ? request.entityIds[0] : undefined}
              onChange={(id: string | undefined) => set('entityIds', id ? [id] : [])}
            />
          ) : (
            <Select
              id="briefing-entities"
              aria-describedby={ENTITIES_HINT}
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('briefingBuilder.entitiesAll')}
              options={entityOptions}
              value={request.entityIds}
              onChange={(ids: string[]) => set('entityIds', ids)}
            />
          )}
        </Form.Item>
        <Form.Item label={<span id="briefing-lang-label">{t('briefingBuilder.lang')}</span>}>
          <Radio.Group aria-labelledby="briefing-lang-label" value={request.lang} onChange={(e) => set('lang', e.target.value as BriefingRequest['lang'])}>
            {BRIEFING_LANGS.map((l) => (
              <Radio key={l} value={l}>
                {t(`briefingBuilder.langs.${l}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('briefingBuilder.title')} htmlFor="briefing-title">
          <Input id="briefing-title" value={request.title} maxLength={120} placeholder={BRIEFING_WORDS[request.lang === 'en' ? 'en' : 'zh'].defaultTitle[request.template]} onChange={(e) => set('title', e.target.value)} />
        </Form.Item>
        <Form.Item label={t('briefingBuilder.subtitle')} htmlFor="briefing-subtitle">
          <Input id="briefing-subtitle" value={request.subtitle} maxLength={200} onChange={(e) => set('subtitle', e.target.value)} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('briefingBuilder.author')} htmlFor="briefing-author">
              <Input
                id="briefing-author"
                value={request.author}
                maxLength={120}
                onChange={(e) => {
                  authorTyped.current = true;
                  set('author', e.target.value);
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('briefingBuilder.marking')} htmlFor="briefing-marking">
              <Input id="briefing-marking" value={request.marking} maxLength={60} placeholder={t('briefingBuilder.markingPlaceholder')} onChange={(e) => set('marking', e.target.value)} />
            </Form.Item>
          </Col>
        </Row>
        <BriefingTierWarnings items={disagreements} lang={lang} />
      </>
    ),
    // set, authorTyped: stable (they only set state or a ref).
    [request, factSheet, needsEntity, entityOptions, disagreements, lang, t],
  );
  const savedList = useMemo(
    () => (
      <section aria-labelledby="saved-briefings-heading" style={{ marginTop: 24 }}>
        <Typography.Title level={2} id="saved-briefings-heading" style={{ fontSize: 18 }}>
          {t('briefingBuilder.savedHeading')}
        </Typography.Title>
        {saved.length === 0 ? (
          <Typography.Text type="secondary">{t('briefingBuilder.savedNone')}</Typography.Text>
        ) : (
          <List
            size="small"
            bordered
            dataSource={saved}
            renderItem={(d) => (
              <List.Item
                actions={[
                  <Button key="load" size="small" aria-label={t('briefingBuilder.loadLabel', { name: d.name })} onClick={() => load(d)}>
                    {t('briefingBuilder.load')}
                  </Button>,
                  <Button key="remove" size="small" danger aria-label={t('briefingBuilder.removeLabel', { name: d.name })} onClick={() => void remove(d)}>
                    {t('briefingBuilder.remove')}
                  </Button>,
                ]}
              >
                <List.Item.Meta style={{ minWidth: 0 }} title={<OneLine text={d.name} />} description={`${t(`briefingBuilder.templates.${d.request.template}`)} · ${t(`briefingBuilder.langs.${d.request.lang}`)}${d.request.title ? ` · ${d.request.title}` : ''}`} />
              </List.Item>
            )}
          />
        )}
      </section>
    ),
    // load, remove: they read only state setters and lang.
    [saved, lang, t],
  );

  return (
    // Without antd's motion here: pressing 预览 turns the builder's buttons off and the PDF's toolbar on,
    // and each button's 200 ms colour fade makes the browser draw the window 12 more times — work a
    // 2-core laptop without a GPU does on the cores the PDF is being made and drawn on (a preview ~10 %
    // slower, bench/briefing-preview.bench.ts). The buttons change state at once instead.
    <ConfigProvider theme={STILL}>
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={10}>
          <Card size="small">
            <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
              {fields}
              <Space wrap>
                <Button type="primary" onClick={() => void doPreview()} disabled={needsEntity || busy !== null}>
                  {t('briefingBuilder.preview')}
                </Button>
                {(['pdf', 'docx'] as const).map((format) => {
                  const label = t(format === 'pdf' ? 'briefingBuilder.export' : 'briefingBuilder.exportWord');
                  return disagreements.length > 0 ? (
                    <Confirm key={format} title={t('tierCheck.exportConfirm')} okText={t('tierCheck.exportAnyway')} cancelText={t('tierCheck.cancel')} onConfirm={() => void doExport(format)} danger={false} disabled={needsEntity || busy !== null}>
                      <Button loading={busy === 'export' && exporting === format} disabled={needsEntity || busy !== null}>
                        {label}
                      </Button>
                    </Confirm>
                  ) : (
                    <Button key={format} onClick={() => void doExport(format)} loading={busy === 'export' && exporting === format} disabled={needsEntity || busy !== null}>
                      {label}
                    </Button>
                  );
                })}
                <Checkbox checked={openAfter} onChange={(e) => setOpenAfter(e.target.checked)}>
                  {t('briefingBuilder.openAfter')}
                </Checkbox>
              </Space>
              <Space.Compact style={{ width: '100%', marginTop: 16 }}>
                <Input aria-label={t('briefingBuilder.name')} placeholder={t('briefingBuilder.name')} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
                <Button onClick={() => void doSave()} disabled={!name.trim() || needsEntity || busy !== null}>
                  {t('briefingBuilder.save')}
                </Button>
              </Space.Compact>
            </Form>
            {notice ? <Alert role={notice.type === 'error' ? 'alert' : 'status'} type={notice.type} showIcon title={notice.text} style={{ marginTop: 16 }} /> : null}
          </Card>
          {savedList}
        </Col>
        <Col xs={24} xl={14}>
          {stale ? <Alert role="status" type="warning" showIcon title={t('briefingBuilder.previewStale')} style={{ marginBottom: 12 }} /> : null}
          <BriefingPreview ref={pane} lang={lang} onFailed={previewFailed} />
        </Col>
      </Row>
    </ConfigProvider>
  );
}

/** A name kept on one line: cut with an ellipsis, the whole name in its tooltip. */
function OneLine({ text }: { text: string }): React.JSX.Element {
  return (
    <span title={text} style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      {text}
    </span>
  );
}
