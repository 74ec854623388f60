/**
 * `cluster-brief issue export` and the app's exportBulletin channel, as an analyst would use them:
 * the real command in a child process over a real data file made by `init` (which seeds the issued
 * 示例), the PDF read back with pdftotext and the Word file opened by LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import JSZip from 'jszip';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIEFING_WORDS } from '../../shared/briefing-words';
import { saveNewDraft } from '../../electron/services/bulletins/actions';
import { issueBulletin } from '../../electron/services/bulletins/issue';
import { EXAMPLE_TITLE } from '../../electron/services/bulletins/example';
import { openDataFile } from '../../electron/services/db/open';
import { draftContent, openBulletinApp, seededFigure } from '../helpers/bulletins';
import { fullDump, runCliProcess, tempDataFile, tempDir } from '../helpers/files';
import { officeConvert } from '../helpers/office';
import { pdfPages, pdfText } from '../helpers/pdf';
import { englishWordsCut } from '../helpers/briefing-check';

/** Text without spaces or line breaks: the writers wrap lines where they like. */
const flat = (text: string): string => text.replace(/\s+/g, '');

/** A new data file as `cluster-brief init` makes it: the issued 示例 is 2024年第1期, id 1. */
function initFile(): string {
  const file = tempDataFile();
  expect(runCliProcess(['init', '--db', file]).status).toBe(0);
  return file;
}

