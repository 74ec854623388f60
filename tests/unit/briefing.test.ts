/**
 * PDF briefings, read back with poppler-utils as a person's PDF tools would read them: the text
 * layer (names, figures with their qualifiers and units, source notes), embedded fonts, page counts,
 * and page 1 as a picture kept under test-results/artifacts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefingRequest } from '../../shared/briefing';
import { DEFAULT_DATASET } from '../../electron/services/db/seed';
import type { DB } from '../../electron/services/db/open';
import { renderBriefingDocx } from '../../electron/services/briefing/docx-render';
import { renderBriefing } from '../../electron/services/briefing/render';
import { openTemp, runCliProcess, tempDir } from '../helpers/files';
import { pageToPng, pdfFonts, pdfLayoutText, pdfPages, pdfText } from '../helpers/pdf';

const NOW = new Date('2026-11-28T09:00:00');

function request(over: Partial<BriefingRequest>): BriefingRequest {
  return { template: 'full', entityIds: [], lang: 'zh', title: '', subtitle: '', author: '', marking: '', ...over };
}

async function renderToFile(db: DB, req: BriefingRequest, name: string): Promise<string> {
  const { pdf, pages } = await renderBriefing(db, req, NOW);
  const file = path.join(tempDir('cluster-brief-pdf-'), `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  expect(pdfPages(file)).toBe(pages);
  return file;
}

function expectAllFontsEmbedded(file: string): void {
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f.embedded, `${f.name} embedded`).toBe(true);
}

const zhNames = DEFAULT_DATASET.entities.map((e) => e.name.zh);
const enNames = DEFAULT_DATASET.entities.map((e) => e.name.en);

describe('the full briefing', () => {
  it('in Chinese: every name, the province figures with qualifiers, contents with page numbers, the source notes, embedded fonts', async () => {
    const { db } = openTemp();
    const file = await renderToFile(db, request({ title: '广东产业集群季度简报', subtitle: '2023 年数据', author: '政策研究室', marking: '内部资料' }), 'full-zh');
    const text = pdfText(file);
    for (const name of zhNames) expect(text).toContain(name);
    expect(text).toContain('新一代电子信息');
    expect(text).toContain('智能机器人');
    expect(text).toContain('近3万亿元');
    expect(text).toContain('5.2%');
    expect(text).toContain('40%');
    expect(text).toContain('9.2%');
    expect(text).toContain('超过1万亿元');
    expect(text).toContain('超过100亿元');
    // The source notes: publisher, title, author, date, and the sentence quoted.
    expect(text).toContain('来源注释');
    expect(text).toContain('China Daily');
    expect(text).toContain('2024年10月23日');
    expect(text).not.toContain('2024-10-23');
    expect(text).toContain('Yuan Shenggao');
    expect(text).toContain('reached nearly 3 trillion yuan in 2023');
    // One note per source: the article is listed once, its quoted passages under it.
    expect(text.match(/Clusters of strategic and future industries mapped out/g)).toHaveLength(1);
    expect(text).toContain('引文：“Official data show');
    // Title block, header marking and footer; no software words in the body.
    expect(text).toContain('广东产业集群季度简报');
    expect(text).toContain('内部资料');
    expect(text).toContain('印发日期：2026年11月28日');
    expect(text).toMatch(/数据截至\d{4}年\d{1,2}月\d{1,2}日/);
    for (const word of ['数据版本', '数据文件', 'china-daily-2024-10-23+r0', '本数据文件中暂无']) expect(text).not.toContain(word);
    const pages = pdfPages(file);
    expect(text).toContain(`第1页，共${pages}页`);
    expect(text).toContain(`第${pages}页，共${pages}页`);
    // Contents with page numbers; the goals with the plan's date, cited; the chart's axis in the labels' units.
    expect(text).toMatch(/目录 总览 \d+ 全省主要数据 \d+/);
    // In the words of the source, which names no title for the plan: no title in book-title marks is made up.
    expect(text).toMatch(/省政府于2024年9月30日印发未来产业行动计划\d。/);
    expect(text).not.toMatch(/《[^》]*行动计划》/);
    expect(text).toContain('到2027年');
    expect(text).toContain('到2035年');
    expect(text).toContain('1.2万亿元');
    // Industries without figures are one table, not seven empty fact sheets.
    expect(text).toContain('暂无具体数据的产业');
    expect(text).toContain('以下7个产业目前只有名称和类别');
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(10);
    expectAllFontsEmbedded(file);
    expect(pdfFonts(file).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(expect.arrayContaining(['NotoSansSC-Regular', 'NotoSansSC-Bold']));
    pageToPng(file, 1, 'briefing-full-zh-page1');
    const overviewPage = Number(/总览 (\d+)/.exec(text)?.[1]);
    pageToPng(file, overviewPage, 'briefing-full-zh-overview');
    pageToPng(file, overviewPage + 1, 'briefing-full-zh-tier-chart');
    db.close();
  });

  it('in English: the English names and figures, and no Chinese name', async () => {
    const { db } = openTemp();
    const file = await renderToFile(db, request({ lang: 'en', marking: 'For internal use' }), 'full-en');
    const text = pdfText(file);
    for (const name of enNames) expect(text).toContain(name);
    for (const name of zhNames) expect(text).not.toContain(name);
    expect(text).toContain('nearly 3 trillion yuan');
    expect(text).toContain('over 1 trillion yuan');
    expect(text).toContain('5.2%');
    expect(text).toContain('Source notes');
    expect(text).toContain('China Daily');
    expect(text).toContain('23 October 2024');
    expect(text).toContain('issued on 30 September 2024');
    expect(text).toContain('For internal use');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('7 industries have a name and a category but no figures yet');
    expect(text).toContain('8 clusters with output value over 1 trillion yuan');
    expectAllFontsEmbedded(file);
    db.close();
  });
});

describe('the one-page brief', () => {
  it('fits on one page in every language, with the figures, the tier chart and the source', async () => {
    const { db } = openTemp();
    for (const lang of ['zh', 'en', 'bilingual'] as const) {
      const file = await renderToFile(db, request({ template: 'one-page', lang, marking: '内部资料', title: '一页简报', subtitle: '2023 年' }), `one-page-${lang}`);
      expect(pdfPages(file), lang).toBe(1);
      const text = pdfText(file);
      expect(text).toContain(lang === 'en' ? 'nearly 3 trillion yuan' : '近3万亿元');
      expect(text).toContain('5.2%');
      expect(text).toContain('China Daily');
      expect(text).toContain(lang === 'en' ? '23 October 2024' : '2024年10月23日');
      if (lang !== 'en') {
        expect(text).toContain('新一代电子信息');
        expect(text).toContain('智能机器人');
      }
      if (lang !== 'zh') {
        expect(text).toContain('New-generation electronics and information technology');
        expect(text).toContain('Smart robots');
      }
      expectAllFontsEmbedded(file);
      pageToPng(file, 1, `briefing-one-page-${lang}-page1`);
    }
    db.close();
  });
});

describe('glyph coverage: no character may vanish', () => {
  function withRareCharacters(db: DB): void {
    db.prepare(`UPDATE entities SET name_zh = '智能机器人（镕堃喆昇）', name_en = 'Smart robots 🤖' WHERE id = 'smart-robots'`).run();
    db.prepare(
      `INSERT INTO annotations (target_type, target_id, body, author, include_in_briefing, created_at, updated_at)
       VALUES ('entity', 'smart-robots', @body, '朱镕', 1, '2026-11-01T08:00:00Z', '2026-11-01T08:00:00Z')`,
    ).run({ body: '请与王堃、李喆、陈昇核对 🚀 数字后再交部长简报。Łódź' });
    db.prepare(
      `INSERT INTO annotations (target_type, target_id, body, author, include_in_briefing, created_at, updated_at)
       VALUES ('entity', 'smart-robots', '这条批注未标记，不应出现在简报里。', '某人', 0, '2026-11-02T08:00:00Z', '2026-11-02T08:00:00Z')`,
    ).run();
    const revenue = db.prepare(`SELECT id FROM figures WHERE scope = 'emerging_clusters' AND metric = 'revenue'`).get() as { id: number };
    db.prepare(
      `INSERT INTO annotations (target_type, target_id, body, author, include_in_briefing, created_at, updated_at)
       VALUES ('figure', @id, '“近3万亿元”须与省统计局年度公报核对。', '审核组', 1, '2026-11-03T08:00:00Z', '2026-11-03T08:00:00Z')`,
    ).run({ id: String(revenue.id) });
  }

  it('prints 镕 堃 喆 昇 in Noto Sans SC and the emoji in the fallback font, in text and in the chart', async () => {
    const { db } = openTemp();
    withRareCharacters(db);
    for (const template of ['full', 'fact-sheet', 'one-page'] as const) {
      const entityIds = template === 'fact-sheet' ? ['smart-robots'] : [];
      const file = await renderToFile(db, request({ template, entityIds, lang: 'bilingual' }), `glyphs-${template}`);
      const text = pdfText(file);
      // A one-page brief with annotations may draw fewer clusters in its chart, and then says so.
      const named = template !== 'one-page' || !/另有\d+个集群未列入图中/.test(text);
      if (named) {
        expect(text).toContain('智能机器人（镕堃喆昇）');
        expect(text).toContain('Smart robots 🤖');
      }
      if (template !== 'one-page') {
        expect(text).toContain('请与王堃、李喆、陈昇核对 🚀 数字后再交部长简报。Łódź');
        expect(text).toContain('朱镕');
      }
      if (template === 'full') {
        // A marked annotation on a province figure reaches the appendix, naming what it is really about.
        expect(text).toContain('10个战略性新兴产业集群 · 营业收入2023 The 10 strategic emerging industry clusters · Revenue 2023 · 审核组 · 2026年11月3日 / 3 November 2026');
        expect(text).toContain('“近3万亿元”须与省统计局年度公报核对。');
      }
      expect(text).not.toContain('这条批注未标记');
      const fonts = pdfFonts(file).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
      if (named) expect(fonts).toContain('NotoEmoji-Regular');
      if (template !== 'one-page') expect(fonts).toContain('NotoSans-Regular');
      expectAllFontsEmbedded(file);
      if (template === 'fact-sheet') pageToPng(file, 1, 'briefing-fact-sheet-glyphs');
    }
    // The chart draws the name too: with the emoji only in the tier chart's label, it still prints.
    const chartOnly = await renderToFile(db, request({ template: 'one-page', lang: 'en' }), 'glyphs-chart');
    expect(pdfText(chartOnly)).toContain('Smart robots 🤖');
    db.close();
  });

  it('prints each emoji of a joined sequence side by side, never the joiner or a skin tone as a box of its own', async () => {
    // 👨‍👩‍👧 printed as 👨⊠👩⊠👧, 👍🏽 as 👍 and a hatched square: pdfkit draws each code point alone (trust review).
    const { db } = openTemp();
    db.prepare(
      `INSERT INTO annotations (target_type, target_id, body, author, include_in_briefing, created_at, updated_at)
       VALUES ('entity', 'smart-robots', '家庭 👨‍👩‍👧 赞 👍🏽 完', '测试', 1, '2026-11-01T08:00:00Z', '2026-11-01T08:00:00Z')`,
    ).run();
    const file = await renderToFile(db, request({ template: 'fact-sheet', entityIds: ['smart-robots'] }), 'emoji-sequences');
    const text = pdfText(file);
    expect(text).toContain('家庭 👨👩👧 赞 👍 完');
    expect(text).not.toMatch(/\u200d|[\u{1f3fb}-\u{1f3ff}]/u);
    db.close();
  });

  it('refuses a character no embedded font has, naming it and where it is, and writes no file', async () => {
    const { db, file: dataFile } = openTemp();
    db.prepare(
      `INSERT INTO annotations (target_type, target_id, body, author, include_in_briefing, created_at, updated_at)
       VALUES ('entity', 'smart-robots', '私用区字符 \uE000 与扩展B区 𠀀', '测试', 1, '2026-11-01T08:00:00Z', '2026-11-01T08:00:00Z')`,
    ).run();
    const id = (db.prepare(`SELECT max(id) AS id FROM annotations`).get() as { id: number }).id;
    await expect(renderBriefing(db, request({ template: 'full' }), NOW)).rejects.toMatchObject({
      code: 'BRIEFING_MISSING_GLYPHS',
      details: { characters: expect.stringContaining('U+E000'), where: '智能机器人 · 批注' },
    });
    await expect(renderBriefing(db, request({ template: 'full', lang: 'en' }), NOW)).rejects.toMatchObject({ details: { where: 'Smart robots · annotation' } });
    expect(id).toBeGreaterThan(0);
    await expect(renderBriefing(db, request({ template: 'full' }), NOW)).rejects.toMatchObject({ details: { characters: expect.stringContaining('U+20000') } });
    db.close();

    const out = path.join(tempDir(), 'refused.pdf');
    const result = runCliProcess(['export', 'pdf', '--template', 'fact-sheet', '--entity', 'smart-robots', '--lang', 'zh', '--out', out, '--db', dataFile]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('U+E000');
    expect(result.stderr).toContain('U+20000');
    expect(result.stderr).toContain('智能机器人 · 批注');
    expect(result.stderr).toContain('嵌入的字体中没有这些字符');
    expect(result.stderr).toContain('no glyphs for these characters');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });
});

describe('no character may vanish, even outside the data', () => {
  it('refuses a name the fonts cannot print where only a chart draws it (the one-page brief), in PDF and in Word, naming it', async () => {
    const { db } = openTemp();
    // The one-page brief prints the clusters' names only in its chart: "䶮□喆" printed there, a box for 𠮷 (U+20BB7).
    db.prepare(`UPDATE entities SET name_zh = '机器人𠮷产业' WHERE id = 'smart-robots'`).run();
    const refused = { code: 'BRIEFING_MISSING_GLYPHS', details: { characters: expect.stringContaining('U+20BB7'), where: '机器人𠮷产业 · 名称' } };
    await expect(renderBriefing(db, request({ template: 'one-page' }), NOW)).rejects.toMatchObject(refused);
    await expect(renderBriefing(db, request({ template: 'one-page', lang: 'bilingual' }), NOW)).rejects.toMatchObject({ code: 'BRIEFING_MISSING_GLYPHS' });
    await expect(renderBriefingDocx(db, request({ template: 'full' }), NOW)).rejects.toMatchObject(refused);
    // The English brief draws the English name: it prints.
    expect((await renderBriefing(db, request({ template: 'one-page', lang: 'en' }), NOW)).pages).toBe(1);
    db.close();
  });

  it('refuses a marking or title the fonts cannot print, naming the field', async () => {
    const { db } = openTemp();
    await expect(renderBriefing(db, request({ template: 'one-page', marking: '内部\uE001' }), NOW)).rejects.toMatchObject({
      code: 'BRIEFING_MISSING_GLYPHS',
      details: { characters: expect.stringContaining('U+E001'), where: '密级标注 · 密级标注' },
    });
    await expect(renderBriefing(db, request({ template: 'full', lang: 'en', title: 'Brief \uE002' }), NOW)).rejects.toMatchObject({
      details: { characters: expect.stringContaining('U+E002'), where: expect.stringContaining('title') },
    });
    db.close();
  });
});

describe('cluster-brief export pdf', () => {
  it('writes a fact sheet for one entity', () => {
    const { db, file } = openTemp();
    db.close();
    const out = path.join(tempDir(), 'robots.pdf');
    const result = runCliProcess(['export', 'pdf', '--template', 'fact-sheet', '--entity', 'smart-robots', '--lang', 'en', '--out', out, '--db', file, '--title', 'Robots fact sheet', '--marking', 'For internal use']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(pdfPages(out)).toBe(1);
    const text = pdfText(out);
    expect(text).toContain('Robots fact sheet');
    expect(text).toContain('Smart robots');
    expect(text).toContain('over 10 billion yuan');
    // The fact sheet's first note is its own figure's source: numbered in reading order.
    expect(text).toMatch(/over 10 billion yuan1/);
    expect(text).toContain('For internal use');
    expect(text).toContain('smart robots, as well as blockchain and quantum information');
    expect(pdfLayoutText(out)).toMatch(/Page 1 of 1/);
    expectAllFontsEmbedded(out);
  });

  it('writes a fact sheet of an industry without figures that says so', () => {
    const { db, file } = openTemp();
    db.close();
    for (const [lang, words] of [['zh', '尚无具体数据。'], ['en', 'No figures recorded yet.']] as const) {
      const out = path.join(tempDir(), `quantum-${lang}.pdf`);
      const result = runCliProcess(['export', 'pdf', '--template', 'fact-sheet', '--entity', 'quantum-technology', '--lang', lang, '--out', out, '--db', file]);
      expect(result.status, result.stderr).toBe(0);
      // It went from the category line to the next heading, with nothing to say the table was not forgotten.
      expect(pdfText(out).replace(/\s+/g, ' ')).toContain(words);
    }
  });

  it('refuses a fact sheet without an entity, and bad options, in both languages', () => {
    const { db, file } = openTemp();
    db.close();
    const out = path.join(tempDir(), 'x.pdf');
    const noEntity = runCliProcess(['export', 'pdf', '--template', 'fact-sheet', '--lang', 'zh', '--out', out, '--db', file]);
    expect(noEntity.status).toBe(1);
    expect(noEntity.stderr).toContain('须指定且只指定一个产业');
    expect(noEntity.stderr).toContain('needs exactly one industry');
    const badLang = runCliProcess(['export', 'pdf', '--template', 'full', '--lang', 'fr', '--out', out, '--db', file]);
    expect(badLang.status).toBe(2);
    expect(badLang.stderr).toContain('--lang zh|en|bilingual');
    const unknown = runCliProcess(['export', 'pdf', '--template', 'fact-sheet', '--entity', 'no-such-cluster', '--lang', 'zh', '--out', out, '--db', file]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no-such-cluster');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('pages to look at', () => {
  it('keeps every page of every template in every language as a picture under test-results/artifacts/briefings', async () => {
    const { db } = openTemp();
    for (const template of ['one-page', 'full', 'fact-sheet'] as const) {
      for (const lang of ['zh', 'en', 'bilingual'] as const) {
        const file = await renderToFile(db, request({ template, lang, entityIds: template === 'fact-sheet' ? ['new-energy'] : [], author: '政策研究室', marking: '内部资料' }), `look-${template}-${lang}`);
        const pages = pdfPages(file);
        if (template === 'one-page') expect(pages, lang).toBe(1);
        for (let p = 1; p <= pages; p++) expect(fs.existsSync(pageToPng(file, p, path.join('briefings', `${template}-${lang}-page${p}`)))).toBe(true);
      }
    }
    db.close();
  }, 240_000);
});
