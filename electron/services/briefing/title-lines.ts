/**
 * Where a Chinese title turns to its next line. GB/T 9704 asks of a title that runs over one line that
 * it turn "词意完整，排列对称，长短适宜": between words, in lines of about the same length. A line breaker
 * breaks Chinese after any character, so a 简报 title of 26 characters at 22 pt printed 20 on its first
 * line and 6 on the second, and could split a word (智能机器|人, 调|研).
 *
 * The places a title may turn are the word boundaries of the system's segmenter (ICU, Intl.Segmenter),
 * but never between a single character it left alone and the word it belongs to (广东|省, 战略|性,
 * 机器|人, 超|高清: ICU's dictionary splits these), unless that character is a function word (的, 与,
 * 和, …); never inside a term of this domain (a cluster's name, 产业集群, 第三季度); never before
 * closing punctuation or after opening punctuation. Of the ways to set the title in the fewest lines
 * that fit, the one whose lines are most alike in length is taken, a turn after punctuation or a
 * function word preferred. A title with no such way is left to the line breaker. An English title
 * turns at its spaces, the same way: "Guangdong's industry clusters: a / briefing" was the cover's.
 */

import type { Line } from '../../../shared/document';

const HAN = /\p{Script=Han}/u;
/** Punctuation that never begins a line, and punctuation that never ends one. */
export const CLOSING = /^[\p{Pe}\p{Pf}，。、：；！？…—·,.:;!?%]/u;
export const OPENING = /[\p{Ps}\p{Pi}·]$/u;
/** Function words: a turn beside them keeps the words on either side whole. */
const FUNCTION_WORDS = new Set(['的', '与', '和', '及', '暨', '并', '对', '在', '为', '之', '以', '或', '关于']);
/** Characters that end a word they are written after. */
const SUFFIXES = new Set([...'性化省市县区镇村年月日人型式类级者员度率量业家界期届次份个类品器物局厅部委办处']);
const AFTER_PUNCTUATION = /[，、：；。！？）》」』”]$/u;
/**
 * Terms of this domain a title never splits, though the segmenter gives them as two or three words:
 * the names of the 20 clusters and 7 future industries, and the words around them.
 */
export const TERMS = [
  '新一代电子信息', '绿色石化', '智能家电', '先进材料', '现代轻工纺织', '软件与信息服务', '现代农业与食品', '超高清视频显示', '生物医药与健康', '新能源',
  '数字创意', '半导体与集成电路', '高端装备制造', '前沿新材料', '激光与增材制造', '安全应急与环保', '精密仪器设备', '智能机器人', '区块链与量子信息', '未来网络',
  '通用智能', '生命健康', '低碳能源', '未来空间', '量子科技',
  '战略性支柱产业集群', '战略性新兴产业集群', '战略性产业集群', '产业集群', '未来产业', '高质量发展', '地区生产总值', '增加值', '营业收入', '同比增长',
  '上半年', '下半年', '第一季度', '第二季度', '第三季度', '第四季度', '一季度', '二季度', '三季度', '四季度', '前三季度',
];

let segmenter: Intl.Segmenter | undefined;

/** The title's lines, each no wider than `width` by `measure`; the title as one line when it fits or cannot be turned well. */
export function titleLines(title: string, width: number, measure: (text: string) => number): string[] {
  const turns = turnOffsets(title, width, measure);
  return turns.length === 0 ? [title] : [0, ...turns].map((from, i) => title.slice(from, turns[i] ?? title.length).trim());
}

