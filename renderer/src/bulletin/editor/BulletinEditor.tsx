/**
 * The 简报 editor: a TipTap editor over the stored blocks (convert.ts), with figure references,
 * charts, tables and quotations as custom nodes (nodes.ts), a toolbar and the insertion dialogs.
 * It calls onChange with valid blocks after each edit, and takes new blocks from outside (loading, the
 * app's undo, accepting a reference) without echoing them back.
 */
import { EditorState, NodeSelection, Selection } from '@tiptap/pm/state';
import type { JSONContent } from '@tiptap/core';
import Placeholder from '@tiptap/extension-placeholder';
import { EditorContent, ReactNodeViewRenderer, useEditor, type Editor } from '@tiptap/react';
import { Alert, Button, theme } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinBlock } from '../../../../shared/bulletin';
import type { ReferenceReport } from '../../../../shared/bulletin-store';
import type { EntitySummary, Source } from '../../../../shared/domain';
import { describeError } from '../../../../shared/errors';
import { getApi } from '../../api';
import { useCall } from '../../useCall';
import { BlockCardView } from './BlockCardView';
import { liveState, ViewContext, type EditorViewContext } from './context';
import { blockOfNode, BlockReader, blocksToDoc, nodeOfBlock, pastedHtml, sameBlocks } from './convert';
import { ChartDialog, FigureDialog, QuoteDialog, TableDialog, type AtomBlock, type DialogKind } from './dialogs';
import { FigureRefView } from './FigureRefView';
import { ChartNode, FIGURE_REF, FigureRefNode, QuoteNode, TableNode, textExtensions, CHART, TABLE, QUOTE, type BlockAtomName } from './nodes';
import { Toolbar } from './Toolbar';

export interface BulletinEditorProps {
  blocks: BulletinBlock[];
  lang: 'zh' | 'en' | 'bilingual';
  onChange: (blocks: BulletinBlock[]) => void;
  readOnly?: boolean;
  references?: ReferenceReport;
  onAccept?: (figureId: number) => void;
  label: string;
  /** Put the keyboard in the body when it opens (a draft just created). */
  autoFocus?: boolean;
}

type Dialog = { kind: DialogKind; pos: number | null } | null;

const DIALOG_OF_NODE: Record<BlockAtomName, Exclude<DialogKind, 'figure'>> = { [CHART]: 'chart', [TABLE]: 'table', [QUOTE]: 'quote' };

/** The schema's nodes with their React views. */
function viewExtensions(placeholder: () => string) {
  return [
    ...textExtensions(),
    FigureRefNode.extend({ addNodeView: () => ReactNodeViewRenderer(FigureRefView, { as: 'span' }) }),
    ChartNode.extend({ addNodeView: () => ReactNodeViewRenderer(BlockCardView) }),
    TableNode.extend({ addNodeView: () => ReactNodeViewRenderer(BlockCardView) }),
    QuoteNode.extend({ addNodeView: () => ReactNodeViewRenderer(BlockCardView) }),
    Placeholder.configure({ placeholder }),
  ];
}

/** Replaces the document without a transaction: no update event (no echo) and a fresh in-editor history. */
function replaceContent(editor: Editor, blocks: readonly BulletinBlock[]): void {
  const doc = editor.schema.nodeFromJSON(blocksToDoc(blocks));
  editor.view.updateState(EditorState.create({ doc, plugins: editor.state.plugins }));
}

/**
 * Inserts at the cursor; a selected node (a card just inserted, a reference) is kept and the new one
 * goes after it. A block leaves the cursor in the paragraph after it (a new one when there is none).
 */
function insertNode(editor: Editor, node: JSONContent): void {
  const { selection } = editor.state;
  const chain = editor.chain().focus();
  (selection instanceof NodeSelection ? chain.insertContentAt(selection.to, node) : chain.insertContent(node)).run();
  const after = editor.state.selection;
  if (!(after instanceof NodeSelection) || after.node.isInline) return;
  const next = editor.state.doc.resolve(after.to).nodeAfter;
  if (next?.isTextblock) editor.commands.setTextSelection(after.to + 1);
  else editor.chain().insertContentAt(after.to, { type: 'paragraph' }).setTextSelection(after.to + 1).run();
}

