/**
 * The one-page brief in Word is the page its PDF is: the same fit level (annotations, their length,
 * chart rows, key points, type scale), set at about the PDF's sizes on the PDF's margins, so that it
 * is one page in LibreOffice too. It ran to three pages (five bilingual), and held three annotations
 * where its PDF held one.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRIEFING_LANGS, type BriefingLang } from '../../shared/briefing';
import { walkBlocks, type Block, type BriefingDocument } from '../../shared/document';
import { renderBriefingDocx } from '../../electron/services/briefing/docx-render';
import { renderBriefing } from '../../electron/services/briefing/render';
import type { DB } from '../../electron/services/db/open';
import { openTemp, tempDir } from '../helpers/files';
import { officeConvert } from '../helpers/office';
import { applyCase, briefingCase } from '../helpers/random-briefing-data';
import { propertySeed } from '../helpers/seed';

const NOW = new Date('2026-11-28T09:00:00');
const request = (lang: BriefingLang) => ({ template: 'one-page' as const, lang, entityIds: [], title: '', subtitle: '', author: '分析员', marking: '' });

/** What the page holds, but the sources' notes (Word lists every source; the PDF as many as fit). */
function content(model: BriefingDocument): unknown {
  const blocks = structuredClone(model.blocks);
  for (const b of walkBlocks(blocks)) if (b.type === 'notes') b.items = [];
  return { scale: model.scale, blocks };
}

const annotationsOf = (model: BriefingDocument): Block[] => [...walkBlocks(model.blocks)].filter((b) => b.type === 'annotation');

function markAnnotations(db: DB, bodies: string[]): void {
  const entities = db.prepare(`SELECT id FROM entities WHERE deleted_at IS NULL ORDER BY sort_order, id`).all() as { id: string }[];
  const insert = db.prepare(`INSERT INTO annotations (target_type, target_id, body, author, include_in_briefing, created_at, updated_at) VALUES ('entity', ?, ?, '王分析', 1, ?, ?)`);
  bodies.forEach((body, i) => insert.run(entities[i % entities.length]!.id, body, '2026-11-20T08:00:00Z', '2026-11-20T08:00:00Z'));
}

describe('the one-page brief in Word', () => {
  it('is one page in LibreOffice, in every language, with the annotations its PDF prints', async () => {
    const { db } = openTemp();
    const dir = tempDir('cluster-brief-one-page-word-');
    try {
      markAnnotations(db, [
        '建议在下期简报中单列新能源汽车产业链的情况，说明零部件配套率的变化，并与长三角地区作比较。'.repeat(3),
        '数据口径需与统计局年鉴核对：集群营业收入与产值的统计范围不同，不宜直接相加。'.repeat(2),
        '请补充2024年上半年的最新数据。',
        '超高清视频显示集群的数字需要再核实一次，来源文章只说超过五千亿元。'.repeat(2),
      ]);
      const files: string[] = [];
      for (const lang of BRIEFING_LANGS) {
        const pdf = await renderBriefing(db, request(lang), NOW);
        const word = await renderBriefingDocx(db, request(lang), NOW);
        expect(annotationsOf(pdf.model).length, lang).toBeGreaterThan(0);
        expect(content(word.model), lang).toEqual(content(pdf.model));
        const file = path.join(dir, `one-page-${lang}.docx`);
        fs.writeFileSync(file, word.docx);
        files.push(file);
      }
      const pages = officeConvert(files, 'pdf', dir).map((pdf) => /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      expect(pages).toEqual(BRIEFING_LANGS.map(() => '1'));
    } finally {
      db.close();
    }
  }, 300_000);

  const RUNS = Number(process.env.ONE_PAGE_WORD_RUNS ?? 3);
  const SEED = propertySeed('ONE_PAGE_WORD_SEED', 20261203);
  it(`holds what its PDF holds, on random data files (${RUNS} runs × 3 languages, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(briefingCase, fc.constantFrom(...BRIEFING_LANGS), async (c, lang) => {
        const { db } = openTemp();
        try {
          applyCase(db, c);
          const req = { ...request(lang), ...c.request };
          const pdf = await renderBriefing(db, req, NOW);
          const word = await renderBriefingDocx(db, req, NOW);
          expect(content(word.model)).toEqual(content(pdf.model));
        } finally {
          db.close();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: 0 },
    );
  }, 600_000);
});
