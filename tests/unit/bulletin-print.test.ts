/**
 * How a long 简报 issue falls on its pages, as an analyst checks a printout: the ten-page issue of
 * tests/helpers/long-bulletin.ts is issued and exported as PDF and as Word (the Word file printed by
 * LibreOffice), and read back with poppler. No heading, caption or table header row ends a page; each
 * table's caption shares a page with its header and first row; no note number begins a line; and the rule that decides where a
 * paragraph breaks keeps at least two lines on each page without leaving a third of a page empty.
 * And both set it as the format does, measured on the printed pages: the title centred, the 按语,
 * headings and paragraphs indented two characters, a quoted passage indented as a block, the 注释
 * heading at the margin, the tail's 报送 / 抄送 one character in with their run-on lines under the
 * first character after the colon. Page pictures are kept under test-results/artifacts/bulletin/ to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveNewDraft } from '../../electron/services/bulletins/actions';
import { bulletinModel, exportBulletin } from '../../electron/services/bulletins/export';
import { issueBulletin } from '../../electron/services/bulletins/issue';
import { BULLETIN_KEEP, BULLETIN_PAGE, REPORT_KEEP, keepRule } from '../../electron/services/briefing/pdf';
import type { DB } from '../../electron/services/db/open';
import { BULLETIN_RED, bulletinTailLines, walkBlocks, type BriefingDocument, type Line } from '../../shared/document';
import { chartNumbers } from '../../electron/services/briefing/chart-option';
import { printedTexts } from '../../electron/services/briefing/render';
import { composeBulletin, renderBulletin } from '../../electron/services/briefing/bulletin';
import { liveResolver } from '../../electron/services/briefing/bulletin-figures';
import type { BulletinBlock } from '../../shared/bulletin';
import { figureRef, seededFigure } from '../helpers/bulletins';
import { englishWordsCut, isPrinted, keepForInspection, missingStrings, pageHolding, squash, strandedLines, tailPlacement, wordsOutside } from '../helpers/briefing-check';
import { openTemp, tempDir } from '../helpers/files';
import { longBulletin, recordSurveyYears } from '../helpers/long-bulletin';
import { officeConvert } from '../helpers/office';
import { ARTIFACTS, horizontalRules, pagePixels, pageToPng, pdfPages, pdfText, pdfTextAsDrawn, pdfWords } from '../helpers/pdf';

let db: DB;
let id: number;
beforeEach(() => {
  db = openTemp().db;
  recordSurveyYears(db);
  id = issueBulletin(db, '李分析', saveNewDraft(db, longBulletin(db)).id).id;
});
afterEach(() => db.close());

/** Each table of the model: its caption (the paragraph before it) and its first row's first cell. */
function tables(model: BriefingDocument): { caption: string; firstRow: string }[] {
  return model.blocks.flatMap((b, i) => {
    const before = model.blocks[i - 1];
    if (b.type !== 'table' || before?.type !== 'paragraph' || before.style !== 'caption') return [];
    const text = (runs: (typeof before)['runs']): string => runs.map((r) => (r.t === 'text' ? r.text : '')).join('');
    return [{ caption: text(before.runs), firstRow: text(b.rows[0]![0]!.lines[0]!) }];
  });
}

