/**
 * The CI workflow keeps its promises: Windows and macOS runners, the Electron runtime downloaded
 * before `npm test` (else the real-Electron tests would quietly skip), the installers built and kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/files';

const workflow = fs.readFileSync(path.join(ROOT, '.github/workflows/ci.yml'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('the CI workflow and the package scripts', () => {
  it('runs on Windows and macOS (and Linux) with Node 20', () => {
    for (const os of ['windows-latest', 'macos-latest', 'ubuntu-latest']) expect(workflow).toContain(`os: ${os}`);
    expect(workflow).toMatch(/node-version: 20\b/);
    expect(workflow).toContain('npm ci');
  });

  it('downloads the Electron runtime before the test command, then builds and keeps the installers', () => {
    const at = (text: string): number => {
      const i = workflow.indexOf(text);
      expect(i, text).toBeGreaterThan(-1);
      return i;
    };
    expect(at('node node_modules/electron/install.js')).toBeLessThan(at('run: npm test'));
    expect(at('run: npm test')).toBeLessThan(at('run: npm run dist'));
    expect(at('run: npm run dist')).toBeLessThan(at('actions/upload-artifact'));
    for (const installer of ['dist/*.exe', 'dist/*.dmg', 'dist/*.AppImage']) expect(workflow).toContain(installer);
    expect(workflow).toContain('npx playwright install');
  });

  it('npm test runs the Electronegativity gate, and npm run dist builds the app and the icons first', () => {
    expect(pkg.scripts.test).toBe('npm run typecheck && npm run lint && npm run security:electron && npm run test:unit && npm run test:e2e');
    expect(pkg.scripts['security:electron']).toContain('scripts/electronegativity.ts');
    expect(pkg.scripts.dist).toMatch(/^npm run build && npm run icons && electron-builder --config electron-builder\.config\.ts/);
    expect(pkg.scripts.icons).toContain('scripts/icons.ts');
  });
});
