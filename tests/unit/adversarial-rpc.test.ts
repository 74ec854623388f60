/**
 * Adversarial suite (issue 11): an RPC fuzzer over every channel of shared/contract.ts, through the
 * very dispatch the app's IPC binder and the harness use (electron/services/dispatch.ts), on a real
 * data file. Payloads are random values (of every kind IPC's structured clone carries) and valid
 * payloads with one to three parts replaced, removed or added. Every call must come back as an
 * envelope: a value the contract accepts, or a typed error; and whenever a call was refused, the
 * data file is exactly as it was (no row changed; every 10th refusal also compared table by table).
 * Counts: ADVERSARIAL_RPC_RUNS per channel (small here, large under `npm run adversarial`).
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, Envelope, contract, type Channel, type Input } from '../../shared/contract';
import { dispatch } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { folderHost } from '../../electron/services/host';
import { Jobs } from '../../electron/services/jobs';
import { count, report, SEED } from '../helpers/adversarial';
import { fullDump, openTemp, tempDir } from '../helpers/files';

const RUNS = count('RPC_RUNS', 40, 1000);
/** Calls that render a PDF take ~0.3 s each when valid: fewer of them, counted all the same. */
const SLOW: ReadonlySet<Channel> = new Set(['previewBriefing', 'exportBriefing', 'exportBulletin', 'previewBulletin']);
const runsFor = (channel: Channel): number => (SLOW.has(channel) ? Math.max(5, Math.ceil(RUNS / 10)) : RUNS);

const briefing: Input<'previewBriefing'>['request'] = { template: 'fact-sheet', entityIds: ['smart-robots'], lang: 'zh', title: '简报', subtitle: '', author: '', marking: '' };
const figure: Input<'saveFigure'>['figure'] = {
  scope: 'entity',
  entityId: 'smart-robots',
  metric: 'output_value',
  value: 123,
  unit: '100m_yuan',
  qualifier: 'exact',
  period: '2024',
  sourceId: 1,
  sourceQuote: null,
  note: '核对',
};
const uuid = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
const tableMapping: Input<'saveTableMapping'>['mapping'] = {
  sheet: null,
  headerRow: 1,
  columns: [{ header: '产业', role: 'entity' }],
  wide: true,
  fixed: { entity: null, cityCode: null, metric: 'output_value', unit: '100m_yuan', qualifier: null, period: null },
  entityNames: { 机器人: { entityId: 'smart-robots' } },
};
const frame: Input<'updateBulletinFrameDefaults'> = { name: '工作简报', unit: '办公室', marking: '内部资料 注意保存', copyNumber: '', sendTo: ['省政府'], copyTo: [], copies: 30 };
const bulletin: Input<'createBulletinDraft'>['content'] = { format: 'cluster-brief/bulletin', formatVersion: 1, lang: 'zh', frame, title: '简报', editorNote: '', blocks: [{ type: 'heading', level: 1, text: '一、总体情况' }] };

/** One valid payload per channel (the type makes a new channel without one a compile error). */
const VALID: { [C in Channel]: Input<C> } = {
  listEntities: { category: 'emerging' },
  getEntity: { id: 'smart-robots' },
  getProvince: {},
  getAppInfo: {},
  getFileVersion: {},
  getJob: { id: uuid },
  cancelJob: { id: uuid },
  listBriefings: {},
  saveBriefing: { name: '周报', request: briefing },
  deleteBriefing: { id: 1 },
  previewBriefing: { request: briefing },
  exportBriefing: { request: briefing, openAfter: false },
  briefingWarnings: { request: briefing },
  startWorkbookExport: { lang: 'zh-CN' },
  previewWorkbookImport: {},
  applyWorkbookImport: { previewId: uuid, includeRemovals: false },
  getSettings: {},
  updateSettings: { authorName: '李分析' },
  listFigures: { q: '机器人', sort: 'value', order: 'asc' },
  getFigureFacets: {},
  getFigure: { id: 1 },
  listSources: {},
  saveFigure: { id: 1, figure },
  saveEntity: { mode: 'update', entity: { id: 'smart-robots', name: { zh: '智能机器人', en: 'Smart robots' }, category: 'emerging', tier: 'over_10b', sortOrder: 9 } },
  saveAnnotation: { annotation: { targetType: 'entity', targetId: 'smart-robots', body: '先核对', tags: ['核对'], status: 'open', includeInBriefing: false } },
  deleteItem: { targetType: 'figure', targetId: '2' },
  restoreItem: { targetType: 'figure', targetId: '2' },
  listDeleted: {},
  listAnnotations: { status: 'open' },
  getHistory: { targetType: 'figure', targetId: '1' },
  restoreVersion: { revisionId: 1 },
  undo: {},
  redo: {},
  getUndoState: {},
  getDashboard: {},
  openExportedWorkbook: { id: uuid },
  search: { q: 'quantum', limit: 8 },
  checkFileHealth: {},
  listBackups: {},
  restoreBackup: { name: 'cluster-brief.before-import-20261130.sqlite' },
  backUpNow: {},
  listBulletinDrafts: {},
  getBulletin: { id: 1 },
  createBulletinDraft: { content: bulletin },
  updateBulletinDraft: { id: 1, content: bulletin },
  issueBulletin: { id: 1 },
  nextBulletinIssue: { supplement: true },
  correctBulletin: { id: 1 },
  bulletinReferences: { id: 1 },
  acceptBulletinReference: { id: 1, figureId: 1 },
  listIssuedBulletins: { year: 2024 },
  searchBulletins: { query: '集群' },
  newBulletinContent: { title: '三季度', lang: 'zh' },
  getBulletinFrameDefaults: {},
  updateBulletinFrameDefaults: frame,
  exportBulletin: { id: 1, format: 'pdf', openAfter: false },
  previewBulletin: { id: 1 },
  runChecks: { limit: 20 },
  countChecks: {},
  acknowledgeFinding: { checkId: 'stale', subject: 'stale|province/-/gdp_share', note: '已核对' },
  acknowledgeFindings: { checkId: 'stale', subjects: ['stale|province/-/gdp_share', 'stale|entity/smart-robots/-/output_value'], note: '已核对' },
  unacknowledgeFinding: { checkId: 'stale', subject: 'stale|province/-/gdp_share' },
  readTable: { fileId: uuid, sheet: 'Sheet1' },
  previewTableImport: { fileId: uuid, mapping: tableMapping, source: { kind: 'existing', id: 1 } },
  applyTableImport: { previewId: uuid },
  listTableMappings: {},
  saveTableMapping: { name: '年鉴 产值', mapping: tableMapping },
  deleteTableMapping: { name: '年鉴 产值' },
  listMetrics: {},
  saveMetric: { metric: { name: { zh: '专利授权量', en: 'Patents granted' }, kind: 'other', unitLabel: { zh: '件', en: 'patents' }, mayBeNegative: false, description: '' } },
  deleteMetric: { id: 'revenue' },
  listCities: {},
};

