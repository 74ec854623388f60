/**
 * The editor's toolbar: 一级标题 / 二级标题 / 正文, 加粗, and the four insertions. A role="toolbar"
 * of plain buttons in tab order, named in the UI language; pressed states say which style the
 * cursor is in. A paragraph holding a figure reference cannot become a heading (headings are plain
 * text), so the heading buttons are off there rather than dropping the reference. Insertions wait
 * until the sources and industries they need are loaded.
 */
import { Button, Divider, Space, Typography } from 'antd';
import { useEditorState, type Editor } from '@tiptap/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialogKind } from './dialogs';
import { canBeHeading } from './nodes';

export function Toolbar({ editor, canInsert, onInsert }: { editor: Editor; canInsert: boolean; onInsert: (kind: DialogKind) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      paragraph: e.isActive('paragraph'),
      bold: e.isActive('bold'),
      canBold: e.can().toggleBold(),
      canHeading: canBeHeading(e),
    }),
  });
  const run = (command: (e: Editor) => void) => () => command(editor);
  // Why the heading buttons are off, said beside them (a disabled button shows no tooltip): they were off with no word.
  const headingOff = !state.h1 && !state.h2 && !state.canHeading;
  const why = useId();
  // A style button pressed with the pointer leaves the focus in the text: the style applies at once and
  // the next key typed goes on in the text. (Taking the focus, the button handed it back only in the
  // next frame, TipTap's focus(), and a key typed before that frame was lost.) From the keyboard the
  // button takes the focus as any button does, and gives it back to the text.
  const keepTextFocus = (event: React.MouseEvent): void => event.preventDefault();
  const style = (pressed: boolean, label: string, onClick: () => void, extra: { disabled?: boolean } = {}): React.JSX.Element => (
    <Button size="small" type={pressed ? 'primary' : 'default'} aria-pressed={pressed} disabled={extra.disabled} aria-describedby={extra.disabled ? why : undefined} onMouseDown={keepTextFocus} onClick={onClick}>
      {label}
    </Button>
  );
  return (
    <div role="toolbar" aria-label={t('bulletinEditor.toolbar')} style={{ padding: '4px 0 8px' }}>
      <Space wrap size={4}>
        {style(state.h1, t('bulletinEditor.heading1'), run((e) => e.chain().focus().setNode('heading', { level: 1 }).run()), { disabled: !state.h1 && !state.canHeading })}
        {style(state.h2, t('bulletinEditor.heading2'), run((e) => e.chain().focus().setNode('heading', { level: 2 }).run()), { disabled: !state.h2 && !state.canHeading })}
        {style(state.paragraph, t('bulletinEditor.paragraph'), run((e) => e.chain().focus().setNode('paragraph').run()))}
        <Divider type="vertical" />
        <Button size="small" aria-pressed={state.bold} type={state.bold ? 'primary' : 'default'} disabled={!state.canBold} onMouseDown={keepTextFocus} onClick={run((e) => e.chain().focus().toggleBold().run())}>
          <strong>{t('bulletinEditor.bold')}</strong>
        </Button>
        <Divider type="vertical" />
        {(
          [
            ['figure', t('bulletinEditor.insertFigure')],
            ['chart', t('bulletinEditor.insertChart')],
            ['table', t('bulletinEditor.insertTable')],
            ['quote', t('bulletinEditor.insertQuote')],
          ] as const
        ).map(([kind, label]) => (
          <Button key={kind} size="small" disabled={!canInsert} onClick={() => onInsert(kind)}>
            {label}
          </Button>
        ))}
        {headingOff ? (
          <Typography.Text type="secondary" id={why} style={{ fontSize: 12 }}>
            {t('bulletinEditor.noHeadingHere')}
          </Typography.Text>
        ) : null}
      </Space>
    </div>
  );
}
