/**
 * `npm run icons`: renders every app icon from the one source image, resources/icon/icon.svg, into
 * .cache/icons/ (gitignored; electron-builder's buildResources folder):
 *   icon.png     1024×1024, the macOS/Linux master
 *   icon.ico     Windows (16…256, PNG chunks, small sizes as BMP for old Explorer views)
 *   icon.icns    macOS (16…1024 incl. @2x)
 *   icons/<n>x<n>.png  Linux sizes for the AppImage's desktop entry
 * Run it as a script, or call `generateIcons(root)` (the packaging hook and the tests do).
 */
import { Resvg } from '@resvg/resvg-js';
import fs from 'node:fs';
import path from 'node:path';
import * as png2icons from 'png2icons';

export const ICON_SOURCE = path.join('resources', 'icon', 'icon.svg');
export const ICON_OUT = path.join('.cache', 'icons');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

export interface GeneratedIcons {
  dir: string;
  png: string;
  ico: string;
  icns: string;
  linuxDir: string;
}

export function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

export function generateIcons(root: string, dir: string = path.join(root, ICON_OUT)): GeneratedIcons {
  const svg = fs.readFileSync(path.join(root, ICON_SOURCE), 'utf8');
  const linuxDir = path.join(dir, 'icons');
  fs.mkdirSync(linuxDir, { recursive: true });

  const master = renderPng(svg, 1024);
  const out: GeneratedIcons = { dir, png: path.join(dir, 'icon.png'), ico: path.join(dir, 'icon.ico'), icns: path.join(dir, 'icon.icns'), linuxDir };
  fs.writeFileSync(out.png, master);

  const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error(`png2icons could not convert ${ICON_SOURCE}`);
  fs.writeFileSync(out.ico, ico);
  fs.writeFileSync(out.icns, icns);

  for (const size of LINUX_SIZES) fs.writeFileSync(path.join(linuxDir, `${size}x${size}.png`), renderPng(svg, size));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const icons = generateIcons(path.resolve(__dirname, '..'));
  process.stdout.write(`icons written to ${icons.dir}\n`);
}
