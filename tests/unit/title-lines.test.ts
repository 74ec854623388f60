/**
 * A Chinese title that runs over one line turns "词意完整，排列对称" (GB/T 9704): between words, in
 * lines of about one length. On random titles built of this domain's words (fast-check, seed
 * printed): nothing is lost, every line fits, no term is split, no line starts with closing
 * punctuation. Then a 简报 with a long title, as PDF and as Word (printed by LibreOffice): the title
 * prints on the lines it was turned into, not 20 characters and then 6.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureText } from '../../electron/services/briefing/measure';
import { renderBriefing } from '../../electron/services/briefing/render';
import { BULLETIN_PAGE } from '../../electron/services/briefing/pdf';
import { CLOSING, OPENING, TERMS, titleLines, turnedTitle } from '../../electron/services/briefing/title-lines';
import type { Line } from '../../shared/document';
import { saveNewDraft } from '../../electron/services/bulletins/actions';
import { exportBulletin } from '../../electron/services/bulletins/export';
import type { DB } from '../../electron/services/db/open';
import { keepForInspection } from '../helpers/briefing-check';
import { openTemp } from '../helpers/files';
import { longBulletin } from '../helpers/long-bulletin';
import { officeConvert } from '../helpers/office';
import { ARTIFACTS } from '../helpers/pdf';
import { propertySeed } from '../helpers/seed';

const WIDTH = 450;
const measure = (t: string): number => measureText(t, 22, true, 'serif');
const WORDS = ['Guangdong ', 'industry ', 'clusters', ': ', ':', ', ', '%', ' · 2023', 'a ', 'briefing', '关于', '加快', '推进', '全省', '广东省', '2024年', '上半年', '运行', '情况', '监测', '分析', '的', '与', '和', '报告', '调研', '工作', '建议', '下一步', '发展', '示例', '：', '，', '（', '）', '《', '》', '“', '”', '重点', '企业', '培育', 'AI', '5G', ...TERMS];
const SEED = propertySeed('TITLE_LINES_SEED', 20261203);

describe('a long Chinese title, turned', () => {
  it(`keeps every character, fits every line, splits no term and starts no line with closing punctuation (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 24, size: 'max' }), (words) => {
        const title = words.join('');
        const lines = titleLines(title, WIDTH, measure);
        expect(lines.join('').replace(/\s+/g, '')).toBe(title.replace(/\s+/g, ''));
        if (measure(title) <= WIDTH) expect(lines).toEqual([title]);
        if (lines.length === 1) return;
        lines.forEach((line, i) => {
          expect(measure(line)).toBeLessThanOrEqual(WIDTH);
          // Where the title turns: the line after it starts with no closing mark, the line before it ends with no opening one.
          if (i > 0) expect(line).not.toMatch(CLOSING);
          if (i < lines.length - 1) expect(line).not.toMatch(OPENING);
        });
        // Each term's every occurrence lies within one line: no turn falls inside it.
        const turns = lines.slice(0, -1).reduce<number[]>((at, l) => [...at, (at.at(-1) ?? 0) + l.replace(/\s+/g, '').length], []);
        const squashed = title.replace(/\s+/g, '');
        for (const term of TERMS) for (let at = squashed.indexOf(term); at >= 0; at = squashed.indexOf(term, at + 1)) expect(turns.filter((t) => t > at && t < at + term.length), term).toEqual([]);
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it(`turns a line of several runs where it turns their text, each break in the run that holds it (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 24, size: 'max' }), fc.array(fc.nat(), { maxLength: 4 }), (words, cuts) => {
        const title = words.join('');
        const points = [...new Set(cuts.map((c) => c % (title.length + 1)))].sort((a, b) => a - b);
        const runs: Line = [0, ...points].map((from, i) => title.slice(from, points[i] ?? title.length)).filter(Boolean).map((text) => ({ t: 'text' as const, text }));
        const printed = turnedTitle(runs, WIDTH, measure).map((r) => (r.t === 'text' ? r.text : '')).join('');
        expect(printed.split('\n').map((l) => l.trim())).toEqual(titleLines(title, WIDTH, measure).map((l) => l.trim()));
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('turns between words into lines of about one length', () => {
    expect(titleLines('关于2024年上半年全省战略性产业集群运行情况的报告', WIDTH, measure)).toEqual(['关于2024年上半年全省', '战略性产业集群运行情况的报告']);
    expect(titleLines('智能机器人产业集群2024年第三季度运行监测分析与下一步工作建议', WIDTH, measure)).toEqual(['智能机器人产业集群2024年第三季度', '运行监测分析与下一步工作建议']);
    expect(titleLines('示例：2023年全省战略性产业集群发展情况', WIDTH, measure)).toEqual(['示例：2023年全省战略性产业集群发展情况']);
    // An English title turns at a space, in lines of about one length (the full report's cover printed "…clusters: a / briefing").
    expect(titleLines("Guangdong's industry clusters: a briefing", 483 * 0.97, (t) => measureText(t, 30, true))).toEqual(["Guangdong's industry", 'clusters: a briefing']);
  });
});

describe('a 简报 with a long title', () => {
  let db: DB;
  let id: number;
  const title = '关于2024年上半年全省战略性产业集群运行情况的报告';
  beforeEach(() => {
    db = openTemp().db;
    id = saveNewDraft(db, { ...longBulletin(db), title }).id;
  });
  afterEach(() => db.close());

  /** The printed lines of page 1 that hold the title's characters, squashed. */
  const titleLinesOf = (pdf: string): string[] =>
    execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.replace(/\s+/g, ''))
      .filter((l) => l.length > 3 && title.includes(l));

  it('prints it on the lines it was turned into, in the PDF and in Word', async () => {
    const expected = titleLines(title, (BULLETIN_PAGE.width - BULLETIN_PAGE.left - BULLETIN_PAGE.right) * 0.97, measure);
    expect(expected).toHaveLength(2);
    const pdf = await exportBulletin(db, id, 'pdf');
    const pdfFile = keepForInspection(pdf.bytes, 'long-title', path.join(ARTIFACTS, 'bulletin'));
    expect(titleLinesOf(pdfFile)).toEqual(expected);
    const word = await exportBulletin(db, id, 'docx');
    const docx = keepForInspection(word.bytes, 'long-title-word', path.join(ARTIFACTS, 'bulletin'), 'docx');
    const [printed] = officeConvert([docx], 'pdf', path.dirname(docx));
    expect(titleLinesOf(printed!)).toEqual(expected);
  }, 300_000);
});

describe('the English full report’s cover', () => {
  it('prints its title on the lines it was turned into', async () => {
    const { db } = openTemp();
    try {
      const { pdf } = await renderBriefing(db, { template: 'full', lang: 'en', entityIds: [], title: '', subtitle: '', author: '', marking: '' });
      const file = keepForInspection(pdf, 'full-en-cover', path.join(ARTIFACTS, 'briefing'));
      const lines = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim());
      expect(lines).toContain("Guangdong's industry");
      expect(lines).toContain('clusters: a briefing');
    } finally {
      db.close();
    }
  }, 120_000);

  it('turns the one-page brief’s headline labels between words ("营业收 / 入 · 2023" split a word)', async () => {
    const { db } = openTemp();
    try {
      const { pdf } = await renderBriefing(db, { template: 'one-page', lang: 'zh', entityIds: [], title: '', subtitle: '', author: '', marking: '' });
      const file = keepForInspection(pdf, 'one-page-labels', path.join(ARTIFACTS, 'briefing'));
      const lines = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.replace(/\s+/g, ''));
      expect(lines).toContain('营业收入·2023');
      expect(lines).toContain('增加值同比增长·2023');
    } finally {
      db.close();
    }
  }, 120_000);
});
