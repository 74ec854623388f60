/**
 * Issues frozen by earlier versions of the app still export. Files made before the chart `category`
 * (i10-export) and the figure `label` (i10-pdf) were kept hold frozen data without them; such an issue
 * is written here directly into a real data file (the row's JSON rewritten in SQLite, the file closed
 * and opened again) and exported as PDF and as Word: it prints exactly what the same issue prints with
 * today's shape — the same text, its emerging clusters drawn as emerging, the same chart pictures.
 */
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveNewDraft } from '../../electron/services/bulletins/actions';
import { exportBulletin } from '../../electron/services/bulletins/export';
import { issueBulletin } from '../../electron/services/bulletins/issue';
import { openDataFile } from '../../electron/services/db/open';
import type { BulletinBlock, BulletinContent } from '../../shared/bulletin';
import { draftContent, figureRef, seededFigure } from '../helpers/bulletins';
import { tempDataFile, tempDir } from '../helpers/files';
import { pdfText } from '../helpers/pdf';

/** An issue with the tier chart, a trend and a comparison of clusters of both categories, and a table. */
function content(db: ReturnType<typeof openDataFile>): BulletinContent {
  const robots = seededFigure(db, { entityId: 'smart-robots', metric: 'output_value' });
  const cars = seededFigure(db, { entityId: 'automobiles', metric: 'output_value' });
  const base = draftContent(db, '集群产值分档情况', [robots, cars]);
  const table = [robots, cars].map((id) => figureRef(db, id)).flatMap((r) => (r.type === 'figure' ? [r.accepted] : []));
  const blocks: BulletinBlock[] = [
    ...base.blocks,
    { type: 'chart', chart: { kind: 'tiers' }, caption: '图1 各集群年产值分档' },
    { type: 'chart', chart: { kind: 'compare', metric: 'output_value', entityIds: ['automobiles', 'smart-robots', 'new-energy'] }, caption: '图2 三个集群比较' },
    { type: 'table', caption: '表1 两个集群', figureIds: [robots, cars], accepted: table },
  ];
  return { ...base, blocks };
}

/** Strips what older versions did not keep: chart entities' category, frozen figures' and accepted snapshots' label. */
function toOldShape(json: string): string {
  return JSON.stringify(JSON.parse(json), (key, value: unknown) => (key === 'category' || key === 'label' ? undefined : value));
}

async function exportBoth(file: string, id: number, dir: string, name: string): Promise<{ text: string; media: Buffer[] }> {
  const db = openDataFile(file, { mustExist: true });
  try {
    const pdf = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(pdf, (await exportBulletin(db, id, 'pdf')).bytes);
    const zip = await JSZip.loadAsync((await exportBulletin(db, id, 'docx')).bytes);
    const media = await Promise.all(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).sort().map((f) => zip.file(f)!.async('nodebuffer')));
    return { text: pdfText(pdf), media };
  } finally {
    db.close();
  }
}

describe('an issue frozen before chart categories and figure labels were kept', () => {
  it('exports as PDF and Word exactly as it does with today’s shape', async () => {
    const file = tempDataFile();
    const db = openDataFile(file);
    const id = issueBulletin(db, '李分析', saveNewDraft(db, content(db)).id).id;
    const row = db.prepare(`SELECT content, frozen FROM bulletins WHERE id = ?`).get(id) as { content: string; frozen: string };
    expect(row.frozen).toContain('"category":"emerging"');
    db.close();
    const dir = tempDir();
    const today = await exportBoth(file, id, dir, 'today');

    // The row as an older version wrote it.
    const old = openDataFile(file, { mustExist: true });
    old.prepare(`UPDATE bulletins SET content = ?, frozen = ? WHERE id = ?`).run(toOldShape(row.content), toOldShape(row.frozen), id);
    const stored = old.prepare(`SELECT content, frozen FROM bulletins WHERE id = ?`).get(id) as { content: string; frozen: string };
    expect(stored.frozen).not.toContain('"category"');
    expect(`${stored.content}${stored.frozen}`).not.toContain('"label"');
    old.close();

    const before = await exportBoth(file, id, dir, 'old-shape');
    expect(before.text).toBe(today.text);
    // The table's rows still name what each figure is about, from the frozen entity names.
    expect(before.text.replace(/\s+/g, '')).toContain('智能机器人·产值');
    // Both legends of the tier chart: the emerging clusters are not drawn as pillar ones.
    expect(before.text).toContain('战略性新兴产业集群');
    expect(before.text).toContain('战略性支柱产业集群');
    expect(before.media.length).toBe(2);
    expect(before.media).toEqual(today.media);
  }, 180_000);
});
