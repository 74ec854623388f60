/**
 * Packaging for real, offline: electron-builder runs with the project's configuration against a
 * stand-in Electron (a file carrying Electron's fuse wire: no runtime can be downloaded here) and a
 * stand-in Electron-ABI better-sqlite3, into a temporary folder (the "dir" target: no installer
 * tools are needed). It proves what the installers will contain: the asar with the built app only,
 * the Electron build of the SQLite module unpacked beside it, the project's Node build untouched,
 * and the fuses flipped in the binary. The installer formats themselves are built by CI on Windows
 * and macOS (.github/workflows/ci.yml). Linux only: the stand-in is a Linux-layout Electron.
 */
import { getCurrentFuseWire } from '@electron/fuses';
import { listPackage, statFile } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronVersion } from '../../scripts/electron-runtime';
import { generateIcons } from '../../scripts/icons';
import { PACKAGED_NATIVE } from '../../scripts/packaging';
import { ROOT, tempDir } from '../helpers/files';

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's shipped defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on,
// integrity off, asar-only off, V8 snapshot off, file:// privileges on, wasm trap handlers on.
const SHIPPED_WIRE = '101100011';

function fakeElectron(dir: string): void {
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from(SHIPPED_WIRE, 'latin1');
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.alloc(32)]), { mode: 0o755 });
  for (const locale of ['en-US', 'zh-CN', 'de', 'fr', 'ja']) fs.writeFileSync(path.join(dir, 'locales', `${locale}.pak`), locale);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  fs.writeFileSync(path.join(dir, 'version'), electronVersion(ROOT));
}

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe.runIf(process.platform === 'linux')('packaging with electron-builder (stand-in Electron)', () => {
  it('packs the built app, the Electron build of better-sqlite3 unpacked, and flips the fuses', { timeout: 300_000 }, async () => {
    if (!fs.existsSync(path.join(ROOT, 'out/main/index.js'))) {
      expect(spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' }).status).toBe(0);
    }
    generateIcons(ROOT);
    const work = tempDir('cluster-brief-pack-');
    const dist = path.join(work, 'electron');
    fakeElectron(dist);
    const version = electronVersion(ROOT);
    const nativeDir = path.join(work, 'native');
    const standIn = path.join(nativeDir, `electron-${version}-linux-x64`, 'better_sqlite3.node');
    fs.mkdirSync(path.dirname(standIn), { recursive: true });
    fs.writeFileSync(standIn, `stand-in for better-sqlite3 built for Electron ${version} ${crypto.randomUUID()}`);
    const nodeBuild = path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const nodeBuildBefore = sha(nodeBuild);

    const configFile = path.join(work, 'electron-builder.test.ts');
    const ensured: string[] = [];
    (globalThis as { __packTestEnsured?: string[] }).__packTestEnsured = ensured;
    fs.writeFileSync(
      configFile,
      `import { builderConfig } from ${JSON.stringify(path.join(ROOT, 'electron-builder.config.ts'))};
const native = { dir: ${JSON.stringify(nativeDir)}, version: ${JSON.stringify(version)}, ensure: (arch: string) => { (globalThis as any).__packTestEnsured.push(arch); } };
const config = builderConfig({}, ${JSON.stringify(ROOT)}, native);
export default { ...config, electronDist: ${JSON.stringify(dist)}, directories: { ...config.directories, output: ${JSON.stringify(path.join(work, 'out'))} } };
`,
    );
    const { Arch, Platform, build } = await import('electron-builder');
    await build({ projectDir: ROOT, config: configFile, targets: Platform.LINUX.createTarget('dir', Arch.x64) });

    const app = path.join(work, 'out', 'linux-unpacked');
    const asar = path.join(app, 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false });
    expect(ensured).toEqual(['x64']);

    // The built app and production modules, and nothing of the sources, harness, tests or tooling.
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html', '/node_modules/zod/package.json']));
    const leaks = files.filter((f) => /^\/(electron|renderer|tests|bench|scripts|shared|resources|source)\/|\.map$|^\/node_modules\/(tsx|esbuild|electron|vitest|@playwright)\//.test(f));
    expect(leaks).toEqual([]);
    // Of the CJK font, only the two weights the briefings use.
    const fonts = files.filter((f) => f.startsWith('/node_modules/@expo-google-fonts/noto-sans-sc/') && f.endsWith('.ttf'));
    expect(fonts.sort()).toEqual(['/node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', '/node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf']);
    const latin = files.filter((f) => f.startsWith('/node_modules/@expo-google-fonts/noto-sans/') && (f.endsWith('.ttf') || f.endsWith('.png')));
    expect(latin.sort()).toEqual(['/node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', '/node_modules/@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf']);
    // The 简报's serif face: the same two weights.
    const serif = files.filter((f) => f.startsWith('/node_modules/@expo-google-fonts/noto-serif-sc/') && (f.endsWith('.ttf') || f.endsWith('.png')));
    expect(serif.sort()).toEqual(['/node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', '/node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf']);
    // The 简报's 楷 face: the Regular cut's WOFF alone.
    const kai = files.filter((f) => f.startsWith('/node_modules/@fontsource/lxgw-wenkai/files/'));
    expect(kai).toEqual(['/node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff']);

    // The SQLite module: the Electron build, outside the asar, where better-sqlite3 looks for it.
    const unpacked = path.join(app, 'resources', 'app.asar.unpacked', PACKAGED_NATIVE);
    expect(fs.readFileSync(unpacked).equals(fs.readFileSync(standIn))).toBe(true);
    expect(statFile(asar, PACKAGED_NATIVE, false)).toMatchObject({ unpacked: true });
    // Native code: better-sqlite3's Electron build, and resvg's prebuilt N-API binary (ABI-stable, for the
    // charts of Word briefings), both outside the asar where Node can load them.
    const natives = files.filter((f) => f.endsWith('.node'));
    expect(natives.filter((f) => !/^\/node_modules\/@resvg\/resvg-js-[\w-]+\/resvgjs\.[\w-]+\.node$/.test(f))).toEqual([`/${PACKAGED_NATIVE.split(path.sep).join('/')}`]);
    for (const f of natives) expect(statFile(asar, f.slice(1), false), f).toMatchObject({ unpacked: true });
    expect(sha(nodeBuild)).toBe(nodeBuildBefore);

    // The fuses, read back from the packaged binary.
    const wire = await getCurrentFuseWire(path.join(app, 'cluster-brief'));
    const on = (i: number): boolean => String.fromCharCode(wire[i as keyof typeof wire] as number) === '1';
    expect({ runAsNode: on(0), cookieEncryption: on(1), nodeOptions: on(2), inspect: on(3), asarIntegrity: on(4), onlyAsar: on(5) }).toEqual({
      runAsNode: false,
      cookieEncryption: true,
      nodeOptions: false,
      inspect: false,
      asarIntegrity: false, // Linux: Electron validates asar integrity on macOS and Windows only
      onlyAsar: true,
    });

    // Only the app's languages are shipped.
    expect(fs.readdirSync(path.join(app, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    fs.rmSync(work, { recursive: true, force: true });
  });
});
