/**
 * The packaging hooks and choices that electron-builder.config.ts wires in. Plain functions over a
 * context, so the tests can call each one without packaging anything.
 *
 * - The SQLite module: the project's node_modules/better-sqlite3/build is the Node build (tests,
 *   command line) and must stay so; electron-builder must never rebuild it (npmRebuild: false). The
 *   packaged app gets the Electron-ABI build for the target arch instead: `beforePack` makes sure it
 *   exists in .cache/electron-native/ (scripts/electron-runtime.ts), the config's `files` put it
 *   where better-sqlite3 looks (build/Release, unpacked from the asar), and `afterPack` checks that
 *   the packaged file is exactly that build before anything is signed.
 * - The fuses: flipped in `afterPack`, per platform, right before electron-builder signs.
 */
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import fs from 'node:fs';
import path from 'node:path';
import { Arch, log, type AfterPackContext } from 'electron-builder';
import { electronNativeDir, electronVersion, ensureElectronNative } from './electron-runtime';
import { ICON_OUT } from './icons';

/** Where better-sqlite3 loads its binary from, inside the packaged app (app.asar.unpacked/…). */
export const PACKAGED_NATIVE = path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/**
 * The fuses of the packaged Electron binary. Asar integrity is validated only on macOS and Windows
 * (Electron's asar-integrity docs); elsewhere the fuse stays as shipped. GrantFileProtocolExtraPrivileges
 * stays on: the app's page is a file:// page with module scripts, which need it until the app
 * serves itself from a custom protocol. On macOS flipping a fuse breaks the binary's ad-hoc
 * signature, which an arm64 Mac refuses to run: it is re-signed ad hoc (and properly afterwards
 * when a signing identity is configured).
 */
export function fusesFor(platform: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'darwin' || platform === 'win32',
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  };
}

/** Where the Electron builds of better-sqlite3 come from: the project's .cache (tests use a stand-in). */
export interface NativeSource {
  /** The folder holding electron-<version>-<platform>-<arch>/better_sqlite3.node. */
  dir: string;
  version: string;
  /** Makes sure the build for this arch exists (may build or download it). */
  ensure: (arch: string) => void;
}

export function projectNative(root: string): NativeSource {
  return { dir: path.join(root, '.cache', 'electron-native'), version: electronVersion(root), ensure: (arch) => void ensureElectronNative(root, arch) };
}

export function nativeFile(native: NativeSource, platform: string, arch: string): string {
  return path.join(native.dir, electronNativeDir(native.version, platform === 'mas' ? 'darwin' : platform, arch), 'better_sqlite3.node');
}

/** The parts of electron-builder's pack context the hooks use (BeforePackContext is the same shape). */
export type PackContext = Pick<AfterPackContext, 'appOutDir' | 'arch' | 'electronPlatformName'> & {
  packager: Pick<AfterPackContext['packager'], 'getResourcesDir' | 'addElectronFuses'>;
};

function targetOf(context: Pick<PackContext, 'arch' | 'electronPlatformName'>): { platform: string; arch: string } {
  return { platform: context.electronPlatformName, arch: Arch[context.arch] };
}

/** Native modules are built on the system they are for: refuse cross-OS packaging with the reason. */
export function checkTarget(platform: string, arch: string, host: string = process.platform): void {
  const os = platform === 'mas' ? 'darwin' : platform;
  if (os !== host) {
    throw new Error(`Cannot package for ${platform} on ${host}: better-sqlite3 must be built for Electron on ${platform} itself. Run npm run dist on that system (CI does: .github/workflows/ci.yml).`);
  }
  if (arch === 'universal') throw new Error('A universal macOS build is not supported: build the x64 and arm64 DMGs (the default).');
}

/** `signing`: one line saying what will be signed, for the build log (scripts/signing.ts). */
export function beforePack(root: string, native: NativeSource, signing: string) {
  return async (context: Pick<PackContext, 'arch' | 'electronPlatformName'>): Promise<void> => {
    const { platform, arch } = targetOf(context);
    checkTarget(platform, arch);
    log.info({ platform, arch, signing }, 'Cluster Brief packaging');
    const icons = ['icon.ico', 'icon.icns', 'icon.png'].map((f) => path.join(root, ICON_OUT, f));
    const missing = icons.filter((f) => !fs.existsSync(f));
    if (missing.length) throw new Error(`Icons missing (${missing.join(', ')}): run npm run icons first (npm run dist does).`);
    native.ensure(arch);
  };
}

/** The packaged SQLite module must be the Electron build for this arch, byte for byte. */
export function checkPackagedNative(native: NativeSource, context: PackContext): string {
  const { platform, arch } = targetOf(context);
  const packaged = path.join(context.packager.getResourcesDir(context.appOutDir), 'app.asar.unpacked', PACKAGED_NATIVE);
  const expected = nativeFile(native, platform, arch);
  if (!fs.existsSync(packaged)) throw new Error(`The packaged app has no ${PACKAGED_NATIVE} outside the asar (${packaged}).`);
  if (!fs.readFileSync(packaged).equals(fs.readFileSync(expected))) {
    throw new Error(`${packaged} is not the Electron build of better-sqlite3 (${expected}): refusing to ship a module the app cannot load.`);
  }
  return packaged;
}

export function afterPack(native: NativeSource) {
  return async (context: PackContext): Promise<void> => {
    checkPackagedNative(native, context);
    await context.packager.addElectronFuses(context as AfterPackContext, fusesFor(context.electronPlatformName));
  };
}