describe('a ten-page 简报 issue on its pages', () => {
  it('as PDF: no heading, caption or table header ends a page, and each table starts on its caption’s page', async () => {
    const { model } = bulletinModel(db, id);
    const { bytes, pages } = await exportBulletin(db, id, 'pdf');
    const file = keepForInspection(bytes, 'long-issue', path.join(ARTIFACTS, 'bulletin'));
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(strandedLines(file, model, BULLETIN_PAGE)).toEqual([]);
    const found = tables(model);
    expect(found).toHaveLength(3);
    for (const t of found) {
      const page = pageHolding(file, t.caption, BULLETIN_PAGE);
      expect(page, t.caption).toBeGreaterThan(0);
      expect(pageHolding(file, t.firstRow, BULLETIN_PAGE), `${t.caption}: ${t.firstRow}`).toBe(page);
    }
    // And nothing was lost or set outside the type area on the way.
    expect(missingStrings(file, model)).toEqual([]);
    expect(wordsOutside(file, BULLETIN_PAGE)).toEqual([]);
    // The tail, too long for the page where the notes end, at the foot of a page of its own.
    expect(tailPlacement(file, model, BULLETIN_PAGE)).toEqual([]);
    expect(pageHolding(file, '共印', BULLETIN_PAGE)).toBe(pages);
    for (let p = 1; p <= pages!; p++) pageToPng(file, p, `bulletin/long-issue-page${p}`, 60);
  }, 180_000);

  it('a chart’s caption cites the sources of the figures it draws, and only those: side by side in ascending order, set apart by a comma, in the PDF and in Word', async () => {
    const { model } = bulletinModel(db, id);
    const captions = new Map(model.blocks.flatMap((b) => (b.type === 'chart' ? [[b.caption.map((r) => (r.t === 'text' ? r.text : '')).join(''), b.caption.filter((r) => r.t === 'cite').map((r) => r.n)] as const] : [])));
    // The survey (note 2, first cited in section 2) gave 2021 and 2022; the trend draws them beside China Daily's 2023 (note 1).
    expect(captions.get('图2 三个新兴集群年产值走势')).toEqual([1, 2]);
    // The comparison draws each cluster's newest figure, all China Daily's 2023: the survey's earlier years are not cited (they were, as "21").
    expect(captions.get('图3 部分新兴集群年产值比较')).toEqual([1]);
    const { bytes } = await exportBulletin(db, id, 'pdf');
    const file = keepForInspection(bytes, 'long-issue-captions', path.join(ARTIFACTS, 'bulletin'));
    const printed = pdfText(file).replace(/\s+/g, '');
    expect(printed).toContain('图2三个新兴集群年产值走势1,2');
    expect(printed).toContain('图3部分新兴集群年产值比较1');
    expect(printed).not.toContain('图3部分新兴集群年产值比较1,2');
    // Both draw "超过" lower bounds (2023): each says so beneath it; the trend's axis starts at "0", not "0元".
    const after = (caption: string): string | undefined => {
      const i = model.blocks.findIndex((b) => b.type === 'chart' && b.caption.some((r) => r.t === 'text' && r.text === caption));
      const next = model.blocks[i + 1];
      return next?.type === 'paragraph' ? next.runs.map((r) => (r.t === 'text' ? r.text : '')).join('') : undefined;
    };
    for (const caption of ['图2 三个新兴集群年产值走势', '图3 部分新兴集群年产值比较']) expect(after(caption), caption).toBe('注：标有“超过”“不低于”的数值为下限，实际数值高于图中位置。');
    expect(printed.split('注：标有“超过”“不低于”的数值为下限，实际数值高于图中位置。').length - 1).toBe(2);
    expect(pdfWords(file).words.filter((w) => w.text === '0元')).toEqual([]);
    const word = await exportBulletin(db, id, 'docx');
    const dir = tempDir();
    const docx = path.join(dir, 'long-issue.docx');
    fs.writeFileSync(docx, word.bytes);
    const [converted] = officeConvert([docx], 'pdf', dir);
    const wordText = pdfText(converted!).replace(/\s+/g, '');
    expect(wordText).toContain('图2三个新兴集群年产值走势1,2');
  }, 180_000);

  it('never begins a line with a note number: it stays with the figure it follows, wherever the line ends', async () => {
    // The same figure after 0 to 27 characters: somewhere its value ends a line, and its note number
    // (then "，后文。") would have begun the next.
    const robots = seededFigure(db, { entityId: 'smart-robots', metric: 'output_value' });
    const paragraphs: BulletinBlock[] = Array.from({ length: 28 }, (_, k) => ({ type: 'paragraph', content: [{ type: 'text', text: `${'集'.repeat(k)}智能机器人集群年产值` }, figureRef(db, robots), { type: 'text', text: '，后文。' }] }));
    const content = { ...longBulletin(db), blocks: [{ type: 'heading' as const, level: 1 as const, text: '换行' }, ...paragraphs] };
    const { pdf } = await renderBulletin(db, content, liveResolver(db), new Date('2026-11-28T09:00:00'));
    const file = keepForInspection(pdf, 'note-numbers', path.join(ARTIFACTS, 'bulletin'));
    expect(pdfText(file).replace(/\s+/g, '').split('后文').length - 1).toBe(28);
    // A note number is a small raised word of digits; none may sit at the left edge of the text.
    const { words } = pdfWords(file);
    const body = words.filter((w) => w.text.includes('集'));
    const lineHeight = Math.min(...body.map((w) => w.yMax - w.yMin));
    const starting = words.filter((w) => /^\d+$/.test(w.text) && w.yMax - w.yMin < lineHeight * 0.7 && Math.abs(w.xMin - BULLETIN_PAGE.left) < 1);
    expect(starting.map((w) => `page ${w.page} y ${w.yMin.toFixed(0)}`)).toEqual([]);
  }, 120_000);

  it('never leaves a note’s source line at a page’s foot without its first quoted passage, wherever the notes begin', async () => {
    // "1. China Daily，“Clusters…”，2024年10月23日。" ended page 1, its three-line passage moved whole to page 2 (简报 review).
    // The notes begin one line further down the page each time, so a source line meets the page's foot at every place.
    const refs = ['smart-robots', 'new-energy', 'semiconductors-ic', 'digital-creativity'].map((entityId) => figureRef(db, seededFigure(db, { entityId, metric: 'output_value' })));
    const stranded: string[] = [];
    for (let k = 0; k < 24; k++) {
      const filler: BulletinBlock[] = Array.from({ length: 1 + (k >> 1) }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: '集'.repeat(i === 0 && k % 2 === 1 ? 40 : 20) }] }));
      const content = { ...longBulletin(db), editorNote: '', blocks: [{ type: 'heading' as const, level: 1 as const, text: '来源' }, ...filler, { type: 'paragraph' as const, content: refs.flatMap((r) => [r, { type: 'text' as const, text: '；' }]) }] };
      const { pdf } = await renderBulletin(db, content, liveResolver(db), new Date('2026-11-28T09:00:00'));
      const file = keepForInspection(pdf, `note-source-${k}`, path.join(ARTIFACTS, 'bulletin'));
      const model = composeBulletin(content, liveResolver(db), { number: null, date: '2026-11-28' });
      stranded.push(...strandedLines(file, model, BULLETIN_PAGE).map((v) => `filler ${k}: ${v.detail}`));
    }
    expect(stranded).toEqual([]);
  }, 180_000);

  it('as Word: captions are kept with their tables and header rows with their first rows, and every string and trend number is drawn, as LibreOffice prints it', async () => {
    const { model } = bulletinModel(db, id);
    const dir = tempDir();
    const docx = path.join(dir, 'long-issue.docx');
    fs.writeFileSync(docx, (await exportBulletin(db, id, 'docx')).bytes);
    const xml = execUnzip(docx, 'word/document.xml');
    // Every caption paragraph says keep-with-next itself (WPS reads direct formatting more surely than styles).
    const paragraphs = xml.match(/<w:p[ >].*?<\/w:p>/gs) ?? [];
    for (const t of tables(model)) {
      const caption = paragraphs.find((p) => p.includes(t.caption));
      expect(caption, t.caption).toContain('<w:keepNext/>');
    }
    // Header rows: repeated on each page, never split, and kept with the row after them.
    const headerRows = [...xml.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*?<w:tblHeader\/>(?:(?!<\/w:tr>).)*<\/w:tr>/gs)].map((m) => m[0]);
    expect(headerRows.length).toBeGreaterThanOrEqual(3);
    for (const row of headerRows) {
      expect(row).toContain('<w:cantSplit/>');
      expect(row).toContain('<w:keepNext/>');
    }
    // No row of a table is split across two pages (a name on one, its value on the next).
    const rows = [...xml.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/gs)].map((m) => m[0]);
    expect(rows.length).toBeGreaterThan(headerRows.length);
    for (const row of rows) expect(row.slice(0, 120)).toContain('<w:cantSplit/>');
    const [pdf] = officeConvert([docx], 'pdf', dir);
    keepForInspection(fs.readFileSync(pdf!), 'long-issue-word', path.join(ARTIFACTS, 'bulletin'));
    expect(pdfPages(pdf!)).toBeGreaterThanOrEqual(8);
    // Every string the issue prints, and every number of a trend's table, is drawn on a page (read as drawn and by
    // position): LibreOffice's text export held a table's rows its pages had dropped.
    const readings = [pdfTextAsDrawn(pdf!), pdfText(pdf!)].map((t) => t.split(/\s+/).filter(Boolean));
    const drawn = (t: string): boolean => readings.some((words) => isPrinted(squash(t), words.join(''), words));
    const numbers = [...walkBlocks(model.blocks)].flatMap((b) => (b.type === 'chart' && b.spec.kind === 'trend' ? chartNumbers(b.spec, 'zh').flatMap((r) => [...r.name, r.value]) : []));
    expect(numbers.length).toBeGreaterThan(3);
    expect([...printedTexts(model).map((t) => t.text), ...numbers].filter((t) => squash(t) !== '' && !drawn(t))).toEqual([]);
    for (const t of tables(model)) {
      const page = pageHolding(pdf!, t.caption, BULLETIN_PAGE);
      expect(page, t.caption).toBeGreaterThan(0);
      expect(pageHolding(pdf!, t.firstRow, BULLETIN_PAGE), `${t.caption}: ${t.firstRow}`).toBe(page);
    }
    // English quoted in a Chinese issue wraps between words ("reac" / "hed" when its runs were marked Chinese).
    const quoted = model.blocks.flatMap((b) => (b.type === 'paragraph' && b.style === 'quote' ? b.runs.flatMap((r) => (r.t === 'text' ? [r.text] : [])) : []));
    const { english, cut } = englishWordsCut(pdf!, quoted);
    expect(english.length).toBeGreaterThan(40);
    expect(cut).toEqual([]);
  }, 180_000);
});

