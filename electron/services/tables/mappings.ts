/**
 * Saved table mappings: named, kept in the data file's settings under `table_mappings` as JSON, read
 * back through their zod schema (a damaged value reads as none, and is replaced on the next save).
 * A mapping names columns by header text, so next year's table maps the same way.
 */
import { AppError } from '../../../shared/errors';
import { MappingName, SavedMappings, TableMapping, type SavedMapping } from '../../../shared/table-import';
import type { DB } from '../db/open';
import { parseInput } from '../db/revisions';

const KEY = 'table_mappings';

export function listTableMappings(db: DB): SavedMapping[] {
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(KEY) as { value: string } | undefined;
  if (!row) return [];
  try {
    const parsed = SavedMappings.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function store(db: DB, mappings: SavedMapping[]): void {
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(KEY, JSON.stringify(mappings));
}

/** Saves (or replaces, by name) a mapping; returns them all, sorted by name. */
export function saveTableMapping(db: DB, name: string, mapping: TableMapping, now: Date = new Date()): SavedMapping[] {
  const cleanName = parseInput(MappingName, name, 'name');
  const checked = parseInput(TableMapping, mapping, 'mapping');
  return db.transaction(() => {
    const all = listTableMappings(db).filter((m) => m.name !== cleanName);
    all.push({ name: cleanName, savedAt: now.toISOString(), mapping: checked });
    all.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    store(db, parseInput(SavedMappings, all, 'mappings'));
    return all;
  })();
}

export function deleteTableMapping(db: DB, name: string): SavedMapping[] {
  return db.transaction(() => {
    const all = listTableMappings(db);
    const kept = all.filter((m) => m.name !== name);
    if (kept.length === all.length) throw new AppError('TABLE_MAPPING_NOT_FOUND', 'no such mapping', { name });
    store(db, kept);
    return kept;
  })();
}

export function findTableMapping(db: DB, name: string): TableMapping {
  const found = listTableMappings(db).find((m) => m.name === name);
  if (!found) throw new AppError('TABLE_MAPPING_NOT_FOUND', 'no such mapping', { name });
  return found.mapping;
}
