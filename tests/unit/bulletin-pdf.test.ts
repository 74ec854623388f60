/**
 * The 简报 as PDF. An analyst's issue is written in the test from the seeded data (zh, en, bilingual)
 * and rendered; poppler reads it back as a person's tools would: the head lines, title, every
 * paragraph, every figure with its qualifier and unit, the notes and the tail are in the text; the
 * serif face is embedded; the name and rule are red; page numbers sit at the outside edge; every
 * string the model prints is in the PDF and no heading, caption or table header ends a page (also for
 * random content, fast-check, seed printed); a
 * reference to a deleted figure is refused naming the paragraph; a frozen issue prints the same
 * text after the data changed. Page pictures are kept under test-results/artifacts/ to look at.
 */
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderBulletin } from '../../electron/services/briefing/bulletin';
import { fromSnapshot, frozenResolver, liveResolver, type BulletinResolver } from '../../electron/services/briefing/bulletin-figures';
import { BULLETIN_PAGE } from '../../electron/services/briefing/pdf';
import { printedTexts } from '../../electron/services/briefing/render';
import { zhNumeral } from '../../electron/services/briefing/templates/bulletin';
import type { DB } from '../../electron/services/db/open';
import { saveFigure, setItemDeleted } from '../../electron/services/workbench/actions';
import { BulletinContent, type BulletinBlock, type BulletinInline, type FigureSnapshotRef } from '../../shared/bulletin';
import { BriefingDocument } from '../../shared/document';
import { AppError, describeError } from '../../shared/errors';
import { formatFigure } from '../../shared/format';
import { bodyWords, emptyPages, isPrinted, keepForInspection, missingStrings, overlappingWords, pageHolding, squash, strandedLines, tailPlacement, wordsOutside } from '../helpers/briefing-check';
import { openTemp, tempDir } from '../helpers/files';
import { ARTIFACTS, horizontalRules, pagePixels, pageToPng, pdfFonts, pdfPages, pdfText, pdfTextIn, pdfWords } from '../helpers/pdf';
import { propertySeed } from '../helpers/seed';
import { textOf } from '../helpers/random-briefing-data';

const NOW = new Date('2026-11-28T09:00:00');
const ISSUE = { number: { year: 2026, number: 3, total: 15, supplement: false }, date: '2026-11-28' };
type Lang = BulletinContent['lang'];

let db: DB;
let dir: string;
beforeEach(() => {
  db = openTemp().db;
  dir = tempDir('cluster-brief-bulletin-');
  // The analyst records an earlier year for the trend chart (a figure of this test only, with no source).
  saveFigure(db, { figure: { scope: 'entity', entityId: 'smart-robots', metric: 'output_value', value: 80, unit: '100m_yuan', qualifier: 'about', period: '2022', sourceId: null, sourceQuote: null, note: null } });
});
afterEach(() => db.close());

/** The seeded figure of a scope and metric (entity: by entity id). */
function seeded(where: { scope?: string; entityId?: string; metric: string }): number {
  const row = where.entityId
    ? db.prepare(`SELECT id FROM figures WHERE entity_id = ? AND metric = ? AND period = '2023' AND deleted_at IS NULL`).get(where.entityId, where.metric)
    : db.prepare(`SELECT id FROM figures WHERE scope = ? AND metric = ? AND deleted_at IS NULL`).get(where.scope, where.metric);
  return (row as { id: number }).id;
}

/** A reference as the editor stores it: the figure id and the value the analyst accepted. */
function ref(id: number): BulletinInline {
  const f = liveResolver(db).figure(id)!;
  return { type: 'figure', figureId: id, accepted: snapshot(f) };
}

function snapshot(f: NonNullable<ReturnType<BulletinResolver['figure']>>): FigureSnapshotRef {
  const { label, source, unitLabel, ...rest } = f;
  return { ...rest, ...(label ? { label } : {}), ...(unitLabel ? { unitLabel } : {}), source: source ? { publisher: source.publisher, title: source.title, author: source.author, publishedOn: source.publishedOn } : null };
}

const t = (text: string): BulletinInline => ({ type: 'text', text });

