/**
 * Every condition of the data file is a typed error in both languages, never SQLite's own words,
 * and the command line exits 1 for it: a full disk (PRAGMA max_page_count), a read-only connection,
 * a lock held by another process, damaged pages (garbage planted in an index page and in a table
 * page of a real file), an empty or missing file given to a command that only reads.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, toErrorPayload, type ErrorPayload } from '../../shared/errors';
import { dispatch } from '../../electron/services/dispatch';
import { Jobs } from '../../electron/services/jobs';
import { applyImportPlan, planWorkbookImport } from '../../electron/services/workbook/import';
import { handlersOver } from '../helpers/concurrent';
import { registerFunctions, openDataFile } from '../../electron/services/db/open';
import { applyFigureChanges } from '../../electron/services/db/figures-bulk';
import { newChange } from '../../electron/services/db/revisions';
import { BULK } from '../../electron/services/db/undo';
import { damagePage } from '../helpers/damage';
import { fullDump, openTemp, runCliProcess, tempDataFile } from '../helpers/files';
import { editWorkbook, exportTo, rowOf } from '../helpers/workbooks';

/** Each case runs the real command line a few times: room for a loaded machine (never a speed assertion). */
const CLI_TIMEOUT = 180_000;

const SQLITE_WORDS = /database|disk image|malformed|SQLITE|locked|readonly|I\/O/i;



const note = (body: string) => ({ annotation: { targetType: 'entity', targetId: 'smart-robots', body, tags: [], status: 'open', includeInBriefing: false } });

/** What a person reads, in both languages: no SQLite text in it. */
function expectWordsFor(error: ErrorPayload, zh: string, en: string): void {
  const [zhText, enText] = [describeError(error, 'zh-CN'), describeError(error, 'en')];
  expect(zhText).toContain(zh);
  expect(enText).toContain(en);
  expect(zhText).not.toMatch(SQLITE_WORDS);
}

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function closedSeededFile(): string {
  const file = tempDataFile();
  openDataFile(file).close();
  return file;
}

describe('a full disk', { timeout: CLI_TIMEOUT }, () => {
  it('refuses an annotation that needs a new page, in both languages, and changes nothing', async () => {
    const { db, file } = openTemp();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const before = fullDump(db);
    const result = await dispatch(handlersOver(db, file), 'saveAnnotation', note('核对'.repeat(9000)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('DISK_FULL');
    expectWordsFor(result.error, '磁盘空间不足', 'disk is full');
    expect(fullDump(db)).toBe(before);
    db.close();
  });
});

describe('a full disk during a workbook import and during a job', { timeout: CLI_TIMEOUT }, () => {
  it('the import: DISK_FULL, nothing written', async () => {
    const { db, file } = openTemp();
    const workbook = await editWorkbook(await exportTo(db), (book) => {
      const sheet = book.getWorksheet('数据')!;
      for (let r = 2; r <= sheet.rowCount; r++) sheet.getRow(r).getCell(15).value = `核对：${'统计局年报'.repeat(200)}`;
    });
    const plan = await planWorkbookImport(db, workbook);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const before = fullDump(db);
    let error: unknown;
    try {
      applyImportPlan(db, plan, { author: '李分析', includeRemovals: false, dataFile: file });
    } catch (e) {
      error = e;
    }
    expect(toErrorPayload(error).code).toBe('DISK_FULL');
    expect(fullDump(db)).toBe(before);
    db.close();
  });

  it('a job: fails with DISK_FULL, not an internal error', async () => {
    const { db } = openTemp();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const jobs = new Jobs();
    const { id } = jobs.start('fill', () => {
      db.prepare(`INSERT INTO settings (key, value) VALUES ('filler', ?)`).run('x'.repeat(100_000));
      return Promise.resolve({ path: null });
    });
    const status = await jobs.settle(id);
    expect(status).toMatchObject({ state: 'failed', error: { code: 'DISK_FULL' } });
    db.close();
  });
});

describe('every SQLite result code of a file condition', () => {
  it('is a typed code whose words carry no SQLite text', () => {
    const cases: [string, string][] = [
      ['SQLITE_BUSY', 'DB_LOCKED'],
      ['SQLITE_BUSY_SNAPSHOT', 'DB_LOCKED'],
      ['SQLITE_LOCKED_SHAREDCACHE', 'DB_LOCKED'],
      ['SQLITE_FULL', 'DISK_FULL'],
      ['ENOSPC', 'DISK_FULL'],
      ['SQLITE_READONLY', 'DB_READ_ONLY'],
      ['SQLITE_READONLY_DBMOVED', 'DB_READ_ONLY'],
      ['EROFS', 'DB_READ_ONLY'],
      ['SQLITE_CORRUPT', 'DB_DAMAGED'],
      ['SQLITE_CORRUPT_INDEX', 'DB_DAMAGED'],
      ['SQLITE_NOTADB', 'DB_DAMAGED'],
      ['SQLITE_IOERR', 'DB_IO_ERROR'],
      ['SQLITE_IOERR_WRITE', 'DB_IO_ERROR'],
      ['SQLITE_IOERR_SHORT_READ', 'DB_IO_ERROR'],
      ['EIO', 'DB_IO_ERROR'],
    ];
    for (const [sqlite, code] of cases) {
      const thrown = Object.assign(new Error('database disk image is malformed'), { code: sqlite });
      const payload = toErrorPayload(thrown);
      expect(payload.code, sqlite).toBe(code);
      for (const lang of ['zh-CN', 'en'] as const) expect(describeError(payload, lang)).not.toMatch(SQLITE_WORDS);
    }
    expect(toErrorPayload(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_CHECK' })).code).toBe('INTERNAL');
  });
});

describe('a read-only data file', { timeout: CLI_TIMEOUT }, () => {
  it('answers reads, and refuses a write with DB_READ_ONLY', async () => {
    const file = closedSeededFile();
    const ro = new Database(file, { readonly: true, fileMustExist: true });
    registerFunctions(ro);
    const handlers = handlersOver(ro, file);
    expect((await dispatch(handlers, 'listEntities', {})).ok).toBe(true);
    const result = await dispatch(handlers, 'saveAnnotation', note('核对'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('DB_READ_ONLY');
      expectWordsFor(result.error, '只读', 'read-only');
    }
    ro.close();
  });
});

describe('a data file locked by another program', { timeout: CLI_TIMEOUT }, () => {
  it('makes the command line say so, exit 1, and write nothing', async () => {
    const { db, file } = openTemp();
    const workbook = await editWorkbook(await exportTo(db), (book) => {
      rowOf(book.getWorksheet('数据')!, 19).getCell(7).value = 150;
    });
    // Another process's write transaction, held for the whole run of the command.
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = runCliProcess(['import', 'xlsx', workbook, '--db', file]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('正被另一个程序占用');
      expect(result.stderr).toContain('in use by another program');
      expect(result.stderr).not.toContain('内部错误');
    } finally {
      db.exec('ROLLBACK');
    }
    expect(db.prepare(`SELECT value FROM figures WHERE id = 19`).pluck().get()).toBe(100);
    db.close();
  });
});

describe('damaged pages', { timeout: CLI_TIMEOUT }, () => {
  it('an index page: info and list refuse (exit 1, both languages), import writes nothing, and the file is untouched', async () => {
    const file = closedSeededFile();
    const setup = openDataFile(file, { mustExist: true });
    const workbook = await editWorkbook(await exportTo(setup), (book) => {
      rowOf(book.getWorksheet('数据')!, 19).getCell(7).value = 150;
    });
    setup.close();
    damagePage(file, 'figures_by_entity');
    const hash = sha(file);
    for (const args of [['info'], ['list', '--json'], ['import', 'xlsx', workbook]]) {
      const result = runCliProcess([...args, '--db', file]);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('数据文件已损坏');
      expect(result.stderr).toContain('The data file is damaged');
      expect(result.stderr).toContain('cluster-brief restore');
      expect(result.stderr).not.toMatch(/malformed|Internal error|内部错误/);
    }
    expect(sha(file)).toBe(hash);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('before-import'))).toEqual([]);
  });

  it('a table page: list and info refuse with the same words; the app sees it in the background check and refuses writes', async () => {
    const file = closedSeededFile();
    damagePage(file, 'figures');
    for (const args of [['info'], ['list']]) {
      const result = runCliProcess([...args, '--db', file]);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('数据文件已损坏');
      expect(result.stderr).toContain('The data file is damaged');
    }
    const db = openDataFile(file, { mustExist: true });
    const handlers = handlersOver(db, file);
    const health = await dispatch(handlers, 'checkFileHealth', {});
    expect(health).toMatchObject({ ok: true, value: { state: 'damaged' } });
    const write = await dispatch(handlers, 'saveAnnotation', note('核对'));
    expect(write).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } });
    db.close();
  });
});

