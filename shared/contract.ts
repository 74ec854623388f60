/**
 * The one typed table of calls between the page and the main process. Each channel names a zod
 * schema for its input and one for its output; the preload client, the main-process binder and the
 * browser test harness are all built from this table. Adding a capability = one entry here + one
 * handler in electron/services/handlers.ts.
 */
import { z } from 'zod';
import { BriefingDefinition, BriefingDefinitionInput, BriefingExportResult, BriefingPreview, BriefingRequest, BriefingWarnings } from './briefing';
import { ImportPreview, ImportResult, WorkbookLang } from './workbook';
import { MappingName, SavedMapping, TableGrid, TableImportResult, TableMapping, TablePreview, TableSource } from './table-import';
import { BackupList, BackupName, FileHealth, RestoreResult } from './backups';
import {
  AnnotationInput,
  AnnotationSnapshot,
  AppInfo,
  Category,
  EntityDetail,
  EntityId,
  EntityInput,
  EntitySnapshot,
  EntitySummary,
  FigureInput,
  IsoDateTime,
  FigureSnapshot,
  JobStatus,
  ProvinceOverview,
  RowId,
  SourceInput,
  Tier,
} from './domain';
import { ErrorPayload } from './errors';
import { City, MetricEntry, MetricInput, MetricSnapshot } from './metrics';
import { BulletinContent, BulletinFrame, IssueNumber } from './bulletin';
import { BulletinExportResult, BulletinFormat, BulletinId, BulletinListItem, BulletinRecord, ReferenceReport } from './bulletin-store';
import { SearchQuery, SearchResults } from './global-search';
import { AcknowledgeAllInput, AcknowledgeAllResult, AcknowledgeInput, AcknowledgementSnapshot, CheckCounts, ChecksReport, FindingRef, RunChecksInput } from './checks';
import {
  AnnotationListItem,
  AnnotationQuery,
  DashboardData,
  DeletedItem,
  FigureFacets,
  FigurePage,
  FigureQuery,
  Revision,
  RevisionTargetType,
  Settings,
  SettingsPatch,
  SourceList,
  UndoResult,
  UndoState,
} from './workbench';

const NoInput = z.object({}).strict();
const ItemRef = z.object({ targetType: RevisionTargetType, targetId: z.string().min(1).max(64) }).strict();

