/**
 * What a briefing says, read from its document model and its PDF: figures drive what prints, notes
 * read like a policy office's, numbers keep their units, bilingual means both languages, the full
 * briefing is worth reading, and every refusal speaks the person's language.
 */
import { describe, expect, it } from 'vitest';
import type { BriefingRequest } from '../../shared/briefing';
import { BRIEFING_WORDS } from '../../shared/briefing-words';
import { blockLines, bodyTexts, walkBlocks, type Block, type BriefingDocument, type Line } from '../../shared/document';
import { outputStatement } from '../../shared/output';
import { getEntity } from '../../electron/services/db/read';
import { createAnnotation } from '../../electron/services/db/annotations';
import { newChange } from '../../electron/services/db/revisions';
import { composeBriefing, prepareBriefing, renderBriefing } from '../../electron/services/briefing/render';
import { styles } from '../../electron/services/briefing/pdf';
import { openTemp, runCliProcess, tempDir } from '../helpers/files';
import { pdfLayoutText, pdfText } from '../helpers/pdf';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const NOW = new Date('2026-11-28T09:00:00');
const req = (over: Partial<BriefingRequest>): BriefingRequest => ({ template: 'full', entityIds: [], lang: 'zh', title: '', subtitle: '', author: '', marking: '', ...over });
/** One page's text, white space as single spaces. */
const pageText = (file: string, page: number): string => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const lineText = (l: Line): string => l.map((r) => (r.t === 'text' ? r.text : `[${r.n}]`)).join('');
const allText = (doc: BriefingDocument): string => [...walkBlocks(doc.blocks)].flatMap((b) => blockLines(b).map(lineText)).join('\n');

function setRobotsOutput(db: ReturnType<typeof openTemp>['db'], value: number, qualifier: string): void {
  db.prepare(`UPDATE figures SET value = ?, qualifier = ? WHERE entity_id = 'smart-robots' AND metric = 'output_value'`).run(value, qualifier);
}

describe('figures drive what prints', () => {
  it('draws an entity at its latest output figure, not its tier, in the chart, the tables and the key points', async () => {
    const { db } = openTemp();
    setRobotsOutput(db, 120, 'nearly');
    const onePage = composeBriefing(db, req({ template: 'one-page' }), NOW);
    const chart = [...walkBlocks(onePage.blocks)].find((b): b is Extract<Block, { type: 'chart' }> => b.type === 'chart' && b.spec.kind === 'output')!;
    expect(chart.spec.kind === 'output' && chart.spec.rows.find((r) => r.name.zh === '智能机器人')).toMatchObject({ value: 120, qualifier: 'nearly', fromTier: false });
    const { pdf } = await renderBriefing(db, req({ template: 'one-page' }), NOW);
    const file = path.join(tempDir(), 'robots.pdf');
    fs.writeFileSync(file, pdf);
    expect(pdfText(file)).toContain('近120亿元');
    const full = await renderBriefing(db, req({ template: 'full' }), NOW);
    fs.writeFileSync(file, full.pdf);
    expect(pdfText(file)).toMatch(/智能机器人 2023 近120亿元/);
    db.close();
  });

  it('never draws a target as output: a 2027 goal of a future industry stays out of the output chart, and a cluster’s target does not stand in for its 2023 value', () => {
    const { db } = openTemp();
    const add = db.prepare(
      `INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, source_id, source_quote, note, changed_at, changed_by)
       VALUES ('entity', ?, 'output_value', ?, '100m_yuan', 'target', '2027', NULL, NULL, NULL, '2026-12-03T00:00:00.000Z', '李分析')`,
    );
    add.run('future-networks', 5000);
    add.run('smart-robots', 9000);
    const onePage = composeBriefing(db, req({ template: 'one-page' }), NOW);
    const chart = [...walkBlocks(onePage.blocks)].find((b): b is Extract<Block, { type: 'chart' }> => b.type === 'chart' && b.spec.kind === 'output')!;
    const rows = chart.spec.kind === 'output' ? chart.spec.rows : [];
    expect(rows.map((r) => r.name.zh)).not.toContain('未来网络');
    expect(rows.find((r) => r.name.zh === '智能机器人')).toMatchObject({ value: 100, qualifier: 'over' });
    expect(outputStatement(getEntity(db, 'smart-robots'))?.figure?.period).toBe('2023');
    db.close();
  });

  it('knows when the latest figure and the tier disagree, and says which tier the figure is in', () => {
    const { db } = openTemp();
    expect(outputStatement(getEntity(db, 'smart-robots'))?.disagreesWithTier).toBeNull();
    setRobotsOutput(db, 120, 'nearly');
    expect(outputStatement(getEntity(db, 'smart-robots'))?.disagreesWithTier).toBeNull();
    setRobotsOutput(db, 100, 'nearly');
    expect(outputStatement(getEntity(db, 'smart-robots'))?.disagreesWithTier).toEqual({ tier: 'over_10b', figureTier: null });
    setRobotsOutput(db, 1200, 'about');
    expect(outputStatement(getEntity(db, 'smart-robots'))?.disagreesWithTier).toEqual({ tier: 'over_10b', figureTier: 'over_100b' });
    db.close();
  });
});