/**
 * The printed lines of a PDF: its words grouped by page and line (a word whose middle lies within a
 * line's height is on it, so a raised note number stays on its line), each line's left and right edge
 * and its text (white space out), in reading order.
 */
function printedLines(file: string): { page: number; y: number; top: number; xMin: number; xMax: number; text: string }[] {
  const { words } = pdfWords(file);
  const lines: { page: number; y: number; top: number; xMin: number; xMax: number; text: string }[] = [];
  const lineOf = (w: (typeof words)[number]): (typeof lines)[number] | undefined => {
    const middle = (w.yMin + w.yMax) / 2;
    return lines.find((l) => l.page === w.page && middle >= l.top && middle <= l.y);
  };
  // The tallest words first make the lines; a smaller (raised) word then falls within one.
  for (const w of [...words].sort((a, b) => a.page - b.page || b.yMax - b.yMin - (a.yMax - a.yMin))) {
    const line = lineOf(w);
    if (line) Object.assign(line, { xMin: Math.min(line.xMin, w.xMin), xMax: Math.max(line.xMax, w.xMax) });
    else lines.push({ page: w.page, y: w.yMax, top: w.yMin, xMin: w.xMin, xMax: w.xMax, text: '' });
  }
  // The text in reading order: each word added to its line left to right.
  for (const w of [...words].sort((a, b) => a.xMin - b.xMin)) {
    const line = lineOf(w);
    if (line) line.text += squash(w.text);
  }
  return lines.sort((a, b) => a.page - b.page || a.y - b.y);
}

