/**
 * Waits until the screen has settled: every finite animation on the page has ended (a dialog zooming
 * in, a theme's colours fading). Infinite ones (a spinner) are not waited for. A condition, not a time.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity).length))
    .toBe(0);
}

/**
 * The dialog of that name once it has zoomed in. Ticking a box while it grows could leave the box
 * unticked (CI, stop 17: "Clicking the checkbox did not change its state").
 */
export async function openedDialog(page: Page, name: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await settled(page);
  return dialog;
}