describe('source notes like a policy office', () => {
  it('number notes in reading order, one per source with its passages under it, markers before Chinese punctuation', () => {
    const { db } = openTemp();
    const sheet = composeBriefing(db, req({ template: 'fact-sheet', entityIds: ['smart-robots'] }), NOW);
    const cites = [...walkBlocks(sheet.blocks)].flatMap((b) => blockLines(b)).flat().filter((r) => r.t === 'cite');
    expect(cites[0]).toMatchObject({ n: 1 });
    const notes = [...walkBlocks(sheet.blocks)].find((b): b is Extract<Block, { type: 'notes' }> => b.type === 'notes')!;
    expect(notes.items.map((i) => i.n)).toEqual([1]);
    // The one source, then each quoted passage cited in the sheet, once.
    const quotes = notes.items[0]!.lines.slice(1).map(lineText);
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(quotes.some((q) => q.includes('smart robots, as well as blockchain'))).toBe(true);
    const full = composeBriefing(db, req({ template: 'full' }), NOW);
    const text = allText(full);
    expect(text).toMatch(/未来产业集群初步成形\[1\]。/);
    expect(text).toMatch(/于2024年9月30日印发未来产业行动计划\[1\]。/);
    // English passages keep English quotation marks set in the Latin font; Chinese ones their own.
    const quoteRuns = [...bodyTexts(full.blocks)].filter((r) => r.text === '\u201c');
    expect(quoteRuns.every((r) => r.lang === 'en')).toBe(true);
    db.close();
  });
});

describe('numbers', () => {
  it('never split from their unit: every value is one unbreakable run, and prints on one line', async () => {
    const { db } = openTemp();
    for (const lang of ['zh', 'en', 'bilingual'] as const) {
      const doc = composeBriefing(db, req({ template: 'full', lang }), NOW);
      const values = [...bodyTexts(doc.blocks)].filter((r) => r.style === 'value' || /亿元|yuan$/.test(r.text));
      expect(values.length).toBeGreaterThan(10);
      for (const v of values.filter((r) => /\d/.test(r.text) && /亿元|yuan/.test(r.text))) expect(v.nowrap, v.text).toBe(true);
    }
    const { pdf } = await renderBriefing(db, req({ template: 'one-page', lang: 'en' }), NOW);
    const file = path.join(tempDir(), 'en.pdf');
    fs.writeFileSync(file, pdf);
    expect(pdfLayoutText(file)).toMatch(/nearly 3 trillion yuan/);
    db.close();
  });
});

