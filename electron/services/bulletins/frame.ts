/** The frame defaults (报头 name, 编印单位, marking, 报送/抄送 lists) a new 简报 draft starts from, kept in settings. */
import { BulletinContent, BulletinFrame, frameLangOf, type FrameLang } from '../../../shared/bulletin';
import type { DB } from '../db/open';
import { parseInput } from '../db/revisions';

export const FALLBACK_FRAME: BulletinFrame = { name: '广东省战略性产业集群工作简报', unit: '', marking: '内部资料 注意保存', copyNumber: '', sendTo: [], copyTo: [], copies: null };

/** The built-in defaults of each: an English issue's head in English (it was the Chinese head). */
const FALLBACK: Record<FrameLang, BulletinFrame> = {
  zh: FALLBACK_FRAME,
  en: { name: 'Guangdong Strategic Industry Clusters Bulletin', unit: '', marking: 'Internal', copyNumber: '', sendTo: [], copyTo: [], copies: null },
};
const KEY: Record<FrameLang, string> = { zh: 'bulletin_frame', en: 'bulletin_frame_en' };

/** The stored defaults; a value that no longer fits the schema gives the built-in ones. */
export function frameDefaults(db: DB, lang: FrameLang = 'zh'): BulletinFrame {
  const raw = db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(KEY[lang]) as string | undefined;
  if (raw === undefined) return FALLBACK[lang];
  try {
    const parsed = BulletinFrame.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : FALLBACK[lang];
  } catch {
    return FALLBACK[lang];
  }
}

export function updateFrameDefaults(db: DB, raw: unknown, lang: FrameLang = 'zh'): BulletinFrame {
  const frame = parseInput(BulletinFrame, raw, 'bulletin frame');
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(KEY[lang], JSON.stringify(frame));
  return frame;
}

/** The content a new issue starts from: the frame defaults, a title, no text yet (not saved). */
export function blankContent(db: DB, title: string, lang: BulletinContent['lang']): BulletinContent {
  return parseInput(BulletinContent, { format: 'cluster-brief/bulletin', formatVersion: 1, lang, frame: frameDefaults(db, frameLangOf(lang)), title, editorNote: '', blocks: [] }, 'bulletin');
}
