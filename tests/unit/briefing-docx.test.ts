/**
 * The Word briefing, opened as an office user's program would. For every template in every
 * language, on a real data file with the default dataset, the .docx is written and LibreOffice
 * (headless, its own profile) turns it into text and into a PDF: every string the document model
 * prints is in the text (the sources' notes and the page frame in the PDF, where LibreOffice puts
 * footnotes, headers and footers), every charted figure with its unit is in the table beneath its
 * chart, and the file's XML names the official East Asian faces, holds one footnote per source and
 * one PNG per chart. The first page of each PDF is kept under test-results/artifacts/docx/.
 * Then the same for random data files (fast-check, seed printed; DOCX_PROPERTY_RUNS sets how many):
 * texts of every kind and length, long titles, many annotations.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIEFING_LANGS, BRIEFING_TEMPLATES, type BriefingLang, type BriefingTemplate } from '../../shared/briefing';
import { blockLines, numberNotes, walkBlocks, type BriefingDocument, type Line } from '../../shared/document';
import { chartNumbers } from '../../electron/services/briefing/chart-option';
import { chartOption, svgToPng } from '../../electron/services/briefing/chart-png';
import { renderChartSvg } from '../../electron/services/briefing/charts-svg';
import { renderBriefingDocx } from '../../electron/services/briefing/docx-render';
import { printedTexts } from '../../electron/services/briefing/render';
import type { DB } from '../../electron/services/db/open';
import { englishWordsCut, isPrinted, squash } from '../helpers/briefing-check';
import { openTemp, runCliProcess, tempDir } from '../helpers/files';
import { applyCase, briefingCase } from '../helpers/random-briefing-data';
import { officeConvert } from '../helpers/office';
import { ARTIFACTS, pageToPng, pdfLayoutText, pdfPages, pdfText, pdfTextAsDrawn, pdfWords } from '../helpers/pdf';
import { propertySeed } from '../helpers/seed';

const NOW = new Date('2026-11-28T09:00:00');
const FACT_SHEET_ENTITY = 'smart-robots';

interface Case {
  template: BriefingTemplate;
  lang: BriefingLang;
  model: BriefingDocument;
  docx: Buffer;
  txt: string;
  pdf: string;
}

const cases: Case[] = [];
let db: DB;
let dir: string;

beforeAll(async () => {
  ({ db } = openTemp());
  dir = tempDir('cluster-brief-docx-');
  fs.mkdirSync(path.join(ARTIFACTS, 'docx'), { recursive: true });
  const files: string[] = [];
  for (const template of BRIEFING_TEMPLATES) {
    for (const lang of BRIEFING_LANGS) {
      const request = { template, lang, entityIds: template === 'fact-sheet' ? [FACT_SHEET_ENTITY] : [], title: '', subtitle: '', author: '分析员', marking: '内部资料 注意保存' };
      const { docx, model } = await renderBriefingDocx(db, request, NOW);
      const file = path.join(dir, `${template}-${lang}.docx`);
      fs.writeFileSync(file, docx);
      files.push(file);
      cases.push({ template, lang, model, docx, txt: '', pdf: '' });
    }
  }
  // One LibreOffice start-up per target for all nine files.
  const txts = officeConvert(files, 'txt', dir);
  const pdfs = officeConvert(files, 'pdf', dir);
  cases.forEach((c, i) => {
    c.txt = fs.readFileSync(txts[i]!, 'utf8');
    c.pdf = pdfs[i]!;
  });
}, 900_000);

afterAll(() => db?.close());

const texts = (lines: Line[]): string[] => lines.flatMap((l) => l.flatMap((r) => (r.t === 'text' ? [r.text] : [])));

/** What the Word file prints where: the body (in LibreOffice's text), the notes (footnotes) and the page frame (in its PDF). */
function placesOf(model: BriefingDocument): { body: Set<string>; notes: Set<string>; frame: Set<string> } {
  const body = new Set<string>();
  const notes = new Set<string>();
  for (const b of walkBlocks(model.blocks)) {
    if (b.type === 'notes') {
      for (const item of b.items) {
        texts(item.lines).forEach((t) => body.add(t)); // the notes in the body: each source and its quoted passages
        texts(item.lines.slice(0, 1)).forEach((t) => notes.add(t)); // the footnote names the source
      }
    } else if (b.type !== 'columns') texts(blockLines(b)).forEach((t) => body.add(t));
  }
  const frame = new Set([model.running, model.marking, ...texts([model.footer])].filter(Boolean));
  return { body, notes, frame };
}

