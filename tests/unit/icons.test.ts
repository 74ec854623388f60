/** The app icons, rendered from the one source image: valid PNG, ICO and ICNS files of the right sizes. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINUX_SIZES, generateIcons } from '../../scripts/icons';
import { ROOT, tempDir } from '../helpers/files';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** ICONDIR + ICONDIRENTRY list (Microsoft's ICO format); each image is a PNG or a BMP (DIB header of 40 bytes). */
function icoImages(ico: Buffer): { width: number; height: number; format: 'png' | 'bmp' }[] {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const width = ico[entry]! || 256;
    const height = ico[entry + 1]! || 256;
    const size = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    expect(offset + size).toBeLessThanOrEqual(ico.length);
    const data = ico.subarray(offset, offset + size);
    if (data.subarray(0, 8).equals(PNG_MAGIC)) {
      expect(pngSize(data)).toEqual({ width, height });
      return { width, height, format: 'png' as const };
    }
    expect(data.readUInt32LE(0)).toBe(40);
    expect(data.readInt32LE(4)).toBe(width);
    return { width, height, format: 'bmp' as const };
  });
}

/** Apple's ICNS: 'icns', total length, then (type, length, data) chunks. */
function icnsChunks(icns: Buffer): Map<string, Buffer> {
  expect(icns.toString('latin1', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < icns.length; ) {
    const type = icns.toString('latin1', at, at + 4);
    const length = icns.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    chunks.set(type, icns.subarray(at + 8, at + length));
    at += length;
  }
  return chunks;
}

describe('npm run icons', () => {
  const out = generateIcons(ROOT, tempDir('cluster-brief-icons-'));

  it('renders the source SVG to a 1024×1024 PNG', () => {
    expect(pngSize(fs.readFileSync(out.png))).toEqual({ width: 1024, height: 1024 });
  });

  it('writes a Windows .ico with the sizes Explorer and the taskbar use, up to 256', () => {
    const images = icoImages(fs.readFileSync(out.ico));
    expect(images.map((i) => i.width)).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
    for (const image of images) expect(image.height).toBe(image.width);
    expect(images.find((i) => i.width === 256)?.format).toBe('png');
  });

  it('writes a macOS .icns with the Retina sizes up to 1024', () => {
    const chunks = icnsChunks(fs.readFileSync(out.icns));
    const expected: Record<string, number> = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    for (const [type, size] of Object.entries(expected)) {
      const data = chunks.get(type);
      expect(data, type).toBeDefined();
      expect(pngSize(data!), type).toEqual({ width: size, height: size });
    }
  });

  it('writes the Linux icon sizes', () => {
    for (const size of LINUX_SIZES) expect(pngSize(fs.readFileSync(path.join(out.linuxDir, `${size}x${size}.png`)))).toEqual({ width: size, height: size });
  });
});