describe('dates', () => {
  it('never break inside a date: a source’s date and an annotation’s, in each language, bilingual too', () => {
    // "2025年2 / 月15日" and "15 / January 2025" broke in a bilingual 简报's notes; "2026年12月3 / 日" in a fact sheet's byline.
    const { db } = openTemp();
    createAnnotation(db, newChange('李分析'), { targetType: 'entity', targetId: 'smart-robots', body: '核对。', tags: [], status: 'open', includeInBriefing: true });
    for (const lang of ['zh', 'en', 'bilingual'] as const) {
      for (const template of ['full', 'fact-sheet'] as const) {
        const doc = composeBriefing(db, req({ template, lang, entityIds: template === 'fact-sheet' ? ['smart-robots'] : [] }), NOW);
        const dates = [...bodyTexts(doc.blocks)].filter((r) => /^(\d{4}年\d{1,2}月\d{1,2}日|\d{1,2} [A-Z][a-z]+ \d{4})$/.test(r.text));
        expect(dates.length, `${template} ${lang}`).toBeGreaterThan(0);
        for (const d of dates) expect(d.nowrap, `${template} ${lang}: ${d.text}`).toBe(true);
        // No run holds two dates: bilingual, a line may break between the languages.
        expect([...bodyTexts(doc.blocks)].filter((r) => /^\d{4}年\d{1,2}月\d{1,2}日 \/ \d{1,2} [A-Z][a-z]+ \d{4}$/.test(r.text)).map((r) => r.text)).toEqual([]);
      }
    }
    db.close();
  });
});