/**
 * Where each paragraph set apart in the 简报 starts on the printed page, by its kind: the title (its
 * centre), the 按语, the headings (levels 1 and 2, and the 注释 heading, level 3), each quoted passage (its first and second lines'
 * left edges) and the body paragraphs (first and second lines) — as measured from the text area's left edge.
 */
function setApart(file: string, model: BriefingDocument): { kind: string; text: string; first: number; second: number | null; centre: number }[] {
  const lines = printedLines(file);
  const left = BULLETIN_PAGE.left;
  const middle = (BULLETIN_PAGE.width + BULLETIN_PAGE.left - BULLETIN_PAGE.right) / 2;
  const text = (line: Line): string => squash(line.map((r) => (r.t === 'text' ? r.text : '')).join(''));
  const out: { kind: string; text: string; first: number; second: number | null; centre: number }[] = [];
  for (const b of model.blocks) {
    const kind = b.type === 'heading' ? `h${b.level}` : b.type === 'paragraph' && ['bulletinTitle', 'editorNote', 'quote', 'body'].includes(b.style) ? b.style : null;
    if (!kind || (b.type !== 'heading' && b.type !== 'paragraph')) continue;
    const start = text(b.runs).slice(0, 14);
    const at = lines.findIndex((l) => l.text.startsWith(start));
    if (at < 0) throw new Error(`${file}: no printed line starts with “${start}” (${kind})`);
    const [line, next] = [lines[at]!, lines[at + 1]];
    const wraps = next !== undefined && next.page === line.page && text(b.runs).length > line.text.length && text(b.runs).includes(next.text.slice(0, 6));
    out.push({ kind, text: start, first: line.xMin - left, second: wraps ? next.xMin - left : null, centre: (line.xMin + line.xMax) / 2 - middle });
  }
  return out;
}

