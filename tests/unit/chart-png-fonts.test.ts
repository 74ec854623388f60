/**
 * The Word writer's charts are rasterised by resvg with the CJK faces cut to the characters each chart
 * prints (font-subset.ts): resvg reads its font files again for every label, and the 10 MB faces made
 * a chart take seconds on a busy machine. Each picture must be the one the whole faces give — same
 * size, same pixels (anti-aliasing aside) — for the three charts of the long 简报 issue (tier chart in
 * bold and regular, trend, comparison) in Chinese; bilingual ones differ only where Latin text loses
 * its kerning (the cut face has no GPOS: its pairs name glyphs of the whole face), a pixel or two
 * along an English name. And the files resvg reads are small.
 */
import { Resvg } from '@resvg/resvg-js';
import fs from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { saveNewDraft } from '../../electron/services/bulletins/actions';
import { bulletinModel } from '../../electron/services/bulletins/export';
import { issueBulletin } from '../../electron/services/bulletins/issue';
import { chartOption, drawingFontFiles, fontFilesFor, svgForResvg, svgToPng } from '../../electron/services/briefing/chart-png';
import { renderChartSvg } from '../../electron/services/briefing/charts-svg';
import { openTemp } from '../helpers/files';
import { longBulletin, recordSurveyYears } from '../helpers/long-bulletin';

/** An 8-bit RGBA PNG (as resvg writes them) decoded: width, height and pixels. */
function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  let at = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const paeth = (): number => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter]!;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

describe('Word charts rasterised with cut fonts', () => {
  it('are the pictures the whole fonts give, from font files of a few kilobytes', () => {
    const { db } = openTemp();
    recordSurveyYears(db);
    const id = issueBulletin(db, '李分析', saveNewDraft(db, longBulletin(db)).id).id;
    const { model } = bulletinModel(db, id);
    db.close();
    const charts = model.blocks.flatMap((b) => (b.type === 'chart' ? [b] : []));
    expect(charts.map((c) => c.spec.kind)).toEqual(['output', 'trend', 'compare']);
    for (const names of ['zh', 'both'] as const) {
      for (const chart of charts) {
        const size = { width: 628, height: Math.round(Math.min(chart.height, 661.89) * 1.3) };
        const svg = renderChartSvg(chartOption(chart.spec, names), size);
        const what = `${chart.spec.kind} (${names})`;
        for (const file of drawingFontFiles(svg)) expect(fs.statSync(file).size, `${what}: ${file}`).toBeLessThan(700_000);
        const whole = new Resvg(svgForResvg(svg), { fitTo: { mode: 'width', value: 1256 }, background: '#ffffff', font: { fontFiles: fontFilesFor(svg), loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' } }).render().asPng();
        const a = decodePng(whole);
        const t = decodePng(svgToPng(svg, 1256));
        expect([t.width, t.height], what).toEqual([a.width, a.height]);
        let differing = 0;
        for (let p = 0; p < a.pixels.length; p += 4) if (Math.abs(a.pixels[p]! - t.pixels[p]!) + Math.abs(a.pixels[p + 1]! - t.pixels[p + 1]!) + Math.abs(a.pixels[p + 2]! - t.pixels[p + 2]!) > 48) differing++;
        expect(differing / (a.width * a.height), what).toBeLessThan(names === 'zh' ? 0.002 : 0.04);
      }
    }
  }, 240_000);
});
