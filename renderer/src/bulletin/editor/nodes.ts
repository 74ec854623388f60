/**
 * The editor's document schema, declared once and with no React in it: the conversion tests load it
 * headless (getSchema), and BulletinEditor.tsx adds the React node views on top.
 *
 * Only what a 简报 stores: paragraphs of text (bold the only mark) and figure references, headings of
 * level 1 and 2 holding plain text (the stored heading is text only), and three block atoms — chart,
 * table, quotation — whose attributes are the stored block's fields.
 */
import { Node, mergeAttributes, type AnyExtension, type Attribute, type Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

export const FIGURE_REF = 'figureRef';
export const CHART = 'bulletinChart';
export const TABLE = 'bulletinTable';
export const QUOTE = 'bulletinQuote';
export const BLOCK_ATOMS = [CHART, TABLE, QUOTE] as const;
export type BlockAtomName = (typeof BLOCK_ATOMS)[number];

/** An attribute kept as JSON in a data-* attribute, so copy and paste inside the editor keep it whole. */
function jsonAttribute(name: string): Attribute {
  const data = `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return {
    default: null,
    parseHTML: (element) => {
      const text = element.getAttribute(data);
      if (text === null) return null;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return null; // a damaged paste: the conversion leaves the node out
      }
    },
    renderHTML: (attributes) => ({ [data]: JSON.stringify(attributes[name] ?? null) }),
  };
}

const jsonAttributes = (names: readonly string[]): Record<string, Attribute> => Object.fromEntries(names.map((n) => [n, jsonAttribute(n)]));

/** A level 1 or 2 heading of plain text (一、 / （一）). */
export const BulletinHeading = Node.create({
  name: 'heading',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,
  addAttributes() {
    return {
      level: {
        default: 1,
        parseHTML: (element) => (element.tagName === 'H1' ? 1 : 2),
        renderHTML: () => ({}),
      },
    };
  },
  parseHTML() {
    return ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => ({ tag }));
  },
  renderHTML({ node, HTMLAttributes }) {
    return [node.attrs.level === 1 ? 'h1' : 'h2', HTMLAttributes, 0];
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-1': () => canBeHeading(this.editor) && this.editor.commands.setNode(this.name, { level: 1 }),
      'Mod-Alt-2': () => canBeHeading(this.editor) && this.editor.commands.setNode(this.name, { level: 2 }),
      'Mod-Alt-0': () => this.editor.commands.setNode('paragraph'),
    };
  },
});

/**
 * Whether the text where the cursor is can become a heading: a heading holds plain text, so a
 * paragraph with a figure reference cannot (ProseMirror would silently drop the reference).
 */
export function canBeHeading(editor: Editor): boolean {
  const { $from, $to } = editor.state.selection;
  let figure = false;
  editor.state.doc.nodesBetween($from.start(), $to.end(), (node) => {
    if (node.type.name === FIGURE_REF) figure = true;
  });
  return !figure && editor.can().setNode('heading', { level: 1 });
}

/** A figure inside a sentence: its id and the value the analyst accepted. */
export const FigureRefNode = Node.create({
  name: FIGURE_REF,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return jsonAttributes(['figureId', 'accepted']);
  },
  parseHTML() {
    return [{ tag: 'span[data-figure-ref]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-figure-ref': '' })];
  },
});

function blockAtom(name: BlockAtomName, attributes: readonly string[]) {
  const marker = `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return Node.create({
    name,
    group: 'block',
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes() {
      return jsonAttributes(attributes);
    },
    parseHTML() {
      return [{ tag: `div[${marker}]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return ['div', mergeAttributes(HTMLAttributes, { [marker]: '' })];
    },
  });
}

export const ChartNode = blockAtom(CHART, ['chart', 'caption']);
export const TableNode = blockAtom(TABLE, ['caption', 'figureIds', 'accepted']);
export const QuoteNode = blockAtom(QUOTE, ['sourceId', 'text']);

/**
 * StarterKit cut down to the format: document, paragraph, text, bold, the gap cursor (to put the cursor
 * beside a chart card), the drop cursor and a trailing paragraph. Everything the 简报 cannot store
 * (lists, italics, links, code, rules, line breaks, quotes as text) is off.
 *
 * In-editor undo (ProseMirror's history) stays on while typing, as a text field's does: the app's own
 * Ctrl+Z (session.tsx) deliberately skips content-editable targets, so the two never handle the same
 * key, and the editor drops its history whenever the content is replaced from outside (loading an issue,
 * the app's undo of a saved edit), so an in-editor undo never reaches back across an app-level change.
 */
export function textExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: false,
      blockquote: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      listKeymap: false,
      code: false,
      codeBlock: false,
      hardBreak: false,
      horizontalRule: false,
      italic: false,
      link: false,
      strike: false,
      underline: false,
    }),
    BulletinHeading,
  ];
}

/** The whole schema, headless: the text and the four custom nodes without their React views. */
export function schemaExtensions(): AnyExtension[] {
  return [...textExtensions(), FigureRefNode, ChartNode, TableNode, QuoteNode];
}