/** Values no form would send: control characters, lone surrogates, huge and odd numbers, prototypes. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('\u0000', '', ' ', '\t\n', '\uD800', '\u202E', 'a'.repeat(100_000), '__proto__', 'constructor', '../../etc/passwd', "'; DROP TABLE figures; --", -0, NaN, Infinity, -Infinity, 1e308, -1, 2 ** 53, 0.1 + 0.2, null, undefined, true, [], {}),
  fc.string({ unit: 'binary', maxLength: 30, size: 'max' }),
  fc.oneof(fc.integer(), fc.double(), fc.bigInt()),
  fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
);

type Key = string | number;
/** Every path into a JSON-like value: the places a mutation can hit. */
function pathsOf(value: unknown, prefix: Key[] = []): Key[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pathsOf(v, [...prefix, i])));
  if (value !== null && typeof value === 'object') return here.concat(Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k])));
  return here;
}

type Mutation = { at: Key[]; op: 'replace' | 'delete' | 'add'; key: string; value: unknown };
function mutate(valid: unknown, mutations: Mutation[]): unknown {
  let root = structuredClone(valid);
  for (const m of mutations) {
    if (m.at.length === 0 && m.op === 'replace') {
      root = m.value;
      continue;
    }
    let parent: unknown = root;
    for (const k of m.at.slice(0, m.op === 'add' ? undefined : -1)) parent = parent !== null && typeof parent === 'object' ? (parent as Record<Key, unknown>)[k] : undefined;
    if (parent === null || typeof parent !== 'object') continue;
    const target = parent as Record<Key, unknown>;
    const last = m.at.at(-1);
    // An array's length takes only a count: the generator can name it, JavaScript refuses to build that payload.
    if (m.op === 'add' && Array.isArray(target) && m.key === 'length') continue;
    if (m.op === 'add') target[m.key] = m.value;
    else if (last !== undefined && m.op === 'delete') delete target[last];
    else if (last !== undefined) target[last] = m.value;
  }
  return root;
}

function payloads(channel: Channel): fc.Arbitrary<unknown> {
  const valid = VALID[channel];
  const mutation = fc.record({
    at: fc.constantFrom(...pathsOf(valid)),
    op: fc.constantFrom<Mutation['op']>('replace', 'delete', 'add'),
    key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'extra'), fc.string({ maxLength: 8 })),
    value: hostile,
  });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<unknown>(valid) },
    { weight: 2, arbitrary: hostile },
    { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => mutate(valid, ms)) },
  );
}

describe('adversarial: every channel, random and mutated payloads, through the app dispatch', () => {
  it(`answers ${RUNS} payloads per channel with a valid value or a typed error, and writes nothing when it refuses (seed ${SEED})`, async () => {
    const { db, file } = openTemp();
    const handlers = createHandlers({ db, dataFile: file, appName: 'Cluster Brief', appVersion: '0.0.0-test', host: folderHost(tempDir(), path.join), jobs: new Jobs() });
    const changes = (): number => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const tally = { calls: 0, accepted: 0, refused: 0, refusedCompared: 0, internal: 0 };
    const codes: Record<string, number> = {};
    for (const channel of CHANNELS) {
      await fc.assert(
        fc.asyncProperty(payloads(channel), async (input) => {
          const compare = tally.refused % 10 === 0;
          const before = compare ? fullDump(db) : '';
          const changed = changes();
          const envelope = Envelope.parse(await dispatch(handlers, channel, input));
          tally.calls++;
          if (envelope.ok) {
            tally.accepted++;
            expect(contract[channel].output.safeParse(envelope.value).success).toBe(true);
            return;
          }
          tally.refused++;
          codes[envelope.error.code] = (codes[envelope.error.code] ?? 0) + 1;
          if (envelope.error.code === 'INTERNAL') tally.internal++;
          expect(envelope.error.code, `${channel}: ${JSON.stringify(envelope.error).slice(0, 300)}`).not.toBe('INTERNAL');
          expect(changes(), `${channel} refused but changed rows`).toBe(changed);
          if (compare) {
            tally.refusedCompared++;
            expect(fullDump(db), `${channel} refused but the file differs`).toBe(before);
          }
        }),
        { numRuns: runsFor(channel), seed: SEED, verbose: 1 },
      );
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    report('rpc-fuzzer', { channels: CHANNELS.length, runsPerChannel: RUNS, ...tally, codes: JSON.stringify(codes) });
    expect(tally.calls).toBe(CHANNELS.reduce((n, c) => n + runsFor(c), 0));
  }, 30 * 60_000);
});
