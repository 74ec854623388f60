/** 简报 issues in tests: the app's channels over a real data file, and content written the way the editor would. */
import type { BulletinContent, BulletinInline } from '../../shared/bulletin';
import type { Channel, Input, Output } from '../../shared/contract';
import type { DB } from '../../electron/services/db/open';
import { currentRef } from '../../electron/services/bulletins/references';
import { openWithHandlers } from './handlers';
import { tempDataFile } from './files';

export type Api = <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;

/** A seeded data file and its channels, called through the contract's validation as the page calls them. */
export function openBulletinApp(file = tempDataFile()): { db: DB; file: string; api: Api } {
  const { db, call } = openWithHandlers(file);
  const api: Api = async (channel, input) => (await call(channel, input)) as Output<typeof channel>;
  return { db, file, api };
}

/** The id of the seeded figure for an entity's (or a group's) metric in 2023. */
export function seededFigure(db: DB, where: { entityId?: string; scope?: string; metric: string }): number {
  return db
    .prepare(`SELECT id FROM figures WHERE metric = ? AND ${where.entityId ? 'entity_id = ?' : 'scope = ? AND entity_id IS NULL'} AND deleted_at IS NULL ORDER BY id LIMIT 1`)
    .pluck()
    .get(where.metric, where.entityId ?? where.scope) as number;
}

/** A reference to figure `id` as the editor inserts it: with the value the analyst sees now. */
export function figureRef(db: DB, id: number): BulletinInline {
  const accepted = currentRef(db, id);
  if (!accepted) throw new Error(`figure ${id} is not live`);
  return { type: 'figure', figureId: id, accepted };
}

/** A short issue: a heading, and a paragraph around the given figure references. */
export function draftContent(db: DB, title: string, figureIds: number[], words = '全省战略性产业集群保持增长', lang: BulletinContent['lang'] = 'zh'): BulletinContent {
  return {
    format: 'cluster-brief/bulletin',
    formatVersion: 1,
    lang,
    frame: { name: '广东省战略性产业集群工作简报', unit: '省发展改革委', marking: '内部资料 注意保存', copyNumber: '', sendTo: ['省政府办公厅'], copyTo: ['各地级以上市'], copies: 40 },
    title,
    editorNote: '',
    blocks: [
      { type: 'heading', level: 1, text: '一、总体情况' },
      { type: 'paragraph', content: [{ type: 'text', text: `${words}，` }, ...figureIds.flatMap((id) => [figureRef(db, id), { type: 'text' as const, text: '；' }])] },
    ],
  };
}

/** A 简报 of one chart and nothing else (no figure references, a bare frame): what a chart draws, by itself. */
export function chartOnly(chart: { kind: 'trend' | 'compare'; metric: string; entityIds: readonly string[] }, lang: BulletinContent['lang'] = 'zh', title = '图表'): BulletinContent {
  return {
    format: 'cluster-brief/bulletin',
    formatVersion: 1,
    lang,
    frame: { name: '简报', unit: '办公室', marking: '', copyNumber: '', sendTo: [], copyTo: [], copies: null },
    title,
    editorNote: '',
    blocks: [{ type: 'chart', chart: { ...chart, entityIds: [...chart.entityIds] }, caption: '' }],
  } as unknown as BulletinContent;
}