/**
 * Where the tail's lines print (GB/T 9704's 抄送): each 报送 / 抄送 line's left edge and its run-on
 * line's, and 共印N份's right edge, from the text area's edges.
 */
function tailSet(file: string, model: BriefingDocument): { text: string; first: number; runOn: number | null }[] & { copiesRight?: number } {
  const lines = printedLines(file);
  const tail = model.blocks.find((b) => b.type === 'bulletinTail');
  if (tail?.type !== 'bulletinTail') throw new Error('the issue has no tail');
  const out: { text: string; first: number; runOn: number | null }[] & { copiesRight?: number } = [];
  for (const l of bulletinTailLines(tail)) {
    const start = squash(l.label + l.text).slice(0, 8);
    const at = lines.findLastIndex((x) => x.text.startsWith(start));
    if (at < 0) throw new Error(`${file}: no printed line starts with “${start}” (the tail)`);
    const [line, next] = [lines[at]!, lines[at + 1]];
    if (!l.label) {
      out.copiesRight = BULLETIN_PAGE.width - BULLETIN_PAGE.right - line.xMax;
      continue;
    }
    const runsOn = next !== undefined && next.page === line.page && squash(l.text).includes(next.text.slice(0, 4)) && !line.text.endsWith(squash(l.text).slice(-4));
    out.push({ text: start, first: line.xMin - BULLETIN_PAGE.left, runOn: runsOn ? next.xMin - BULLETIN_PAGE.left : null });
  }
  return out;
}

/** The red most pixels of the head (the page's top third) are drawn in: the name's and the rule's fill, as [r, g, b]. */
function headRed(file: string): number[] {
  const { width, height, at, data } = pagePixels(file, 1, 72);
  const counts = new Map<string, number>();
  for (let i = at; i < at + width * Math.floor(height / 3) * 3; i += 3) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (r > 120 && r - g > 80 && r - b > 80) counts.set(`${r},${g},${b}`, (counts.get(`${r},${g},${b}`) ?? 0) + 1);
  }
  const [most] = [...counts].sort((a, b) => b[1] - a[1]);
  return most ? most[0].split(',').map(Number) : [];
}