describe('undoing a whole import in a damaged file', { timeout: CLI_TIMEOUT }, () => {
  it('is refused (DB_DAMAGED) before anything is written', async () => {
    const file = closedSeededFile();
    const db = openDataFile(file, { mustExist: true });
    const input = { scope: 'entity', entityId: 'smart-robots', metric: 'revenue', unit: '100m_yuan', qualifier: 'about', period: '2024', sourceId: 1, sourceQuote: null, note: null } as const;
    applyFigureChanges(db, newChange('李分析'), Array.from({ length: BULK + 50 }, (_, i) => ({ kind: 'added' as const, input: { ...input, value: i } })));
    db.close();
    // An index the undo itself never touches: only the check before it can find the damage.
    damagePage(file, 'entities_by_category');
    const hash = sha(file);
    const reopened = openDataFile(file, { mustExist: true });
    expect(await dispatch(handlersOver(reopened, file), 'undo', {})).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } });
    reopened.close();
    expect(sha(file)).toBe(hash);
  });
});

describe('commands that only read', { timeout: CLI_TIMEOUT }, () => {
  it('refuse an empty (0-byte) file without filling it, and a missing one without creating it', () => {
    const empty = tempDataFile();
    fs.writeFileSync(empty, '');
    for (const command of ['info', 'list']) {
      const result = runCliProcess([command, '--db', empty]);
      expect(result.status, command).toBe(1);
      expect(result.stderr).toContain('文件为空');
      expect(result.stderr).toContain('the file is empty');
      expect(fs.statSync(empty).size).toBe(0);
      const missing = tempDataFile();
      expect(runCliProcess([command, '--db', missing]).status).toBe(1);
      expect(fs.existsSync(missing)).toBe(false);
    }
  });

  it('leave the data file byte for byte as it was', () => {
    const file = closedSeededFile();
    const hash = sha(file);
    expect(runCliProcess(['info', '--db', file]).stdout).toContain('integrity: ok');
    expect(runCliProcess(['list', '--db', file]).status).toBe(0);
    expect(sha(file)).toBe(hash);
  });
});
