import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/files';

const eslint = new ESLint({ cwd: ROOT });
async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries between processes', () => {
  it.each([
    ['renderer/src/Leak.tsx', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['renderer/src/Leak.tsx', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['renderer/src/Leak.tsx', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
    ['electron/services/leak.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/cli/leak.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/leak.ts', "import path from 'path';\nexport const a = path;\n"],
    ['electron/preload/leak.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
  ])('refuses %s importing what its process cannot have', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it('allows what each process may import', async () => {
    expect(await importErrors('electron/main/ok.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    expect(await importErrors('electron/services/ok.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([]);
    expect(await importErrors('renderer/src/ok.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
  });
});
