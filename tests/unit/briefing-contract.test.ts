/**
 * Briefings across the process boundary: saved definitions (migration 3), the preview's PDF bytes,
 * and export through the host's save dialog (a folder here), written whole or not at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../shared/client';
import type { BriefingRequest } from '../../shared/briefing';
import { describeError, type ErrorPayload } from '../../shared/errors';
import { dispatch } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { folderHost, type Host } from '../../electron/services/host';
import { Jobs } from '../../electron/services/jobs';
import { openDataFile } from '../../electron/services/db/open';
import { openTemp, tempDir } from '../helpers/files';
import { pdfPages, pdfText } from '../helpers/pdf';

function setup(host?: Host) {
  const { db, file } = openTemp();
  const saveDir = tempDir('cluster-brief-saved-');
  const folder = folderHost(saveDir, path.join);
  const handlers = createHandlers({ db, dataFile: file, appName: 'Cluster Brief', appVersion: '0.0.0-test', host: host ?? folder, jobs: new Jobs() });
  const client = createClient((channel, input) => dispatch(handlers, channel, input));
  return { db, file, saveDir, folder, client, handlers };
}

const onePage: BriefingRequest = { template: 'one-page', entityIds: [], lang: 'zh', title: '周一例会简报', subtitle: '', author: '研究室', marking: '内部资料' };

describe('saved briefing definitions', () => {
  it('are saved, listed, updated by name or id, survive reopening the file, and are deleted', async () => {
    const { db, file, client } = setup();
    expect(await client.listBriefings({})).toEqual([]);
    const saved = await client.saveBriefing({ name: '例会', request: onePage });
    expect(saved).toMatchObject({ name: '例会', request: onePage });
    const sheet = await client.saveBriefing({ name: 'Robots', request: { ...onePage, template: 'fact-sheet', entityIds: ['smart-robots'], lang: 'en' } });
    // Saving under an existing name replaces that definition rather than adding a second one.
    const again = await client.saveBriefing({ name: '例会', request: { ...onePage, lang: 'bilingual' } });
    expect(again.id).toBe(saved.id);
    expect((await client.listBriefings({})).map((d) => d.name).sort()).toEqual(['Robots', '例会']);
    const renamed = await client.saveBriefing({ id: sheet.id, name: 'Smart robots', request: sheet.request });
    expect(renamed).toMatchObject({ id: sheet.id, name: 'Smart robots', request: { entityIds: ['smart-robots'] } });
    db.close();

    const reopened = openDataFile(file);
    const handlers = createHandlers({ db: reopened, dataFile: file, appName: 'x', appVersion: '0', host: folderHost(tempDir(), path.join), jobs: new Jobs() });
    const client2 = createClient((channel, input) => dispatch(handlers, channel, input));
    const list = await client2.listBriefings({});
    expect(list.find((d) => d.name === '例会')?.request.lang).toBe('bilingual');
    await client2.deleteBriefing({ id: saved.id });
    expect((await client2.listBriefings({})).map((d) => d.name)).toEqual(['Smart robots']);
    await expect(client2.deleteBriefing({ id: saved.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    reopened.close();
  });

  it('refuse a fact sheet without exactly one entity, and an empty name', async () => {
    const { handlers } = setup();
    expect(await dispatch(handlers, 'saveBriefing', { name: 'x', request: { ...onePage, template: 'fact-sheet' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { where: 'saveBriefing.request.entityIds' } },
    });
    expect(await dispatch(handlers, 'saveBriefing', { name: '  ', request: onePage })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('preview and export', () => {
  it('previews as the bytes of a valid PDF', async () => {
    const { client } = setup();
    const preview = await client.previewBriefing({ request: onePage });
    const bytes = Buffer.from(preview.pdfBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBe(preview.bytes);
    expect(preview.pages).toBe(1);
    const file = path.join(tempDir(), 'preview.pdf');
    fs.writeFileSync(file, bytes);
    expect(pdfText(file)).toContain('周一例会简报');
  });

  it('exports through the save dialog, leaves no temporary file, and opens the file when asked', async () => {
    const { client, saveDir, folder } = setup();
    const result = await client.exportBriefing({ request: { ...onePage, template: 'full', lang: 'en', title: 'Weekly briefing' }, openAfter: true });
    expect(result.path).toBe(path.join(saveDir, `briefing-full-en-${result.path!.slice(-14, -4)}.pdf`));
    expect(fs.readdirSync(saveDir)).toEqual([path.basename(result.path!)]);
    expect(pdfPages(result.path!)).toBeGreaterThan(5);
    expect(pdfText(result.path!)).toContain('Weekly briefing');
    expect(result.opened).toBe(true);
    expect(folder.opened).toEqual([result.path]);
  });

  it('writes nothing when the person cancels the dialog, and keeps the old file when writing fails', async () => {
    const cancelled: Host = { chooseSavePath: async () => null, chooseOpenPath: async () => null, openPath: async () => undefined };
    const { client } = setup(cancelled);
    expect(await client.exportBriefing({ request: onePage, openAfter: true })).toEqual({ path: null, bytes: 0, opened: false });

    const dir = tempDir();
    const target = path.join(dir, 'missing-folder', 'brief.pdf');
    const broken: Host = { chooseSavePath: async () => target, chooseOpenPath: async () => null, openPath: async () => undefined };
    const { client: client2 } = setup(broken);
    const failed = await client2.exportBriefing({ request: onePage, openAfter: false }).then(
      () => null,
      (e: unknown) => e as ErrorPayload,
    );
    expect(failed).toMatchObject({ code: 'BRIEFING_WRITE_FAILED', details: { path: target } });
    // Why, in words a person reads (the system's code kept last, for whoever helps them).
    expect(describeError(failed!, 'zh-CN')).toContain('所在文件夹不存在，可能已被移动或删除；ENOENT');
    expect(describeError(failed!, 'en')).toContain('the folder does not exist; it may have been moved or deleted; ENOENT');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
