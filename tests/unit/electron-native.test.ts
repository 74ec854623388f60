/** The Electron build of better-sqlite3 is found where scripts/electron-runtime.ts puts it; the Node build is never it. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBinding } from '../../electron/main/native';
import { electronNativePath, findElectronRuntime } from '../../scripts/electron-runtime';
import { checkTarget } from '../../scripts/packaging';
import { tempDir } from '../helpers/files';

describe('the Electron build of better-sqlite3', () => {
  it('is loaded in development from the file npm start builds, and never from .cache when packaged', () => {
    const app = tempDir('cluster-brief-app-');
    expect(electronNativeBinding(app, false, '44.0.0')).toBeUndefined();
    const file = electronNativePath(app, '44.0.0');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'electron build');
    expect(electronNativeBinding(app, false, '44.0.0')).toBe(file);
    expect(electronNativeBinding(app, true, '44.0.0')).toBeUndefined();
    expect(file).toContain(`electron-44.0.0-${process.platform}-${process.arch}`);
  });

  it('is built per arch, on the system it is for', () => {
    expect(electronNativePath('/p', '44.0.0', 'darwin', 'x64')).not.toBe(electronNativePath('/p', '44.0.0', 'darwin', 'arm64'));
    expect(() => checkTarget('darwin', 'x64', 'darwin')).not.toThrow();
    expect(() => checkTarget('darwin', 'arm64', 'darwin')).not.toThrow();
    expect(() => checkTarget('win32', 'x64', 'linux')).toThrow(/on win32 itself/);
    expect(() => checkTarget('darwin', 'universal', 'darwin')).toThrow(/universal/);
  });

  it('finds an Electron runtime only where one is really installed, without downloading it', () => {
    const root = tempDir('cluster-brief-runtime-');
    const electron = path.join(root, 'node_modules', 'electron');
    fs.mkdirSync(path.join(electron, 'dist'), { recursive: true });
    expect(findElectronRuntime(root, {}).missing).toMatch(/has not been downloaded/);
    fs.writeFileSync(path.join(electron, 'path.txt'), 'electron');
    expect(findElectronRuntime(root, {}).missing).toMatch(/not present/);
    fs.writeFileSync(path.join(electron, 'dist', 'electron'), '');
    expect(findElectronRuntime(root, {}).executable).toBe(path.join(electron, 'dist', 'electron'));
    expect(findElectronRuntime(root, { ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'nowhere') }).missing).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
  });
});