export const contract = {
  listEntities: {
    input: z.object({ category: Category.optional(), tier: Tier.optional() }).strict(),
    output: z.array(EntitySummary),
  },
  getEntity: {
    input: z.object({ id: EntityId }).strict(),
    output: EntityDetail,
  },
  getProvince: {
    input: NoInput,
    output: ProvinceOverview,
  },
  getAppInfo: {
    input: NoInput,
    output: AppInfo,
  },
  /** A number that changes when another connection (the command line, an import elsewhere) commits to the file: the window then offers to show it. */
  getFileVersion: {
    input: NoInput,
    output: z.object({ version: z.number().int() }).strict(),
  },

  // Long work: progress and cancel for jobs started by other channels (exports, imports).
  getJob: {
    input: z.object({ id: z.string().uuid() }).strict(),
    output: JobStatus,
  },
  cancelJob: {
    input: z.object({ id: z.string().uuid() }).strict(),
    output: JobStatus,
  },

  // Briefings (PDF): saved definitions, an in-app preview, and export through the save dialog.
  listBriefings: {
    input: NoInput,
    output: z.array(BriefingDefinition),
  },
  saveBriefing: {
    input: BriefingDefinitionInput,
    output: BriefingDefinition,
  },
  deleteBriefing: {
    input: z.object({ id: RowId }).strict(),
    output: z.object({ id: RowId }),
  },
  previewBriefing: {
    input: z.object({ request: BriefingRequest }).strict(),
    output: BriefingPreview,
  },
  exportBriefing: {
    // format: the PDF, or the same briefing as Word (.docx) to finish there.
    input: z.object({ request: BriefingRequest, openAfter: z.boolean(), format: z.enum(['pdf', 'docx']).default('pdf') }).strict(),
    output: BriefingExportResult,
  },
  /** What the builder warns about before export: industries whose latest output figure and tier disagree. */
  briefingWarnings: {
    input: z.object({ request: BriefingRequest }).strict(),
    output: BriefingWarnings,
  },

  // Excel workbooks (issue 4). Export: the person picks where to save (null: they cancelled), then a
  // job writes it. Import: the person picks the file (the page never names a path), sees the
  // difference, and applies that preview by its id; removals only when asked.
  startWorkbookExport: {
    input: z.object({ lang: WorkbookLang }).strict(),
    output: JobStatus.nullable(),
  },
  previewWorkbookImport: {
    input: NoInput,
    output: ImportPreview.nullable(),
  },
  applyWorkbookImport: {
    input: z.object({ previewId: z.string().uuid(), includeRemovals: z.boolean(), overwriteNewer: z.boolean().optional() }).strict(),
    output: ImportResult,
  },
  // Opens the workbook a finished export job wrote, with the system's spreadsheet program (issue 13).
  openExportedWorkbook: {
    input: z.object({ id: z.string().uuid() }).strict(),
    output: JobStatus,
  },
  // Workbench (issue 3): settings, the figures table and search, edits of figures, entities,
  // sources and annotations, history with "restore this version", undo/redo, the dashboard.
  getSettings: { input: NoInput, output: Settings },
  updateSettings: { input: SettingsPatch, output: Settings },
  listFigures: { input: FigureQuery, output: FigurePage },
  getFigureFacets: { input: NoInput, output: FigureFacets },
  // One search over entities, figures, annotations and sources (issue 13: Ctrl/⌘+K, the overview's box).
  search: { input: SearchQuery, output: SearchResults },
  getFigure: { input: z.object({ id: RowId }).strict(), output: FigureSnapshot },
  listSources: { input: NoInput, output: SourceList },
  saveFigure: {
    // seen: the figure's change time as the form was filled; a save over a later change is refused (CHANGED_ELSEWHERE).
    input: z.object({ id: RowId.optional(), figure: FigureInput, newSource: SourceInput.optional(), seen: IsoDateTime.optional() }).strict(),
    output: FigureSnapshot,
  },
  saveEntity: { input: z.object({ mode: z.enum(['create', 'update']), entity: EntityInput, seen: IsoDateTime.optional() }).strict(), output: EntitySnapshot },
  saveAnnotation: { input: z.object({ id: RowId.optional(), annotation: AnnotationInput, seen: IsoDateTime.optional() }).strict(), output: AnnotationSnapshot },
  deleteItem: { input: ItemRef, output: UndoState },
  restoreItem: { input: ItemRef, output: UndoState },
  listDeleted: { input: NoInput, output: z.array(DeletedItem) },
  listAnnotations: { input: AnnotationQuery, output: z.array(AnnotationListItem) },
  getHistory: { input: ItemRef, output: z.array(Revision) },
  // seen: the newest revision the history showed; batchId: the change the undo/redo button showed.
  restoreVersion: { input: z.object({ revisionId: RowId, seen: RowId.optional() }).strict(), output: UndoResult },
  undo: { input: z.object({ batchId: z.string().uuid().optional() }).strict(), output: UndoResult },
  redo: { input: z.object({ batchId: z.string().uuid().optional() }).strict(), output: UndoResult },
  getUndoState: { input: NoInput, output: UndoState },
  getDashboard: { input: NoInput, output: DashboardData },
  // Data-file safety (issue 11): the background quick_check after the app opens, the backups beside
  // the data file, restoring one by its file name (the page never names a path), and one on request.
  checkFileHealth: { input: NoInput, output: FileHealth },
  listBackups: { input: NoInput, output: BackupList },
  restoreBackup: { input: z.object({ name: BackupName }).strict(), output: RestoreResult },
  /** 立即备份: a job (progress through getJob) writing a `manual` backup beside the data file; done, its summary names it (name, takenAt, bytes). */
  backUpNow: { input: NoInput, output: JobStatus },
  // 简报 issues (issue 10): drafts (edits are revisions, undo covers them), live references, 签发
  // (期号, frozen, read-only), 更正, the archive by year and its search, the frame defaults.
  listBulletinDrafts: { input: NoInput, output: z.array(BulletinListItem) },
  getBulletin: { input: z.object({ id: BulletinId }).strict(), output: BulletinRecord },
  createBulletinDraft: { input: z.object({ content: BulletinContent }).strict(), output: BulletinRecord },
  // seen: the draft's change time the editor last held (another window's later save is not overwritten).
  updateBulletinDraft: { input: z.object({ id: BulletinId, content: BulletinContent, seen: IsoDateTime.optional() }).strict(), output: BulletinRecord },
  issueBulletin: { input: z.object({ id: BulletinId, supplement: z.boolean().default(false), withTotal: z.boolean().default(false) }).strict(), output: BulletinRecord },
  /** The 期号 签发 would give now (with these options), for the dialog to show before it is pressed; nothing written. Another issue 签发'd in between takes it first: 签发 numbers in its own transaction. */
  nextBulletinIssue: { input: z.object({ supplement: z.boolean().default(false), withTotal: z.boolean().default(false) }).strict(), output: IssueNumber },
  correctBulletin: { input: z.object({ id: BulletinId }).strict(), output: BulletinRecord },
  bulletinReferences: { input: z.object({ id: BulletinId }).strict(), output: ReferenceReport },
  acceptBulletinReference: { input: z.object({ id: BulletinId, figureId: RowId }).strict(), output: BulletinRecord },
  listIssuedBulletins: { input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(), output: z.object({ years: z.array(z.number().int()), items: z.array(BulletinListItem) }) },
  searchBulletins: { input: z.object({ query: z.string().max(200), issuedOnly: z.boolean().default(true) }).strict(), output: z.array(BulletinListItem) },
  newBulletinContent: { input: z.object({ title: BulletinContent.shape.title, lang: BulletinContent.shape.lang }).strict(), output: BulletinContent },
  /** The frame a new draft starts from: for English issues (lang 'en') or for Chinese and bilingual ones (the default). */
  getBulletinFrameDefaults: { input: z.object({ lang: z.enum(['zh', 'en']).default('zh') }).strict(), output: BulletinFrame },
  updateBulletinFrameDefaults: { input: BulletinFrame.extend({ lang: z.enum(['zh', 'en']).default('zh') }).strict(), output: BulletinFrame },
  /** Export an issue as PDF or Word (i10-export): the Host asks where to save; null path: cancelled. Issued: frozen data only; a draft with a broken reference is refused. */
  exportBulletin: { input: z.object({ id: BulletinId, format: BulletinFormat, openAfter: z.boolean() }).strict(), output: BulletinExportResult },
  /** The issue as its PDF prints it, to look at before 签发 or export: the same PDF exportBulletin writes, nothing saved. A draft with a broken reference is refused, naming the paragraph. */
  previewBulletin: { input: z.object({ id: BulletinId }).strict(), output: BriefingPreview },
  // Data checks (issue 12): every check's findings (capped lists with totals, acknowledged apart);
  // acknowledging one with a note and withdrawing it are changes undo takes back.
  runChecks: { input: RunChecksInput, output: ChecksReport },
  /** Counts only, for the dashboard card (kept per data state, as runChecks). */
  countChecks: { input: NoInput, output: CheckCounts },
  acknowledgeFinding: { input: AcknowledgeInput, output: AcknowledgementSnapshot },
  /** 确认本项全部: the listed open findings of one check, one note, one change; those changed since are counted, not acknowledged. */
  acknowledgeFindings: { input: AcknowledgeAllInput, output: AcknowledgeAllResult },
  unacknowledgeFinding: { input: FindingRef, output: AcknowledgementSnapshot },
  // Statistical tables in (issue 12): any .xlsx or .csv through the wizard. readTable without a
  // fileId opens the Host's dialog (null: cancelled); the page then names the table by its id only.
  readTable: { input: z.object({ fileId: z.string().uuid().optional(), sheet: z.string().max(100).optional() }).strict(), output: TableGrid.nullable() },
  previewTableImport: { input: z.object({ fileId: z.string().uuid(), mapping: TableMapping, source: TableSource }).strict(), output: TablePreview },
  applyTableImport: { input: z.object({ previewId: z.string().uuid() }).strict(), output: TableImportResult },
  listTableMappings: { input: NoInput, output: z.array(SavedMapping) },
  saveTableMapping: { input: z.object({ name: MappingName, mapping: TableMapping }).strict(), output: z.array(SavedMapping) },
  deleteTableMapping: { input: z.object({ name: z.string().max(200) }).strict(), output: z.array(SavedMapping) },
  // The metric catalog and the cities (issue 12): edits are revisions (undo, history, trash);
  // saveMetric without id adds one; deleting one in use is refused (METRIC_IN_USE, with the count).
  listMetrics: { input: NoInput, output: z.array(MetricEntry) },
  saveMetric: { input: z.object({ id: MetricSnapshot.shape.id.optional(), metric: MetricInput }).strict(), output: MetricSnapshot },
  deleteMetric: { input: z.object({ id: MetricSnapshot.shape.id }).strict(), output: UndoState },
  listCities: { input: NoInput, output: z.array(City) },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** What travels back over the wire: a value, or an error that can be shown to a person. */
export const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorPayload }),
]);
export type Envelope = z.infer<typeof Envelope>;

/** The IPC channel name in Electron for a contract channel. */
export const ipcChannel = (channel: Channel): string => `cluster-brief:${channel}`;

/**
 * Commands main sends to the page (the Edit menu's "Undo change" / "Redo change"). The preload
 * exposes them as a typed subscription beside the client; the page handles them like its shortcuts.
 */
export const MENU_COMMANDS = ['undo', 'redo'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_CHANNEL = 'cluster-brief:menu';
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
