/**
 * A 简报 draft being written: title, 按语, language, its own frame (prefilled from Settings), the body
 * in the editor; saved by itself after a pause and on leaving (one revision per save; a failed save
 * keeps everything, offers Retry, and on leaving keeps the text in the window to offer back); its live
 * references accepted; exported; issued (签发); deleted into the trash.
 */
import { App as AntApp, Alert, Button, Collapse, Form, Input, Space, Tag, Typography } from 'antd';
import { Confirm } from '../components/Confirm';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { frameLangOf, type BulletinContent, type BulletinFrame } from '../../../shared/bulletin';
import type { BulletinRecord } from '../../../shared/bulletin-store';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { errorText, useSession } from '../session';
import { CallError } from '../../../shared/client';
import { useCall } from '../useCall';
import { hrefFor } from '../useRoute';
import { CorrectionNote } from './CorrectionNote';
import { DraftSaver, type SaveStatus } from './draftSaver';
import { BulletinEditor } from './editor/BulletinEditor';
import { ExportBar } from './ExportBar';
import { PreviewDrawer } from './PreviewDrawer';
import { FrameFields } from './FrameFields';
import { IssueDialog } from './IssueDialog';
import { takeJustCreated } from './justCreated';
import { dropUnsaved, keepUnsaved, readKept } from './keptContent';
import { LangChoice } from './LangChoice';
import { ReferencesPanel } from './ReferencesPanel';

/** The pause after the last keystroke before a draft is saved. */
const SAVE_PAUSE_MS = 1200;

