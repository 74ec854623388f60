/** Planted damage for tests: garbage over one page of a real, closed SQLite file. */
import Database from 'better-sqlite3';
import fs from 'node:fs';

/** Writes garbage over the root page of `name` (a table or an index), found in sqlite_schema. */
export function damagePage(file: string, name: string): void {
  const db = new Database(file);
  const root = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = ?`).pluck().get(name) as number | undefined;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  if (root === undefined) throw new Error(`no table or index ${name} in ${file}`);
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}
