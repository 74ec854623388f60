/**
 * Saved briefing definitions: a named set of choices (template, entities, language, title block,
 * marking) that can be run again. Saving under an existing name replaces that definition.
 */
import { BriefingDefinitionInput, BriefingRequest, type BriefingDefinition } from '../../../shared/briefing';
import { AppError } from '../../../shared/errors';
import type { DB } from '../db/open';

interface DefinitionRow {
  id: number;
  name: string;
  template: string;
  entity_ids: string;
  lang: string;
  title: string;
  subtitle: string;
  author: string;
  marking: string;
  created_at: string;
  updated_at: string;
}

function toDefinition(r: DefinitionRow): BriefingDefinition {
  return {
    id: r.id,
    name: r.name,
    request: BriefingRequest.parse({
      template: r.template,
      entityIds: JSON.parse(r.entity_ids) as unknown,
      lang: r.lang,
      title: r.title,
      subtitle: r.subtitle,
      author: r.author,
      marking: r.marking,
    }),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listBriefingDefinitions(db: DB): BriefingDefinition[] {
  const rows = db.prepare(`SELECT * FROM briefing_definitions ORDER BY updated_at DESC, id DESC`).all() as DefinitionRow[];
  return rows.map(toDefinition);
}

export function getBriefingDefinition(db: DB, id: number): BriefingDefinition {
  const row = db.prepare(`SELECT * FROM briefing_definitions WHERE id = ?`).get(id) as DefinitionRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'briefing definition not found', { what: 'briefing', id });
  return toDefinition(row);
}

export function saveBriefingDefinition(db: DB, raw: BriefingDefinitionInput, at: string = new Date().toISOString()): BriefingDefinition {
  const input = BriefingDefinitionInput.parse(raw);
  const r = input.request;
  const values = { name: input.name, template: r.template, entityIds: JSON.stringify(r.entityIds), lang: r.lang, title: r.title, subtitle: r.subtitle, author: r.author, marking: r.marking, at };
  return db.transaction(() => {
    let id = input.id;
    if (id !== undefined) {
      getBriefingDefinition(db, id);
      const clash = db.prepare(`SELECT id FROM briefing_definitions WHERE name = ? AND id <> ?`).get(input.name, id) as { id: number } | undefined;
      if (clash) db.prepare(`DELETE FROM briefing_definitions WHERE id = ?`).run(clash.id);
      db.prepare(
        `UPDATE briefing_definitions
            SET name = @name, template = @template, entity_ids = @entityIds, lang = @lang, title = @title,
                subtitle = @subtitle, author = @author, marking = @marking, updated_at = @at
          WHERE id = @id`,
      ).run({ ...values, id });
    } else {
      const row = db
        .prepare(
          `INSERT INTO briefing_definitions (name, template, entity_ids, lang, title, subtitle, author, marking, created_at, updated_at)
           VALUES (@name, @template, @entityIds, @lang, @title, @subtitle, @author, @marking, @at, @at)
           ON CONFLICT (name) DO UPDATE
              SET template = excluded.template, entity_ids = excluded.entity_ids, lang = excluded.lang, title = excluded.title,
                  subtitle = excluded.subtitle, author = excluded.author, marking = excluded.marking, updated_at = excluded.updated_at
           RETURNING id`,
        )
        .get(values) as { id: number };
      id = row.id;
    }
    return getBriefingDefinition(db, id);
  })();
}

export function deleteBriefingDefinition(db: DB, id: number): { id: number } {
  db.transaction(() => {
    getBriefingDefinition(db, id);
    db.prepare(`DELETE FROM briefing_definitions WHERE id = ?`).run(id);
  })();
  return { id };
}
