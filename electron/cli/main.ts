/**
 * `cluster-brief` — the command line over the same data file as the app.
 *   cluster-brief list [--json] [--db <file>]
 *   cluster-brief init [--db <file>]
 *   cluster-brief info [--db <file>]
 *   cluster-brief backup --out <file> [--db <file>]
 *   cluster-brief backups [--json] [--db <file>]
 *   cluster-brief restore <backup> [--db <file>]
 *   cluster-brief export pdf --template one-page|full|fact-sheet [--entity <id>] --lang zh|en|bilingual --out <file> [--db <file>]
 *   cluster-brief export docx --template one-page|full|fact-sheet [--entity <id>] --lang zh|en|bilingual --out <file> [--db <file>]
 *   cluster-brief export xlsx --out <file> [--lang zh|en] [--db <file>]
 *   cluster-brief import xlsx <file> [--dry-run] [--include-removals] [--overwrite-newer] [--author <name>] [--db <file>]
 *   cluster-brief import table <file> --mapping <saved name|mapping.json> [--source <id>] [--dry-run] [--author <name>] [--db <file>]
 *   cluster-brief issue list [--json] [--db <file>]
 *   cluster-brief issue export <id|期号> --format pdf|docx --out <file> [--db <file>]
 *   cluster-brief check [--json] [--lang zh|en] [--db <file>]
 */
import { parseArgs } from 'node:util';
import { AppError, describeErrorBilingual, toErrorPayload } from '../../shared/errors';
import { backupTo } from '../services/db/backup';
import { openDataFile, schemaVersion, type DB } from '../services/db/open';
import { dataVersion, dumpDataset } from '../services/db/read';
import { BRIEFING_LANGS, BRIEFING_TEMPLATES, BriefingLang, BriefingTemplate } from '../../shared/briefing';
import { resolveDataFile } from '../services/paths';
import { APP_NAME, APP_VERSION } from '../services/version';
import { mustBeWhole } from '../services/db/health';
import { backupsCommand, restoreCommand } from './backups';
import { catalogFor, onlyMetric, renderListText, renderMetrics } from './metrics';
// PDF and workbook code (pdfmake, echarts, fontkit, exceljs) loads only for the commands that use
// it: `--version`, `list` and `info` start without parsing those libraries.
const loadWorkbookCommands = () => import('./workbook');
const loadIssueCommands = () => import('./issues');
const loadCheckCommand = () => import('./checks');
const loadTableCommand = () => import('./table');

