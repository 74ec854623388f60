/**
 * Citing an issue by its 期号. Issues are numbered per year (2025年第1期, then 2026年第1期), so
 * wherever one issue is cited — a 更正 saying what it corrects, the archive and the drafts list, the
 * command line — the 期号 names the year. The 报头 alone prints 第N期 without it, as the format does,
 * the year standing in the 印发日期 beside it. A real data file; the app's channels; the command line
 * as a child process; the PDF read back with poppler.
 */
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { saveNewDraft } from '../../electron/services/bulletins/actions';
import { bulletinModel, exportBulletin } from '../../electron/services/bulletins/export';
import { composeBriefing } from '../../electron/services/briefing/render';
import { blockLines, walkBlocks, type Block } from '../../shared/document';
import { issueBulletin } from '../../electron/services/bulletins/issue';
import { correctionLabel, issueLabel } from '../../shared/bulletin-store';
import { draftContent, openBulletinApp } from '../helpers/bulletins';
import { runCliProcess, tempDir } from '../helpers/files';
import { pdfText } from '../helpers/pdf';

const flat = (text: string): string => text.replace(/\s+/g, '');

describe('an issue cited by its 期号', () => {
  it('a 更正 of last year’s issue cites it with its year, in the draft, the lists, the PDF and the command line', async () => {
    const { api, db, file } = openBulletinApp();
    const content = { ...draftContent(db, '三季度运行情况', []), editorNote: '供参考。' };
    // 2025年第1期, issued in December 2025; its correction is written and issued in 2026, where it is 第1期 again.
    const issued = issueBulletin(db, '李分析', saveNewDraft(db, content).id, {}, new Date('2025-12-20T10:00:00'));
    expect(issued.issue).toMatchObject({ year: 2025, number: 1 });

    const correction = await api('correctBulletin', { id: issued.id });
    expect(correction.content.editorNote).toBe('本期为2025年第1期《三季度运行情况》的更正，以本期为准。\n供参考。');
    expect((await api('listBulletinDrafts', {})).find((d) => d.id === correction.id)?.correctionOfIssue).toEqual({ year: 2025, number: 1, total: null, supplement: false });

    const reissued = issueBulletin(db, '李分析', correction.id, {}, new Date('2026-01-08T10:00:00'));
    expect(reissued.issue).toMatchObject({ year: 2026, number: 1 });
    const archived = (await api('listIssuedBulletins', { year: 2026 })).items.find((i) => i.id === reissued.id)!;
    expect(correctionLabel(archived.correctionOfIssue!, 'zh')).toBe('更正2025年第1期');
    expect(correctionLabel(archived.correctionOfIssue!, 'en')).toBe('Correction to No. 1, 2025');
    expect((await api('searchBulletins', { query: '三季度' })).find((i) => i.id === reissued.id)?.correctionOfIssue).toMatchObject({ year: 2025, number: 1 });

    // The PDF: the 按语 cites 2025年第1期; the 报头's issue line is 第1期 alone, its date line gives 2026.
    const dir = tempDir();
    const pdf = path.join(dir, 'correction.pdf');
    fs.writeFileSync(pdf, (await exportBulletin(db, reissued.id, 'pdf')).bytes);
    const text = flat(pdfText(pdf));
    expect(text).toContain('本期为2025年第1期《三季度运行情况》的更正，以本期为准。');
    expect(text).toContain('第1期省发展改革委2026年1月8日');
    expect(text).not.toContain('2026年第1期');

    // Correcting the correction replaces the line rather than stacking a second one.
    const again = await api('correctBulletin', { id: reissued.id });
    expect(again.content.editorNote).toBe('本期为2026年第1期《更正：三季度运行情况》的更正，以本期为准。\n供参考。');
    db.close();

    const list = runCliProcess(['issue', 'list', '--db', file]);
    expect(list.stderr).toBe('');
    const lines = list.stdout.split('\n');
    expect(lines.find((l) => l.includes(`#${reissued.id}\t`))).toMatch(/^2026年第1期\t.*\t\(更正2025年第1期 #\d+\)$/);
    expect(lines.find((l) => l.includes(`#${issued.id}\t`))).toMatch(/^2025年第1期\t/);
    expect(lines.find((l) => l.includes(`#${again.id}\t`))).toMatch(/^草稿 \/ draft\t.*\t\(更正2026年第1期 #\d+\)$/);
  }, 120_000);

  it('names supplements and totals with the year too', () => {
    expect(issueLabel({ year: 2026, number: 2, total: null, supplement: true }, 'zh')).toBe('2026年增刊第2期');
    expect(issueLabel({ year: 2026, number: 3, total: 15, supplement: false }, 'en')).toBe('No. 3, 2026 (No. 15 overall)');
    expect(correctionLabel({ year: 2026, number: 3, total: 15, supplement: false }, 'zh')).toBe('更正2026年第3期');
    expect(correctionLabel({ year: 2026, number: 1, total: null, supplement: true }, 'en')).toBe('Correction to Supplement No. 1, 2026');
  });
});

describe('a chart’s note', () => {
  it('holds the quoted passage of every figure the chart draws, not only the first of each source (a 简报 tiers chart and the one-page brief’s chart)', async () => {
    const { db } = openBulletinApp();
    const content = draftContent(db, '产值分档', []);
    content.blocks = [{ type: 'chart', chart: { kind: 'tiers' }, caption: '图1 各集群年产值分档' }];
    const draft = saveNewDraft(db, content);
    const drawnQuotes = (db.prepare(`SELECT DISTINCT source_quote FROM figures WHERE metric = 'output_value' AND scope = 'entity' AND qualifier <> 'target' AND source_quote IS NOT NULL AND deleted_at IS NULL`).pluck().all() as string[]);
    expect(drawnQuotes.length).toBeGreaterThanOrEqual(4);
    const notes = (blocks: Block[]): string => [...walkBlocks(blocks)].filter((b) => b.type === 'notes').flatMap((b) => blockLines(b)).flat().map((r) => (r.t === 'text' ? r.text : '')).join('');
    const issueNotes = notes(bulletinModel(db, draft.id).model.blocks);
    for (const q of drawnQuotes) expect(issueNotes).toContain(q);
    const brief = composeBriefing(db, { template: 'full', entityIds: [], lang: 'zh', title: '', subtitle: '', author: '', marking: '' });
    const briefNotes = notes(brief.blocks);
    for (const q of drawnQuotes) expect(briefNotes).toContain(q);
    db.close();
  });
});
