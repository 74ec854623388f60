/**
 * The 简报 head and tail as Word draws them, ahead of the document model's bulletin blocks: a
 * document with a head, a paragraph and a tail is opened by LibreOffice; every line is there, in
 * order, the name is red in 方正小标宋简体, a red rule closes the head, and the tail lines sit
 * between rules. The first page is kept under test-results/artifacts/docx/ to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BULLETIN_RED, text, type Line } from '../../shared/document';
import { bulletinHeadParagraphs, bulletinParagraphStyles, bulletinTailParagraphs, nameSize, type RunsOf } from '../../electron/services/briefing/docx-bulletin';
import { makeBlocks, textRun, type WordParagraph, type WordTable } from '../../electron/services/briefing/docx-description';
import { describeDocx } from '../../electron/services/briefing/docx';
import { bulletinModel, exportBulletin } from '../../electron/services/bulletins/export';
import type { BulletinContent } from '../../shared/bulletin';
import { draftContent, figureRef, openBulletinApp, seededFigure } from '../helpers/bulletins';
import { squash } from '../helpers/briefing-check';
import { tempDir } from '../helpers/files';
import { officeConvert } from '../helpers/office';
import { ARTIFACTS, pageToPng, pdfWords } from '../helpers/pdf';

const runs: RunsOf = (line, base) => line.flatMap((r) => (r.t === 'text' ? [textRun(r.text, base)] : []));
const line = (value: string): Line => (value ? [text(value)] : []);

describe('the 简报 head and tail in Word', () => {
  it('prints marking, copy number, red name, issue line, unit and date, then 报送, 抄送 and 共印N份, in that order', async () => {
    const head = { marking: line('内部资料 注意保存'), copyNumber: line('编号：0012'), name: line('广东省战略性产业集群工作简报'), issue: line('2026年第12期（总第48期）'), unit: line('广东省工业和信息化厅编印'), date: [line('2026年11月28日')] };
    const tail = { lists: [{ label: '报送：', text: line('省委办公厅，省政府办公厅。') }, { label: '抄送：', text: line('') }, { label: '抄送：', text: line('各地级以上市工业和信息化主管部门。') }], copies: line('共印80份') };
    const body = '全省20个战略性产业集群增加值同比增长5.2%。';
    // With the head's and tail's named styles, as the Word writer defines them (docx.ts).
    const doc = new Document({
      styles: { paragraphStyles: bulletinParagraphStyles() },
      sections: [{ children: [...makeBlocks(bulletinHeadParagraphs(head, runs, 8844)), new Paragraph({ children: [new TextRun(body)] }), ...makeBlocks(bulletinTailParagraphs(tail, runs))] }],
    });
    const dir = tempDir('cluster-brief-bulletin-docx-');
    const file = path.join(dir, 'bulletin.docx');
    const bytes = await Packer.toBuffer(doc);
    fs.writeFileSync(file, bytes);

    const [txt] = officeConvert([file], 'txt', dir);
    const read = squash(fs.readFileSync(txt!, 'utf8'));
    const order = ['内部资料注意保存', '编号：0012', '广东省战略性产业集群工作简报', '2026年第12期（总第48期）', '广东省工业和信息化厅编印', '2026年11月28日', squash(body), '报送：省委办公厅，省政府办公厅。', '抄送：各地级以上市工业和信息化主管部门。', '共印80份'];
    const at = order.map((s) => read.indexOf(s));
    expect(at.filter((i) => i < 0), `missing: ${order.filter((_, k) => at[k]! < 0).join(', ')}`).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const nameRun = /<w:r>(?:(?!<\/w:r>)[\s\S])*?广东省战略性产业集群工作简报/.exec(xml)?.[0] ?? '';
    expect(nameRun).toContain('w:eastAsia="方正小标宋简体"');
    // Each head and tail paragraph names its style, so a line the office adds takes its look from the gallery.
    for (const id of ['MastheadMarking', 'MastheadName', 'MastheadIssue', 'MastheadUnitDate', 'TailRule', 'TailList', 'TailCopies']) expect(xml, id).toContain(`<w:pStyle w:val="${id}"/>`);
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string');
    expect(/<w:style [^>]*w:styleId="MastheadName"[\s\S]*?<\/w:style>/.exec(styles)?.[0]).toMatch(/方正小标宋简体[\s\S]*w:val="FF0000"|w:val="FF0000"[\s\S]*方正小标宋简体/);
    const red = BULLETIN_RED.slice(1).toUpperCase(); // the PDF's red (pdf.ts) is the same
    expect(nameRun).toContain(`<w:color w:val="${red}"/>`);
    expect(xml).toContain(`<w:bottom w:val="single" w:color="${red}" w:sz="16"`);
    // The tail's rules, each a paragraph of its own across the full width: thick above 报送, thin between the lines, thick below 共印N份.
    expect(xml.match(/<w:bottom w:val="single" w:color="000000" w:sz="\d+"/g)).toEqual(['8', '4', '4', '8'].map((sz) => `<w:bottom w:val="single" w:color="000000" w:sz="${sz}"`));

    // The name stays on one line: 14 characters across the 156 mm text width.
    expect(nameSize(head.name, 8844)).toBeLessThan(72);
    expect(nameSize(head.name, 8844) * 14 * 10).toBeLessThanOrEqual(8844);
    expect(nameSize(line('工作简报'), 8844)).toBe(72);
    // An English name is never set under 20 pt, as in the PDF: a long one wraps (it was shrunk to 16.5 pt, the body's size).
    expect(nameSize(line('Guangdong Strategic Industry Clusters Bulletin'), 8844)).toBe(40);
    expect(nameSize(line('Bulletin of the Office of the Provincial Task Force for the Strategic Industry Clusters of Guangdong'), 8844)).toBe(40);

    fs.mkdirSync(path.join(ARTIFACTS, 'docx'), { recursive: true });
    const [pdf] = officeConvert([file], 'pdf', dir);
    pageToPng(pdf!, 1, path.join('docx', 'bulletin-head-tail-page1'), 60);
    // The unit at the left and the date at the right of one line, at the tab stop: a tab is Word's <w:tab/>, never a
    // tab character in the text (LibreOffice set "…编印" and the date side by side).
    expect(xml).not.toMatch(/<w:t[^>]*>[^<]*\t/);
    const words = pdfWords(pdf!).words;
    const unit = words.find((w) => w.text.includes('广东省工业和信息化厅编印'));
    // The date's first word on the unit's line (pdftotext splits 2026年11月28日 at its digits).
    const date = words.find((w) => w.text.startsWith('2026') && unit !== undefined && Math.abs(w.yMin - unit.yMin) < 3);
    expect(unit && date ? date.xMin - unit.xMax : 0).toBeGreaterThan(100);
  }, 300_000);
});

describe('the 简报 in Word, page by page', () => {
  it('keeps a table’s header with two rows, and a chart with the note beneath it', async () => {
    // A header and one row stood at a page's foot; a chart's "标有“超过”…" note went to the next page alone (Word review).
    const { db, api } = openBulletinApp();
    const example = (await api('listIssuedBulletins', {})).items[0]!;
    const word = describeDocx(bulletinModel(db, example.id).model);
    const tables = word.section.children.filter((b): b is WordTable => 'rows' in b);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables.filter((x) => x.rows.length > 3)) {
      const kept = (row: number): boolean => t.rows[row]!.cells.every((c) => c.children.every((p) => 'paragraph' in p && p.paragraph.keepNext === true));
      expect([kept(0), kept(1), kept(2)]).toEqual([true, true, false]);
    }
    const children = word.section.children;
    const pictures = children.flatMap((b, i) => ('paragraph' in b && b.children.some((x) => 'image' in x) ? [i] : []));
    expect(pictures.length).toBeGreaterThan(0);
    const noted = pictures.filter((i) => {
      const next = children[i + 1];
      return next !== undefined && 'paragraph' in next && next.paragraph.style === 'Small';
    });
    expect(noted.length).toBeGreaterThan(0);
    for (const i of noted) expect((children[i] as WordParagraph).paragraph.keepNext).toBe(true);
    db.close();
  });

  it('keeps a trend chart, its numbers and every note beneath it together, in Chinese and both languages', async () => {
    // The "标有“超过”…" note stood alone at the top of page 3, its chart and numbers on page 2; a bilingual chart's Chinese
    // note ended a page and its English line began the next (简报 review).
    const { db, api } = openBulletinApp();
    await api('saveFigure', { figure: { scope: 'entity', entityId: 'smart-robots', metric: 'output_value', value: 80, unit: '100m_yuan', qualifier: 'about', period: '2022', cityCode: null, sourceId: 1, sourceQuote: null, note: null } });
    for (const lang of ['zh', 'bilingual'] as const) {
      const base = (await api('newBulletinContent', { title: '机器人产值走势', lang })) as BulletinContent;
      const content: BulletinContent = { ...base, blocks: [{ type: 'chart', chart: { kind: 'trend', metric: 'output_value', entityIds: ['smart-robots', 'new-energy'] }, caption: '' } as BulletinContent['blocks'][number]] };
      const record = await api('createBulletinDraft', { content });
      const children = describeDocx(bulletinModel(db, record.id).model).section.children;
      const picture = children.findIndex((b) => 'paragraph' in b && b.children.some((x) => 'image' in x));
      expect(picture, lang).toBeGreaterThanOrEqual(0);
      // The picture, its numbers and the spacer after them, then the notes: up to the last Small paragraph in a row.
      let last = picture;
      while (last + 1 < children.length && !('paragraph' in children[last + 1]! && (children[last + 1] as WordParagraph).paragraph.style !== 'Small' && (children[last] as WordParagraph).paragraph?.style === 'Small')) last++;
      while (!('paragraph' in children[last]! && (children[last] as WordParagraph).paragraph.style === 'Small')) last--;
      const notes = children.slice(picture, last + 1).filter((b) => 'paragraph' in b && b.paragraph.style === 'Small');
      expect(notes.length, lang).toBe(lang === 'bilingual' ? 2 : 1);
      for (const b of children.slice(picture, last)) {
        if ('rows' in b) for (const r of b.rows) for (const c of r.cells) for (const p of c.children) expect('paragraph' in p && p.paragraph.keepNext, `${lang}: a row of the numbers`).toBe(true);
        else expect((b as WordParagraph).paragraph.keepNext, `${lang}: ${JSON.stringify(b).slice(0, 120)}`).toBe(true);
      }
    }
    db.close();
  });

  it('never begins a line with a note number: the figure before it after 0–27 characters, printed through LibreOffice', async () => {
    // "…超过1000亿元" then, on the next line, "¹，新能源…" (简报 review); the PDF keeps them together (bulletin-print.test.ts).
    const { db, api } = openBulletinApp();
    const robots = seededFigure(db, { entityId: 'smart-robots', metric: 'output_value' });
    const base = draftContent(db, '换行测试', []);
    const content: BulletinContent = {
      ...base,
      blocks: [{ type: 'heading', level: 1, text: '换行' }, ...Array.from({ length: 28 }, (_, k): BulletinContent['blocks'][number] => ({ type: 'paragraph', content: [{ type: 'text', text: `${'集'.repeat(k)}智能机器人集群年产值` }, figureRef(db, robots), { type: 'text', text: '，后文。' }] }))],
    };
    const record = await api('createBulletinDraft', { content });
    const dir = tempDir('cluster-brief-note-start-');
    const file = path.join(dir, 'note-start.docx');
    fs.writeFileSync(file, (await exportBulletin(db, record.id, 'docx')).bytes);
    const [pdf] = officeConvert([file], 'pdf', dir);
    const { words } = pdfWords(pdf!);
    const left = Math.min(...words.filter((w) => w.text.includes('后文')).map((w) => w.xMin));
    const height = Math.min(...words.filter((w) => w.text.includes('集')).map((w) => w.yMax - w.yMin));
    const starting = words.filter((w) => /^\d+/.test(w.text) && w.yMax - w.yMin < height * 0.7 && Math.abs(w.xMin - left) < 2);
    expect(starting.map((w) => `page ${w.page}, y ${w.yMin.toFixed(0)}: ${w.text}`)).toEqual([]);
    // Each paragraph's number is there (the joiner hides nothing).
    expect(words.filter((w) => /^1$/.test(w.text) && w.yMax - w.yMin < height * 0.7).length).toBe(28);
    db.close();
  }, 120_000);
});
