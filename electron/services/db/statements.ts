/**
 * Prepared statements compiled once per connection. Compiling SQL costs more than running it, and
 * a workbook import runs the same few statements 100,000 times.
 */
import type Database from 'better-sqlite3';

const CACHE = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(db: Database.Database, sql: string): Database.Statement {
  let statements = CACHE.get(db);
  if (!statements) {
    statements = new Map();
    CACHE.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}
