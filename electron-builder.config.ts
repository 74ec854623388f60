/**
 * The installers: an NSIS setup for Windows, DMGs for macOS (x64 and arm64), an AppImage for Linux.
 * `npm run dist` builds the app and the icons, then runs electron-builder with this file. The
 * choices are explained beside each one; tests/unit/builder-config.test.ts validates the whole object
 * against electron-builder's own schema and asserts the choices that matter.
 */
import type { Configuration } from 'electron-builder';
import path from 'node:path';
import { electronNativeDir } from './scripts/electron-runtime';
import { ICON_OUT } from './scripts/icons';
import { afterPack, beforePack, projectNative, type NativeSource } from './scripts/packaging';
import { signingFrom } from './scripts/signing';

export const APP_ID = 'cn.clusterbrief.app';
export const PRODUCT_NAME = 'Cluster Brief';
export const PRODUCT_NAME_ZH = '集群简报';

export function builderConfig(env: NodeJS.ProcessEnv = process.env, root: string = __dirname, native: NativeSource = projectNative(root)): Configuration {
  const signing = signingFrom(env);
  const icons = (file: string): string => path.join(ICON_OUT, file).split(path.sep).join('/');
  // electron-builder expands ${platform} and ${arch} per packaged target.
  const nativeDir = path.join(native.dir, electronNativeDir(native.version, '${platform}', '${arch}')).split(path.sep).join('/');
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: 'Copyright © 2026 Cluster Brief',
    directories: { output: 'dist', buildResources: ICON_OUT },
    // The built app and the production dependencies only: no sources, harness, tests, bench, scripts.
    files: [
      'package.json',
      'out/main/**/*',
      'out/preload/**/*',
      'out/renderer/**/*',
      '!**/*.map',
      // The Node build and the C sources of better-sqlite3 stay out; the Electron build goes in.
      '!node_modules/better-sqlite3/build/**/*',
      '!node_modules/better-sqlite3/{deps,src,docs,benchmark,test}/**/*',
      { from: nativeDir, to: 'node_modules/better-sqlite3/build/Release', filter: ['better_sqlite3.node'] },
      // Only the command line (run from the project, never from the app) needs TypeScript at run time.
      '!node_modules/{tsx,esbuild,@esbuild}/**/*',
      // Briefings and the page use Noto Sans SC 400 and 700 only; the other weights are ~70 MB.
      '!node_modules/@expo-google-fonts/noto-sans-sc/{100Thin,200ExtraLight,300Light,500Medium,600SemiBold,800ExtraBold,900Black}/**/*',
      '!node_modules/@expo-google-fonts/noto-sans-sc/font-family.png',
      // Noto Sans: Latin Extended, Greek and Cyrillic for briefings; only the two upright weights used.
      '!node_modules/@expo-google-fonts/noto-sans/{100Thin,200ExtraLight,300Light,500Medium,600SemiBold,800ExtraBold,900Black}*/**/*',
      '!node_modules/@expo-google-fonts/noto-sans/*_Italic/**/*',
      '!node_modules/@expo-google-fonts/noto-sans/**/*.png',
      // Noto Serif SC: the 简报's serif face (宋/仿宋/楷 stand-in), 400 and 700 only; the other weights are ~80 MB.
      '!node_modules/@expo-google-fonts/noto-serif-sc/{200ExtraLight,300Light,500Medium,600SemiBold,800ExtraBold,900Black}/**/*',
      '!node_modules/@expo-google-fonts/noto-serif-sc/**/*.png',
      // LXGW WenKai: the 简报's 楷 face, its Regular cut as WOFF only (the "500" file; converted to TrueType on first use).
      '!node_modules/@fontsource/lxgw-wenkai/files/*.woff2',
      '!node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-{300,700}-normal.woff',
    ],
    asar: true,
    // A native module cannot be loaded from inside the asar: better-sqlite3 and its binary stay outside.
    asarUnpack: ['node_modules/better-sqlite3/**/*', '**/better_sqlite3.node', 'node_modules/@resvg/**/*.node'],
    // Never rebuild native modules in the project's node_modules (TECH-NOTES: the ABI trap).
    npmRebuild: false,
    nodeGypRebuild: false,
    buildDependenciesFromSource: false,
    beforePack: beforePack(root, native, signing.summary),
    afterPack: afterPack(native),
    // The fuses are flipped per platform in afterPack (scripts/packaging.ts: fusesFor).
    electronFuses: null,
    electronLanguages: ['zh-CN', 'en-US'],
    publish: null,
    forceCodeSigning: false,

    win: {
      target: [{ target: 'nsis', arch: ['x64'] }],
      icon: icons('icon.ico'),
      forceCodeSigning: signing.win.forceCodeSigning,
    },
    nsis: {
      // Assisted, per-user by default (no administrator rights needed), the user may pick the folder.
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: `${PRODUCT_NAME_ZH} ${PRODUCT_NAME}`,
      uninstallDisplayName: `${PRODUCT_NAME_ZH} ${PRODUCT_NAME}`,
      // The analysts' data is theirs: uninstalling never deletes the data file.
      deleteAppDataOnUninstall: false,
      // Chinese first; the installer follows the system language.
      installerLanguages: ['zh_CN', 'en_US'],
      language: '2052',
      multiLanguageInstaller: true,
      unicode: true,
      installerIcon: icons('icon.ico'),
      uninstallerIcon: icons('icon.ico'),
      artifactName: 'Cluster-Brief-Setup-${version}-${arch}.${ext}',
    },

    mac: {
      target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
      icon: icons('icon.icns'),
      category: 'public.app-category.productivity',
      ...signing.mac,
      gatekeeperAssess: false,
      // The localized name in Finder and the Dock: zh_CN.lproj/InfoPlist.strings below.
      extendInfo: { LSHasLocalizedDisplayName: true, CFBundleDisplayName: PRODUCT_NAME },
      extraResources: [{ from: 'resources/mac', to: '.', filter: ['*.lproj/InfoPlist.strings'] }],
    },
    dmg: {
      title: '${productName} ${version}',
      artifactName: 'Cluster-Brief-${version}-${arch}.${ext}',
    },

    linux: {
      target: [{ target: 'AppImage', arch: ['x64'] }],
      icon: icons('icons'),
      category: 'Office',
      executableName: 'cluster-brief',
      synopsis: '产业集群简报工作台 — cluster briefing workbench',
      desktop: { entry: { Name: PRODUCT_NAME, 'Name[zh_CN]': PRODUCT_NAME_ZH, StartupWMClass: PRODUCT_NAME } },
    },
    appImage: {
      artifactName: 'Cluster-Brief-${version}-${arch}.${ext}',
    },
  };
}

export default builderConfig();