/** Every string the model prints that the Word file, as LibreOffice reads it, lacks (each named with where it should be). */
function missingInWord(model: BriefingDocument, txt: string, pdf: string): string[] {
  const body = squash(txt);
  // LibreOffice here has no emoji font: in its PDF an emoji prints as nothing (Word and WPS on the
  // analysts' machines have one). The notes and frame, read from that PDF, are compared without emoji;
  // the body, read from LibreOffice's text, keeps them.
  const noEmoji = (v: string): string => squash(v).replace(/\p{Extended_Pictographic}/gu, '');
  // Read as drawn: an English line may break after a hyphen ("new-" / "generation"), which the default reading would join.
  // And read by position: LibreOffice draws a line's Latin and Chinese runs in separate passes where a quotation mixes
  // them ("Z：”广东：”…"), which the reading as drawn gives apart. A string is printed if either reading holds it.
  const readings = [pdfTextAsDrawn(pdf), pdfText(pdf)].map((text) => {
    const words = text.split(/\s+/).map(noEmoji).filter(Boolean);
    return { words, joined: words.join('') };
  });
  const places = placesOf(model);
  // The running header prints on the pages after the first: a document of one page has none.
  const onePage = /Pages:\s+1\n/.test(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
  const problems: string[] = [];
  for (const t of printedTexts(model)) {
    const s = squash(t.text);
    if (!s || (onePage && t.text === model.running && !places.body.has(t.text))) continue;
    const where = places.body.has(t.text) ? 'body' : places.notes.has(t.text) ? 'notes' : places.frame.has(t.text) ? 'frame' : null;
    const from = t.from ? `${t.from.entity.slice(0, 30)} · ${t.from.field}: ` : '';
    if (where === null) problems.push(`not placed by the test: ${from}${JSON.stringify(t.text.slice(0, 80))}`);
    // The body is in the text and drawn on a page: LibreOffice's text held a table's rows its PDF did not draw.
    else if (where === 'body' && !body.includes(s)) problems.push(`body (text): ${from}${JSON.stringify(t.text.slice(0, 80))} (${t.text.length} chars)`);
    else if (noEmoji(t.text) !== '' && !readings.some((r) => isPrinted(noEmoji(t.text), r.joined, r.words))) problems.push(`${where}: ${from}${JSON.stringify(t.text.slice(0, 80))} (${t.text.length} chars)`);
  }
  return problems;
}

describe.each(BRIEFING_TEMPLATES.flatMap((template) => BRIEFING_LANGS.map((lang) => ({ template, lang }))))('the $template briefing in Word ($lang)', ({ template, lang }) => {
  const get = (): Case => cases.find((c) => c.template === template && c.lang === lang)!;

  it('opens in LibreOffice with every string the model prints: body in the text and on its pages, notes and page frame in the PDF', () => {
    const c = get();
    const problems = missingInWord(c.model, c.txt, c.pdf);
    expect(problems, `${template}/${lang}: ${problems.length} missing`).toEqual([]);
    // Page numbers in the footer, "— 1 —", on an A4 page.
    expect(squash(pdfText(c.pdf))).toContain('—1—');
    expect(execFileSync('pdfinfo', [c.pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
    pageToPng(c.pdf, 1, path.join('docx', `${template}-${lang}-page1`), 60);
  });

  it('wraps English between words in LibreOffice: no word printed cut in two ("reac" / "hed")', () => {
    const c = get();
    // The source quotations are English in every language (but in the one-page brief, which prints none); bilingual and English reports are English throughout.
    const { english, cut } = englishWordsCut(c.pdf, printedTexts(c.model).map((t) => t.text));
    if (template !== 'one-page' || lang !== 'zh') expect(english.length).toBeGreaterThan(20);
    expect(cut, `${template}/${lang}`).toEqual([]);
  });

  it('sets the one-page brief on one page in LibreOffice, headline figures first: its notes carry no quoted passages, as its PDF', () => {
    const c = get();
    if (template !== 'one-page') return;
    // The quotes of every figure made one footnote longer than a page: page 1 held the title alone, the brief ran to 3–5 pages.
    const notes = [...walkBlocks(c.model.blocks)].filter((b) => b.type === 'notes');
    expect(notes.every((b) => b.type === 'notes' && b.compact)).toBe(true);
    const page1 = squash(execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', c.pdf, '-'], { encoding: 'utf8' }));
    expect(page1, lang).toContain('5.2%');
    // In 三号 on official margins, with the chart's numbers in a table beneath it, it ran to three pages (five bilingual).
    expect(execFileSync('pdfinfo', [c.pdf], { encoding: 'utf8' }), lang).toMatch(/Pages:\s+1\n/);
  });

  it('lists in its contents every heading the PDF’s contents list, as printed: a bilingual heading with its English', () => {
    const c = get();
    const contents = [...walkBlocks(c.model.blocks)].find((b) => b.type === 'contents');
    if (!contents) return;
    const title = squash(texts([contents.title]).join(''));
    const pages = Array.from({ length: pdfPages(c.pdf) }, (_, i) => squash(pdfLayoutText(c.pdf, i + 1, i + 1)));
    const page = pages.find((p) => p.includes(title));
    expect(page, `${template}/${lang}: a page headed ${title}`).toBeDefined();
    const entries = [...walkBlocks(c.model.blocks)].flatMap((h) => (h.type === 'heading' && h.toc ? [squash([...texts([h.runs]), ...texts(h.second ? [h.second] : [])].join(''))] : []));
    expect(entries.length).toBeGreaterThan(3);
    expect(entries.filter((e) => !page!.includes(e)), `${template}/${lang}`).toEqual([]);
  });

  it('sets a fact sheet on one page in LibreOffice, as its PDF: its sources listed once on the sheet, no footnote printing them again', () => {
    const c = get();
    if (template !== 'fact-sheet') return;
    // In 三号 on official margins, with a footnote repeating each source under the list, it ran onto a second page.
    expect(execFileSync('pdfinfo', [c.pdf], { encoding: 'utf8' }), lang).toMatch(/Pages:\s+1\n/);
    const { notes } = numberNotes(c.model.blocks);
    const printed = squash(pdfText(c.pdf));
    for (const note of notes) {
      const line = squash(texts(([...walkBlocks(c.model.blocks)].flatMap((b) => (b.type === 'notes' ? b.items : [])).find((i) => i.n === note.n)?.lines ?? []).slice(0, 1)).join(''));
      expect(line.length, `${lang}: note ${note.n}`).toBeGreaterThan(10);
      expect(printed.split(line).length - 1, `${lang}: note ${note.n} printed once`).toBe(1);
    }
  });

  it('gives each paragraph at most one style, as Word’s schema allows (bulleted items had two: ListParagraph and Body)', async () => {
    const xml = await (await JSZip.loadAsync(get().docx)).file('word/document.xml')!.async('string');
    const twice = [...xml.matchAll(/<w:pPr>((?:(?!<\/w:pPr>).)*)<\/w:pPr>/gs)].filter((m) => (m[1]!.match(/<w:pStyle /g) ?? []).length > 1);
    expect(twice.map((m) => m[1]!.slice(0, 120))).toEqual([]);
  });

  it('sets every English word of a table header whole in LibreOffice ("Period", not "Perio" / "d")', () => {
    const c = get();
    const printed = new Set(pdfWords(c.pdf).words.map((w) => w.text.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '')));
    const header = [...walkBlocks(c.model.blocks)].flatMap((b) => (b.type === 'table' ? b.header.flatMap((cell) => cell.lines.flatMap((l) => l.flatMap((r) => (r.t === 'text' ? (r.text.match(/[A-Za-z]{3,}/g) ?? []) : [])))) : []));
    expect(header.filter((w) => !printed.has(w)), `${template}/${lang}`).toEqual([]);
  });

  it('prints every charted figure, its name and its value with qualifier and unit: drawn in the table beneath the chart; in the one-page brief, on its bars and in the picture’s alternative text', async () => {
    const c = get();
    // The one-page brief's numbers are drawn on its bars as in its PDF (a table beneath them ran it onto a third page);
    // Word keeps them in the picture's description (docPr descr), which its Alt Text pane shows and a screen reader reads.
    const documentXml = await (await JSZip.loadAsync(c.docx)).file('word/document.xml')!.async('string');
    const descriptions = squash([...documentXml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).join(' '));
    // Elsewhere, in the table beneath the chart as LibreOffice draws it (its text held rows its pages dropped).
    const drawn = [pdfTextAsDrawn(c.pdf), pdfText(c.pdf)].map((text) => text.split(/\s+/).filter(Boolean));
    const printedHere = (l: string): boolean => (template === 'one-page' ? descriptions.includes(squash(l)) : drawn.some((words) => isPrinted(squash(l), words.join(''), words)));
    const names = lang === 'bilingual' ? 'both' : lang;
    const labels: string[] = [];
    for (const b of walkBlocks(c.model.blocks)) {
      if (b.type !== 'chart') continue;
      // A value in both languages prints as two lines, the Chinese above the English.
      labels.push(...chartNumbers(b.spec, names).flatMap((r) => [...r.name, ...(template === 'one-page' ? [r.value] : r.value.split(' / '))]));
    }
    if (template !== 'fact-sheet') expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((l) => !printedHere(l))).toEqual([]);
    // The seeded province figures, as the article gives them.
    const body = squash(c.txt);
    if (template !== 'fact-sheet') for (const v of lang === 'en' ? ['5.2%', '40%', 'nearly 3 trillion yuan'] : ['5.2%', '40%', '近3万亿元']) expect(body).toContain(squash(v));
  });

  it('names the official faces, holds one footnote per source and one PNG per chart', async () => {
    const c = get();
    const zip = await JSZip.loadAsync(c.docx);
    const xml = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
    const [documentXml, stylesXml, footnotesXml, fontTableXml] = await Promise.all([xml('word/document.xml'), xml('word/styles.xml'), xml('word/footnotes.xml'), xml('word/fontTable.xml')]);
    const style = (id: string): string => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(stylesXml)?.[0] ?? '';
    expect(stylesXml).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<\/w:docDefaults>/);
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    // English headings are set in the body's Latin face: bold, or they read as body text. Chinese ones differ by their face.
    for (const id of ['Heading1', 'Heading2']) expect(style(id).includes('<w:b/>'), `${id} ${lang}`).toBe(lang === 'en');
    // The one-page brief's 要点 / Key points: in English, bold (it read as one more line of text).
    if (template === 'one-page') expect(style('Heading3').includes('<w:b/>'), `Heading3 ${lang}`).toBe(lang === 'en');
    // Level 3 weighs no more than level 2: in a report, GB/T 9704's third level, the body's face in bold (it was 黑体 14 pt under 楷体 16 pt).
    const size = (id: string): number => Number(/<w:sz w:val="(\d+)"\/>/.exec(style(id))?.[1] ?? 0);
    expect(size('Heading3'), lang).toBeLessThanOrEqual(size('Heading2'));
    if (template !== 'one-page') expect(style('Heading3')).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:b\/>/);
    expect(style('Title')).toContain('w:eastAsia="方正小标宋简体"');
    // A paragraph typed after the title or a heading in Word is body text (it was Normal: no indent, not justified).
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3']) expect(style(id), id).toContain('<w:next w:val="Body"/>');
    // English body text flush left, as its PDF (justified without hyphenation, Word spread its lines wide); Chinese justified.
    expect(style('Body'), lang).toContain(lang === 'en' ? '<w:jc w:val="left"/>' : '<w:jc w:val="both"/>');
    expect(stylesXml).toContain('w:ascii="Times New Roman"');
    expect(fontTableXml).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fontTableXml).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(documentXml).toMatch(/<w:pStyle w:val="(Heading[123]|Title|Body)"\/>/);
    // A4, GB/T 9704 margins (37, 35, 28, 26 mm) in twips; the one-page brief on its PDF's (64 pt above, 56 pt elsewhere).
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    // File ▸ Info: the author wrote it and saved it last (docx wrote "Un-named").
    expect(await xml('docProps/core.xml')).toContain('<cp:lastModifiedBy>分析员</cp:lastModifiedBy>');
    // A one-sheet document (the one-page brief, a fact sheet) is set on its PDF's margins, as one sheet.
    const oneSheet = template === 'one-page' || template === 'fact-sheet';
    if (oneSheet) expect(documentXml).toMatch(/<w:pgMar w:top="1281" w:right="1123" w:bottom="1123" w:left="1123"/);
    else expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);

    const { notes } = numberNotes(c.model.blocks);
    const cites = [...walkBlocks(c.model.blocks)].flatMap((b) => blockLines(b).flat()).filter((r) => r.t === 'cite').length;
    const footnoteIds = [...footnotesXml.matchAll(/<w:footnote(?: [^>]*)? w:id="(\d+)"/g)].map((m) => Number(m[1])).filter((id) => id > 0);
    expect(notes.length).toBeGreaterThan(0);
    // One note system, the list, as the PDF prints it: each listed number a bookmark, every citation a REF to it in
    // superscript; no footnote printing a source again (footnotes did, and lost their note when the sentence that first
    // cited it was rewritten in Word). The separators are as Word writes them, without a note's reference mark.
    expect(footnoteIds).toEqual([]);
    expect(documentXml).not.toContain('<w:footnoteReference ');
    expect(footnotesXml).not.toContain('<w:footnoteRef/>');
    const listed = [...walkBlocks(c.model.blocks)].flatMap((b) => (b.type === 'notes' ? b.items.map((i) => i.n) : []));
    for (const n of new Set(listed)) expect(documentXml.match(new RegExp(`<w:bookmarkStart w:name="_RefNote${n}"`, 'g')), `note ${n}`).toHaveLength(1);
    const refs = documentXml.match(/ REF _RefNote\d+ \\h \\\* CHARFORMAT /g)?.length ?? 0;
    const listedCites = [...walkBlocks(c.model.blocks)].flatMap((b) => blockLines(b).flat()).filter((r) => r.t === 'cite' && r.n !== undefined && listed.includes(r.n)).length;
    expect(refs).toBe(listedCites);
    expect(documentXml.match(/<w:vertAlign w:val="superscript"\/>/g)?.length ?? 0).toBeGreaterThanOrEqual(cites);
    // The page number is a PAGE field with its cached result, as Word writes it (docx's own had none).
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => xml(f)));
    for (const f of footers) expect(f).toMatch(/<w:instrText[^>]*> PAGE <\/w:instrText>[\s\S]*?<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>[\s\S]*?<w:t[^>]*>1<\/w:t>[\s\S]*?<w:fldChar w:fldCharType="end"\/>/);

    const charts = [...walkBlocks(c.model.blocks)].filter((b) => b.type === 'chart').length;
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(charts);
    expect(media).toHaveLength(charts);
    for (const f of media) expect((await zip.file(f)!.async('nodebuffer')).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

describe('chart images', () => {
  it('draws the labels with the app\'s fonts (no system fonts): the picture differs from the same chart with its text taken out', () => {
    const spec = { kind: 'output' as const, omitted: 0, rows: [{ name: { zh: '智能机器人', en: 'Smart robots' }, category: 'emerging' as const, value: 100, qualifier: 'over' as const, fromTier: true }] };
    const svg = renderChartSvg(chartOption(spec, 'both'), { width: 400, height: 120 });
    expect(svg).toContain('智能机器人');
    const withText = svgToPng(svg, 400);
    const withoutText = svgToPng(svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, ''), 400);
    expect(withText.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(withText.equals(withoutText)).toBe(false);
    // Only the label text differs: with the text out, only the bars and axes remain.
    expect(svgToPng(svg, 400).equals(withText)).toBe(true);
  });
});

describe('cluster-brief export docx', () => {
  it('writes the one-page brief as a Word file LibreOffice opens, and refuses a fact sheet without an industry, writing nothing', () => {
    const { file, db: own } = openTemp();
    own.close();
    const out = path.join(tempDir('cluster-brief-docx-cli-'), 'brief.docx');
    const ok = runCliProcess(['export', 'docx', '--template', 'one-page', '--lang', 'zh', '--out', out, '--db', file]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(out);
    const [txt] = officeConvert([out], 'txt', path.dirname(out));
    expect(squash(fs.readFileSync(txt!, 'utf8'))).toContain(squash('近3万亿元'));

    const refused = path.join(path.dirname(out), 'sheet.docx');
    const bad = runCliProcess(['export', 'docx', '--template', 'fact-sheet', '--lang', 'en', '--out', refused, '--db', file]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('A fact sheet needs exactly one industry');
    expect(fs.existsSync(refused)).toBe(false);
  }, 300_000);
});

const RUNS = Number(process.env.DOCX_PROPERTY_RUNS ?? 1);
const SEED = propertySeed('DOCX_PROPERTY_SEED', 766568582);

describe('the Word briefing on random data files (property)', () => {
  it(`writes every string it prints, for texts of every kind and length (${RUNS} data files × 3 templates × 3 languages, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(briefingCase, async (c) => {
        const { db: own } = openTemp();
        const out = tempDir('cluster-brief-docx-property-');
        try {
          const { factSheetId } = applyCase(own, c);
          const written: { name: string; file: string; model: BriefingDocument }[] = [];
          for (const template of BRIEFING_TEMPLATES) {
            for (const lang of BRIEFING_LANGS) {
              const { docx, model } = await renderBriefingDocx(own, { template, lang, entityIds: template === 'fact-sheet' ? [factSheetId] : [], ...c.request }, NOW);
              const file = path.join(out, `${template}-${lang}.docx`);
              fs.writeFileSync(file, docx);
              written.push({ name: `${template}/${lang}`, file, model });
            }
          }
          const files = written.map((w) => w.file);
          const [txts, pdfs] = [officeConvert(files, 'txt', out), officeConvert(files, 'pdf', out)];
          const problems = written.flatMap((w, i) => missingInWord(w.model, fs.readFileSync(txts[i]!, 'utf8'), pdfs[i]!).map((p) => `${w.name} ${p}`));
          if (problems.length) {
            const kept = path.join(ARTIFACTS, 'docx', `seed-${SEED}`);
            fs.cpSync(out, kept, { recursive: true });
            throw new Error(`seed ${SEED} (files kept in ${kept}):\n${problems.slice(0, 12).join('\n')}`);
          }
        } finally {
          own.close();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: 0 },
    );
  }, 900_000);
});

describe('the Word report’s smaller paragraphs', () => {
  /** The paragraph of document.xml holding `text` (its runs may split it: matched on the paragraph's text). */
  const paragraphHolding = (xml: string, text: string): string | undefined =>
    [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('').includes(text));

  it('sets an industry’s category line at the margin under its heading, and keeps an annotation’s byline with its note', async () => {
    const { db: own } = openTemp();
    try {
      own.prepare(`INSERT INTO annotations (target_type, target_id, body, author, include_in_briefing, created_at, updated_at) VALUES ('entity', 'smart-robots', '请核实最新数据。', '王分析', 1, '2026-11-20T08:00:00Z', '2026-11-20T08:00:00Z')`).run();
      const { docx } = await renderBriefingDocx(own, { template: 'fact-sheet', lang: 'zh', entityIds: ['smart-robots'], title: '', subtitle: '', author: '', marking: '' }, NOW);
      const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
      // The category line sat centred under a heading at the margin; the title block's date stays centred under the title.
      expect(paragraphHolding(xml, '类别')).toContain('<w:jc w:val="left"/>');
      expect(paragraphHolding(xml, '印发日期')).not.toContain('<w:jc w:val="left"/>');
      // A heading and a byline stood at a page's foot with the note on the next page.
      expect(paragraphHolding(xml, '王分析')).toContain('<w:keepNext/>');
    } finally {
      own.close();
    }
  });
});