const USAGE = `Cluster Brief ${APP_VERSION} — 产业集群简报工作台

Usage / 用法:
  cluster-brief list [--json] [--metric <id>] [--db <file>]
                                              print the whole dataset (JSON with --json); only
                                              one metric of the catalog with --metric
  cluster-brief metrics [--json] [--db <file>]  the metric catalog: id, names, kind, figures using it
  cluster-brief init [--db <file>]            create a data file with the default dataset
  cluster-brief info [--db <file>]            data file path, schema and data version
  cluster-brief backup --out <file> [--db <file>]
                                              a consistent copy of the data file (safe while the
                                              app is open; never overwrites)
  cluster-brief backups [--json] [--db <file>]  the backups kept beside the data file, newest first
  cluster-brief restore <backup> [--db <file>]  put a backup (its name from "backups", or a path)
                                              back in place of the data file; the current file
                                              is backed up first
  cluster-brief export pdf --template one-page|full|fact-sheet [--entity <id>]...
                --lang zh|en|bilingual --out <file> [--title <text>] [--subtitle <text>]
                [--author <text>] [--marking <text>] [--db <file>]
                                              write a PDF briefing (a fact sheet needs one --entity)
  cluster-brief export docx …                 the same options: the briefing as a Word file (.docx)
  cluster-brief export xlsx --out <file> [--lang zh|en] [--db <file>]
                                              write the dataset as an Excel workbook
  cluster-brief import xlsx <file> [--dry-run] [--include-removals] [--overwrite-newer] [--author <name>] [--db <file>]
                                              bring an edited workbook back: prints the exact
                                              difference; --dry-run writes nothing; a figure changed
                                              here after the workbook's copy is kept unless
                                              --overwrite-newer
  cluster-brief import table <file.xlsx|file.csv> --mapping <saved name|mapping.json>
                [--source <id>] [--dry-run] [--author <name>] [--db <file>]
                                              a statistical table (yearbook, bureau release) through a
                                              mapping saved in the wizard or a JSON file: prints the
                                              preview's counts; --dry-run writes nothing
  cluster-brief issue list [--json] [--db <file>]
                                              the 简报 archive: issued issues by year, then drafts
  cluster-brief issue export <id|期号> --format pdf|docx --out <file> [--db <file>]
                                              an issue by its id or 期号 (2026-3; 2026-S1 for
                                              增刊第1期) as PDF or Word; an issued one as it was issued
  cluster-brief check [--json] [--lang zh|en] [--db <file>]
                                              the data checks (数据核查); exit 0 when no finding is
                                              open, 1 when any is, 2 on an error
  cluster-brief --help | --version

The data file is --db <file>, else $CLUSTER_BRIEF_DB, else the app's per-user data file.
`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}
const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export async function runCli(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        template: { type: 'string' },
        entity: { type: 'string', multiple: true },
        lang: { type: 'string' },
        title: { type: 'string' },
        subtitle: { type: 'string' },
        author: { type: 'string' },
        marking: { type: 'string' },
        format: { type: 'string' },
        mapping: { type: 'string' },
        source: { type: 'string' },
        metric: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'include-removals': { type: 'boolean', default: false },
        'overwrite-newer': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(`${APP_VERSION}\n`);
    return 0;
  }
  const [command] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  const file = resolveDataFile({ db: values.db }, env);
  try {
    switch (command) {
      case 'list':
        return withDb(file, true, (db) => {
          mustBeWhole(db, file);
          const all = dumpDataset(db);
          const dump = values.metric === undefined ? all : onlyMetric(db, all, values.metric);
          io.out(values.json ? `${JSON.stringify(dump, null, 2)}\n` : renderListText(dump, catalogFor(db)));
          return 0;
        });
      case 'metrics':
        return withDb(file, true, (db) => {
          io.out(renderMetrics(db, values.json));
          return 0;
        });
      case 'init':
        return withDb(file, false, (db) => {
          io.out(`${file}\nschema ${schemaVersion(db)}, data ${dataVersion(db)}\n`);
          return 0;
        });
      case 'info':
        return withDb(file, true, (db) => {
          mustBeWhole(db, file);
          io.out(`${APP_NAME} ${APP_VERSION}\ndata file: ${file}\nschema: ${schemaVersion(db)}\ndata version: ${dataVersion(db)}\nintegrity: ok\n`);
          return 0;
        });
      case 'backup': {
        const out = values.out;
        if (!out) {
          io.err(`缺少 --out <文件> / missing --out <file>\n\n${USAGE}`);
          return 2;
        }
        return withDb(file, true, (db) => {
          const copy = backupTo(db, out);
          io.out(`${copy.path}\n${copy.bytes} bytes, schema ${schemaVersion(db)}, data ${dataVersion(db)}\n`);
          return 0;
        });
      }
      case 'backups':
        return backupsCommand(file, values.json, io);
      case 'restore':
        return await restoreCommand(file, positionals[1], io);
      case 'export':
      case 'import': {
        if (command === 'export' && (positionals[1] === 'pdf' || positionals[1] === 'docx')) return await exportBriefingCommand(positionals[1], file, values, io);
        if (command === 'import' && positionals[1] === 'table') {
          const { importTableCommand } = await loadTableCommand();
          const db = openDataFile(file, { mustExist: true, busyTimeoutMs: 2000 });
          try {
            return await importTableCommand(db, file, positionals[2], values, io);
          } finally {
            db.close();
          }
        }
        if (positionals[1] !== 'xlsx') {
          io.err(`未知格式 / unknown format: ${positionals[1] ?? ''} (${command === 'export' ? 'pdf|docx|xlsx' : 'xlsx|table'})\n\n${USAGE}`);
          return 2;
        }
        const { exportCommand, importCommand } = await loadWorkbookCommands();
        const db = openDataFile(file, { mustExist: true, busyTimeoutMs: 2000 });
        try {
          return command === 'export' ? await exportCommand(db, values, io) : await importCommand(db, file, positionals[2], values, io);
        } finally {
          db.close();
        }
      }
      case 'issue':
        return await issueCommand(file, positionals.slice(1), values, io);
      case 'check':
        return (await loadCheckCommand()).checkCommand(file, values, io);
      default:
        io.err(`未知命令 / unknown command: ${command}\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    const payload = toErrorPayload(error);
    if (payload.details && 'path' in payload.details && !payload.details.path) payload.details.path = file;
    io.err(`${describeErrorBilingual(payload)}\n`);
    return error instanceof AppError || payload.code !== 'INTERNAL' ? 1 : 70;
  }
}

interface ExportValues {
  template?: string | undefined;
  entity?: string[] | undefined;
  lang?: string | undefined;
  out?: string | undefined;
  title?: string | undefined;
  subtitle?: string | undefined;
  author?: string | undefined;
  marking?: string | undefined;
}

async function exportBriefingCommand(format: 'pdf' | 'docx', file: string, v: ExportValues, io: Io): Promise<number> {
  const template = BriefingTemplate.safeParse(v.template);
  const lang = BriefingLang.safeParse(v.lang);
  if (!template.success || !lang.success || !v.out) {
    const wrong = !template.success ? `--template ${BRIEFING_TEMPLATES.join('|')}` : !lang.success ? `--lang ${BRIEFING_LANGS.join('|')}` : '--out <file>';
    io.err(`缺少或无效的参数 / missing or invalid option: ${wrong}\n\n${USAGE}`);
    return 2;
  }
  const request = {
    template: template.data,
    entityIds: v.entity ?? [],
    lang: lang.data,
    title: v.title ?? '',
    subtitle: v.subtitle ?? '',
    author: v.author ?? '',
    marking: v.marking ?? '',
  };
  const { writeFileReplacing } = await import('../services/briefing/export');
  const db = openDataFile(file, { mustExist: true, busyTimeoutMs: 2000 });
  try {
    if (format === 'docx') {
      const { renderBriefingDocx } = await import('../services/briefing/docx-render');
      const { docx } = await renderBriefingDocx(db, request);
      writeFileReplacing(v.out, docx);
      io.out(`${v.out}\n${docx.length} bytes\n`);
      return 0;
    }
    const { renderBriefing } = await import('../services/briefing/render');
    const { pdf, pages } = await renderBriefing(db, request);
    writeFileReplacing(v.out, pdf);
    io.out(`${v.out}\n${pages} pages, ${pdf.length} bytes\n`);
    return 0;
  } finally {
    db.close();
  }
}

async function issueCommand(file: string, args: string[], v: { json: boolean; format?: string | undefined; out?: string | undefined }, io: Io): Promise<number> {
  const { issueListCommand, issueExportCommand, BULLETIN_FORMATS } = await loadIssueCommands();
  const [sub, ref] = args;
  if (sub === 'list') return withDb(file, true, (db) => issueListCommand(db, v.json, io));
  if (sub !== 'export') {
    io.err(`未知子命令 / unknown subcommand: issue ${sub ?? ''} (list|export)\n\n${USAGE}`);
    return 2;
  }
  const format = BULLETIN_FORMATS.find((f) => f === v.format);
  if (!ref || !format || !v.out) {
    const wrong = !ref ? '<id|期号>' : !format ? `--format ${BULLETIN_FORMATS.join('|')}` : '--out <file>';
    io.err(`缺少或无效的参数 / missing or invalid option: ${wrong}\n\n${USAGE}`);
    return 2;
  }
  const out = v.out;
  const db = openDataFile(file, { readOnly: true, busyTimeoutMs: 2000 });
  try {
    return await issueExportCommand(db, ref, format, out, io);
  } finally {
    db.close();
  }
}

/** `readOnly`: the file must exist and is never written (list, info, backup); else it is created and seeded (init). */
function withDb(file: string, readOnly: boolean, work: (db: DB) => number): number {
  const db = openDataFile(file, { readOnly, busyTimeoutMs: 2000 });
  try {
    return work(db);
  } finally {
    db.close();
  }
}
