/**
 * A form's save against what the form showed: refused (CHANGED_ELSEWHERE) when the object changed
 * since the change time it was filled from, by another window, the command line or an import. Called
 * inside the action's IMMEDIATE transaction (workbench/actions.ts, bulletins/actions.ts).
 */
import { AppError } from '../../../shared/errors';
import { formatFigure } from '../../../shared/format';
import { figureSnapshot } from './figures';
import { namedTargets } from './history';
import type { DB } from './open';
import { statement } from './statements';

/** Where each kind the forms edit keeps its last change's time. */
const CHANGED_AT = {
  figure: `SELECT changed_at AS at, deleted_at FROM figures WHERE id = ?`,
  entity: `SELECT changed_at AS at, deleted_at FROM entities WHERE id = ?`,
  annotation: `SELECT updated_at AS at, deleted_at FROM annotations WHERE id = ?`,
  bulletin: `SELECT changed_at AS at, deleted_at FROM bulletins WHERE id = ?`,
} as const;

/**
 * A save from a form refused when the object changed after the form showed it (`seen`: the change
 * time the form was filled from) — by another window, the command line or an import: it wrote every
 * field the form held, so the other change was undone without a word, fields the person never touched
 * included. Names the object, who changed it and, for a figure, its value now; deleted since says so.
 */
export function mustBeAsSeen(db: DB, type: keyof typeof CHANGED_AT, id: string | number, seen: string | undefined): void {
  if (seen === undefined) return;
  const row = statement(db, CHANGED_AT[type]).get(id) as { at: string; deleted_at: string | null } | undefined;
  if (!row || (row.at === seen && row.deleted_at === null)) return;
  const names = namedTargets(db, [{ type, id: String(id) }]);
  const now = type === 'figure' && row.deleted_at === null ? figureNow(db, Number(id)) : null;
  throw new AppError('CHANGED_ELSEWHERE', `${type} changed since the form was filled`, {
    names: names.zh,
    namesEn: names.en,
    changedAt: row.at,
    deleted: row.deleted_at === null ? 0 : 1,
    ...(now ? { value: now.zh, valueEn: now.en } : {}),
  });
}

function figureNow(db: DB, id: number): { zh: string; en: string } | null {
  const figure = figureSnapshot(db, id);
  if (!figure) return null;
  const label = (db.prepare(`SELECT unit_label_zh AS zh, unit_label_en AS en FROM metrics WHERE id = ?`).get(figure.metric) as { zh: string | null; en: string | null } | undefined) ?? null;
  const unitLabel = label?.zh && label.en ? { zh: label.zh, en: label.en } : null;
  return { zh: formatFigure(figure, 'zh-CN', unitLabel), en: formatFigure(figure, 'en', unitLabel) };
}
