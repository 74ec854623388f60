/**
 * The font table of the Word briefing (word/fontTable.xml). Word has no fallback list for a run's
 * font: a run names one East Asian face. The font table is where a document tells Word and WPS what
 * each named face is and what to use where it is missing: w:altName gives the alternative name,
 * w:charset 86 (GB2312) and the family and pitch guide the substitution a missing face gets.
 *   仿宋_GB2312 → 仿宋 (FangSong) · 楷体_GB2312 → 楷体 (KaiTi) · 方正小标宋简体 → 宋体 (SimSun)
 *   黑体 (SimHei) · 宋体 (SimSun) · Latin text: Times New Roman.
 * Every Chinese Windows has 仿宋, 楷体, 黑体 and 宋体; the _GB2312 cuts and 方正小标宋简体 are those
 * an office installs for official documents.
 */
export interface FontTableEntry {
  name: string;
  altName?: string;
  charset: '86' | '00';
  family: 'roman' | 'modern' | 'swiss' | 'script';
  pitch: 'variable' | 'fixed';
}

export const FONT_TABLE: readonly FontTableEntry[] = [
  { name: '仿宋_GB2312', altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '楷体_GB2312', altName: '楷体', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '方正小标宋简体', altName: '宋体', charset: '86', family: 'script', pitch: 'fixed' },
  { name: '黑体', altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '宋体', altName: 'SimSun', charset: '86', family: 'roman', pitch: 'variable' },
  { name: 'Times New Roman', charset: '00', family: 'roman', pitch: 'variable' },
];

const escape = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** word/fontTable.xml, given to docx's Packer as an override of the (empty) table it writes. */
export function fontTableOverride(entries: readonly FontTableEntry[] = FONT_TABLE): { path: string; data: string } {
  const fonts = entries
    .map((f) => `<w:font w:name="${escape(f.name)}">${f.altName ? `<w:altName w:val="${escape(f.altName)}"/>` : ''}<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`)
    .join('');
  return {
    path: 'word/fontTable.xml',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${fonts}</w:fonts>`,
  };
}
