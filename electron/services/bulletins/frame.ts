/** The frame defaults (报头 name, 编印单位, marking, 报送/抄送 lists) a new 简报 draft starts from, kept in settings. */
import { BulletinContent, BulletinFrame } from '../../../shared/bulletin';
import type { DB } from '../db/open';
import { parseInput } from '../db/revisions';

export const FALLBACK_FRAME: BulletinFrame = { name: '广东省战略性产业集群工作简报', unit: '', marking: '内部资料 注意保存', copyNumber: '', sendTo: [], copyTo: [], copies: null };

/** The stored defaults; a value that no longer fits the schema gives the built-in ones. */
export function frameDefaults(db: DB): BulletinFrame {
  const raw = db.prepare(`SELECT value FROM settings WHERE key = 'bulletin_frame'`).pluck().get() as string | undefined;
  if (raw === undefined) return FALLBACK_FRAME;
  try {
    const parsed = BulletinFrame.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : FALLBACK_FRAME;
  } catch {
    return FALLBACK_FRAME;
  }
}

export function updateFrameDefaults(db: DB, raw: unknown): BulletinFrame {
  const frame = parseInput(BulletinFrame, raw, 'bulletin frame');
  db.prepare(`INSERT INTO settings (key, value) VALUES ('bulletin_frame', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(frame));
  return frame;
}

/** The content a new issue starts from: the frame defaults, a title, no text yet (not saved). */
export function blankContent(db: DB, title: string, lang: BulletinContent['lang']): BulletinContent {
  return parseInput(BulletinContent, { format: 'cluster-brief/bulletin', formatVersion: 1, lang, frame: frameDefaults(db), title, editorNote: '', blocks: [] }, 'bulletin');
}
