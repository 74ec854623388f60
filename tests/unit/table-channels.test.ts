/**
 * The six table channels as the page calls them (through the contract's validation and dispatch):
 * the Host's open dialog picks the file and the page holds only its id; a preview is applied once;
 * saved mappings are listed, saved and deleted; malformed input is refused, typed, writing nothing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/dispatch';
import { openDataFile } from '../../electron/services/db/open';
import { createHandlers } from '../../electron/services/handlers';
import { folderHost } from '../../electron/services/host';
import { Jobs } from '../../electron/services/jobs';
import type { TableGrid, TablePreview } from '../../shared/table-import';
import { fullDump, tempDataFile, tempDir } from '../helpers/files';
import { wideMapping, writeCsv } from '../helpers/tables';

function app(): { call: (channel: string, input: unknown) => Promise<unknown>; openQueue: string[]; dump: () => string } {
  const file = tempDataFile();
  const db = openDataFile(file);
  const host = folderHost(tempDir(), path.join);
  const handlers = createHandlers({ db, dataFile: file, appName: 'Cluster Brief', appVersion: '0.0.0-test', host, jobs: new Jobs() });
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value;
  };
  return { call, openQueue: host.openQueue, dump: () => fullDump(db) };
}

describe('the table channels', () => {
  it('open through the Host, preview, apply once; mappings saved, listed and deleted; bad input refused', async () => {
    const { call, openQueue, dump } = app();
    expect(await call('readTable', {})).toBeNull(); // the person cancelled the dialog

    openQueue.push(writeCsv([['说明：单位 亿元', ''], ['产业', '2023年'], ['智能机器人', '120']], 'gbk', '年鉴.csv'));
    const grid = (await call('readTable', {})) as TableGrid;
    expect(grid).toMatchObject({ fileName: '年鉴.csv', format: 'csv', encoding: 'gb18030', sheets: ['年鉴'], rowCount: 3, columnCount: 2 });
    expect(grid.rows[1]).toEqual({ number: 2, cells: ['产业', '2023年'] });
    expect(grid.metrics.map((m) => m.id)).toContain('output_value');
    expect(grid.cities).toHaveLength(21);
    await expect(call('readTable', { fileId: '7d444840-9dc0-11d1-b245-5ffdce74fad2' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const mapping = wideMapping('产业', { metric: 'output_value', unit: '100m_yuan' }, 2);
    const before = dump();
    await expect(call('previewTableImport', { fileId: grid.fileId, mapping: { ...mapping, headerRow: 0 }, source: { kind: 'existing', id: 1 } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const preview = (await call('previewTableImport', { fileId: grid.fileId, mapping, source: { kind: 'existing', id: 1 } })) as TablePreview;
    expect(preview).toMatchObject({ fileName: '年鉴.csv', counts: { added: 0, changed: 1, unchanged: 0, skipped: 0 }, errorCount: 0 });
    expect(preview.changes[0]).toMatchObject({ entityName: { zh: '智能机器人' }, metricName: { zh: '产值' }, before: { value: 100, qualifier: 'over' }, after: { value: 120, qualifier: 'exact' } });
    expect(dump()).toBe(before);
    expect(await call('applyTableImport', { previewId: preview.id })).toMatchObject({ changed: 1, added: 0, sourceId: 1 });
    await expect(call('applyTableImport', { previewId: preview.id })).rejects.toMatchObject({ code: 'IMPORT_STALE_PREVIEW' });

    expect(await call('listTableMappings', {})).toEqual([]);
    await call('saveTableMapping', { name: '年鉴 产值', mapping });
    expect(((await call('listTableMappings', {})) as { name: string }[]).map((m) => m.name)).toEqual(['年鉴 产值']);
    await expect(call('saveTableMapping', { name: '\u0000', mapping })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call('deleteTableMapping', { name: '没有' })).rejects.toMatchObject({ code: 'TABLE_MAPPING_NOT_FOUND' });
    expect(await call('deleteTableMapping', { name: '年鉴 产值' })).toEqual([]);
  });
});