describe('a 简报 issue set as the format sets it, in the PDF and in Word alike', () => {
  it('the title centred; the 按语, the headings and each paragraph indented two characters; a quoted passage indented as a block; 注释 at the margin in 黑体; the 红头 in one red; the tail’s lists one character in, run-on lines under the first character after the colon', async () => {
    const { model } = bulletinModel(db, id);
    const dir = tempDir();
    const pdf = path.join(dir, 'issue-pdfmake.pdf'); // not issue.pdf: LibreOffice writes the Word file's PDF there
    fs.writeFileSync(pdf, (await exportBulletin(db, id, 'pdf')).bytes);
    const docx = path.join(dir, 'issue.docx');
    fs.writeFileSync(docx, (await exportBulletin(db, id, 'docx')).bytes);
    const [word] = officeConvert([docx], 'pdf', dir);
    // The 按语 in 楷体 in Word too (its place is measured below with the rest).
    const styles = execUnzip(docx, 'word/styles.xml');
    const noteStyle = /<w:style [^>]*w:styleId="EditorNote"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(noteStyle).toContain('w:eastAsia="楷体_GB2312"');
    expect(execUnzip(docx, 'word/document.xml')).toContain('<w:pStyle w:val="EditorNote"/>');
    // The 注释 heading in 黑体 14 pt, as the PDF sets it (its place is measured below).
    const notesHeading = /<w:style [^>]*w:styleId="Heading3"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(notesHeading).toContain('w:eastAsia="黑体"');
    expect(notesHeading).toContain('<w:sz w:val="28"/>');
    // The 红头 in one red in both.
    const red = [1, 3, 5].map((i) => parseInt(BULLETIN_RED.slice(i, i + 2), 16));
    for (const [name, file] of [['PDF', pdf], ['Word', word!]] as const) expect(headRed(file).map((c, i) => Math.abs(c - red[i]!) <= 8), `${name}: ${headRed(file).join(',')} for ${BULLETIN_RED}`).toEqual([true, true, true]);
    const TWO_CHARS = 32; // two characters of the 16 pt (三号) body
    for (const [name, file] of [['PDF', pdf], ['Word', word!]] as const) {
      const found = setApart(file, model);
      for (const kind of ['bulletinTitle', 'editorNote', 'h1', 'h2', 'h3', 'quote', 'body']) expect(found.filter((f) => f.kind === kind).length, `${name}: ${kind}`).toBeGreaterThan(0);
      const wrong = found.flatMap((f) => {
        const near = (x: number, want: number): boolean => Math.abs(x - want) <= 2.5;
        const ok =
          f.kind === 'bulletinTitle'
            ? near(f.centre, 0)
            : f.kind === 'quote'
              ? near(f.first, TWO_CHARS) && (f.second === null || near(f.second, TWO_CHARS))
              : f.kind === 'h3'
                ? near(f.first, 0)
                : near(f.first, TWO_CHARS) && (f.second === null || near(f.second, 0));
        return ok ? [] : [`${name} ${f.kind} “${f.text}”: first line at ${f.first.toFixed(1)}, second at ${f.second?.toFixed(1) ?? '—'}, centre off by ${f.centre.toFixed(1)}`];
      });
      expect(wrong).toEqual([]);
      expect(found.filter((f) => f.kind === 'quote' && f.second !== null).length, `${name}: a quote that wraps`).toBeGreaterThan(0);
      // The tail: one 14 pt character in from either side; a run-on line under the first character after 报送：.
      const tail = tailSet(file, model);
      const ONE = 14;
      expect(tail.length, `${name}: 报送 and 抄送`).toBe(2);
      expect(tail.filter((t) => t.runOn !== null).length, `${name}: a tail line that runs on`).toBeGreaterThan(0);
      expect(
        tail.filter((t) => Math.abs(t.first - ONE) > 2.5 || (t.runOn !== null && Math.abs(t.runOn - 4 * ONE) > 2.5)).map((t) => `${name} tail “${t.text}”: at ${t.first.toFixed(1)}, runs on at ${t.runOn?.toFixed(1) ?? '—'}`),
      ).toEqual([]);
      expect(Math.abs(tail.copiesRight! - ONE), `${name}: 共印N份 one character in from the right (${tail.copiesRight?.toFixed(1)})`).toBeLessThanOrEqual(2.5);
      // Its four rules (above 报送, between the lines, below 共印N份) across the text's full width.
      const words = printedLines(file);
      const first = words.findLast((l) => l.text.startsWith(tail[0]!.text))!;
      const copies = words.findLast((l) => l.text.startsWith('共印'))!;
      const rules = horizontalRules(file, first.page, first.top - 40, copies.y + 20);
      expect(rules.length, `${name}: the tail's rules`).toBe(4);
      const right = BULLETIN_PAGE.width - BULLETIN_PAGE.right;
      expect(rules.filter((r) => Math.abs(r.xMin - BULLETIN_PAGE.left) > 2 || Math.abs(r.xMax - right) > 2).map((r) => `${name} rule at ${r.y}: ${r.xMin}–${r.xMax}, text ${BULLETIN_PAGE.left.toFixed(1)}–${right.toFixed(1)}`)).toEqual([]);
    }
  }, 180_000);
});

