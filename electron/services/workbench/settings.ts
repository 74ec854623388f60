/** The person's settings, kept in the data file: author name (asked on first start), language, theme. */
import os from 'node:os';
import { DEFAULT_LANG } from '../../../shared/i18n';
import { LangSchema, Theme, type Settings } from '../../../shared/workbench';
import type { DB } from '../db/open';

/** The operating system's user name, the suggestion for the author name. */
export function osUserName(): string {
  try {
    return os.userInfo().username || 'analyst';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'analyst';
  }
}

function read(db: DB, key: string): string | null {
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function getSettings(db: DB, defaultAuthorName: string = osUserName()): Settings {
  const lang = LangSchema.safeParse(read(db, 'lang'));
  const theme = Theme.safeParse(read(db, 'theme'));
  return {
    authorName: read(db, 'author_name'),
    defaultAuthorName,
    lang: lang.success ? lang.data : DEFAULT_LANG,
    theme: theme.success ? theme.data : 'system',
  };
}

export function updateSettings(db: DB, patch: { authorName?: string | undefined; lang?: Settings['lang'] | undefined; theme?: Settings['theme'] | undefined }): Settings {
  const put = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  db.transaction(() => {
    if (patch.authorName !== undefined) put.run('author_name', patch.authorName.trim());
    if (patch.lang !== undefined) put.run('lang', patch.lang);
    if (patch.theme !== undefined) put.run('theme', patch.theme);
  })();
  return getSettings(db);
}

/** Who a change is recorded as: the chosen name, else the operating system's user name. */
export function authorOf(db: DB): string {
  return read(db, 'author_name') ?? osUserName();
}