function SaveState({ status, lang, onRetry, onLoadLatest, onSaveOver }: { status: SaveStatus; lang: Lang; onRetry: () => void; onLoadLatest: () => void; onSaveOver: (seen: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  // Another window (or an undo there) saved this draft after this one last did: nothing is overwritten
  // until the person chooses.
  if (status.kind === 'failed' && status.error instanceof CallError && status.error.code === 'CHANGED_ELSEWHERE') {
    const error = status.error;
    return (
      <Alert
        role="alert"
        type="warning"
        showIcon
        title={t('bulletins.save.changedElsewhere')}
        description={errorText(error, lang)}
        action={
          <Space direction="vertical">
            <Button onClick={onLoadLatest}>{t('bulletins.save.loadLatest')}</Button>
            {error.details?.deleted ? null : (
              <Button danger onClick={() => onSaveOver(String(error.details?.changedAt ?? ''))}>
                {t('bulletins.save.saveOver')}
              </Button>
            )}
          </Space>
        }
        style={{ marginBottom: 12 }}
      />
    );
  }
  if (status.kind === 'failed') {
    // Refused for what the draft holds (over a limit): saving it again unchanged can only fail again.
    const refusedAsItIs = status.error instanceof CallError && status.error.code === 'INVALID_INPUT';
    return (
      <Alert
        role="alert"
        type="error"
        showIcon
        title={t('bulletins.save.failed')}
        description={`${errorText(status.error, lang)} ${t(refusedAsItIs ? 'bulletins.save.keptUntilFixed' : 'bulletins.save.kept')}`}
        action={refusedAsItIs ? undefined : <Button onClick={onRetry}>{t('bulletins.save.retry')}</Button>}
        style={{ marginBottom: 12 }}
      />
    );
  }
  return (
    <Typography.Text role="status" type="secondary" style={{ display: 'block', marginBottom: 12 }}>
      {t(`bulletins.save.${status.kind}`)}
    </Typography.Text>
  );
}

const TITLE_MAX = 200;
const NOTE_MAX = 5000;

export function DraftView({ record, lang }: { record: BulletinRecord; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { changed, showError, dataVersion } = useSession();
  const [content, setContent] = useState<BulletinContent>(record.content);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [issuing, setIssuing] = useState(false);
  const [accepting, setAccepting] = useState(false);
  // Read once, as the page first renders: a draft opened again later starts at the page's top, as any page.
  const [justCreated] = useState(() => takeJustCreated(record.id));
  const saverRef = useRef<DraftSaver<BulletinContent> | null>(null);
  // The draft's change time as this window last read or saved it: a save over a later one is refused.
  const seenAt = useRef(record.changedAt);
  if (saverRef.current === null) {
    saverRef.current = new DraftSaver<BulletinContent>({
      initial: record.content,
      delayMs: SAVE_PAUSE_MS,
      onStatus: setStatus,
      save: async (next) => {
        const saved = await getApi().updateBulletinDraft({ id: record.id, content: next, seen: seenAt.current });
        seenAt.current = saved.changedAt;
        changed();
      },
    });
  }
  const saver = saverRef.current;
  const [defaults] = useCall(() => getApi().getBulletinFrameDefaults({ lang: frameLangOf(content.lang) }), [content.lang]);
  const [references, retryReferences] = useCall(() => getApi().bulletinReferences({ id: record.id }), [record.id, dataVersion]);

  // The record reloads after every write; one that differs from what is shown, while nothing here is
  // unsaved, came from elsewhere (undo/redo in the header, another window): show it.
  useEffect(() => {
    if (saver.unsaved) return;
    seenAt.current = record.changedAt;
    if (JSON.stringify(record.content) === JSON.stringify(saver.content)) return;
    saver.reset(record.content);
    setContent(record.content);
  }, [record, saver]);
  /** The draft as the data file holds it now, in place of what is typed here (after another window saved). */
  const loadLatest = async (): Promise<void> => {
    try {
      const stored = await getApi().getBulletin({ id: record.id });
      seenAt.current = stored.changedAt;
      saver.reset(stored.content);
      setContent(stored.content);
      changed();
    } catch (error) {
      showError(error);
    }
  };

  // Leaving the page (another screen, or closing the window) saves what is unsaved.
  // A save that fails on the way out keeps the content in this window's storage, offered back on return.
  useEffect(() => {
    const onUnload = (): void => {
      if (saver.unsaved) keepUnsaved(record.id, saver.content);
      void saver.dispose();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      void saver.dispose().then(() => {
        if (!saver.unsaved) return;
        keepUnsaved(record.id, saver.content);
        showError(new Error(t('bulletins.save.keptOnLeave')));
      });
    };
  }, [saver, record.id, showError, t]);
  // What a failed save left on the way out; dropped at once if the data file holds it after all.
  const [kept, setKept] = useState(() => readKept(record.id, record.content));
  const restoreKept = (): void => {
    if (!kept) return;
    setContent(kept);
    saver.edit(kept);
    dropUnsaved(record.id);
    setKept(null);
  };

  // The content as last rendered or edited: an edit made after an await builds on what was typed meanwhile.
  const latest = useRef(content);
  latest.current = content;
  const edit = (patch: Partial<BulletinContent>): void => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setContent(next);
    // An empty title or 报头 name cannot be stored: it is shown as an error and saved once filled in.
    // (The fields' limits and the editor keep the rest valid; the service checks everything again.)
    if (next.title.trim() !== '' && next.frame.name.trim() !== '') saver.edit(next);
  };
  const titleMissing = content.title.trim() === '';
  // Another language for the issue: a head and tail still as the old language's defaults left them take the
  // new language's defaults (a Chinese draft switched to English kept the Chinese head); one edited is kept.
  // An edited head kept through a change of language: said, with the new language's head a click away
  // (an English issue printed the Chinese 报头 and "To: 省政府办公厅." without a word).
  const [frameKept, setFrameKept] = useState<BulletinFrame | null>(null);
  // A paste longer than the field takes is cut to its limit by the field: said under it, with how much was left out
  // (a 6,002-character 按语 kept 5,000 and lost its ending, the counter alone reading 5000 / 5000).
  const [cut, setCut] = useState<{ field: 'title' | 'editorNote'; count: number } | null>(null);
  const pasteLimit =
    (field: 'title' | 'editorNote', max: number) =>
    (e: React.ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
      const el = e.currentTarget;
      const kept = el.value.length - ((el.selectionEnd ?? 0) - (el.selectionStart ?? 0));
      const over = kept + e.clipboardData.getData('text').length - max;
      if (over > 0) setTimeout(() => setCut({ field, count: over }), 0);
    };
  const changeLang = async (lang: BulletinContent['lang']): Promise<void> => {
    const from = frameLangOf(content.lang);
    const to = frameLangOf(lang);
    const frame = content.frame;
    edit({ lang });
    setFrameKept(null);
    if (from === to) return;
    try {
      const [before, after] = await Promise.all([getApi().getBulletinFrameDefaults({ lang: from }), getApi().getBulletinFrameDefaults({ lang: to })]);
      const asDefault = JSON.stringify({ ...frame, copyNumber: before.copyNumber }) === JSON.stringify(before);
      // Only if the head was not touched meanwhile either.
      if (asDefault && latest.current.frame === frame) edit({ frame: { ...after, copyNumber: frame.copyNumber } });
      else if (JSON.stringify({ ...frame, copyNumber: after.copyNumber }) !== JSON.stringify(after)) setFrameKept(after);
    } catch {
      // The defaults could not be read: the head stays as it is.
    }
  };

  /** Saves what was typed; refuses (throws) if it could not be saved, so nothing runs on an old version. */
  const saveFirst = useCallback(async (): Promise<void> => {
    await saver.flush();
    if (saver.unsaved) throw new Error(t('bulletins.save.notSavedYet'));
  }, [saver, t]);

  const accept = async (figureId: number): Promise<void> => {
    setAccepting(true);
    try {
      await saveFirst();
      const next = await getApi().acceptBulletinReference({ id: record.id, figureId });
      seenAt.current = next.changedAt;
      saver.reset(next.content);
      setContent(next.content);
        changed();
    } catch (error) {
      showError(error);
    } finally {
      setAccepting(false);
    }
  };

  const { message } = AntApp.useApp();
  /** 删除草稿: into the trash (Settings ▸ 已删除 restores it; undo takes it back), then the list. */
  const remove = async (): Promise<void> => {
    try {
      await saveFirst();
      await getApi().deleteItem({ targetType: 'bulletin', targetId: String(record.id) });
      void message.success(t('bulletins.deleted', { title: content.title }));
      changed();
      window.location.hash = hrefFor({ name: 'bulletins' });
    } catch (error) {
      showError(error);
    }
  };

  const startIssue = async (): Promise<void> => {
    try {
      await saveFirst();
      setIssuing(true);
    } catch (error) {
      showError(error);
    }
  };

  const report = references.state === 'ready' ? references.value : undefined;
  return (
    <article aria-labelledby="bulletin-title">
      <Space align="center" wrap style={{ marginTop: 8 }}>
        <Typography.Title level={1} id="bulletin-title" style={{ fontSize: 26, margin: 0 }}>
          {content.title || record.title}
        </Typography.Title>
        <Tag>{t('bulletins.draftTag')}</Tag>
      </Space>
      <div style={{ marginTop: 12 }}>
        {record.correctionOf !== null ? <CorrectionNote of={record.correctionOf} lang={lang} /> : null}
        <SaveState
          status={status}
          lang={lang}
          onRetry={() => void saver.flush()}
          onLoadLatest={() => void loadLatest()}
          onSaveOver={(seen) => {
            seenAt.current = seen;
            void saver.flush();
          }}
        />
        {kept ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('bulletins.save.keptFound')}
            action={
              <Space>
                <Button onClick={restoreKept}>{t('bulletins.save.restoreKept')}</Button>
                <Button
                  onClick={() => {
                    dropUnsaved(record.id);
                    setKept(null);
                  }}
                >
                  {t('bulletins.save.dropKept')}
                </Button>
              </Space>
            }
          />
        ) : null}
      </div>
      <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()} style={{ maxWidth: 1000 }}>
        <Form.Item
          label={t('bulletins.title')}
          htmlFor="bulletin-title-input"
          validateStatus={cut?.field === 'title' ? 'warning' : titleMissing ? 'error' : undefined}
          help={cut?.field === 'title' ? <span role="alert">{t('bulletins.pasteCut', { max: TITLE_MAX, count: cut.count })}</span> : titleMissing ? t('bulletins.titleRequired') : undefined}
        >
          <Input id="bulletin-title-input" value={content.title} maxLength={TITLE_MAX} showCount onPaste={pasteLimit('title', TITLE_MAX)} onChange={(e) => (setCut(null), edit({ title: e.target.value }))} />
        </Form.Item>
        <Form.Item
          label={t('bulletins.editorNote')}
          htmlFor="bulletin-note"
          extra={t('bulletins.editorNoteHelp')}
          validateStatus={cut?.field === 'editorNote' ? 'warning' : undefined}
          help={cut?.field === 'editorNote' ? <span role="alert">{t('bulletins.pasteCut', { max: NOTE_MAX, count: cut.count })}</span> : undefined}
        >
          <Input.TextArea
            id="bulletin-note"
            value={content.editorNote}
            maxLength={NOTE_MAX}
            showCount
            autoSize={{ minRows: 2, maxRows: 8 }}
            onPaste={pasteLimit('editorNote', NOTE_MAX)}
            onChange={(e) => (setCut(null), edit({ editorNote: e.target.value }))}
          />
        </Form.Item>
        <Form.Item label={<span id="bulletin-lang">{t('bulletins.lang')}</span>}>
          <LangChoice labelledBy="bulletin-lang" value={content.lang} onChange={(l) => void changeLang(l)} />
          {frameKept ? (
            <Alert
              type="info"
              showIcon
              role="status"
              style={{ marginTop: 8 }}
              title={t('bulletins.frame.keptOnLang', { name: content.frame.name })}
              action={
                <Button
                  size="small"
                  onClick={() => {
                    edit({ frame: { ...frameKept, copyNumber: latest.current.frame.copyNumber } });
                    setFrameKept(null);
                  }}>
                  {t('bulletins.frame.useLangDefaults')}
                </Button>
              }
            />
          ) : null}
        </Form.Item>
        <Collapse
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'frame',
              label: t('bulletins.frame.section', { name: content.frame.name }),
              children: (
                <FrameFields
                  idPrefix="bulletin-frame"
                  withCopyNumber
                  value={content.frame}
                  known={defaults.state === 'ready' ? { sendTo: defaults.value.sendTo, copyTo: defaults.value.copyTo } : undefined}
                  onChange={(frame) => edit({ frame })}
                />
              ),
            },
          ]}
        />
      </Form>
      <BulletinEditor
        label={t('bulletins.body')}
        autoFocus={justCreated}
        blocks={content.blocks}
        lang={content.lang}
        references={report}
        onAccept={(figureId) => void accept(figureId)}
        onChange={(blocks) => edit({ blocks })}
      />
      <div style={{ marginTop: 16, maxWidth: 1000 }}>
        {references.state === 'error' ? (
          <Alert type="error" showIcon title={errorText(references.error, lang)} action={<Button onClick={retryReferences}>{t('app.retry')}</Button>} />
        ) : report ? (
          <ReferencesPanel report={report} content={content} lang={lang} busy={accepting} onAccept={(figureId) => void accept(figureId)} />
        ) : null}
      </div>
      <section aria-labelledby="bulletin-actions-heading" style={{ marginTop: 24, maxWidth: 1000 }}>
        <Typography.Title level={2} id="bulletin-actions-heading" style={{ fontSize: 18 }}>
          {t('bulletins.actions')}
        </Typography.Title>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <PreviewDrawer id={record.id} title={content.title} lang={lang} before={saveFirst} />
            <Button type="primary" onClick={() => void startIssue()}>
              {t('bulletins.issue.open')}
            </Button>
          </Space>
          <ExportBar id={record.id} lang={lang} before={saveFirst} />
          <Confirm title={t('bulletins.deleteConfirm')} okText={t('bulletins.delete')} cancelText={t('bulletins.issue.cancel')} onConfirm={() => void remove()}>
            <Button danger>{t('bulletins.delete')}</Button>
          </Confirm>
        </Space>
      </section>
      <IssueDialog
        id={record.id}
        title={content.title}
        frame={content.frame}
        empty={content.blocks.length === 0 && !content.editorNote.trim()}
        references={{ changed: report?.changed.length ?? 0, broken: report?.broken.length ?? 0 }}
        lang={lang}
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={() => {
          setIssuing(false);
          changed();
        }}
      />
    </article>
  );
}

