/**
 * word/footnotes.xml and word/endnotes.xml as Word writes them for a document with no notes: only the
 * separator (id -1) and continuation separator (id 0). docx writes each with a footnote-reference
 * run (`<w:footnoteRef/>` in FootnoteReference style) and spacing of its own, which belong to a
 * note's text, not a separator; Word has been reported to open such files with its repair dialog
 * (anthropics/skills#570). The briefing's notes are its list of sources (docx.ts), so neither part
 * holds a note.
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function separators(kind: 'footnote' | 'endnote'): string {
  const note = (type: string, id: number, mark: string): string => `<w:${kind} w:type="${type}" w:id="${id}"><w:p><w:r><w:${mark}/></w:r></w:p></w:${kind}>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${kind}s xmlns:w="${W}">${note('separator', -1, 'separator')}${note('continuationSeparator', 0, 'continuationSeparator')}</w:${kind}s>`;
}

/** The two parts, given to docx's Packer as overrides of its own. */
export const NOTES_PARTS_OVERRIDES: readonly { path: string; data: string }[] = [
  { path: 'word/footnotes.xml', data: separators('footnote') },
  { path: 'word/endnotes.xml', data: separators('endnote') },
];