describe('bilingual means both languages', () => {
  it('gives every heading, table header, caption and list item its English beside the Chinese', () => {
    const { db } = openTemp();
    for (const template of ['full', 'one-page', 'fact-sheet'] as const) {
      const doc = composeBriefing(db, req({ template, lang: 'bilingual', entityIds: template === 'fact-sheet' ? ['new-energy'] : [] }), NOW);
      for (const b of walkBlocks(doc.blocks)) {
        if (b.type === 'heading') expect(b.second, lineText(b.runs)).toBeDefined();
        if (b.type === 'chart') expect(b.second, lineText(b.caption)).toBeDefined();
        if (b.type === 'list') for (const i of b.items) expect(i.second, lineText(i.runs)).toBeDefined();
        if (b.type === 'table') for (const h of b.header) expect(h.lines, JSON.stringify(h)).toHaveLength(2);
      }
      const text = allText(doc);
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).toMatch(/ clusters? /);
    }
    db.close();
  });

  it('uses English plurals', () => {
    const { db } = openTemp();
    db.prepare(`UPDATE figures SET value = 5000 WHERE entity_id = 'smart-robots' AND metric = 'output_value'`).run();
    const text = allText(composeBriefing(db, req({ template: 'full', lang: 'en' }), NOW));
    expect(text).toContain('A further 1 cluster with output value over 10 billion yuan');
    expect(text).toContain('A further 4 clusters with output value over 500 billion yuan');
    db.close();
  });

  it('names a bilingual report in both languages on its cover and in its running header (the cover and header had the Chinese alone)', async () => {
    const { db } = openTemp();
    for (const template of ['full', 'fact-sheet'] as const) {
      const request = req({ template, lang: 'bilingual', entityIds: template === 'fact-sheet' ? ['smart-robots'] : [] });
      const { pdf, model } = await renderBriefing(db, request, NOW);
      const [zh, en] = [BRIEFING_WORDS.zh.defaultTitle[template], BRIEFING_WORDS.en.defaultTitle[template]];
      expect(model.running).toBe(`${zh} · ${en}`);
      const file = path.join(tempDir(), `${template}.pdf`);
      fs.writeFileSync(file, pdf);
      const first = pageText(file, 1);
      expect(first).toContain(zh);
      expect(first).toContain(en);
      if (template === 'full') expect(pageText(file, 3)).toContain(`${zh} · ${en}`);
    }
    db.close();
  });

  it('names no output tier for a future industry, which has none (its fact sheet said "Output tier: No tier")', () => {
    const { db } = openTemp();
    for (const lang of ['zh', 'en'] as const) {
      const tierWord = BRIEFING_WORDS[lang].tier;
      const future = allText(composeBriefing(db, req({ template: 'fact-sheet', lang, entityIds: ['quantum-technology'] }), NOW));
      const cluster = allText(composeBriefing(db, req({ template: 'fact-sheet', lang, entityIds: ['smart-robots'] }), NOW));
      expect(future, lang).not.toContain(tierWord);
      expect(cluster, lang).toContain(tierWord);
    }
    db.close();
  });

  it('names an annotated industry whole in the one-page brief, at whatever fit level it is laid out ("New-generation electronics and…")', async () => {
    const { db } = openTemp();
    const insert = db.prepare(`INSERT INTO annotations (target_type, target_id, body, author, include_in_briefing, created_at, updated_at) VALUES ('entity', 'electronics-it', ?, '李研究', 1, '2026-11-20T08:00:00Z', '2026-11-20T08:00:00Z')`);
    for (let i = 0; i < 4; i++) insert.run(`Check the ${i + 1}th quarter figures against the bureau's release before the next issue. `.repeat(4));
    const { model } = await renderBriefing(db, req({ template: 'one-page', lang: 'en' }), NOW);
    expect(model.scale, 'laid out below the first fit level').toBeLessThan(1);
    const bylines = [...walkBlocks(model.blocks)].flatMap((b) => (b.type === 'annotation' ? [lineText(b.meta)] : []));
    expect(bylines.length).toBeGreaterThan(0);
    for (const b of bylines) expect(b).toContain('New-generation electronics and information technology');
    db.close();
  });

  it('never sets a bilingual paragraph’s English larger than its Chinese (the chart’s notes: 8 pt Chinese, 8.5 pt English)', async () => {
    const { db } = openTemp();
    const size = (style: string): number => (styles(1)?.[style] as { fontSize?: number } | undefined)?.fontSize ?? 9.5;
    const larger: string[] = [];
    for (const template of ['one-page', 'full', 'fact-sheet'] as const) {
      const { model } = prepareBriefing(db, req({ template, lang: 'bilingual', entityIds: template === 'fact-sheet' ? ['smart-robots'] : [] }), NOW);
      const blocks = [...walkBlocks(model.blocks)];
      blocks.forEach((b, i) => {
        const next = blocks[i + 1];
        if (b.type === 'paragraph' && next?.type === 'paragraph' && next.runs.some((r) => r.t === 'text' && r.lang === 'en') && b.runs.some((r) => r.t === 'text' && r.lang === 'zh') && size(next.style) > size(b.style))
          larger.push(`${template}: ${lineText(next.runs).slice(0, 40)} (${next.style} ${size(next.style)} pt after ${b.style} ${size(b.style)} pt)`);
      });
    }
    expect(larger).toEqual([]);
    db.close();
  });

  it('gives the one-page brief no annotations section when none is marked, its key points across the page; one marked stands beside them', async () => {
    const { db } = openTemp();
    const headings = (doc: BriefingDocument): string[] => [...walkBlocks(doc.blocks)].flatMap((b) => (b.type === 'heading' ? [lineText(b.runs)] : []));
    for (const lang of ['zh', 'en', 'bilingual'] as const) {
      const words = BRIEFING_WORDS[lang === 'en' ? 'en' : 'zh'];
      const { model } = await renderBriefing(db, req({ template: 'one-page', lang }), NOW);
      // The issued page said "No annotations are marked for the briefing" under a heading of its own.
      expect(headings(model), lang).not.toContain(words.annotationsShort);
      expect(model.blocks.some((b) => b.type === 'columns'), lang).toBe(false);
      // (The bilingual page, its chart twice as tall, has no room for key points: they repeat the chart's tiers.)
      if (lang !== 'bilingual') expect(model.blocks.some((b) => b.type === 'list'), `${lang}: key points at the page's width`).toBe(true);
    }
    db.prepare(`INSERT INTO annotations (target_type, target_id, body, author, include_in_briefing, created_at, updated_at) VALUES ('entity', 'smart-robots', '请核对一季度数据。', '李研究', 1, '2026-11-20T08:00:00Z', '2026-11-20T08:00:00Z')`).run();
    const { model } = await renderBriefing(db, req({ template: 'one-page' }), NOW);
    const columns = model.blocks.find((b) => b.type === 'columns');
    expect(columns?.type === 'columns' && columns.columns.map((col) => col.flatMap((b) => (b.type === 'heading' ? [lineText(b.runs)] : [])))).toEqual([[BRIEFING_WORDS.zh.keyPoints], [BRIEFING_WORDS.zh.annotationsShort]]);
    db.close();
  });

  it('says under the output chart that a value given as "over" is drawn at its bound, and only when one is drawn', () => {
    const { db } = openTemp();
    for (const lang of ['zh', 'en'] as const) {
      const note = BRIEFING_WORDS[lang].outputChartLowerBounds;
      // Eight clusters "over 1 trillion yuan" drew as eight equal bars with nothing to say they are bounds.
      expect(allText(composeBriefing(db, req({ template: 'one-page', lang }), NOW)), lang).toContain(note);
      db.prepare(`UPDATE figures SET qualifier = 'exact' WHERE metric = 'output_value'`).run();
      expect(allText(composeBriefing(db, req({ template: 'one-page', lang }), NOW)), lang).not.toContain(note);
      db.prepare(`UPDATE figures SET qualifier = 'over' WHERE metric = 'output_value'`).run();
    }
    db.close();
  });

  it('counts each cluster in its highest output tier only, and says so: every tier after the first is 另有 / A further', () => {
    const { db } = openTemp();
    for (const lang of ['zh', 'en'] as const) {
      const doc = composeBriefing(db, req({ template: 'one-page', lang }), NOW);
      const points = [...walkBlocks(doc.blocks)].flatMap((b) => (b.type === 'list' ? b.items.map((i) => lineText(i.runs)) : []));
      // 8 over 1 trillion, then 3, 7 and 2 more: "7 clusters over 100 billion yuan" read as all that exceed it (18).
      expect(points.map((p) => Number(/\d+/.exec(p)?.[0]))).toEqual([8, 3, 7, 2]);
      expect(points.slice(1).every((p) => p.startsWith(lang === 'zh' ? '另有' : 'A further ')), lang).toBe(true);
      expect(points[0], lang).toMatch(/^8/);
    }
    db.close();
  });
});

