/**
 * `cluster-brief check [--json] [--lang zh|en]`: every data check over the data file, for people
 * and for scripts. Exit status: 0 when no finding is open (acknowledged ones do not count), 1 when
 * any is, 2 on an error (the file missing or damaged, a wrong option).
 */
import { describeFacts, type CheckResult, type Finding } from '../../shared/checks';
import { describeErrorBilingual, toErrorPayload, type Lang } from '../../shared/errors';
import { runChecks } from '../services/checks/run';
import { openDataFile } from '../services/db/open';
import type { Io } from './main';

/** Findings listed per check in the text report (--json lists up to 1000). */
const SHOWN = 20;

export function checkCommand(file: string, options: { json: boolean; lang?: string | undefined }, io: Io, now: Date = new Date()): number {
  const lang: Lang | null = options.lang === undefined || options.lang === 'zh' || options.lang === 'zh-CN' ? 'zh-CN' : options.lang === 'en' ? 'en' : null;
  if (lang === null) {
    io.err(`无效的参数 / invalid option: --lang zh|en\n`);
    return 2;
  }
  try {
    const db = openDataFile(file, { readOnly: true, busyTimeoutMs: 2000 });
    try {
      const report = runChecks(db, { now, limit: options.json ? 1000 : SHOWN });
      const open = report.checks.reduce((n, c) => n + c.count, 0);
      io.out(options.json ? `${JSON.stringify({ open, ...report }, null, 2)}\n` : textReport(report.checks, open, lang));
      return open > 0 ? 1 : 0;
    } finally {
      db.close();
    }
  } catch (error) {
    const payload = toErrorPayload(error);
    if (payload.details && 'path' in payload.details && !payload.details.path) payload.details.path = file;
    io.err(`${describeErrorBilingual(payload)}\n`);
    return 2;
  }
}

function textReport(checks: CheckResult[], open: number, lang: Lang): string {
  const zh = lang !== 'en';
  const word = (b: { zh: string; en: string }): string => (zh ? b.zh : b.en);
  const lines: string[] = [];
  for (const c of checks) {
    const acknowledged = c.acknowledged.total > 0 ? (zh ? `（已确认 ${c.acknowledged.total}）` : ` (${c.acknowledged.total} acknowledged)`) : '';
    lines.push(`${c.count > 0 ? '✗' : '✓'} ${word(c.name)}: ${c.count}${acknowledged}`);
    if (c.count === 0) continue;
    lines.push(`  ${word(c.hint)}`);
    for (const f of c.open.items) lines.push(`  - ${findingLine(f, lang)}`);
    if (c.open.total > c.open.items.length) lines.push(zh ? `  …另有 ${c.open.total - c.open.items.length} 条` : `  … and ${c.open.total - c.open.items.length} more`);
  }
  lines.push(open === 0 ? (zh ? '全部核查通过。' : 'All checks pass.') : zh ? `共 ${open} 条待处理的核查结果。` : `${open} open findings.`);
  return `${lines.join('\n')}\n`;
}

function findingLine(f: Finding, lang: Lang): string {
  const zh = lang !== 'en';
  const word = (b: { zh: string; en: string }): string => (zh ? b.zh : b.en);
  const who = f.entityName ? word(f.entityName) : f.scope;
  const where = [who, f.cityName ? word(f.cityName) : null, word(f.metricName), f.period].filter((p) => p !== null).join(' · ');
  const facts = describeFacts(f, lang);
  const ids = f.figures.map((g) => `#${g.id}`).join(' ') + (f.figureCount > f.figures.length ? ' …' : '');
  return `${where}${facts ? ` — ${facts}` : ''} (${zh ? '数据' : 'figures'} ${ids})`;
}