/** One part of a .docx (a zip), as text. */
function execUnzip(file: string, part: string): string {
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('where a 简报 paragraph breaks (the keep rule)', () => {
  const width = BULLETIN_PAGE.width - BULLETIN_PAGE.left - BULLETIN_PAGE.right;
  const inner = BULLETIN_PAGE.height - BULLETIN_PAGE.top - BULLETIN_PAGE.bottom;
  const pitch = BULLETIN_KEEP.pitch;
  /** A body paragraph of about `lines` lines of 16 pt text, starting with room for `room` lines on its page and running onto the next. */
  const paragraph = (lines: number, room: number, id = 'para-1') => ({
    id,
    style: 'body',
    text: [{ text: '集'.repeat(Math.floor((width / 16) * lines) - 1) }],
    pageNumbers: [3, 4],
    startPosition: { verticalRatio: 1 - (room * pitch + 4) / inner, pageInnerHeight: inner },
  });
  const none = { getFollowingNodesOnPage: () => [] };

  it('splits a long paragraph where it falls, leaving no page a third empty (the reports’ rule would move it whole)', () => {
    expect(keepRule(paragraph(10, 5), none, width, BULLETIN_KEEP)).toBe(false);
    // Measured at the reports' 9.5 pt, the same paragraph counts as 6 lines and would move whole.
    expect(keepRule(paragraph(10, 5), none, width, REPORT_KEEP)).toBe(true);
  });

  it('moves a paragraph whole rather than leave one line at the foot of a page or carry one line over', () => {
    expect(keepRule(paragraph(10, 1), none, width, BULLETIN_KEEP)).toBe(true);
    expect(keepRule(paragraph(6, 5), none, width, BULLETIN_KEEP)).toBe(true);
    expect(keepRule(paragraph(6, 4), none, width, BULLETIN_KEEP)).toBe(false);
    expect(keepRule(paragraph(3, 2), none, width, BULLETIN_KEEP)).toBe(true);
  });

  it('leaves a paragraph that begins its page under a heading where it is, whatever its estimated length: moving it would leave the heading alone', () => {
    // "(1) 工群" at the head of page 4, its paragraph (runs of "AAAA…" and emoji, which wrap sooner than estimated) moved whole to page 5.
    const heading = { id: 'keep-0', text: '(1) 工群', pageNumbers: [3], startPosition: { verticalRatio: 0, pageInnerHeight: inner } };
    const atTop = { getFollowingNodesOnPage: () => [], getPreviousNodesOnPage: () => [heading] };
    // A widow by the estimate: 21 lines with room for 20.
    expect(keepRule(paragraph(21, 20), none, width, BULLETIN_KEEP)).toBe(true);
    expect(keepRule(paragraph(21, 20), atTop, width, BULLETIN_KEEP)).toBe(false);
    expect(keepRule(paragraph(21, 20), { ...atTop, getPreviousNodesOnPage: () => [] }, width, BULLETIN_KEEP)).toBe(false);
    // With a paragraph's end above it on the page, it moves whole as before.
    const above = { id: 'para-0', style: 'body', text: [{ text: '集' }], pageNumbers: [2, 3], startPosition: { verticalRatio: 0.9, pageInnerHeight: inner } };
    expect(keepRule(paragraph(21, 20), { ...atTop, getPreviousNodesOnPage: () => [above, heading] }, width, BULLETIN_KEEP)).toBe(true);
    // Asked first, the heading at the head of its page stays with that paragraph rather than move without it.
    expect(keepRule(heading, { getFollowingNodesOnPage: () => [paragraph(21, 20)], getPreviousNodesOnPage: () => [], getNodesOnNextPage: () => [paragraph(21, 20)] }, width, BULLETIN_KEEP)).toBe(false);
  });

  it('moves a heading with the paragraph after it when that paragraph moves', () => {
    const heading = { id: 'keep-0', text: '一、总体情况', pageNumbers: [3], startPosition: { verticalRatio: 0.9, pageInnerHeight: inner } };
    expect(keepRule(heading, { getFollowingNodesOnPage: () => [paragraph(10, 1)] }, width, BULLETIN_KEEP)).toBe(true);
    expect(keepRule(heading, { getFollowingNodesOnPage: () => [paragraph(10, 5)] }, width, BULLETIN_KEEP)).toBe(false);
    // A caption is kept like a heading; the running footer after it does not count as what follows.
    expect(keepRule({ ...heading, id: 'keep-1' }, { getFollowingNodesOnPage: () => [{ id: 'frame-3', text: '— 3 —', pageNumbers: [3] }] }, width, BULLETIN_KEEP)).toBe(true);
  });

  it('breaks a table of four rows two and two, not three and one', () => {
    // A fact sheet's province table of four rows left its last row alone on page 2 (integrity review).
    const at = (id: string, page: number) => ({ id, text: '20个战略性产业集群', pageNumbers: [page], startPosition: { pageNumber: page, verticalRatio: 0.95, pageInnerHeight: inner } });
    const cells = [{}, {}, {}];
    const rows = new Map([['row-5-2-4', cells]]);
    const query = { getFollowingNodesOnPage: () => [], getPreviousNodesOnPage: () => [at('row-5-1-4', 1)], getNodesOnNextPage: () => [at('row-5-3-4', 2)] };
    expect(keepRule(at('row-5-2-4', 1), query, width, REPORT_KEEP, rows)).toBe(true);
    expect(cells.every((c) => (c as { pageBreak?: string }).pageBreak === 'before')).toBe(true);
    // Two rows already over: nothing to move. A table of three rows has none to spare.
    expect(keepRule(at('row-6-2-4', 1), { ...query, getNodesOnNextPage: () => [at('row-6-3-4', 2), at('row-6-3-4', 2)] }, width, REPORT_KEEP, new Map([['row-6-2-4', [{}]]]))).toBe(false);
    expect(keepRule(at('row-7-1-3', 1), { ...query, getNodesOnNextPage: () => [at('row-7-2-3', 2)] }, width, REPORT_KEEP, new Map([['row-7-1-3', [{}]]]))).toBe(false);
  });

  it('moves an industry’s name with its category lines when nothing it introduces follows them on the page', () => {
    // A bilingual full report: 智能家电 and its two category lines (Chinese, English) at a page's foot, its table overleaf.
    const name = { id: 'keep-2', text: '智能家电 Smart home appliances', pageNumbers: [7], startPosition: { verticalRatio: 0.9, pageInnerHeight: inner } };
    const meta = (id: string, text: string) => ({ id, style: 'meta', text: [{ text }], pageNumbers: [7], startPosition: { verticalRatio: 0.93, pageInnerHeight: inner } });
    const lines = [meta('para-8', '类别：战略性支柱产业集群    产值档次：超过1万亿元'), meta('para-9', 'Category: Strategic pillar industry clusters    Output tier: over 1 trillion yuan')];
    const overleaf = { getNodesOnNextPage: () => [{ id: 'row-3-0-4', text: '指标', pageNumbers: [8] }] };
    expect(keepRule(name, { getFollowingNodesOnPage: () => lines, ...overleaf }, width, REPORT_KEEP)).toBe(true);
    // With its table's first rows after them on the page, it stays.
    const row = { id: 'row-3-0-4', text: '指标', pageNumbers: [7] };
    expect(keepRule(name, { getFollowingNodesOnPage: () => [...lines, row], ...overleaf }, width, REPORT_KEEP)).toBe(false);
  });
});
