/**
 * axe over the screen as a person sees it once it has settled: every finite animation ended first (a
 * dialog fading in is half-transparent, a theme's colours fade between themes, and axe would measure
 * text against what shows through). Infinite ones (a spinner) are not waited for.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { settled } from './settled';

/** The serious and critical violations on the page (or only in the given parts), one line each. */
export async function seriousViolations(page: Page, ...parts: string[]): Promise<string[]> {
  await settled(page);
  let axe = new AxeBuilder({ page });
  for (const part of parts) axe = axe.include(part);
  const results = await axe.analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ') + (process.env.AXE_DETAIL ? ` [${n.failureSummary ?? ''}]` : '')).join(', ')}`);
}
