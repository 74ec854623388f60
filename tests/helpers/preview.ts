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

/** The preview's zoom, in the Chinese interface. */
export const ZOOM = { toolbar: '预览缩放', zoomIn: '放大', fit: '适合宽度' };

/**
 * The same picture up to the edges of glyphs and lines (antialiasing): no 8×8 pixel tile anywhere
 * lighter or darker on average by more than a few levels — a glyph missing, or text moved by half a
 * point, changes the tiles it covers by 15 to over 100 (tried: tests/e2e/briefing.spec.ts).
 */
export function expectSamePicture(d: PictureDifference, what = 'page 1'): void {
  expect(d.worstTile, `${what}: the tile at ${d.at.join(',')} differs from pdf.js's drawing`).toBeLessThan(10);
  expect(d.differing, `${what}: share of the page's bytes that differ from pdf.js's drawing`).toBeLessThan(0.03);
}

/** How far page 1 as first shown is from pdf.js drawing the same page on the screen. */
export interface PictureDifference {
  /** The share of the pixels' bytes that differ at all (the edges of glyphs and lines: antialiasing). */
  differing: number;
  /** The largest difference, over the page cut in 8×8 pixel tiles, between a tile's mean brightness in the two (0–255). */
  worstTile: number;
  /** Where that tile is, in canvas pixels. */
  at: [number, number];
}

/**
 * Page 1 as first shown, against pdf.js drawing the same page for the screen at the same scale (zoomed
 * in, then back to the width): its pixels are held in the page and compared there (copied out as
 * numbers, 2.8 million of them twice, they took most of a minute on a loaded machine).
 */
export async function firstPageAgainstPdfjs(page: Page, first: Locator, zoom: { toolbar: string; zoomIn: string; fit: string }): Promise<PictureDifference> {
  type Held = Window & { heldPixels?: Uint8ClampedArray };
  const atOnce = await first.evaluate((el: HTMLCanvasElement) => {
    (window as Held).heldPixels = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
    return { width: el.width, height: el.height };
  });
  const toolbar = page.getByRole('toolbar', { name: zoom.toolbar });
  await toolbar.getByRole('button', { name: zoom.zoomIn }).click();
  await expect.poll(() => first.evaluate((el: HTMLCanvasElement) => el.width)).toBeGreaterThan(atOnce.width);
  await expect(first).toHaveAttribute('data-painted', 'true');
  await toolbar.getByRole('button', { name: zoom.fit }).click();
  await expect.poll(() => first.evaluate((el: HTMLCanvasElement) => el.width)).toBe(atOnce.width);
  await expect(first).toHaveAttribute('data-painted', 'true');
  await expect(first, 'page 1 drawn again by pdf.js').not.toHaveAttribute('data-copied', 'true');
  await expect(first).not.toHaveAttribute('data-drawn-from');
  const compared = await first.evaluate((el: HTMLCanvasElement) => {
    const before = (window as Held).heldPixels!;
    const now = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
    let differing = 0;
    for (let i = 0; i < before.length; i++) if (before[i] !== now[i]) differing++;
    let worstTile = 0;
    let at: [number, number] = [0, 0];
    const { width, height } = el;
    for (let ty = 0; ty < height; ty += 8) {
      for (let tx = 0; tx < width; tx += 8) {
        let sum = 0;
        let count = 0;
        for (let y = ty; y < Math.min(height, ty + 8); y++) {
          for (let x = tx; x < Math.min(width, tx + 8); x++) {
            const i = (y * width + x) * 4;
            sum += before[i]! + before[i + 1]! + before[i + 2]! - now[i]! - now[i + 1]! - now[i + 2]!;
            count++;
          }
        }
        const mean = Math.abs(sum / count / 3);
        if (mean > worstTile) [worstTile, at] = [mean, [tx, ty]];
      }
    }
    return { sameSize: before.length === now.length && el.height > 0, differing: differing / now.length, worstTile, at };
  });
  expect(compared.sameSize, 'page 1 drawn again at the same size').toBe(true);
  return { differing: compared.differing, worstTile: compared.worstTile, at: compared.at };
}
