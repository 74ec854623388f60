/** The Electronegativity gate: the checker's rules, and the real tool catching an insecure window. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_FILE, compare, findingsFromSarif, readAccepted, scan, type Finding } from '../../scripts/electronegativity';
import { ROOT, tempDir } from '../helpers/files';

const finding = (check: string, file: string): Finding => ({ check, file, line: 1, message: 'm' });

describe('the Electronegativity gate', () => {
  it('fails on a finding nobody justified and on a justification whose finding is gone', () => {
    const accepted = [{ check: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts', justification: 'the preload exposes only the typed client' }];
    expect(compare([finding('PRELOAD_JS_CHECK', 'electron/main/window.ts')], accepted)).toEqual({ unaccepted: [], stale: [] });
    expect(compare([finding('PRELOAD_JS_CHECK', 'electron/main/other.ts')], accepted).unaccepted).toHaveLength(1);
    expect(compare([finding('NODE_INTEGRATION_JS_CHECK', 'electron/main/window.ts')], accepted).unaccepted).toHaveLength(1);
    expect(compare([], accepted).stale).toEqual(accepted);
  });

  it('reads SARIF results as findings', () => {
    const sarif = { runs: [{ results: [{ ruleId: 'CSP_GLOBAL_CHECK', message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'renderer/index.html' }, region: { startLine: 5 } } }] }] }] };
    expect(findingsFromSarif(sarif)).toEqual([{ check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', line: 5, message: 'x' }]);
  });

  it('keeps a real justification beside every accepted finding', () => {
    const accepted = readAccepted(path.join(ROOT, ACCEPTED_FILE));
    expect(accepted.length).toBeGreaterThan(0);
    const bad = path.join(tempDir(), 'accepted.json');
    fs.writeFileSync(bad, JSON.stringify({ accepted: [{ check: 'X', file: 'y', justification: 'ok' }] }));
    expect(() => readAccepted(bad)).toThrow(/justification/);
  });

  it('runs the real tool offline and catches a window with Node in the page', { timeout: 120_000 }, () => {
    const sources = tempDir('cluster-brief-insecure-');
    fs.mkdirSync(path.join(sources, 'electron/main'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(sources, 'package.json'));
    fs.writeFileSync(
      path.join(sources, 'electron/main/window.ts'),
      `import { BrowserWindow } from 'electron';\nexport const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n`,
    );
    const findings = scan(ROOT, sources);
    expect(findings.map((f) => f.check)).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']),
    );
    const { unaccepted } = compare(findings, readAccepted(path.join(ROOT, ACCEPTED_FILE)));
    expect(unaccepted.map((f) => f.check)).toContain('CONTEXT_ISOLATION_JS_CHECK');
  });
});
