/**
 * Data checks (issue 12): what each check is called and means in both languages, and the findings
 * they return. Shared by the 数据核查 page, the dashboard card and `cluster-brief check`. Runs anywhere.
 */
import { z } from 'zod';
import { Bilingual, EntityId, RowId, Scope, Tier } from './domain';
import type { Lang } from './errors';
import { formatNumber } from './format';
import { MESSAGES } from './i18n';
import { personText } from './text';

export const CheckId = z.enum(['no_source', 'tier_mismatch', 'duplicate', 'series_gap', 'yoy_jump', 'percent_range', 'negative', 'parts_exceed_total', 'stale']);
export type CheckId = z.infer<typeof CheckId>;
export const CHECK_IDS = CheckId.options;

/** Each check's name and a one-line explanation: what it means and how to fix it. */
export const CHECK_TEXT: Record<CheckId, { name: Bilingual; hint: Bilingual }> = {
  no_source: {
    name: { zh: '缺少来源', en: 'No source' },
    hint: { zh: '这些数据没有注明来源。请在数据中补上出处（出版物、日期、原文），或删除无法核实的数据。', en: 'These figures cite no source. Add where each came from (publication, date, quoted sentence), or delete what cannot be verified.' },
  },
  tier_mismatch: {
    name: { zh: '产值档位不符', en: 'Tier disagrees with output' },
    hint: { zh: '产业的最新产值数据落在其产值档位之外。请更新档位，或核对产值数据。', en: "The industry's latest output-value figure falls outside its output tier. Update the tier, or check the figure." },
  },
  duplicate: {
    name: { zh: '重复数据', en: 'Duplicates' },
    hint: { zh: '同一对象、城市、指标和期间有多条数据（目标值与实际值分开比较）。请保留一条，删除其余。', en: 'More than one figure for the same entity, city, metric and period (targets apart from actual values). Keep one and delete the others.' },
  },
  series_gap: {
    name: { zh: '年度序列缺年', en: 'Gaps in a yearly series' },
    hint: { zh: '年度数据在首末年份之间缺少某些年份。请补录缺少的年份，或确认该年确无数据。', en: 'A yearly series misses years between its first and last. Add the missing years, or confirm there is no figure for them.' },
  },
  yoy_jump: {
    name: { zh: '同比异常波动', en: 'Year-on-year jump' },
    hint: { zh: '与上一年相比增至 3 倍以上、降至三分之一以下，或正负号反转（已按元/万元/亿元换算；百分比指标不在此列）。请核对单位和数值。', en: 'More than 3× or less than ⅓ of the year before, or the sign flipped (yuan, 10,000 yuan and 100 million yuan converted; percent metrics are left to the percent check). Check the unit and the value.' },
  },
  percent_range: {
    name: { zh: '百分比异常', en: 'Percent out of range' },
    hint: { zh: '百分比超过 100（可为负的指标低于 −100），或在其余都不小于 1 的序列中小于 1（可能把小数当成了百分数）。请核对数值。', en: 'A percentage above 100 (below −100 for a metric that may be negative), or below 1 in a series otherwise at 1 or more (a fraction typed as a percent?). Check the value.' },
  },
  negative: {
    name: { zh: '不应为负', en: 'Negative where not allowed' },
    hint: { zh: '该指标不能为负数，但数据为负。请改正数值，或在指标目录中注明它可以为负。', en: 'This metric cannot be negative, yet the figure is. Correct the value, or mark the metric as allowing negatives in the catalog.' },
  },
  parts_exceed_total: {
    name: { zh: '分项之和超过总量', en: 'Parts exceed the total' },
    hint: { zh: '各城市或各集群的数值之和超过了同一指标、同一期间的总量（总量为“超过”“不低于”的下限时不比较）。请核对分项和总量。', en: 'The cities or clusters add up to more than the total for the same metric and period (not compared when the total is a lower bound: over, at least). Check the parts and the total.' },
  },
  stale: {
    name: { zh: '数据过旧', en: 'Out of date' },
    hint: { zh: '该序列的最新数据早于两年前（按年份比较）。请补录新数据，或确认暂无更新。', en: "The series' latest figure is more than two years old (by year). Add newer figures, or confirm none exists yet." },
  },
};

/** One figure a finding is about, as it stood when the check ran. */
export const FindingFigure = z.object({ id: RowId, value: z.number(), unit: z.string(), period: z.string(), qualifier: z.string(), changedAt: z.string() });
export type FindingFigure = z.infer<typeof FindingFigure>;

/** What a check measured, for the words shown beside a finding. */
export const FindingFacts = z
  .object({
    missing: z.array(z.string()).optional(),
    ratio: z.number().optional(),
    signFlip: z.boolean().optional(),
    tier: Tier.optional(),
    figureTier: Tier.nullable().optional(),
    /** Parts and total in the series' base unit (元 for money). */
    sum: z.number().optional(),
    total: z.number().optional(),
    parts: z.number().int().optional(),
    below: z.enum(['fraction', 'range']).optional(),
  })
  .strict();
export type FindingFacts = z.infer<typeof FindingFacts>;

export const Acknowledgement = z.object({ note: z.string(), author: z.string(), at: z.string() });