export function BulletinEditor(props: BulletinEditorProps): React.JSX.Element {
  const { blocks, lang, readOnly = false, references, onAccept, label } = props;
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  // A page may pass new callbacks on every render; the node views get stable ones, so typing does not
  // re-render every reference and card of a long issue.
  const acceptRef = useRef(onAccept);
  acceptRef.current = onAccept;
  const accept = useCallback((figureId: number) => acceptRef.current?.(figureId), []);
  const canAccept = onAccept !== undefined;
  // What the editor last handed the page (or was given): new blocks equal to it are not loaded again.
  const emitted = useRef<readonly BulletinBlock[]>(blocks);
  const reader = useRef(new BlockReader());
  const placeholder = useRef(() => t('bulletinEditor.placeholder'));
  placeholder.current = () => t('bulletinEditor.placeholder');
  const [dialog, setDialog] = useState<Dialog>(null);
  // Sources and industries: a reference is built with its source (as the services compare it), and
  // cards name sources and industries. Insertion waits for them; a failure says so with Retry.
  const [lookups, retryLookups] = useCall(async () => {
    const [sources, entities] = await Promise.all([getApi().listSources({}), getApi().listEntities({})]);
    return { sources, entities };
  }, []);
  const sources = useMemo<Source[]>(() => (lookups.state === 'ready' ? lookups.value.sources : []), [lookups]);
  const entities = useMemo<EntitySummary[]>(() => (lookups.state === 'ready' ? lookups.value.entities : []), [lookups]);

  const editor = useEditor(
    {
      extensions: viewExtensions(() => placeholder.current()),
      content: blocksToDoc(blocks),
      editable: !readOnly,
      // The body takes the keyboard as the editor comes up (a moment after the page shows), only while nothing
      // else has it, and at once: TipTap's autofocus took it a frame later still, from 标题 clicked meanwhile,
      // and what was typed next went into the body.
      autofocus: false,
      onCreate: ({ editor: e }) => {
        const free = document.activeElement === null || document.activeElement === document.body;
        if (!props.autoFocus || readOnly || !free) return;
        e.view.dispatch(e.state.tr.setSelection(Selection.atEnd(e.state.doc)));
        e.view.focus();
      },
      editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, class: 'bulletin-editor-body' }, transformPastedHTML: pastedHtml },
      onUpdate: ({ editor: e }) => {
        const next = reader.current.read(e.state.doc);
        if (sameBlocks(next, emitted.current)) return;
        emitted.current = next;
        onChange.current(next);
      },
    },
    [],
  );

  useEffect(() => {
    if (sameBlocks(blocks, emitted.current)) return;
    emitted.current = blocks;
    replaceContent(editor, blocks);
  }, [editor, blocks]);

  useEffect(() => {
    editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  // The placeholder is drawn on each transaction: draw it again in the new UI language.
  useEffect(() => {
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr);
  }, [editor, i18n.language]);

  useEffect(() => {
    editor.setOptions({ editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, 'aria-readonly': String(readOnly), class: 'bulletin-editor-body' }, transformPastedHTML: pastedHtml } });
  }, [editor, label, readOnly, i18n.language]);

  const sourceMap = useMemo(() => new Map(sources.map((s) => [s.id, s])), [sources]);
  const entityMap = useMemo(() => new Map(entities.map((e) => [e.id, e])), [entities]);
  const context = useMemo<EditorViewContext>(
    () => ({
      lang,
      readOnly,
      live: liveState(references),
      onAccept: canAccept ? accept : undefined,
      edit: (kind, pos) => setDialog({ kind: DIALOG_OF_NODE[kind], pos }),
      sources: sourceMap,
      entities: entityMap,
    }),
    [lang, readOnly, references, canAccept, accept, sourceMap, entityMap],
  );

  const close = (): void => {
    setDialog(null);
    editor.commands.focus();
  };
  const saveBlock = (block: AtomBlock): void => {
    const node = nodeOfBlock(block);
    const pos = dialog?.pos ?? null;
    if (pos === null) insertNode(editor, node);
    else editor.chain().focus().command(({ tr }) => (tr.setNodeMarkup(pos, undefined, node.attrs), true)).run();
    setDialog(null);
  };
  const editing = <B extends AtomBlock>(type: B['type']): B | null => {
    if (dialog?.pos == null) return null;
    const node = editor.state.doc.nodeAt(dialog.pos);
    const block = node ? blockOfNode(node.toJSON() as Parameters<typeof blockOfNode>[0]) : null;
    return block?.type === type ? (block as B) : null;
  };

  return (
    <ViewContext.Provider value={context}>
      <div style={{ border: `1px solid ${token.colorBorder}`, borderRadius: token.borderRadius, padding: '4px 12px 12px', background: token.colorBgContainer }}>
        {readOnly ? null : <Toolbar editor={editor} canInsert={lookups.state === 'ready'} onInsert={(kind) => setDialog({ kind, pos: null })} />}
        {lookups.state === 'error' && !readOnly ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('bulletinEditor.loadFailed', { message: describeError(lookups.error, i18n.language === 'en' ? 'en' : 'zh-CN') })}
            action={<Button onClick={retryLookups}>{t('app.retry')}</Button>}
          />
        ) : null}
        <EditorContent editor={editor} style={{ minHeight: 240, lineHeight: 1.9, fontSize: 16 }} />
      </div>
      {dialog?.kind === 'figure' ? (
        <FigureDialog
          sources={sourceMap}
          onCancel={close}
          onInsert={(figureId, accepted) => {
            insertNode(editor, { type: FIGURE_REF, attrs: { figureId, accepted } });
            setDialog(null);
          }}
        />
      ) : null}
      {dialog?.kind === 'chart' ? <ChartDialog initial={editing('chart')} entities={entities} onSave={saveBlock} onCancel={close} /> : null}
      {dialog?.kind === 'table' ? <TableDialog initial={editing('table')} sources={sourceMap} onSave={saveBlock} onCancel={close} /> : null}
      {dialog?.kind === 'quote' ? <QuoteDialog initial={editing('quote')} sources={sources} onSave={saveBlock} onCancel={close} /> : null}
      <style>{`
        .bulletin-editor-body { outline: none; min-height: 240px; white-space: pre-wrap; }
        .bulletin-editor-body h1 { font-size: 20px; font-weight: 700; margin: 16px 0 8px; }
        .bulletin-editor-body h2 { font-size: 17px; font-weight: 700; margin: 12px 0 6px; }
        .bulletin-editor-body p { margin: 0 0 8px; }
        .bulletin-editor-body p.is-editor-empty:first-child::before { content: attr(data-placeholder); color: ${token.colorTextPlaceholder}; float: left; height: 0; pointer-events: none; }
        .bulletin-editor-body .ProseMirror-selectednode { outline: 2px solid ${token.colorPrimary}; }
      `}</style>
    </ViewContext.Provider>
  );
}