/** Where the title turns: the offsets (UTF-16 units) its lines after the first begin at; none when it fits or cannot be turned well. */
function turnOffsets(title: string, width: number, measure: (text: string) => number): number[] {
  if (title.includes('\n') || measure(title) <= width) return [];
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const words = [...segmenter.segment(title)].map((s) => s.segment);
  // Offsets (in UTF-16 units) inside a term, where no line may turn.
  const inside = new Set<number>();
  for (const term of TERMS) for (let at = title.indexOf(term); at >= 0; at = title.indexOf(term, at + 1)) for (let i = at + 1; i < at + term.length; i++) inside.add(i);
  const offsets = words.map((_, k) => words.slice(0, k + 1).join('').length);
  const lone = (w: string | undefined): boolean => w !== undefined && [...w].length === 1 && HAN.test(w) && !FUNCTION_WORDS.has(w);
  // Where a line may end: after word k (k = 0 … n-2), with the cost of turning there.
  const turns = new Map<number, number>();
  for (let k = 0; k < words.length - 1; k++) {
    const [here, next] = [words[k]!, words[k + 1]!];
    // (A space is looked through: "增长 · 2023" keeps its "· 2023".)
    if (CLOSING.test(next) || OPENING.test(words.slice(0, k + 1).join('').trimEnd()) || /^\s+$/.test(next)) continue;
    // A character the segmenter left alone belongs with the word before it if it is a suffix (广东省, 战略性,
    // 机器人, 2024年), else with the word after it (全省, 超高清, 调研).
    if ((lone(here) && !SUFFIXES.has(here)) || (lone(next) && SUFFIXES.has(next)) || inside.has(offsets[k]!)) continue;
    if (/[\p{L}\p{N}]$/u.test(here) && /^[\p{L}\p{N}]/u.test(next) && !HAN.test(here.slice(-1)) && !HAN.test(next[0]!)) continue;
    turns.set(k, AFTER_PUNCTUATION.test(here) || FUNCTION_WORDS.has(here) || FUNCTION_WORDS.has(next) ? 0 : 1);
  }
  const text = (from: number, to: number): string => words.slice(from, to + 1).join('').trim();
  // best[k]: the fewest lines, then the least cost, for words 0…k with a turn after k.
  type Best = { lines: number; cost: number; prev: number };
  const best: (Best | undefined)[] = [];
  const ends = [...turns.keys(), words.length - 1];
  for (const end of ends) {
    for (const start of [-1, ...turns.keys()]) {
      if (start >= end) break;
      const before = start < 0 ? { lines: 0, cost: 0 } : best[start];
      if (!before) continue;
      const used = measure(text(start + 1, end));
      if (used > width) continue;
      const slack = (width - used) / width;
      const candidate = { lines: before.lines + 1, cost: before.cost + slack * slack + (end < words.length - 1 ? turns.get(end)! * 0.02 : 0), prev: start };
      const current = best[end];
      if (!current || candidate.lines < current.lines || (candidate.lines === current.lines && candidate.cost < current.cost)) best[end] = candidate;
    }
  }
  const found: number[] = [];
  for (let b = best[words.length - 1]; b && b.prev >= 0; b = best[b.prev]) found.unshift(offsets[b.prev]!);
  return best[words.length - 1] ? found : [];
}

/**
 * A title's (or a label's) runs with its turns as line breaks, each at the turn's place in whichever run
 * holds it, the spaces around it dropped; runs of a line with a note number are left as they are.
 */
export function turnedTitle(runs: Line, width: number, measure: (text: string) => number): Line {
  if (!runs.every((r) => r.t === 'text')) return runs;
  const whole = runs.map((r) => (r.t === 'text' ? r.text : '')).join('');
  const turns = turnOffsets(whole, width, measure);
  if (turns.length === 0) return runs;
  let start = 0;
  return runs.map((r) => {
    if (r.t !== 'text') return r;
    const end = start + r.text.length;
    let text = r.text;
    // From the last turn in this run back, so the offsets before it stay put.
    for (const at of turns.filter((t) => t > start && t < end).reverse()) text = `${text.slice(0, at - start).trimEnd()}\n${text.slice(at - start).trimStart()}`;
    // A turn where this run begins: the line break goes at its start.
    if (turns.includes(start) && start > 0) text = `\n${text.trimStart()}`;
    if (turns.includes(end)) text = text.trimEnd();
    start = end;
    return { ...r, text };
  });
}
