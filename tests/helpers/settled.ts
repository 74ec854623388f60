/**
 * Waits until the screen has settled: every finite animation on the page has ended (a dialog zooming
 * in, a theme's colours fading). Infinite ones (a spinner) are not waited for. A condition, not a time.
 */
import { expect, type Page } from '@playwright/test';

export async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity).length))
    .toBe(0);
}