function exportIssue(file: string, ref: string, format: 'pdf' | 'docx', out: string): void {
  const result = runCliProcess(['issue', 'export', ref, '--format', format, '--out', out, '--db', file]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(out);
}

/**
 * An issue exported as PDF and as Word into a fresh folder, under names LibreOffice's conversion of the
 * Word file (to `<name>-word.pdf` or `.txt`) never overwrites.
 */
function exportBoth(file: string, pdfRef: string, docxRef = pdfRef): { dir: string; pdf: string; docx: string } {
  const dir = tempDir();
  const pdf = path.join(dir, 'issue.pdf');
  const docx = path.join(dir, 'issue-word.docx');
  exportIssue(file, pdfRef, 'pdf', pdf);
  exportIssue(file, docxRef, 'docx', docx);
  return { dir, pdf, docx };
}

/** The seeded article's figures as the example prints them: value, qualifier and unit. */
const EXAMPLE_FIGURES = ['5.2%', '40%', '近3万亿元', '9.2%', '超过1万亿元', '超过5000亿元', '超过1000亿元', '超过100亿元'];

describe('cluster-brief issue export', () => {
  it('exports the seeded example as PDF and as Word, each with its head, 期号, title and every figure with its unit', async () => {
    const file = initFile();
    const { dir, pdf, docx } = exportBoth(file, '2024-1', '1');
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(fs.readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
    const [txt] = officeConvert([docx], 'txt', dir);
    // In Word its tiers chart's numbers are on the bars and in the picture's Alt Text, as in the PDF: a table of
    // twenty rows beneath it ran the issue onto a page the PDF does not have.
    const documentXml = await (await JSZip.loadAsync(fs.readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(documentXml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(documentXml).toMatch(/descr="[^"]*区块链与量子信息：超过100亿元/);
    for (const text of [flat(pdfText(pdf)), flat(fs.readFileSync(txt!, 'utf8'))]) {
      expect(text).toContain('内部资料注意保存');
      expect(text).toContain('广东省战略性产业集群工作简报');
      expect(text).toContain('第1期');
      expect(text).toContain('示例编印单位');
      expect(text).toContain('2024年10月23日');
      expect(text).toContain(flat(EXAMPLE_TITLE));
      for (const figure of EXAMPLE_FIGURES) expect(text).toContain(figure);
      // Its 报尾 too: the example showed every part of the format but that one.
      expect(text).toContain('报送：示例报送单位。');
      expect(text).toContain('抄送：示例抄送单位一，示例抄送单位二。');
      expect(text).toContain('共印20份');
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Its tiers chart and the note under it share a page with the table before them: at 18 pt rows the chart took a page
    // of its own, leaving the page before it holding a heading and a four-row table, and its note went on the next.
    const page = (needle: string): number => Array.from({ length: pdfPages(pdf) }, (_, i) => flat(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }))).findIndex((t) => t.includes(needle)) + 1;
    const table = page('部分集群2023年产值规模');
    expect(table).toBeGreaterThan(0);
    expect(page('20个战略性产业集群产值规模分档')).toBe(table);
    expect(page(flat(BRIEFING_WORDS.zh.outputChartLowerBounds))).toBe(table);
  }, 240_000);

  it('prints a draft live, with its tail: 报送, 抄送 and 共印N份, in both formats', () => {
    const file = initFile();
    const db = openDataFile(file, { mustExist: true });
    const robots = seededFigure(db, { entityId: 'smart-robots', metric: 'output_value' });
    const draft = saveNewDraft(db, draftContent(db, '四季度集群运行情况', [robots]));
    db.prepare(`UPDATE figures SET value = 321, qualifier = 'exact', unit = '100m_yuan' WHERE id = ?`).run(robots);
    db.close();
    const { dir, pdf, docx } = exportBoth(file, String(draft.id));
    const [txt] = officeConvert([docx], 'txt', dir);
    for (const text of [flat(pdfText(pdf)), flat(fs.readFileSync(txt!, 'utf8'))]) {
      expect(text).toContain('四季度集群运行情况');
      expect(text).toContain('321亿元');
      expect(text).toContain('报送：省政府办公厅。');
      expect(text).toContain('抄送：各地级以上市。');
      expect(text).toContain('共印40份');
    }
  }, 240_000);

  it('in Word, as LibreOffice sets it, keeps every English word of a gloss whole and a number with its word, wherever a line ends', () => {
    const file = initFile();
    const db = openDataFile(file, { mustExist: true });
    const robots = seededFigure(db, { entityId: 'smart-robots', metric: 'output_value' });
    const growth = seededFigure(db, { scope: 'emerging_clusters', metric: 'added_value_growth' });
    db.prepare(`UPDATE figures SET value = 156.8 WHERE id = ?`).run(robots);
    // Paragraphs whose lead-in grows a character at a time: their figures and glosses reach every place on a line.
    const base = draftContent(db, '集群运行情况', [robots, growth], '', 'bilingual');
    const paragraph = base.blocks[1]!;
    const blocks = Array.from({ length: 28 }, (_, k) => (paragraph.type === 'paragraph' ? { ...paragraph, content: [{ type: 'text' as const, text: `全省${'集'.repeat(k)}产值` }, ...paragraph.content.slice(1)] } : paragraph));
    const draft = saveNewDraft(db, { ...base, blocks: [base.blocks[0]!, ...blocks] });
    db.close();
    const dir = tempDir();
    const docx = path.join(dir, 'draft.docx');
    exportIssue(file, String(draft.id), 'docx', docx);
    const [pdf] = officeConvert([docx], 'pdf', dir);
    const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf!, '-'], { encoding: 'utf8' }).split('\n').map(flat);
    // The glosses broke inside words ("bil / lion", "yu / an"), every space of theirs a no-break space.
    const printed = lines.join('').split('15.68billion').length - 1;
    expect(printed).toBeGreaterThanOrEqual(28);
    expect(lines.reduce((n, line) => n + line.split('15.68billion').length - 1, 0), '"15.68" apart from "billion"').toBe(printed);
    const { english, cut } = englishWordsCut(pdf!, ['over 15.68 billion yuan', 'New-generation electronics']);
    expect(english.length).toBeGreaterThan(0);
    expect(cut).toEqual([]);
  }, 240_000);

  it('sets a bilingual head’s date a language a line, leaving the 编印单位 its line, in the PDF and in Word', () => {
    const file = initFile();
    const db = openDataFile(file, { mustExist: true });
    const base = draftContent(db, '集群运行情况', [], '全省战略性产业集群保持增长', 'bilingual');
    const draft = saveNewDraft(db, { ...base, frame: { ...base.frame, unit: '广东省工业和信息化厅产业集群处' } });
    db.close();
    const { dir, pdf, docx } = exportBoth(file, String(draft.id));
    const [word] = officeConvert([docx], 'pdf', dir);
    for (const printed of [pdf, word!]) {
      const lines = execFileSync('pdftotext', ['-layout', '-l', '1', '-enc', 'UTF-8', printed, '-'], { encoding: 'utf8' }).split('\n').map(flat);
      // It was "…产业集 / 群处" beside the one-line date in the PDF, and "…3日 / 3 / December 2026" in Word.
      expect(lines.some((l) => l.includes('广东省工业和信息化厅产业集群处')), printed).toBe(true);
      expect(lines.some((l) => /\d{4}年\d{1,2}月\d{1,2}日$/.test(l)), printed).toBe(true);
      expect(lines.some((l) => /^\d{1,2}(January|February|March|April|May|June|July|August|September|October|November|December)\d{4}$/.test(l)), printed).toBe(true);
    }
  }, 240_000);

  it('gives the same text for an issued issue before and after the figures it references are edited and deleted', async () => {
    const file = initFile();
    const { db, api } = openBulletinApp(file);
    const robots = seededFigure(db, { entityId: 'smart-robots', metric: 'output_value' });
    const growth = seededFigure(db, { scope: 'emerging_clusters', metric: 'added_value_growth' });
    const mine = issueBulletin(db, '李分析', saveNewDraft(db, draftContent(db, '三季度集群运行情况', [robots, growth])).id);
    const dir = tempDir();
    const before = { example: path.join(dir, 'example-before.pdf'), mine: path.join(dir, 'mine-before.pdf') };
    const after = { example: path.join(dir, 'example-after.pdf'), mine: path.join(dir, 'mine-after.pdf') };
    exportIssue(file, '2024-1', 'pdf', before.example);
    exportIssue(file, String(mine.id), 'pdf', before.mine);

    const { scope, entityId, metric, unit, period, sourceId, sourceQuote, note } = await api('getFigure', { id: robots });
    await api('saveFigure', { id: robots, figure: { scope, entityId, metric, unit, period, sourceId, sourceQuote, note, value: 777, qualifier: 'exact' } });
    await api('deleteItem', { targetType: 'figure', targetId: String(growth) });
    db.prepare(`UPDATE entities SET name_zh = '改名的机器人' WHERE id = 'smart-robots'`).run();
    db.close();

    exportIssue(file, '2024-1', 'pdf', after.example);
    exportIssue(file, String(mine.id), 'pdf', after.mine);
    expect(pdfText(after.example)).toBe(pdfText(before.example));
    expect(pdfText(after.mine)).toBe(pdfText(before.mine));
    expect(pdfText(after.mine)).not.toContain('777');
    expect(pdfText(after.example)).not.toContain('改名的机器人');
  }, 240_000);

  it('refuses a draft whose reference was deleted, naming the paragraph in both languages, and writes no file', async () => {
    const file = initFile();
    const { db, api } = openBulletinApp(file);
    const growth = seededFigure(db, { scope: 'emerging_clusters', metric: 'added_value_growth' });
    const draft = await api('createBulletinDraft', { content: draftContent(db, '新兴产业', [growth]) });
    await api('deleteItem', { targetType: 'figure', targetId: String(growth) });
    db.close();
    const dir = tempDir();
    for (const format of ['pdf', 'docx']) {
      const out = path.join(dir, `新兴产业.${format}`);
      const result = runCliProcess(['issue', 'export', String(draft.id), '--format', format, '--out', out, '--db', file]);
      expect(result.status).toBe(1);
      // Named as the issue numbers it (第1节第1段: the first paragraph after 一、), not by its block's index ("第 2 段" counted the heading).
      expect(result.stderr).toContain('简报第1节第1段引用的数据“10 个战略性新兴产业集群 · 增加值同比增长（2023）”已被删除');
      expect(result.stderr).toContain('referenced in section 1, paragraph 1 has been deleted');
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  }, 120_000);

  it('refuses an unknown 期号 (exit 1) and wrong usage (exit 2), writing nothing', () => {
    const file = initFile();
    const dir = tempDir();
    const out = path.join(dir, '简报.pdf');
    const unknown = runCliProcess(['issue', 'export', '2030-9', '--format', 'pdf', '--out', out, '--db', file]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('2030-9');
    for (const args of [
      ['issue', 'export', '1', '--out', out],
      ['issue', 'export', '1', '--format', 'odt', '--out', out],
      ['issue', 'export', '1', '--format', 'pdf'],
      ['issue', 'export', '--format', 'pdf', '--out', out],
    ]) {
      const wrong = runCliProcess([...args, '--db', file]);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('issue export <id|期号>');
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 120_000);
});

describe('the exportBulletin channel', () => {
  it('saves where the Host says, with a name from the 期号, and opens the file when asked', async () => {
    const { db, api } = openBulletinApp();
    const pdf = await api('exportBulletin', { id: 1, format: 'pdf', openAfter: false });
    expect(path.basename(pdf.path!)).toBe('简报-2024-1.pdf');
    expect(pdf.bytes).toBe(fs.statSync(pdf.path!).size);
    expect(flat(pdfText(pdf.path!))).toContain(flat(EXAMPLE_TITLE));
    const docx = await api('exportBulletin', { id: 1, format: 'docx', openAfter: true });
    expect(path.basename(docx.path!)).toBe('简报-2024-1.docx');
    expect(docx.opened).toBe(true);
    expect(fs.readFileSync(docx.path!).subarray(0, 2).toString('latin1')).toBe('PK');
    db.close();
  }, 120_000);

  it('refuses a draft with a broken reference, naming the paragraph, and an unknown id (and so does 预览)', async () => {
    const { db, api } = openBulletinApp();
    const growth = seededFigure(db, { scope: 'emerging_clusters', metric: 'added_value_growth' });
    const draft = await api('createBulletinDraft', { content: draftContent(db, '新兴产业', [growth]) });
    await api('deleteItem', { targetType: 'figure', targetId: String(growth) });
    await expect(api('exportBulletin', { id: draft.id, format: 'docx', openAfter: false })).rejects.toMatchObject({ code: 'BULLETIN_BROKEN_REFERENCE', details: { block: 2, figureId: growth } });
    await expect(api('exportBulletin', { id: 9999, format: 'pdf', openAfter: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // 预览 refuses alike (previewBulletin).
    await expect(api('previewBulletin', { id: draft.id })).rejects.toMatchObject({ code: 'BULLETIN_BROKEN_REFERENCE', details: { block: 2, figureId: growth } });
    await expect(api('previewBulletin', { id: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    db.close();
  }, 120_000);
});

describe('the previewBulletin channel (预览 before 签发 or export)', () => {
  it('gives the PDF export writes — same pages, same text — draft and issued, and saves nothing', async () => {
    const { db, api } = openBulletinApp();
    const growth = seededFigure(db, { scope: 'emerging_clusters', metric: 'added_value_growth' });
    const draft = await api('createBulletinDraft', { content: draftContent(db, '新兴产业', [growth]) });
    const dir = tempDir();
    const before = fullDump(db);
    const previews = [];
    for (const id of [1, draft.id]) previews.push({ id, preview: await api('previewBulletin', { id }) });
    expect(fullDump(db)).toEqual(before);
    for (const { id, preview } of previews) {
      const bytes = Buffer.from(preview.pdfBase64, 'base64');
      expect(bytes.length).toBe(preview.bytes);
      const shown = path.join(dir, `preview-${id}.pdf`);
      fs.writeFileSync(shown, bytes);
      const exported = await api('exportBulletin', { id, format: 'pdf', openAfter: false });
      expect(preview.pages).toBe(pdfPages(exported.path!));
      expect(pdfPages(shown)).toBe(preview.pages);
      expect(pdfText(shown)).toBe(pdfText(exported.path!));
    }
    expect(flat(pdfText(path.join(dir, 'preview-1.pdf')))).toContain(flat(EXAMPLE_TITLE));
    expect(flat(pdfText(path.join(dir, `preview-${draft.id}.pdf`)))).toContain('新兴产业');
    db.close();
  }, 120_000);
});
