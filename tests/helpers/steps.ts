/**
 * What a person does, as data: each step names a control by its role and accessible name (or a
 * field by its label), the way STYLE.md asks tests to locate things. The same step lists drive the
 * harness in Chromium (tests/e2e) and the real app (tests/electron), so a screen's test is written
 * once its names are known, without new code.
 */
import { expect, type Page } from '@playwright/test';

type Role = Parameters<Page['getByRole']>[0];
type Name = string | RegExp;

export type Step =
  | { click: Name; role?: Role; within?: Within }
  | { fill: Name; value: string; within?: Within }
  | { choose: Name; option: Name; within?: Within }
  | { see: Name; role?: Role; within?: Within }
  | { seeText: Name; within?: Within };

/** Narrows a step to a region, dialog, table… by its role and name. */
export interface Within {
  role: Role;
  name: Name;
}

const scope = (page: Page, within?: Within) => (within ? page.getByRole(within.role, { name: within.name }) : page);

export async function perform(page: Page, steps: readonly Step[], what = 'these steps'): Promise<void> {
  if (steps.length === 0) throw new Error(`No steps written yet for ${what}: fill them in from the screen's roles and labels.`);
  for (const step of steps) {
    const root = scope(page, step.within);
    if ('click' in step) {
      await root.getByRole(step.role ?? 'button', { name: step.click }).click();
    } else if ('fill' in step) {
      await root.getByLabel(step.fill).fill(step.value);
    } else if ('choose' in step) {
      await root.getByLabel(step.choose).click();
      await page.getByRole('option', { name: step.option }).click();
    } else if ('see' in step) {
      await expect(root.getByRole(step.role ?? 'heading', { name: step.see })).toBeVisible();
    } else {
      await expect(root.getByText(step.seeText).first()).toBeVisible();
    }
  }
}
