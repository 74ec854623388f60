/**
 * The installer configuration, offline: electron-builder's own schema (app-builder-lib/scheme.json,
 * validated with ajv the way electron-builder does it) and the choices the issue asks for.
 */
import Ajv from 'ajv';
import { FuseV1Options } from '@electron/fuses';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Arch, type Configuration, type FileSet, type NsisOptions, type TargetConfiguration } from 'electron-builder';
import { APP_ID, builderConfig } from '../../electron-builder.config';
import { generateIcons } from '../../scripts/icons';
import { fusesFor, type NativeSource } from '../../scripts/packaging';
import { signingFrom } from '../../scripts/signing';
import { ROOT, tempDir } from '../helpers/files';

const scheme = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
// electron-builder's own options (app-builder-lib/out/util/config/schemaValidator.js): unknown
// keywords such as its `typeof` are ignored, so function hooks pass exactly as they do there.
const validate = new Ajv({ allErrors: true, strict: false }).compile(scheme);
const errorsOf = (config: Configuration): string[] =>
  validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);

const config = builderConfig({});
const targets = (t: Configuration['win']): TargetConfiguration[] => (t?.target ?? []) as TargetConfiguration[];

describe('electron-builder configuration', () => {
  it('is valid against electron-builder’s own schema, with and without signing credentials', () => {
    expect(errorsOf(config)).toEqual([]);
    expect(errorsOf(builderConfig({ CSC_LINK: 'x.p12', CSC_KEY_PASSWORD: 'p', APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b', APPLE_TEAM_ID: 'c' }))).toEqual([]);
  });

  it('would catch a misspelt option (the validation is not vacuous)', () => {
    expect(errorsOf({ ...config, nsis: { ...config.nsis, perMachin: false } as NsisOptions })).not.toEqual([]);
    expect(errorsOf({ ...config, dmg: { ...config.dmg, shortcutName: 'x' } as Configuration['dmg'] })).not.toEqual([]);
  });

  it('names the product in English and Chinese, with an app id', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe('Cluster Brief');
    expect(config.nsis?.shortcutName).toContain('集群简报');
    expect(config.linux?.desktop?.entry?.['Name[zh_CN]']).toBe('集群简报');
    expect(config.mac?.extendInfo).toMatchObject({ LSHasLocalizedDisplayName: true });
    expect(fs.readFileSync(path.join(ROOT, 'resources/mac/zh_CN.lproj/InfoPlist.strings'), 'utf8')).toContain('"CFBundleDisplayName" = "集群简报";');
  });

  it('builds a per-user NSIS installer with a folder choice, shortcuts and Chinese + English', () => {
    expect(targets(config.win)).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
      installerLanguages: ['zh_CN', 'en_US'],
      multiLanguageInstaller: true,
    });
  });

  it('builds DMGs for x64 and arm64 and a Linux AppImage', () => {
    expect(targets(config.mac)).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(targets(config.linux)).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
  });

  it('uses the icons generated from the one source image', () => {
    expect(config.directories?.buildResources).toBe('.cache/icons');
    expect(config.win?.icon).toBe('.cache/icons/icon.ico');
    expect(config.mac?.icon).toBe('.cache/icons/icon.icns');
    expect(config.linux?.icon).toBe('.cache/icons/icons');
  });

  it('packages the built app and production modules only, never sources, harness, tests, bench or scripts', () => {
    const patterns = (config.files as (string | FileSet)[]).filter((f): f is string => typeof f === 'string');
    const included = (file: string): boolean => {
      let ok = false;
      for (const p of patterns) {
        if (p.startsWith('!')) ok = ok && !path.posix.matchesGlob(file, p.slice(1));
        else ok = ok || path.posix.matchesGlob(file, p);
      }
      return ok;
    };
    for (const file of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', 'package.json']) expect(included(file), file).toBe(true);
    for (const file of [
      'renderer/harness/bridge.ts',
      'electron/web/server.ts',
      'electron/main/index.ts',
      'tests/unit/cli.test.ts',
      'bench/README.md',
      'scripts/icons.ts',
      'out/main/index.js.map',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      'node_modules/tsx/dist/cli.mjs',
    ]) {
      expect(included(file), file).toBe(false);
    }
  });

  it('puts the Electron build of better-sqlite3, per arch, unpacked from the asar, and never rebuilds node_modules', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
    const native = (config.files as (string | FileSet)[]).find((f): f is FileSet => typeof f !== 'string');
    expect(native?.to).toBe('node_modules/better-sqlite3/build/Release');
    expect(native?.from).toMatch(/\.cache\/electron-native\/electron-\d+\.\d+\.\d+-\$\{platform\}-\$\{arch\}$/);
    expect(typeof config.beforePack).toBe('function');
    expect(typeof config.afterPack).toBe('function');
  });

  it('sets the fuses in afterPack: no RunAsNode, NODE_OPTIONS or inspect, app only from the asar, integrity on macOS and Windows', async () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      const fuses = fusesFor(platform);
      expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
      expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
      expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
      expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
      expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
      expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(platform !== 'linux');
    }
    expect(fusesFor('darwin').resetAdHocDarwinSignature).toBe(true);

    // The hook hands exactly these fuses to electron-builder, after checking the native module.
    const dir = tempDir('cluster-brief-hook-');
    try {
      const native: NativeSource = { dir: path.join(dir, 'native'), version: '44.0.0', ensure: () => undefined };
      const file = path.join(native.dir, 'electron-44.0.0-win32-x64', 'better_sqlite3.node');
      const packaged = path.join(dir, 'app', 'resources', 'app.asar.unpacked', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.mkdirSync(path.dirname(packaged), { recursive: true });
      fs.writeFileSync(file, 'electron build');
      fs.writeFileSync(packaged, 'electron build');
      const flipped: unknown[] = [];
      const context = {
        appOutDir: path.join(dir, 'app'),
        arch: 1, // Arch.x64
        electronPlatformName: 'win32',
        packager: { getResourcesDir: (out: string) => path.join(out, 'resources'), addElectronFuses: async (_c: unknown, f: unknown) => void flipped.push(f) },
      };
      const hook = builderConfig({}, ROOT, native).afterPack as unknown as (c: typeof context) => Promise<void>;
      await hook(context);
      expect(flipped).toEqual([fusesFor('win32')]);

      fs.writeFileSync(packaged, 'node build');
      await expect(hook(context)).rejects.toThrow(/not the Electron build/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('before packing: refuses without the icons, then builds the SQLite module for the target arch', async () => {
    const root = tempDir('cluster-brief-before-');
    const ensured: string[] = [];
    const native: NativeSource = { dir: path.join(root, 'native'), version: '44.0.0', ensure: (arch) => void ensured.push(arch) };
    const hook = builderConfig({}, root, native).beforePack as unknown as (c: { arch: Arch; electronPlatformName: string }) => Promise<void>;
    const context = { arch: Arch.arm64, electronPlatformName: process.platform };
    await expect(hook(context)).rejects.toThrow(/npm run icons/);
    expect(ensured).toEqual([]);
    generateIcons(ROOT, path.join(root, '.cache', 'icons'));
    await hook(context);
    expect(ensured).toEqual(['arm64']);
    await expect(hook({ arch: Arch.x64, electronPlatformName: process.platform === 'win32' ? 'darwin' : 'win32' })).rejects.toThrow(/Cannot package/);
  });

  it('skips signing and notarization cleanly when no credentials are in the environment', () => {
    const none = signingFrom({});
    expect(none.mac).toMatchObject({ identity: null, notarize: false, forceCodeSigning: false });
    expect(none.win.forceCodeSigning).toBe(false);
    expect(none.summary).toContain('unsigned');
    expect(builderConfig({}).mac).toMatchObject({ identity: null, notarize: false });
    // A half-configured environment (a password but no certificate) is still "absent".
    expect(signingFrom({ CSC_KEY_PASSWORD: 'p', APPLE_ID: 'a' }).mac).toMatchObject({ identity: null, notarize: false });
  });

  it('signs, and notarizes, from the standard variables when they are present', () => {
    const mac = signingFrom({ CSC_LINK: 'cert.p12', CSC_KEY_PASSWORD: 'p', APPLE_ID: 'a@b.cn', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' });
    expect(mac.mac).toEqual({ notarize: true, forceCodeSigning: true, hardenedRuntime: true });
    expect(mac.win.forceCodeSigning).toBe(true);
    expect(signingFrom({ CSC_NAME: 'Developer ID Application: X', APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 's' }).mac.notarize).toBe(true);
    expect(signingFrom({ CSC_LINK: 'cert.p12' }).mac).toMatchObject({ notarize: false, forceCodeSigning: true });
    expect(signingFrom({ WIN_CSC_LINK: 'win.pfx' })).toMatchObject({ mac: { identity: null }, win: { forceCodeSigning: true } });
    expect(builderConfig({ CSC_LINK: 'cert.p12', APPLE_KEYCHAIN_PROFILE: 'cb' }).mac).toMatchObject({ notarize: true, forceCodeSigning: true });
    expect(builderConfig({ CSC_LINK: 'cert.p12' }).mac).not.toHaveProperty('identity');
  });
});