const tableCount = (doc: BriefingDocument): number => [...walkBlocks(doc.blocks)].filter((b) => b.type === 'table').length;

describe('a full briefing worth reading', () => {
  it('has no empty fact sheets, no software words, no block pdfmake could drop, and no long text in a table cell', () => {
    const { db } = openTemp();
    const { model: plain } = prepareBriefing(db, req({ template: 'full' }), NOW);
    // The seeded industries have one output figure each: shown in their category's table, not repeated in a fact sheet.
    expect([...walkBlocks(plain.blocks)].filter((b) => b.type === 'heading' && b.level === 3 && b.toc)).toHaveLength(0);
    db.prepare(`UPDATE figures SET note = ? WHERE entity_id = 'smart-robots'`).run('须与统计局年报核对。'.repeat(300));
    const { model, doc } = prepareBriefing(db, req({ template: 'full' }), NOW);
    const text = allText(model);
    expect(tableCount(model)).toBeGreaterThan(0);
    for (const word of ['数据文件', '数据版本', 'china-daily-2024-10-23+r0', '暂无该产业的数据']) expect(text).not.toContain(word);
    const json = JSON.stringify(doc.content);
    expect(json).not.toContain('"unbreakable":true');
    expect(json).not.toMatch(/"widths":\[[^\]]*"(\*|auto)"/);
    // Table rows are kept whole (pdfmake loses lines of a row it splits), so a long note prints as a paragraph.
    expect(text).toContain('须与统计局年报核对。'.repeat(300));
    const tables = [...walkBlocks(model.blocks)].filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
    for (const t of tables) for (const cell of t.rows.flat()) expect(cell.lines.map(lineText).join('').length).toBeLessThan(700);
    db.close();
  });
});

describe('refusals in the person language', () => {
  it('names the field and its limit, in Chinese and English, when a title is too long', () => {
    const { db, file } = openTemp();
    db.close();
    const out = path.join(tempDir(), 'x.pdf');
    const result = runCliProcess(['export', 'pdf', '--template', 'one-page', '--lang', 'zh', '--out', out, '--db', file, '--title', '标'.repeat(130)]);
    expect(result.status).toBe(1);
    const [zh, en] = result.stderr.trim().split('\n');
    expect(zh).toContain('标题');
    expect(zh).toContain('120');
    expect(zh).not.toMatch(/[A-Za-z]{3,}/);
    expect(en).toContain('title');
    expect(en).toContain('120');
    expect(fs.existsSync(out)).toBe(false);
  });
});
