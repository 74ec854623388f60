/**
 * What a person sees of the briefing preview: the first page drawn (pdf.js into a canvas, the page
 * marks it painted after the drawing is on the screen), not blank, named "page 1 of N" and described
 * by the page's own text.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The share of the canvas's pixels that are not (near) white: ink on the page. */
export async function inkShare(canvas: Locator): Promise<number> {
  return canvas.evaluate((el: HTMLCanvasElement) => {
    const { data } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
    return ink / (data.length / 4);
  });
}

/** Waits for page 1 of the preview, drawn; checks it has ink and its text alternative; returns it. */
export async function expectFirstPageDrawn(page: Page, { name, text, timeout = 60_000 }: { name: string | RegExp; text: RegExp; timeout?: number }): Promise<Locator> {
  const first = page.getByRole('img', { name });
  await expect(first).toHaveAttribute('data-painted', 'true', { timeout });
  const ink = await inkShare(first);
  expect(ink, 'share of the first page that is drawn on').toBeGreaterThan(0.005);
  expect(ink, 'share of the first page that is drawn on').toBeLessThan(0.9);
  await expect(first).toHaveAccessibleDescription(text);
  return first;
}
