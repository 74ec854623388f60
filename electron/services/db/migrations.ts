/**
 * The schema, as numbered migrations. Migration N brings a file from user_version N-1 to N; each
 * runs in its own transaction together with the user_version bump. Never edit a released migration:
 * add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'entities, figures, sources, annotations, revisions, milestones',
    sql: /* sql */ `
      CREATE TABLE sources (
        id            INTEGER PRIMARY KEY,
        title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        publisher     TEXT NOT NULL,
        author        TEXT,
        published_on  TEXT CHECK (published_on IS NULL OR published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        url           TEXT,
        excerpt       TEXT,
        created_at    TEXT NOT NULL,
        deleted_at    TEXT
      );

      CREATE TABLE entities (
        id          TEXT PRIMARY KEY,
        name_zh     TEXT NOT NULL,
        name_en     TEXT NOT NULL,
        category    TEXT NOT NULL CHECK (category IN ('pillar', 'emerging', 'future')),
        tier        TEXT CHECK (tier IS NULL OR tier IN ('over_1t', 'over_500b', 'over_100b', 'over_10b')),
        sort_order  INTEGER NOT NULL,
        changed_at  TEXT NOT NULL,
        changed_by  TEXT NOT NULL,
        deleted_at  TEXT
      );
      CREATE INDEX entities_by_category ON entities (category, sort_order);

      CREATE TABLE figures (
        id            INTEGER PRIMARY KEY,
        scope         TEXT NOT NULL CHECK (scope IN ('entity', 'province', 'strategic_clusters', 'pillar_clusters', 'emerging_clusters', 'future_industries')),
        entity_id     TEXT REFERENCES entities (id),
        metric        TEXT NOT NULL,
        value         REAL NOT NULL,
        unit          TEXT NOT NULL,
        qualifier     TEXT NOT NULL CHECK (qualifier IN ('exact', 'over', 'at_least', 'nearly', 'about', 'target')),
        period        TEXT NOT NULL,
        source_id     INTEGER REFERENCES sources (id),
        source_quote  TEXT,
        note          TEXT,
        changed_at    TEXT NOT NULL,
        changed_by    TEXT NOT NULL,
        deleted_at    TEXT,
        CHECK ((scope = 'entity') = (entity_id IS NOT NULL))
      );
      CREATE INDEX figures_by_entity ON figures (entity_id, metric, period);
      CREATE INDEX figures_by_scope ON figures (scope, metric, period);

      CREATE TABLE milestones (
        id            INTEGER PRIMARY KEY,
        year          INTEGER NOT NULL,
        text_zh       TEXT NOT NULL,
        text_en       TEXT NOT NULL,
        source_id     INTEGER REFERENCES sources (id),
        source_quote  TEXT,
        sort_order    INTEGER NOT NULL
      );

      CREATE TABLE annotations (
        id                   INTEGER PRIMARY KEY,
        target_type          TEXT NOT NULL CHECK (target_type IN ('entity', 'figure')),
        target_id            TEXT NOT NULL,
        body                 TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        author               TEXT NOT NULL,
        tags                 TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        status               TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        include_in_briefing  INTEGER NOT NULL DEFAULT 0 CHECK (include_in_briefing IN (0, 1)),
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL,
        deleted_at           TEXT
      );
      CREATE INDEX annotations_by_target ON annotations (target_type, target_id);

      -- Every change to a figure, entity, source or annotation: who, when, before and after (JSON).
      -- Rows written by one user action share a batch id, so undo can take the action back whole.
      CREATE TABLE revisions (
        id           INTEGER PRIMARY KEY,
        batch_id     TEXT NOT NULL,
        target_type  TEXT NOT NULL CHECK (target_type IN ('entity', 'figure', 'source', 'annotation')),
        target_id    TEXT NOT NULL,
        action       TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
        author       TEXT NOT NULL,
        at           TEXT NOT NULL,
        before_json  TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
        after_json   TEXT CHECK (after_json IS NULL OR json_valid(after_json))
      );
      CREATE INDEX revisions_by_target ON revisions (target_type, target_id, id);
      CREATE INDEX revisions_by_batch ON revisions (batch_id);

      -- Facts about the file itself: which dataset seeded it and when.
      CREATE TABLE meta (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'workbench: settings, undo batches, full-text search, indexes for 100,000 figures',
    sql: /* sql */ `
      -- Settings a person chooses (author name, language, theme), kept in the data file.
      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );

      -- One row per user action, in order: the undo/redo stack survives a restart. A 'change' is
      -- done, undone, or dropped (undone and then superseded by a new change, so it cannot be redone);
      -- an 'undo' or 'redo' batch names the change it took back or applied again.
      CREATE TABLE batches (
        seq      INTEGER PRIMARY KEY,
        id       TEXT NOT NULL UNIQUE,
        author   TEXT NOT NULL,
        at       TEXT NOT NULL,
        kind     TEXT NOT NULL DEFAULT 'change' CHECK (kind IN ('change', 'undo', 'redo')),
        reverts  TEXT REFERENCES batches (id),
        state    TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped')),
        CHECK ((kind = 'change') = (reverts IS NULL))
      );
      CREATE INDEX batches_by_state ON batches (kind, state, seq);
      CREATE INDEX batches_by_reverts ON batches (reverts, seq);
      INSERT INTO batches (id, author, at)
        SELECT batch_id, author, min(at) FROM revisions GROUP BY batch_id ORDER BY min(id);

      -- Full-text search: Han characters are indexed one by one (cb_search_text, registered when
      -- the file is opened), so Chinese and English both match. Triggers keep the index in step
      -- with every write, in the same transaction.
      CREATE VIRTUAL TABLE figures_fts USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE entities_fts USING fts5 (entity_id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE sources_fts USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE annotations_fts USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');

      CREATE TRIGGER figures_fts_insert AFTER INSERT ON figures BEGIN
        INSERT INTO figures_fts (rowid, text) VALUES (new.id, cb_search_text(concat_ws(' ', new.note, new.source_quote)));
      END;
      -- Re-index only when the indexed text really changed (an import that changes values is not slowed).
      CREATE TRIGGER figures_fts_update AFTER UPDATE OF note, source_quote ON figures
      WHEN old.note IS NOT new.note OR old.source_quote IS NOT new.source_quote BEGIN
        DELETE FROM figures_fts WHERE rowid = old.id;
        INSERT INTO figures_fts (rowid, text) VALUES (new.id, cb_search_text(concat_ws(' ', new.note, new.source_quote)));
      END;
      CREATE TRIGGER figures_fts_delete AFTER DELETE ON figures BEGIN
        DELETE FROM figures_fts WHERE rowid = old.id;
      END;

      CREATE TRIGGER entities_fts_insert AFTER INSERT ON entities BEGIN
        INSERT INTO entities_fts (entity_id, text) VALUES (new.id, cb_search_text(concat_ws(' ', new.name_zh, new.name_en)));
      END;
      CREATE TRIGGER entities_fts_update AFTER UPDATE OF id, name_zh, name_en ON entities
      WHEN old.id IS NOT new.id OR old.name_zh IS NOT new.name_zh OR old.name_en IS NOT new.name_en BEGIN
        DELETE FROM entities_fts WHERE entity_id = old.id;
        INSERT INTO entities_fts (entity_id, text) VALUES (new.id, cb_search_text(concat_ws(' ', new.name_zh, new.name_en)));
      END;
      CREATE TRIGGER entities_fts_delete AFTER DELETE ON entities BEGIN
        DELETE FROM entities_fts WHERE entity_id = old.id;
      END;

      CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
        INSERT INTO sources_fts (rowid, text) VALUES (new.id, cb_search_text(concat_ws(' ', new.title, new.publisher, new.excerpt)));
      END;
      CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, publisher, excerpt ON sources
      WHEN old.title IS NOT new.title OR old.publisher IS NOT new.publisher OR old.excerpt IS NOT new.excerpt BEGIN
        DELETE FROM sources_fts WHERE rowid = old.id;
        INSERT INTO sources_fts (rowid, text) VALUES (new.id, cb_search_text(concat_ws(' ', new.title, new.publisher, new.excerpt)));
      END;
      CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
        DELETE FROM sources_fts WHERE rowid = old.id;
      END;

      CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
        INSERT INTO annotations_fts (rowid, text) VALUES (new.id, cb_search_text(concat_ws(' ', new.body, new.tags)));
      END;
      CREATE TRIGGER annotations_fts_update AFTER UPDATE OF body, tags ON annotations
      WHEN old.body IS NOT new.body OR old.tags IS NOT new.tags BEGIN
        DELETE FROM annotations_fts WHERE rowid = old.id;
        INSERT INTO annotations_fts (rowid, text) VALUES (new.id, cb_search_text(concat_ws(' ', new.body, new.tags)));
      END;
      CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
        DELETE FROM annotations_fts WHERE rowid = old.id;
      END;

      INSERT INTO figures_fts (rowid, text) SELECT id, cb_search_text(concat_ws(' ', note, source_quote)) FROM figures;
      INSERT INTO entities_fts (entity_id, text) SELECT id, cb_search_text(concat_ws(' ', name_zh, name_en)) FROM entities;
      INSERT INTO sources_fts (rowid, text) SELECT id, cb_search_text(concat_ws(' ', title, publisher, excerpt)) FROM sources;
      INSERT INTO annotations_fts (rowid, text) SELECT id, cb_search_text(concat_ws(' ', body, tags)) FROM annotations;

      -- The figures table at 100,000 rows: live rows in each sort order, and the filters' lookups.
      CREATE INDEX figures_live_by_changed ON figures (changed_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX figures_live_by_value ON figures (value, id) WHERE deleted_at IS NULL;
      CREATE INDEX figures_live_by_period ON figures (period, id) WHERE deleted_at IS NULL;
      CREATE INDEX figures_live_by_metric ON figures (metric, period, id) WHERE deleted_at IS NULL;
      CREATE INDEX figures_live_by_metric_value ON figures (metric, value, id) WHERE deleted_at IS NULL;
      CREATE INDEX figures_live_province ON figures (changed_at, id) WHERE deleted_at IS NULL AND scope <> 'entity';
      CREATE INDEX figures_live_by_entity ON figures (entity_id, metric, period) WHERE deleted_at IS NULL;
      CREATE INDEX figures_by_source ON figures (source_id);
      CREATE INDEX annotations_open_by_target ON annotations (target_type, target_id) WHERE deleted_at IS NULL AND status = 'open';
      CREATE INDEX annotations_by_status ON annotations (status, updated_at) WHERE deleted_at IS NULL;
    `,
  },
  {
    version: 3,
    name: 'saved briefing definitions',
    sql: /* sql */ `
      CREATE TABLE briefing_definitions (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),
        template    TEXT NOT NULL CHECK (template IN ('one-page', 'full', 'fact-sheet')),
        entity_ids  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(entity_ids)),
        lang        TEXT NOT NULL CHECK (lang IN ('zh', 'en', 'bilingual')),
        title       TEXT NOT NULL DEFAULT '',
        subtitle    TEXT NOT NULL DEFAULT '',
        author      TEXT NOT NULL DEFAULT '',
        marking     TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'bulletins (简报): drafts and issued issues, their search index, frame defaults; revisions may name a bulletin',
    sql: /* sql */ `
      -- The change log may now name a bulletin. SQLite cannot change a CHECK in place: the table is
      -- rebuilt with the same columns, rows and indexes (nothing refers to it by foreign key).
      CREATE TABLE revisions_v4 (
        id           INTEGER PRIMARY KEY,
        batch_id     TEXT NOT NULL,
        target_type  TEXT NOT NULL CHECK (target_type IN ('entity', 'figure', 'source', 'annotation', 'bulletin')),
        target_id    TEXT NOT NULL,
        action       TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
        author       TEXT NOT NULL,
        at           TEXT NOT NULL,
        before_json  TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
        after_json   TEXT CHECK (after_json IS NULL OR json_valid(after_json))
      );
      INSERT INTO revisions_v4 SELECT id, batch_id, target_type, target_id, action, author, at, before_json, after_json FROM revisions ORDER BY id;
      DROP TABLE revisions;
      ALTER TABLE revisions_v4 RENAME TO revisions;
      CREATE INDEX revisions_by_target ON revisions (target_type, target_id, id);
      CREATE INDEX revisions_by_batch ON revisions (batch_id);

      -- An issue of the 简报: a draft the analyst edits, or an issued one (签发), frozen and read-only.
      -- content: BulletinContent (shared/bulletin.ts), validated on every write and read.
      -- frozen: what an issued one prints, whatever the data becomes (BulletinFreeze, shared/bulletin-store.ts).
      CREATE TABLE bulletins (
        id             INTEGER PRIMARY KEY,
        kind           TEXT NOT NULL DEFAULT 'draft' CHECK (kind IN ('draft', 'issued')),
        content        TEXT NOT NULL CHECK (json_valid(content)),
        title          TEXT NOT NULL,
        body_text      TEXT NOT NULL DEFAULT '',
        year           INTEGER,
        number         INTEGER,
        total          INTEGER,
        supplement     INTEGER CHECK (supplement IS NULL OR supplement IN (0, 1)),
        issued_at      TEXT,
        correction_of  INTEGER REFERENCES bulletins (id),
        frozen         TEXT CHECK (frozen IS NULL OR json_valid(frozen)),
        created_at     TEXT NOT NULL,
        created_by     TEXT NOT NULL,
        changed_at     TEXT NOT NULL,
        changed_by     TEXT NOT NULL,
        deleted_at     TEXT,
        CHECK ((kind = 'issued') = (year IS NOT NULL AND number IS NOT NULL AND supplement IS NOT NULL AND issued_at IS NOT NULL AND frozen IS NOT NULL)),
        CHECK (kind = 'issued' OR (year IS NULL AND number IS NULL AND total IS NULL AND supplement IS NULL AND issued_at IS NULL AND frozen IS NULL))
      );
      -- 第N期 once per year (增刊 numbered apart); 总第M期 once overall.
      CREATE UNIQUE INDEX bulletins_issue_number ON bulletins (year, supplement, number) WHERE kind = 'issued';
      CREATE UNIQUE INDEX bulletins_issue_total ON bulletins (total) WHERE total IS NOT NULL;
      CREATE INDEX bulletins_by_kind ON bulletins (kind, year, number);
      CREATE INDEX bulletins_by_correction ON bulletins (correction_of) WHERE correction_of IS NOT NULL;

      CREATE VIRTUAL TABLE bulletins_fts USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER bulletins_fts_insert AFTER INSERT ON bulletins BEGIN
        INSERT INTO bulletins_fts (rowid, text) VALUES (new.id, cb_search_text(concat_ws(' ', new.title, new.body_text)));
      END;
      CREATE TRIGGER bulletins_fts_update AFTER UPDATE OF title, body_text ON bulletins
      WHEN old.title IS NOT new.title OR old.body_text IS NOT new.body_text BEGIN
        DELETE FROM bulletins_fts WHERE rowid = old.id;
        INSERT INTO bulletins_fts (rowid, text) VALUES (new.id, cb_search_text(concat_ws(' ', new.title, new.body_text)));
      END;
      CREATE TRIGGER bulletins_fts_delete AFTER DELETE ON bulletins BEGIN
        DELETE FROM bulletins_fts WHERE rowid = old.id;
      END;

      -- The frame defaults (报头 name, 编印单位, marking, 报送/抄送 lists) a new draft starts from.
      INSERT INTO settings (key, value) VALUES ('bulletin_frame', json_object(
        'name', '广东省战略性产业集群工作简报', 'unit', '', 'marking', '内部资料 注意保存', 'copyNumber', '',
        'sendTo', json_array(), 'copyTo', json_array(), 'copies', NULL))
      ON CONFLICT (key) DO NOTHING;
    `,
  },
  {
    version: 5,
    name: 'data analysts track: a metric catalog, the cities of Guangdong, a figure\'s city, acknowledged check findings',
    sql: /* sql */ `
      -- The change log may now name a metric (the catalog is edited like everything else) and an
      -- acknowledged data-check finding. Rebuilt as in version 4: SQLite cannot change a CHECK in place.
      CREATE TABLE revisions_v5 (
        id           INTEGER PRIMARY KEY,
        batch_id     TEXT NOT NULL,
        target_type  TEXT NOT NULL CHECK (target_type IN ('entity', 'figure', 'source', 'annotation', 'bulletin', 'metric', 'finding')),
        target_id    TEXT NOT NULL,
        action       TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
        author       TEXT NOT NULL,
        at           TEXT NOT NULL,
        before_json  TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
        after_json   TEXT CHECK (after_json IS NULL OR json_valid(after_json))
      );
      INSERT INTO revisions_v5 SELECT id, batch_id, target_type, target_id, action, author, at, before_json, after_json FROM revisions ORDER BY id;
      DROP TABLE revisions;
      ALTER TABLE revisions_v5 RENAME TO revisions;
      CREATE INDEX revisions_by_target ON revisions (target_type, target_id, id);
      CREATE INDEX revisions_by_batch ON revisions (batch_id);

      -- The metric catalog: the six metrics of the seeded article, and those analysts add.
      -- kind: money (units 元/万元/亿元), percent, count, or other (a unit label of its own).
      CREATE TABLE metrics (
        id               TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9_]*'),
        name_zh          TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 60),
        name_en          TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
        kind             TEXT NOT NULL CHECK (kind IN ('money', 'percent', 'count', 'other')),
        unit_label_zh    TEXT CHECK (unit_label_zh IS NULL OR length(unit_label_zh) BETWEEN 1 AND 20),
        unit_label_en    TEXT CHECK (unit_label_en IS NULL OR length(unit_label_en) BETWEEN 1 AND 40),
        may_be_negative  INTEGER NOT NULL CHECK (may_be_negative IN (0, 1)),
        description      TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        builtin          INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        sort_order       INTEGER NOT NULL,
        changed_at       TEXT NOT NULL,
        changed_by       TEXT NOT NULL,
        deleted_at       TEXT,
        CHECK ((kind = 'other') = (unit_label_zh IS NOT NULL AND unit_label_en IS NOT NULL))
      );
      INSERT INTO metrics (id, name_zh, name_en, kind, may_be_negative, builtin, sort_order, changed_at, changed_by) VALUES
        ('output_value',       '产值',             'Output value',                      'money',   0, 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ'), 'migration'),
        ('revenue',            '营业收入',         'Revenue',                           'money',   0, 1, 2, strftime('%Y-%m-%dT%H:%M:%fZ'), 'migration'),
        ('added_value',        '增加值',           'Added value',                       'money',   0, 1, 3, strftime('%Y-%m-%dT%H:%M:%fZ'), 'migration'),
        ('added_value_growth', '增加值同比增长',   'Added value growth, year on year',  'percent', 1, 1, 4, strftime('%Y-%m-%dT%H:%M:%fZ'), 'migration'),
        ('gdp_share',          '占全省 GDP 比重',  'Share of Guangdong''s GDP',         'percent', 0, 1, 5, strftime('%Y-%m-%dT%H:%M:%fZ'), 'migration'),
        ('enterprises',        '企业数量',         'Number of enterprises',             'count',   0, 1, 6, strftime('%Y-%m-%dT%H:%M:%fZ'), 'migration');
      -- Every figure keeps its metric: one an earlier version did not know becomes an 'other' metric.
      INSERT INTO metrics (id, name_zh, name_en, kind, unit_label_zh, unit_label_en, may_be_negative, sort_order, changed_at, changed_by)
        SELECT DISTINCT f.metric, f.metric, f.metric, 'other', f.unit, f.unit, 1, 100, strftime('%Y-%m-%dT%H:%M:%fZ'), 'migration'
        FROM figures f WHERE f.metric NOT IN (SELECT id FROM metrics) GROUP BY f.metric;

      -- A figure's metric is in the catalog (SQLite cannot add a foreign key to an existing table).
      CREATE TRIGGER figures_metric_known_insert BEFORE INSERT ON figures
      WHEN NOT EXISTS (SELECT 1 FROM metrics WHERE id = new.metric AND deleted_at IS NULL) BEGIN
        SELECT RAISE(ABORT, 'unknown metric');
      END;
      CREATE TRIGGER figures_metric_known_update BEFORE UPDATE OF metric ON figures
      WHEN NOT EXISTS (SELECT 1 FROM metrics WHERE id = new.metric AND deleted_at IS NULL) BEGIN
        SELECT RAISE(ABORT, 'unknown metric');
      END;
      -- A metric in use by a live figure cannot be deleted.
      CREATE TRIGGER metrics_in_use_delete BEFORE UPDATE OF deleted_at ON metrics
      WHEN new.deleted_at IS NOT NULL AND EXISTS (SELECT 1 FROM figures WHERE metric = old.id AND deleted_at IS NULL) BEGIN
        SELECT RAISE(ABORT, 'metric in use');
      END;
      CREATE TRIGGER metrics_in_use_remove BEFORE DELETE ON metrics
      WHEN EXISTS (SELECT 1 FROM figures WHERE metric = old.id) BEGIN
        SELECT RAISE(ABORT, 'metric in use');
      END;

      -- The 21 prefecture-level cities of Guangdong with their GB/T 2260 codes (the province is 440000).
      CREATE TABLE cities (
        code        TEXT PRIMARY KEY CHECK (code GLOB '44[0-9][0-9][0-9][0-9]'),
        name_zh     TEXT NOT NULL UNIQUE,
        name_en     TEXT NOT NULL UNIQUE,
        sort_order  INTEGER NOT NULL
      );
      INSERT INTO cities (code, name_zh, name_en, sort_order) VALUES
        ('440100', '广州市', 'Guangzhou', 1),  ('440200', '韶关市', 'Shaoguan', 2),  ('440300', '深圳市', 'Shenzhen', 3),
        ('440400', '珠海市', 'Zhuhai', 4),     ('440500', '汕头市', 'Shantou', 5),   ('440600', '佛山市', 'Foshan', 6),
        ('440700', '江门市', 'Jiangmen', 7),   ('440800', '湛江市', 'Zhanjiang', 8), ('440900', '茂名市', 'Maoming', 9),
        ('441200', '肇庆市', 'Zhaoqing', 10),  ('441300', '惠州市', 'Huizhou', 11),  ('441400', '梅州市', 'Meizhou', 12),
        ('441500', '汕尾市', 'Shanwei', 13),   ('441600', '河源市', 'Heyuan', 14),   ('441700', '阳江市', 'Yangjiang', 15),
        ('441800', '清远市', 'Qingyuan', 16),  ('441900', '东莞市', 'Dongguan', 17), ('442000', '中山市', 'Zhongshan', 18),
        ('445100', '潮州市', 'Chaozhou', 19),  ('445200', '揭阳市', 'Jieyang', 20),  ('445300', '云浮市', 'Yunfu', 21);

      -- A figure may be about one city (NULL: the whole province, or the entity province-wide).
      ALTER TABLE figures ADD COLUMN city_code TEXT REFERENCES cities (code);
      CREATE INDEX figures_live_by_city ON figures (city_code, metric, period) WHERE deleted_at IS NULL AND city_code IS NOT NULL;

      -- A data-check finding the analyst looked at and accepted, with a note; keyed by the check and
      -- a stable description of what it found (e.g. the figure ids), so it stays acknowledged until
      -- the data behind it changes.
      CREATE TABLE finding_acknowledgements (
        id          INTEGER PRIMARY KEY,
        check_id    TEXT NOT NULL CHECK (length(check_id) BETWEEN 1 AND 64),
        subject     TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 2000),
        note        TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
        author      TEXT NOT NULL,
        at          TEXT NOT NULL,
        deleted_at  TEXT
      );
      CREATE UNIQUE INDEX finding_acknowledgements_live ON finding_acknowledgements (check_id, subject) WHERE deleted_at IS NULL;
    `,
  },
  {
    version: 6,
    name: 'data checks: live figures in series order',
    sql: /* sql */ `
      -- The data checks (electron/services/checks/queries.ts) group and order live figures by series
      -- (scope, entity, city, metric), then period, targets apart: read in this order, with no sort.
      CREATE INDEX figures_live_by_series ON figures (scope, entity_id, city_code, metric, period, qualifier = 'target') WHERE deleted_at IS NULL;
    `,
  },
  {
    version: 7,
    name: 'cities found by search (zh/en name, code)',
    sql: /* sql */ `
      -- The cities are fixed data: their search text is written once (no triggers needed).
      CREATE VIRTUAL TABLE cities_fts USING fts5 (city_code UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO cities_fts (city_code, text) SELECT code, cb_search_text(concat_ws(' ', name_zh, name_en, code)) FROM cities;
    `,
  },
  {
    version: 8,
    name: 'data checks: series with their values, read without the table',
    sql: /* sql */ `
      -- The series checks (gaps, year-on-year, out of date) read every live figure in series and
      -- period order with its id, qualifier, value and unit: all in this index, so no table row is
      -- read per figure (at 100,000 figures the row lookups were most of their time). deleted_at is
      -- listed too: without it SQLite does not count the partial index as covering.
      CREATE INDEX figures_live_series_values ON figures (scope, entity_id, city_code, metric, period, id, qualifier, value, unit, deleted_at) WHERE deleted_at IS NULL;
    `,
  },
  {
    version: 9,
    name: 'undo names an import by its file',
    sql: /* sql */ `
      -- The file a workbook or table import read (its name, no folder), on the one batch the import
      -- wrote: undo and redo say "导入 集群数据.xlsx（2000 项修改）" rather than naming its first row.
      -- Null for every other change (and for imports made before this version).
      ALTER TABLE batches ADD COLUMN import_file TEXT;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