/** The issue an analyst writes from the seeded article's facts: two sections, figures in the sentences, three charts, a table, a quotation. */
function issueContent(lang: Lang): BulletinContent {
  const zh = lang !== 'en';
  const growth = seeded({ scope: 'strategic_clusters', metric: 'added_value_growth' });
  const share = seeded({ scope: 'strategic_clusters', metric: 'gdp_share' });
  const revenue = seeded({ scope: 'emerging_clusters', metric: 'revenue' });
  const emergingGrowth = seeded({ scope: 'emerging_clusters', metric: 'added_value_growth' });
  const robots = seeded({ entityId: 'smart-robots', metric: 'output_value' });
  const quote = (db.prepare(`SELECT source_quote AS q FROM figures WHERE id = ?`).get(revenue) as { q: string }).q;
  const blocks: BulletinBlock[] = [
    { type: 'heading', level: 1, text: zh ? '总体情况' : 'Overview' },
    {
      type: 'paragraph',
      content: zh
        ? [t('2023年，全省20个战略性产业集群增加值同比增长'), ref(growth), t('，占全省地区生产总值的'), ref(share), t('，对全省经济的支撑作用进一步增强。')]
        : [t('In 2023 the added value of the 20 strategic industry clusters grew by '), ref(growth), t(' year on year; they account for '), ref(share), t(" of Guangdong's GDP.")],
    },
    {
      type: 'paragraph',
      content: zh
        ? [t('十大战略性新兴产业集群营业收入'), ref(revenue), t('，增加值增长'), ref(emergingGrowth), t('，增速接近全省地区生产总值增速的两倍。')]
        : [t('The ten strategic emerging clusters had revenue of '), ref(revenue), t(', and their added value grew by '), ref(emergingGrowth), t(', nearly twice the growth of provincial GDP.')],
    },
    { type: 'heading', level: 2, text: zh ? '各集群产值档次' : 'Output tiers of the clusters' },
    { type: 'chart', chart: { kind: 'tiers' }, caption: zh ? '图1 各集群年产值' : 'Figure 1. Output value by cluster' },
    { type: 'quote', sourceId: 1, text: quote },
    { type: 'heading', level: 1, text: zh ? '重点集群' : 'Clusters to watch' },
    { type: 'paragraph', content: zh ? [t('智能机器人集群年产值'), ref(robots), t('，仍处于培育阶段。')] : [t('The smart robots cluster has an output value of '), ref(robots), t(' and is still being built up.')] },
    { type: 'chart', chart: { kind: 'trend', metric: 'output_value', entityIds: ['smart-robots', 'blockchain-quantum'] }, caption: zh ? '图2 年产值走势' : 'Figure 2. Output value over time' },
    { type: 'chart', chart: { kind: 'compare', metric: 'output_value', entityIds: ['new-energy', 'digital-creativity', 'semiconductors-ic'] }, caption: zh ? '图3 新兴集群年产值比较' : 'Figure 3. Emerging clusters compared' },
    { type: 'table', caption: zh ? '表1 全省主要数据' : 'Table 1. Province figures', figureIds: [growth, share, revenue, emergingGrowth], accepted: [growth, share, revenue, emergingGrowth].map((id) => snapshot(liveResolver(db).figure(id)!)) },
  ];
  return {
    format: 'cluster-brief/bulletin',
    formatVersion: 1,
    lang,
    frame: {
      name: zh ? '广东省战略性产业集群工作简报' : 'Guangdong Strategic Industry Clusters Bulletin',
      unit: zh ? '省产业集群工作专班办公室' : 'Office of the Provincial Cluster Task Force',
      marking: zh ? '内部资料 注意保存' : 'Internal — keep on file',
      copyNumber: '000128',
      sendTo: zh ? ['省委办公厅', '省政府办公厅'] : ['Provincial Party Committee General Office', 'Provincial Government General Office'],
      copyTo: zh ? ['各地级以上市发展改革局'] : ['Development and reform bureaus of the prefecture-level cities'],
      copies: 60,
    },
    title: zh ? '2023年全省战略性产业集群发展情况' : 'The strategic industry clusters in 2023',
    editorNote: zh ? '现将2023年全省战略性产业集群主要数据及分析印发，供参考。' : 'The main figures of the clusters for 2023, with our reading of them, for reference.',
    blocks,
  };
}

/** Every figure of the content as it must print: in the main language (and English too, bilingual). */
function printedFigures(content: BulletinContent): string[] {
  const main = content.lang === 'en' ? 'en' : 'zh-CN';
  const out: string[] = [];
  for (const b of content.blocks) {
    const refs = b.type === 'paragraph' ? b.content.flatMap((i) => (i.type === 'figure' ? [i.accepted] : [])) : b.type === 'table' ? b.accepted : [];
    for (const f of refs) out.push(formatFigure(f, main), ...(content.lang === 'bilingual' ? [formatFigure(f, 'en')] : []));
  }
  return out;
}

/** The red pixels (BULLETIN_RED-ish) in the top part of page 1, drawn at 40 dpi. */
function redPixelsAtTop(file: string, fraction: number): number {
  const { width, height, at, data } = pagePixels(file, 1, 40);
  let red = 0;
  for (let i = at; i < at + width * Math.floor(height * fraction) * 3; i += 3) if (data[i]! > 150 && data[i + 1]! < 80 && data[i + 2]! < 80) red++;
  return red;
}

/**
 * What a store keeps at 签发 beyond the content's own snapshots: the entities each chart drew and the
 * sources they cite, as the live file had them then (the hook bulletin-figures.ts describes).
 */
function chartsAsIssued(content: BulletinContent): BulletinResolver {
  const live = liveResolver(db);
  const kept = new Map<string, ReturnType<BulletinResolver['entities']>>();
  for (const b of content.blocks) {
    if (b.type !== 'chart') continue;
    const ids = b.chart.kind === 'tiers' ? [] : b.chart.entityIds;
    kept.set(JSON.stringify(ids), structuredClone(live.entities(ids)));
  }
  const sources = new Map([...kept.values()].flat().flatMap((e) => e.sources).map((s) => [s.id, s]));
  return {
    figure: () => null,
    source: (id) => sources.get(id) ?? null,
    entities: (ids) => kept.get(JSON.stringify(ids)) ?? [],
  };
}

async function render(content: BulletinContent, resolver: BulletinResolver = liveResolver(db), name = `bulletin-${content.lang}`) {
  const rendered = await renderBulletin(db, content, resolver, NOW, ISSUE);
  const file = keepForInspection(rendered.pdf, name, path.join(ARTIFACTS, 'bulletin'));
  return { ...rendered, file };
}

