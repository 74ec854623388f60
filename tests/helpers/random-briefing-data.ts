/**
 * Random but valid data for briefings: texts of every kind analysts type or paste (Chinese, English,
 * Polish, Greek, Russian, emoji, invisible joiners and soft hyphens, long unbroken URLs, line
 * breaks) and of every length up to each input's limit, written into a real data file.
 */
import fc from 'fast-check';
import type { BriefingRequest } from '../../shared/briefing';
import type { DB } from '../../electron/services/db/open';

const PIECES = [
  '广东', '产业', '集群', '数据', '核对', '统计局', '年报', '增加值', '新能源', '镕', '堃', '。', '，', '、', '：', '“', '”', '（', '）',
  ' ', ' ', 'the ', 'output ', 'value ', 'check ', 'against ', 'bureau ', 'Łódź ', 'Gdańsk ', 'źródło ', 'αβγ ', 'Δ ', 'Жизнь ', 'данные ',
  '🤖', '🚀', '👩‍💻', '❤️', '\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufeff', '\n', '\t', '12.5%', '3万亿元', '2024-09-30', '—', '…', '·',
  'https://stats.gd.gov.cn/tjgb/content/post_4412345678901234567890.html', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  '超过', '近', 'très ', 'café ',
];

/** A text of at least one visible character and at most `max` characters (code points). */
export function textOf(max: number, min = 1): fc.Arbitrary<string> {
  const length = fc.oneof({ weight: 5, arbitrary: fc.integer({ min, max: Math.min(max, 24) }) }, { weight: 3, arbitrary: fc.integer({ min, max: Math.min(max, 400) }) }, { weight: 2, arbitrary: fc.integer({ min: Math.max(min, Math.floor(max * 0.8)), max }) });
  return fc.tuple(length, fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 64, size: 'max' }), fc.constantFrom('审', 'A', '数', 'Z')).map(([n, pieces, first]) => {
    let s = first;
    for (let i = 0; [...s].length < n; i++) s += pieces[i % pieces.length];
    return [...s].slice(0, n).join('');
  });
}

export interface BriefingCase {
  request: Pick<BriefingRequest, 'title' | 'subtitle' | 'author' | 'marking'>;
  names: { entity: number; zh: string; en: string }[];
  notes: { figure: number; note: string }[];
  quotes: { figure: number; quote: string }[];
  source: { title: string; publisher: string } | null;
  annotations: { target: number; onFigure: boolean; body: string; author: string }[];
  factSheetEntity: number;
}

export const briefingCase: fc.Arbitrary<BriefingCase> = fc.record({
  request: fc.record({ title: fc.oneof(fc.constant(''), textOf(120)), subtitle: fc.oneof(fc.constant(''), textOf(200)), author: fc.oneof(fc.constant(''), textOf(120)), marking: fc.oneof(fc.constant(''), textOf(60)) }),
  names: fc.array(fc.record({ entity: fc.nat(26), zh: textOf(200), en: textOf(300) }), { maxLength: 4 }),
  notes: fc.array(fc.record({ figure: fc.nat(30), note: textOf(5000) }), { maxLength: 4 }),
  quotes: fc.array(fc.record({ figure: fc.nat(30), quote: textOf(5000) }), { maxLength: 3 }),
  source: fc.option(fc.record({ title: textOf(500), publisher: textOf(300) }), { nil: null }),
  annotations: fc.array(fc.record({ target: fc.nat(26), onFigure: fc.boolean(), body: textOf(20000), author: textOf(120) }), { maxLength: 6 }),
  factSheetEntity: fc.nat(26),
});

const AT = '2026-11-20T08:00:00Z';

/** Writes a case into a data file seeded with the default dataset. */
export function applyCase(db: DB, c: BriefingCase): { factSheetId: string } {
  const entities = db.prepare(`SELECT id FROM entities WHERE deleted_at IS NULL ORDER BY sort_order, id`).all() as { id: string }[];
  const figures = db.prepare(`SELECT id, entity_id FROM figures WHERE deleted_at IS NULL ORDER BY id`).all() as { id: number; entity_id: string | null }[];
  const entity = (i: number): string => entities[i % entities.length]!.id;
  const figure = (i: number): number => figures[i % figures.length]!.id;
  db.transaction(() => {
    for (const n of c.names) db.prepare(`UPDATE entities SET name_zh = ?, name_en = ? WHERE id = ?`).run(n.zh, n.en, entity(n.entity));
    for (const n of c.notes) db.prepare(`UPDATE figures SET note = ? WHERE id = ?`).run(n.note, figure(n.figure));
    for (const q of c.quotes) db.prepare(`UPDATE figures SET source_quote = ? WHERE id = ?`).run(q.quote, figure(q.figure));
    if (c.source) db.prepare(`UPDATE sources SET title = ?, publisher = ? WHERE id = (SELECT min(id) FROM sources)`).run(c.source.title, c.source.publisher);
    for (const a of c.annotations) {
      const owner = entity(a.target);
      const own = figures.filter((f) => f.entity_id === owner);
      const target = a.onFigure && own.length ? ['figure', String(own[0]!.id)] : ['entity', owner];
      db.prepare(
        `INSERT INTO annotations (target_type, target_id, body, author, include_in_briefing, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)`,
      ).run(target[0], target[1], a.body, a.author, AT, AT);
    }
  })();
  return { factSheetId: entity(c.factSheetEntity) };
}