export const Finding = z.object({
  checkId: CheckId,
  /** Stable key: the check's subject (series, entity…) and each figure's id, value, unit and period; an edit to any of them re-opens an acknowledged finding. */
  subject: z.string().min(1).max(2000),
  scope: Scope,
  entityId: EntityId.nullable(),
  entityName: Bilingual.nullable(),
  cityCode: z.string().nullable(),
  cityName: Bilingual.nullable(),
  metric: z.string(),
  metricName: Bilingual,
  period: z.string().nullable(),
  /** The offending figures (at most FINDING_FIGURES of them; figureCount says how many in all). */
  figures: z.array(FindingFigure),
  figureCount: z.number().int(),
  facts: FindingFacts,
  acknowledged: Acknowledgement.nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const FINDING_FIGURES = 50;

const FindingList = z.object({ total: z.number().int(), items: z.array(Finding) });

export const CheckResult = z.object({
  id: CheckId,
  name: Bilingual,
  hint: Bilingual,
  /** Open (unacknowledged) findings. */
  count: z.number().int(),
  open: FindingList,
  acknowledged: FindingList,
});
export type CheckResult = z.infer<typeof CheckResult>;

export const ChecksReport = z.object({ ranAt: z.string(), checks: z.array(CheckResult) });
export type ChecksReport = z.infer<typeof ChecksReport>;

/** Only how many findings each check has (the dashboard card): open and acknowledged. */
export const CheckCounts = z.object({
  ranAt: z.string(),
  checks: z.array(z.object({ id: CheckId, name: Bilingual, count: z.number().int(), acknowledged: z.number().int() })),
});
export type CheckCounts = z.infer<typeof CheckCounts>;

/** The most findings one list of a check's report holds (its `limit`), so the most one page can show of a check. */
export const FINDINGS_LISTED_MAX = 1000;
export const RunChecksInput = z.object({ limit: z.number().int().min(1).max(FINDINGS_LISTED_MAX).default(200) }).strict();
const Subject = z.string().min(1).max(2000);
export const FindingRef = z.object({ checkId: CheckId, subject: Subject }).strict();
/** The note a person writes when acknowledging a finding: why the number is right after all. */
const AcknowledgementNote = personText({ max: 2000 });
export const AcknowledgeInput = FindingRef.extend({ note: AcknowledgementNote }).strict();
/**
 * 确认本项全部: the open findings of one check as the page listed them (their subjects, at most what one
 * list holds), each acknowledged with the same note. A subject the check no longer finds open (its
 * figures were edited since, or it was acknowledged meanwhile) is left as it is and counted.
 */
export const AcknowledgeAllInput = z.object({ checkId: CheckId, subjects: z.array(Subject).min(1).max(FINDINGS_LISTED_MAX), note: AcknowledgementNote }).strict();
export const AcknowledgeAllResult = z.object({
  /** Acknowledged now, all in one change (one undo). */
  acknowledged: z.number().int().min(0),
  /** Listed, but no longer an open finding of the check: not acknowledged. */
  changed: z.number().int().min(0),
});
export type AcknowledgeAllResult = z.infer<typeof AcknowledgeAllResult>;

/** The measured part of a finding in words: "缺 2021、2022年", "×5.0", "合计 … > 总量 …". */
export function describeFacts(f: Pick<Finding, 'checkId' | 'facts' | 'figures' | 'figureCount' | 'period'>, lang: Lang): string {
  const zh = lang !== 'en';
  const n = (v: number): string => formatNumber(Number.parseFloat(v.toPrecision(4)), lang);
  const { facts } = f;
  if (facts.missing) return zh ? `缺 ${facts.missing.join('、')} 年` : `missing ${facts.missing.join(', ')}`;
  if (facts.signFlip) return zh ? '正负号反转' : 'sign flipped';
  if (facts.ratio !== undefined) return `×${n(facts.ratio)}`;
  if (facts.sum !== undefined && facts.total !== undefined) return zh ? `${facts.parts ?? 0} 项合计 ${n(facts.sum)} > 总量 ${n(facts.total)}` : `${facts.parts ?? 0} parts add up to ${n(facts.sum)} > total ${n(facts.total)}`;
  if (facts.tier) {
    const tiers = MESSAGES[lang].tier;
    return `${tiers[facts.tier]} → ${facts.figureTier ? tiers[facts.figureTier] : zh ? '低于各档' : 'below every tier'}`;
  }
  if (facts.below === 'fraction') return zh ? '疑为小数' : 'a fraction?';
  // The checks that measure nothing beyond the figures themselves still say what they found: a finding's
  // "found" column and its confirmation were blank for them.
  switch (f.checkId) {
    case 'no_source':
      return zh ? '没有来源' : 'no source';
    case 'duplicate':
      return zh ? `同一时期 ${f.figureCount} 条` : `${f.figureCount} figures for one period`;
    case 'negative':
      return zh ? '负值' : 'negative';
    case 'stale':
      return f.period ? (zh ? `最新数据为 ${f.period}` : `latest figure: ${f.period}`) : zh ? '数据过旧' : 'out of date';
    case 'percent_range':
      return zh ? '超出百分比的合理范围' : 'outside the range of a percentage';
    default:
      return zh ? '见所列数据' : 'see the figures listed';
  }
}

/** An acknowledgement as the change log keeps it (revision target 'finding'). */
export const AcknowledgementSnapshot = z.object({
  id: RowId,
  checkId: CheckId,
  subject: z.string().min(1).max(2000),
  note: z.string().min(1).max(2000),
  author: z.string(),
  at: z.string(),
  deletedAt: z.string().nullable(),
});
export type AcknowledgementSnapshot = z.infer<typeof AcknowledgementSnapshot>;