describe('the 简报 as PDF', () => {
  for (const lang of ['zh', 'en', 'bilingual'] as const) {
    it(`an analyst's ${lang} issue prints its head, title, paragraphs, figures, notes and tail`, async () => {
      const content = issueContent(lang);
      const { file, model, pages } = await render(content);
      const text = squash(pdfText(file));
      const zh = lang !== 'en';
      // Found whole, or across a line or page break (superscript note numbers and page numbers drawn between the pieces).
      const words = bodyWords(file);
      const body = words.join('');
      const printed = (s: string): boolean => isPrinted(squash(s), body, words);

      // 报头
      for (const s of [content.frame.name, content.frame.unit, content.frame.marking, content.frame.copyNumber]) expect(printed(s), s).toBe(true);
      expect(text).toContain(squash(lang === 'zh' ? '第3期（总第15期）' : lang === 'en' ? 'No. 3 (No. 15 overall)' : '第3期（总第15期） No. 3 (No. 15 overall)'));
      expect(text).toContain(squash(zh ? '2026年11月28日' : '28 November 2026'));
      // 报核: title, 按语, numbered headings, every paragraph's words, every figure with qualifier and unit
      expect(text).toContain(squash(content.title));
      expect(text).toContain(squash(content.editorNote));
      expect(text).toContain(squash(zh ? '一、总体情况' : '1. Overview'));
      expect(text).toContain(squash(zh ? '（一）各集群产值档次' : '(1) Output tiers of the clusters'));
      expect(text).toContain(squash(zh ? '二、重点集群' : '2. Clusters to watch'));
      for (const b of content.blocks) if (b.type === 'paragraph') for (const i of b.content) if (i.type === 'text') expect(printed(i.text), i.text).toBe(true);
      for (const f of printedFigures(content)) expect(printed(f), f).toBe(true);
      expect(text).toContain(squash(zh ? '近3万亿元' : 'nearly 3 trillion yuan'));
      // Notes: the seeded article, once, at the end of the body
      const notes = model.blocks.find((b) => b.type === 'notes');
      expect(notes?.type === 'notes' && notes.items.length).toBe(1);
      expect(printed('Clusters of strategic and future industries mapped out for economic leadership'), 'note').toBe(true);
      // 报尾, with English labels in English issues and both in bilingual ones
      if (lang === 'zh') for (const s of ['报送：省委办公厅，省政府办公厅。', '抄送：各地级以上市发展改革局。', '共印60份']) expect(printed(s), s).toBe(true);
      else if (lang === 'en') for (const s of [`To: ${content.frame.sendTo.join('; ')}.`, `Cc: ${content.frame.copyTo[0]}.`, '60 copies printed']) expect(printed(s), s).toBe(true);
      else for (const s of ['报送（To）：省委办公厅，省政府办公厅。', '抄送（Cc）：各地级以上市发展改革局。', '共印60份（60 copies printed）']) expect(printed(s), s).toBe(true);
      expect(text.indexOf(squash(lang === 'zh' ? '共印60份' : '60 copies printed'))).toBeGreaterThan(text.indexOf(squash('Clusters of strategic')));

      // Every string the model prints is in the PDF, and nothing lies outside the GB/T 9704 type area.
      expect(missingStrings(file, model)).toEqual([]);
      expect(wordsOutside(file, BULLETIN_PAGE)).toEqual([]);
      // The tail at the foot of the last page, as GB/T 9704 sets the 版记; no word printed over another (the charts' legends and labels).
      expect(tailPlacement(file, model, BULLETIN_PAGE)).toEqual([]);
      expect(overlappingWords(file)).toEqual([]);
      // Fonts: the serif face for the body, the sans face for 黑体 headings, both embedded.
      const fonts = pdfFonts(file);
      expect(fonts.some((f) => f.name.includes('NotoSerifSC') && f.embedded)).toBe(true);
      expect(fonts.some((f) => f.name.includes('NotoSansSC') && f.embedded)).toBe(true);
      expect(pages).toBe(pdfPages(file));
      pageToPng(file, 1, `bulletin/bulletin-${lang}-page1`, 60);
    }, 120_000);
  }

  it('sets the tail at the foot of the last page wherever the body ends: beside the body, or whole on a page of its own', async () => {
    // One-line paragraphs, one more each time: the body's end sweeps down page 2 and over its foot —
    // the tail fits below the body, then moves whole to page 3, once when the body fills page 2 to
    // within the space kept above the tail (pdfmake drops that space at a page's head).
    // Every other issue ends with a heading (an empty last section): it goes with the tail when the tail moves.
    const base = issueContent('zh');
    const seen = new Set<string>();
    for (let n = 22; n <= 36; n++) {
      const paragraphs: BulletinBlock[] = Array.from({ length: n }, (_, k) => ({ type: 'paragraph', content: [t(`第${k + 1}段，集群发展态势良好。`)] }));
      const blocks: BulletinBlock[] = n % 2 === 1 ? [...paragraphs, { type: 'heading', level: 1, text: '下一步工作' }] : paragraphs;
      const { file, model, pages } = await render({ ...base, blocks }, liveResolver(db), `tail-sweep-${n}`);
      expect(tailPlacement(file, model, BULLETIN_PAGE), `${n} paragraphs`).toEqual([]);
      expect(strandedLines(file, model, BULLETIN_PAGE), `${n} paragraphs`).toEqual([]);
      expect(missingStrings(file, model), `${n} paragraphs`).toEqual([]);
      seen.add(squash(pdfTextIn(file, pages!, { x: 0, y: 0, width: BULLETIN_PAGE.width, height: BULLETIN_PAGE.height })).includes('段') ? 'beside the body' : 'on a page of its own');
    }
    expect([...seen].sort()).toEqual(['beside the body', 'on a page of its own']);
  }, 180_000);

  it('sets the tail at the foot of the page after one the body filled, with no page left blank (an issue a random seed found)', async () => {
    // Random issue 14 of seed 929840150, shortened to the blocks it needs: its notes end at the very
    // foot of page 3 and the space after them moves on to page 4, so the tail begins page 4 with its
    // space above kept. Taken for a tail whose space pdfmake had dropped, it broke the page again:
    // page 4 blank and the tail 24 pt short of page 5's foot.
    const content = BulletinContent.parse(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'bulletin-tail-after-a-full-page.json'), 'utf8')));
    const { file, model, pages } = await render(content, liveResolver(db), 'tail-after-a-full-page');
    expect(pages).toBe(4);
    expect([...tailPlacement(file, model, BULLETIN_PAGE), ...emptyPages(file, BULLETIN_PAGE), ...missingStrings(file, model)]).toEqual([]);
  }, 120_000);

  it('keeps a heading with the tall chart it introduces, wherever the heading falls: the chart leaves room for it on its page', async () => {
    // The tier chart of every cluster, in both languages, is nearly a page tall; one more paragraph each time takes the
    // heading before it down page 1 and over its foot. Drawn with room for its caption alone, the chart
    // went on to the next page and left the heading by itself on a page (found on a random seed, 927430329).
    const base = issueContent('bilingual');
    for (let n = 4; n <= 16; n++) {
      const paragraphs: BulletinBlock[] = Array.from({ length: n }, (_, k) => ({ type: 'paragraph', content: [t(`第${k + 1}段，集群发展态势良好。`)] }));
      const blocks: BulletinBlock[] = [...paragraphs, { type: 'heading', level: 1, text: '各集群产值档次' }, { type: 'chart', chart: { kind: 'tiers' }, caption: '图1 各集群年产值' }];
      const { file, model } = await render({ ...base, blocks }, liveResolver(db), `chart-sweep-${n}`);
      expect(strandedLines(file, model, BULLETIN_PAGE), `${n} paragraphs`).toEqual([]);
      expect(pageHolding(file, '各集群产值档次', BULLETIN_PAGE), `${n} paragraphs`).toBe(pageHolding(file, '图1各集群年产值', BULLETIN_PAGE));
    }
  }, 180_000);

  it('sets a chart’s legend of several rows above its plot: no word of a bilingual trend of five clusters or of the tier chart prints over another', async () => {
    // The legend wrapped by ECharts' own estimate with room kept for one row: the second and third rows ran over the plot's labels (a random seed, 928681668).
    const base = issueContent('bilingual');
    const entityIds = ['electronics-it', 'software-information-services', 'new-energy', 'digital-creativity', 'precision-instruments'];
    // A year before the seeded 2023, so that the trend is drawn as lines with a legend.
    let sourceId: number | null = null;
    for (const entityId of entityIds) {
      const figure = { scope: 'entity' as const, entityId, metric: 'output_value' as const, value: 900, unit: '100m_yuan' as const, qualifier: 'about' as const, period: '2022', sourceId, sourceQuote: null, note: null };
      const saved = saveFigure(db, sourceId === null ? { figure, newSource: { title: '监测调查', publisher: '专班', author: null, publishedOn: '2024-03-15', url: null, excerpt: null } } : { figure });
      sourceId = saved.sourceId;
    }
    const blocks: BulletinBlock[] = [
      { type: 'chart', chart: { kind: 'trend', metric: 'output_value', entityIds }, caption: '图1 五个集群的年产值' },
      { type: 'chart', chart: { kind: 'tiers' }, caption: '图2 各集群年产值' },
    ];
    const { file, model } = await render({ ...base, blocks }, liveResolver(db), 'legend-rows');
    expect(model.blocks.flatMap((b) => (b.type === 'chart' ? [b.spec.kind] : []))).toEqual(['trend', 'output']);
    expect(missingStrings(file, model)).toEqual([]);
    expect(overlappingWords(file)).toEqual([]);
  }, 120_000);

  it('compares the values of a trend chart whose clusters have one period on record, a labelled bar each, rather than drawing a column of dots that hide each other', async () => {
    // On the seeded data every cluster has 2023 alone: five "over 1 trillion" were one dot.
    const entityIds = ['electronics-it', 'green-petrochemicals', 'smart-home-appliances', 'automobiles', 'advanced-materials'];
    for (const lang of ['zh', 'bilingual'] as const) {
      const blocks: BulletinBlock[] = [{ type: 'chart', chart: { kind: 'trend', metric: 'output_value', entityIds }, caption: '图1 五个集群的年产值' }];
      const { file, model } = await render({ ...issueContent(lang), blocks }, liveResolver(db), `one-period-trend-${lang}`);
      const chart = model.blocks.find((b) => b.type === 'chart');
      expect(chart?.type === 'chart' && chart.spec.kind === 'compare' ? chart.spec.rows.map((r) => r.period) : null).toEqual(['2023', '2023', '2023', '2023', '2023']);
      // Each cluster's name and value printed beside its bar.
      const text = squash(pdfText(file));
      for (const zh of ['新一代电子信息', '绿色石化', '智能家电', '汽车', '先进材料']) expect(text, lang).toContain(squash(lang === 'zh' ? `${zh}（2023）` : zh));
      expect(text.split(lang === 'zh' ? '（2023）' : '(2023)').length - 1, lang).toBeGreaterThanOrEqual(5);
      expect(text.split(squash('超过1万亿元')).length - 1, lang).toBeGreaterThanOrEqual(5);
      expect(missingStrings(file, model)).toEqual([]);
      expect(overlappingWords(file)).toEqual([]);
    }
  }, 120_000);

  it('numbers sections itself: a number typed before a heading gives way to the issue’s own ("一、一、总体情况" before), and a heading that only starts with a figure keeps it', async () => {
    const headings: BulletinBlock[] = [
      { type: 'heading', level: 1, text: '一、总体情况' },
      { type: 'heading', level: 2, text: '（一）产值' },
      { type: 'heading', level: 1, text: '3. 存在的问题' },
      { type: 'heading', level: 2, text: '(2)增速' },
      { type: 'heading', level: 1, text: '1.5倍的增长' },
      { type: 'heading', level: 1, text: '2023年展望' },
    ];
    const { model } = await render({ ...issueContent('zh'), blocks: headings }, liveResolver(db), 'typed-numbers');
    const printed = model.blocks.flatMap((b) => (b.type === 'heading' && b.level < 3 ? [b.runs.map((r) => (r.t === 'text' ? r.text : '')).join('')] : []));
    expect(printed).toEqual(['一、总体情况', '（一）产值', '二、存在的问题', '（一）增速', '三、1.5倍的增长', '四、2023年展望']);
  }, 120_000);

  it('leaves a tail with nothing to print out of the document: the PDF drew two rules with nothing between (Word left it out already)', async () => {
    const content = { ...issueContent('zh'), frame: { ...issueContent('zh').frame, sendTo: [], copyTo: [], copies: null } };
    const { file, model } = await render(content, liveResolver(db), 'empty-tail');
    expect(model.blocks.some((b) => b.type === 'bulletinTail')).toBe(false);
    const last = pdfPages(file);
    const { words } = pdfWords(file);
    // Below the last word of the body (the notes), no rule is drawn on the last page.
    const bottom = Math.max(...words.filter((w) => w.page === last && w.yMin < BULLETIN_PAGE.height - BULLETIN_PAGE.bottom).map((w) => w.yMax));
    expect(horizontalRules(file, last, bottom + 2, BULLETIN_PAGE.height - BULLETIN_PAGE.bottom)).toEqual([]);
    expect(missingStrings(file, model)).toEqual([]);
  }, 120_000);

  it('turns an English name that wraps into lines of about one length, leaving no word alone on its line', async () => {
    // "Guangdong Strategic Industry Clusters / Bulletin" (简报 review).
    for (const name of ['Guangdong Strategic Industry Clusters Bulletin', 'Guangdong Strategic Industry Clusters Work Bulletin', 'Bulletin of the Provincial Task Force on Industry Clusters']) {
      const base = issueContent('en');
      const { file } = await render({ ...base, frame: { ...base.frame, name } }, liveResolver(db), 'head-name');
      const named = new Set(name.split(' '));
      // The name's words: set at 20 pt or more (a line 29 pt tall; the marking's is 20), at the top of page 1.
      const words = pdfWords(file).words.filter((w) => w.page === 1 && w.yMin < 260 && w.yMax - w.yMin > 25 && named.has(w.text));
      const lines = [...new Set(words.map((w) => Math.round(w.yMin / 4)))].sort((a, b) => a - b).map((y) => words.filter((w) => Math.round(w.yMin / 4) === y).sort((a, b) => a.xMin - b.xMin).map((w) => w.text));
      expect(lines.flat().join(' '), name).toBe(name);
      expect(lines.length, name).toBe(2);
      for (const l of lines) expect(l.length, `${name}: ${l.join(' ')}`).toBeGreaterThanOrEqual(2);
    }
    // A Chinese name set to fit its line stays on it (turned, "广东省战略性产业集群 / 工作简报" broke the 红头 in two).
    const { file } = await render(issueContent('zh'), liveResolver(db), 'head-name-zh');
    const head = pdfWords(file).words.filter((w) => w.page === 1 && w.yMin < 260 && w.yMax - w.yMin > 25);
    expect(new Set(head.map((w) => Math.round(w.yMin / 4))).size).toBe(1);
    expect(head.map((w) => w.text).join('')).toBe(issueContent('zh').frame.name);
  }, 120_000);

  it('prints the name and rule of the head in red, and page numbers "— n —" at the outside edge of each page', async () => {
    const { file } = await render(issueContent('zh'));
    expect(redPixelsAtTop(file, 0.35)).toBeGreaterThan(200);
    const { pages, words } = pdfWords(file);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= pages.length; p++) {
      const band = words.filter((w) => w.page === p && w.yMin > BULLETIN_PAGE.height - BULLETIN_PAGE.bottom);
      expect(band.map((w) => w.text).join(' ')).toBe(`— ${p} —`);
      const middle = BULLETIN_PAGE.width / 2;
      if (p % 2 === 1) expect(Math.min(...band.map((w) => w.xMin))).toBeGreaterThan(middle);
      else expect(Math.max(...band.map((w) => w.xMax))).toBeLessThan(middle);
    }
  }, 120_000);

  it('refuses to print an issue whose figure was deleted, naming the section and paragraph, in both languages', async () => {
    const content = issueContent('zh');
    const share = seeded({ scope: 'strategic_clusters', metric: 'gdp_share' });
    setItemDeleted(db, { targetType: 'figure', targetId: String(share) }, true);
    const refusal = await renderBulletin(db, content, liveResolver(db), NOW, ISSUE).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(AppError);
    const error = refusal as AppError;
    expect(error.code).toBe('BULLETIN_BROKEN_REFERENCE');
    expect(error.details).toMatchObject({ section: 1, index: 1, block: 'paragraph', what: 'figure', id: share });
    expect(describeError(error.toPayload(), 'zh-CN')).toContain('第1节第1段');
    expect(describeError(error.toPayload(), 'en')).toContain('section 1, paragraph 1');
    // In the table of section 2 too, once the paragraphs no longer refer to it.
    const withoutParagraphRef = { ...content, blocks: content.blocks.map((b) => (b.type === 'paragraph' ? { ...b, content: b.content.filter((i) => i.type !== 'figure' || i.figureId !== share) } : b)) };
    const tableRefusal = await renderBulletin(db, withoutParagraphRef, liveResolver(db), NOW, ISSUE).catch((e: unknown) => e);
    expect(describeError((tableRefusal as AppError).toPayload(), 'zh-CN')).toContain('第2节第1个表格');
  }, 60_000);

  it('an issued (frozen) bulletin prints the same text, charts too, after the figures it cites changed or were deleted', async () => {
    const content = issueContent('zh');
    const issued = chartsAsIssued(content);
    const before = await render(content, frozenResolver(content, issued), 'bulletin-frozen-before');
    // A figure the trend chart draws changes too.
    const robots2022 = (db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots' AND period = '2022'`).get() as { id: number }).id;
    saveFigure(db, { id: robots2022, figure: { scope: 'entity', entityId: 'smart-robots', metric: 'output_value', value: 90, unit: '100m_yuan', qualifier: 'exact', period: '2022', sourceId: null, sourceQuote: null, note: null } });
    const revenue = seeded({ scope: 'emerging_clusters', metric: 'revenue' });
    const f = liveResolver(db).figure(revenue)!;
    saveFigure(db, { id: revenue, figure: { scope: 'emerging_clusters', entityId: null, metric: 'revenue', value: 31000, unit: '100m_yuan', qualifier: 'about', period: '2023', sourceId: f.sourceId, sourceQuote: f.sourceQuote, note: null } });
    const live = squash(pdfText((await render(content, liveResolver(db), 'bulletin-live-after')).file));
    expect(live).toContain(squash('约3.1万亿元'));
    expect(live).toContain(squash('90亿元'));
    setItemDeleted(db, { targetType: 'figure', targetId: String(seeded({ scope: 'strategic_clusters', metric: 'gdp_share' })) }, true);
    const after = await render(content, frozenResolver(content, issued), 'bulletin-frozen-after');
    expect(pdfText(after.file)).toBe(pdfText(before.file));
    expect(squash(pdfText(after.file))).toContain(squash('近3万亿元'));
    // The table's frozen rows are the values the analyst accepted, not the data file's.
    const table = content.blocks.find((x): x is Extract<BulletinBlock, { type: 'table' }> => x.type === 'table')!;
    expect(table.accepted.map((x) => formatFigure(fromSnapshot(x), 'zh-CN'))).toContain('近3万亿元');
  }, 120_000);

  it('prints characters the serif face lacks in the other faces, and refuses one no font has, naming the paragraph', async () => {
    const rare = '镕 堃 喆 昇 · Ωμέγα · Жуков · 🚀';
    const content: BulletinContent = { ...issueContent('zh'), blocks: [{ type: 'heading', level: 1, text: '人名' }, { type: 'paragraph', content: [t(rare)] }] };
    const { file, model } = await render(content, liveResolver(db), 'bulletin-rare-characters');
    expect(squash(pdfText(file))).toContain(squash(rare));
    expect(missingStrings(file, model)).toEqual([]);
    const unprintable: BulletinContent = { ...content, blocks: [{ type: 'heading', level: 1, text: '人名' }, { type: 'paragraph', content: [t('私用区字符 \uE000')] }] };
    await expect(renderBulletin(db, unprintable, liveResolver(db), NOW, ISSUE)).rejects.toMatchObject({ code: 'BRIEFING_MISSING_GLYPHS', details: { characters: expect.stringContaining('U+E000'), where: '第1节第1段 · 正文' } });
  }, 60_000);

  it('refuses content that breaks its schema, naming the field, before reading any figure', async () => {
    const bad = { ...issueContent('zh'), title: '' };
    await expect(renderBulletin(db, bad, liveResolver(db), NOW, ISSUE)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { where: 'bulletin.title' } });
    const badBlock = { ...issueContent('zh'), blocks: [{ type: 'heading', level: 3, text: '三级标题' }] };
    await expect(renderBulletin(db, badBlock, liveResolver(db), NOW, ISSUE)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('breaks the line around an English figure value glued to Latin words of up to 60 letters on both sides, never inside the value', async () => {
    const [revenue, robots] = [seeded({ scope: 'emerging_clusters', metric: 'revenue' }), seeded({ entityId: 'smart-robots', metric: 'output_value' })];
    // The analyst typed no space around the figures: a word that fits a line, but not with the value after it, and one wider than a line.
    const glued = (word: string): BulletinBlock => ({ type: 'paragraph', content: [t(`Revenue ${word}`), ref(revenue), t(word), ref(robots), t(`${word}.`)] });
    // (No paragraph begins with the long word: pdfmake cuts a first word wider than the line without counting the first-line indent, a separate defect.)
    const blocks = [20, 30, 40, 60].map((n) => glued('abcdefghij'.repeat(6).slice(0, n)));
    for (const lang of ['en', 'bilingual'] as const) {
      const content: BulletinContent = { ...issueContent(lang), blocks };
      const rendered = await renderBulletin(db, content, liveResolver(db), NOW, ISSUE);
      const file = keepForInspection(rendered.pdf, `glued-${lang}`, path.join(ARTIFACTS, 'bulletin'));
      expect([...missingStrings(file, rendered.model), ...wordsOutside(file, BULLETIN_PAGE)]).toEqual([]);
      // Each value prints whole on one line (its words in order, with their spaces): no line break falls inside one.
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      const lines = text.slice(0, text.lastIndexOf('hij.')); // the paragraphs, not the quotations among the notes
      for (const id of [revenue, robots]) {
        const value = formatFigure(liveResolver(db).figure(id)!, 'en');
        expect(value).toContain(' ');
        const count = (text: string): number => text.split(value).length - 1;
        expect(count(lines), `"${value}" on one line`).toBeGreaterThanOrEqual(blocks.length);
        expect(count(lines), `"${value}" never across a line break`).toBe(count(lines.replace(/\s+/g, ' ')));
      }
    }
  }, 120_000);

  it('numbers sections in Chinese numerals', () => {
    expect([1, 9, 10, 11, 20, 21, 99, 100, 105, 110, 999].map(zhNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '九百九十九']);
  });
});

describe('the 简报 as PDF: what pasted text did (cases random seeds found)', () => {
  /** Every problem the property looks for, in one 简报 of the given language, frame and blocks. */
  async function problemsOf(name: string, lang: Lang, change: (c: BulletinContent) => BulletinContent): Promise<string[]> {
    const rendered = await renderBulletin(db, change(issueContent(lang)), liveResolver(db), NOW, ISSUE);
    const file = keepForInspection(rendered.pdf, name, tempDir('cluster-brief-bulletin-cases-'));
    return [...missingStrings(file, rendered.model), ...wordsOutside(file, BULLETIN_PAGE), ...strandedLines(file, rendered.model, BULLETIN_PAGE), ...tailPlacement(file, rendered.model, BULLETIN_PAGE), ...overlappingWords(file), ...emptyPages(file, BULLETIN_PAGE)].map((p) => `${p.what}: ${p.detail}`);
  }

  it('an office in 抄送 pasted with a long address prints inside the page: the list’s text column was "*", which pdfmake never cuts (seed 11)', async () => {
    const copyTo = ['省发展改革委', `数、${'A'.repeat(64)}集群…核对`, 'https://stats.gd.gov.cn/tjgb/content/post_4412345678901234567890.html'];
    for (const lang of ['zh', 'en'] as const) expect(await problemsOf(`tail-url-${lang}`, lang, (c) => ({ ...c, frame: { ...c.frame, copyTo } })), lang).toEqual([]);
  });

  it('a quote pasted as thousands of line breaks and invisible joiners prints no blank pages: empty lines in a row print as one (seed 3333)', async () => {
    const text = `审${'\u200b\n\u200c\n'.repeat(1200)}结束`;
    expect(await problemsOf('blank-lines', 'bilingual', (c) => ({ ...c, blocks: [...c.blocks, { type: 'quote', sourceId: 1, text }] }))).toEqual([]);
  });

  it('a paragraph of 175 closing quotes after a letter prints broken inside the page: in English each quote was a run of its own, a word pdfmake never cuts; in Chinese pdfmake’s own cuts were indented and ran past the margin (seed 777)', async () => {
    const text = `Z${'”'.repeat(175)}数近增加值`;
    for (const lang of ['en', 'zh'] as const) expect(await problemsOf(`quotes-${lang}`, lang, (c) => ({ ...c, blocks: [...c.blocks, { type: 'paragraph', content: [{ type: 'text', text }] }] })), lang).toEqual([]);
  });

  it('a heading with nothing under it goes with the next heading’s section: “(1) Zb” stood alone at a page’s foot when the section after it went over (seed 101)', async () => {
    const line: BulletinBlock = { type: 'paragraph', content: [{ type: 'text', text: '广东省战略性产业集群发展态势良好，产业链条不断完善。' }] };
    const chain: BulletinBlock[] = [
      { type: 'heading', level: 2, text: 'Zb' },
      { type: 'heading', level: 1, text: '集' },
      line,
      { type: 'heading', level: 2, text: '数 Жизнь' },
      line,
      line,
    ];
    const problems: string[] = [];
    // More paragraphs before it each time: the chain meets a page's end somewhere.
    for (let more = 0; more <= 22; more++) {
      const found = await problemsOf(`empty-section-${more}`, 'zh', (c) => ({ ...c, blocks: [...c.blocks.slice(0, 2), ...Array.from({ length: more }, () => line), ...chain, ...c.blocks.slice(2)] }));
      if (found.length) problems.push(`+${more}: ${found.join('; ')}`);
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('five headings with nothing between them before the tier chart all print on the chart’s page: the chart is drawn shorter to leave them room (seed 777, the first alone on a page)', async () => {
    const long = 'Δ 12.5% 3万亿元 '.repeat(12);
    const chain: BulletinBlock[] = [
      { type: 'heading', level: 1, text: '集产展进工业重' },
      { type: 'heading', level: 2, text: '群工进重' },
      { type: 'heading', level: 1, text: '进群展重群作工作进产业集' },
      { type: 'heading', level: 2, text: long },
      { type: 'heading', level: 1, text: '审' },
      { type: 'chart', caption: '产a良省', chart: { kind: 'tiers' } },
    ];
    const line: BulletinBlock = { type: 'paragraph', content: [{ type: 'text', text: '广东省战略性产业集群发展态势良好，产业链条不断完善。' }] };
    const problems: string[] = [];
    for (const lang of ['en', 'zh'] as const) {
      // More paragraphs before it each time: the chain meets a page's end somewhere.
      for (let more = 0; more <= 20; more += 4) {
        const found = await problemsOf(`chain-chart-${lang}-${more}`, lang, (c) => ({ ...c, blocks: [...c.blocks.slice(0, 2), ...Array.from({ length: more }, () => line), ...chain] }));
        if (found.length) problems.push(`${lang} +${more}: ${found.join('; ')}`);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('a tail of many short names (over 400 characters, under half a page) is kept whole at the last page’s foot, not run over with its first rule alone (seed 66)', async () => {
    const sendTo = Array.from({ length: 40 }, (_, i) => `省直单位${i + 1}`);
    const copyTo = Array.from({ length: 30 }, (_, i) => `市${i + 1}`);
    for (const lang of ['zh', 'en'] as const) {
      // Moved down the page by more paragraphs each time, so that the tail meets a page's end somewhere.
      for (const more of [0, 4, 8, 12]) {
        const paragraph: BulletinBlock = { type: 'paragraph', content: [{ type: 'text', text: '广东省战略性产业集群发展态势良好，产业链条不断完善，创新能力持续增强。'.repeat(3) }] };
        expect(await problemsOf(`tail-long-${lang}-${more}`, lang, (c) => ({ ...c, frame: { ...c.frame, sendTo, copyTo }, blocks: [...c.blocks, ...Array.from({ length: more }, () => paragraph)] })), `${lang} +${more}`).toEqual([]);
      }
    }
  }, 120_000);
});

const RUNS = Number(process.env.BULLETIN_PROPERTY_RUNS ?? 10);
const SEED = propertySeed('BULLETIN_PROPERTY_SEED', 766781303);

/**
 * Samples earlier random seeds failed on, replayed by fast-check's path (the sample's index in that seed's run):
 * - 1165063495, sample 2: "(1) 工群" alone on page 4 of an English issue, the paragraph under it (pasted
 *   runs of "AAAA…" and emoji, which wrap sooner than the keep rule's estimate) moved whole to page 5.
 * - 1165063495, sample 4: a 版记 estimated to fit a page moved to a page of its own and still ran over.
 * - 33, sample 3: a 版记 too long by the estimate, its first rule alone at the foot of page 6.
 */
const REPLAYS: [seed: number, path: string][] = [
  [1165063495, '1'],
  [1165063495, '3'],
  [33, '2'],
];

describe('the 简报 as PDF (property)', () => {
  it(`prints every string its model records, inside the type area, for random issues (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(randomIssues(`seed-${SEED}`), { numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: 0 });
  }, 600_000);

  it(`does so for the samples earlier seeds failed on (${REPLAYS.map(([seed, at]) => `${seed}:${at}`).join(', ')})`, async () => {
    for (const [seed, at] of REPLAYS) await fc.assert(randomIssues(`replay-${seed}-${at}`), { seed, path: at, numRuns: 1, endOnFailure: true, verbose: 0 });
  }, 300_000);

  /** A random issue in a random language, rendered and checked for every problem the cases above were found by. */
  function randomIssues(name: string) {
    const ids = (db.prepare(`SELECT id FROM figures WHERE deleted_at IS NULL`).all() as { id: number }[]).map((r) => r.id);
    const entityIds = (db.prepare(`SELECT id FROM entities WHERE deleted_at IS NULL`).all() as { id: string }[]).map((r) => r.id);
    const words = fc.oneof(
      fc.constantFrom('集群', '产值', '增长', '研判', 'GDP', '（', '）', '“', '”', '——', '；', 'trend', '2023年', ' ', '。'),
      fc.string({ unit: fc.constantFrom(...'广东省战略性新兴产业集群发展态势良好abcdefgXYZ0123456789 ，。、'), minLength: 1, maxLength: 40, size: 'max' }),
      // What an analyst pastes: emoji, joiners, soft hyphens, line breaks, long URLs and unbroken stretches, up to a caption's limit.
      textOf(200),
    );
    const inline: fc.Arbitrary<BulletinInline> = fc.oneof(
      words.map((s): BulletinInline => ({ type: 'text', text: s })),
      fc.constantFrom(...ids).map((id) => ref(id)),
    );
    const block: fc.Arbitrary<BulletinBlock> = fc.oneof(
      { arbitrary: fc.record({ level: fc.constantFrom(1 as const, 2 as const), text: fc.oneof(fc.string({ unit: fc.constantFrom(...'产业集群重点工作进展'), minLength: 1, maxLength: 30, size: 'max' }), textOf(200)) }).map((h): BulletinBlock => ({ type: 'heading', ...h })), weight: 2 },
      { arbitrary: fc.array(inline, { minLength: 1, maxLength: 30, size: 'max' }).map((content): BulletinBlock => ({ type: 'paragraph', content })), weight: 5 },
      { arbitrary: fc.subarray(ids, { minLength: 1, maxLength: 8 }).map((figureIds): BulletinBlock => ({ type: 'table', caption: '表', figureIds, accepted: figureIds.map((id) => snapshot(liveResolver(db).figure(id)!)) })), weight: 1 },
      {
        arbitrary: fc.record({ kind: fc.constantFrom('tiers' as const, 'trend' as const, 'compare' as const), entityIds: fc.subarray(entityIds, { minLength: 1, maxLength: 5 }), caption: words }).map(
          ({ kind, entityIds: chosen, caption }): BulletinBlock => ({ type: 'chart', caption, chart: kind === 'tiers' ? { kind } : { kind, metric: 'output_value', entityIds: chosen } }),
        ),
        weight: 1,
      },
      { arbitrary: fc.oneof(words, textOf(5000)).map((text): BulletinBlock => ({ type: 'quote', sourceId: 1, text })), weight: 1 },
    );
    const frame = fc.record({
      name: fc.oneof(fc.string({ unit: fc.constantFrom(...'广东省战略性产业集群工作简报 Bulletin'), minLength: 1, maxLength: 60, size: 'max' }), textOf(60)),
      unit: fc.oneof(fc.string({ unit: fc.constantFrom(...'省产业集群工作专班办公室 Office'), maxLength: 100, size: 'max' }), textOf(100)),
      marking: fc.oneof(fc.constant('内部资料 注意保存'), textOf(40)),
      copyNumber: fc.oneof(fc.constant(''), textOf(20)),
      sendTo: fc.array(fc.oneof(fc.string({ unit: fc.constantFrom(...'省委政府办公厅发展改革委 Office'), minLength: 1, maxLength: 100, size: 'max' }), textOf(100)), { maxLength: 50, size: 'max' }),
      copyTo: fc.array(textOf(100), { maxLength: 8 }),
      copies: fc.option(fc.integer({ min: 0, max: 100000 })),
    });
    let sample = 0;
    return fc.asyncProperty(fc.constantFrom<Lang>('zh', 'en', 'bilingual'), frame, fc.array(block, { minLength: 1, maxLength: 25, size: 'max' }), fc.record({ title: fc.oneof(fc.constant('关于产业集群发展情况的报告'), textOf(200)), editorNote: fc.oneof(fc.constant(''), textOf(5000)) }), async (lang, f, blocks, texts) => {
      sample++;
      const base = issueContent(lang);
      const content: BulletinContent = { ...base, frame: { ...base.frame, ...f }, blocks, ...texts };
      const rendered = await renderBulletin(db, content, liveResolver(db), NOW, ISSUE);
      const file = keepForInspection(rendered.pdf, `random-${sample}`, dir);
      const problems = [...missingStrings(file, rendered.model), ...wordsOutside(file, BULLETIN_PAGE), ...strandedLines(file, rendered.model, BULLETIN_PAGE), ...tailPlacement(file, rendered.model, BULLETIN_PAGE), ...overlappingWords(file), ...emptyPages(file, BULLETIN_PAGE)];
      expect(printedTexts(rendered.model).length).toBeGreaterThan(0);
      // The model the template built is one the schema accepts (what the Word writer will be given too).
      expect(BriefingDocument.safeParse(rendered.model).success).toBe(true);
      if (problems.length) {
        const kept = keepForInspection(rendered.pdf, `${name}-sample-${sample}`, path.join(ARTIFACTS, 'bulletin'));
        throw new Error(`${lang} (${kept}):\n${problems.slice(0, 12).map((p) => `  ${p.what}: ${p.detail}`).join('\n')}`);
      }
    });
  }
});
