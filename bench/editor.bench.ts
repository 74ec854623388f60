/**
 * The 简报 editor's own work on each edit of a long issue (issue 10): after every change it reads the
 * stored blocks from the document (BlockReader: only the top-level node the edit touched is converted)
 * and compares them with what it last handed the page. Beside it, alternating in the same run: the bare
 * ProseMirror step any TipTap onUpdate reader pays (`doc.toJSON()`, what getJSON does), and the first
 * version's whole-document path (docToBlocks of the JSON + one JSON.stringify), on a ~10-page issue
 * (60 headings, 240 paragraphs with 3 figure references each, 10 charts, 10 tables), each edit typing
 * into a different paragraph. Loading an issue (blocks → editor document) is reported beside
 * ProseMirror's own parse. No target is set in the issue; the figure to watch is the per-edit time
 * against a keystroke's budget (16 ms).
 */
import { getSchema } from '@tiptap/core';
import type { BulletinBlock, FigureSnapshotRef } from '../shared/bulletin';
import { BlockReader, blocksToDoc, docToBlocks, sameBlocks } from '../renderer/src/bulletin/editor/convert';
import { schemaExtensions } from '../renderer/src/bulletin/editor/nodes';
import { table, timeBoth } from './lib';

const ref: FigureSnapshotRef = {
  value: 30000,
  unit: '100m_yuan',
  qualifier: 'nearly',
  period: '2023',
  sourceId: 1,
  sourceQuote: 'The revenue of the 10 strategic emerging industry clusters reached nearly 3 trillion yuan in 2023.',
  source: { publisher: 'China Daily', title: 'Clusters of strategic and future industries mapped out for economic leadership', author: 'Yuan Shenggao', publishedOn: '2024-10-23' },
  label: { zh: '10 个战略性新兴产业集群 · 营业收入', en: 'The 10 strategic emerging industry clusters · Revenue' },
};

function longIssue(): BulletinBlock[] {
  const blocks: BulletinBlock[] = [];
  for (let s = 0; s < 60; s++) {
    blocks.push({ type: 'heading', level: s % 3 === 0 ? 1 : 2, text: `第${s + 1}节 产业集群发展情况` });
    for (let p = 0; p < 4; p++) {
      blocks.push({
        type: 'paragraph',
        content: [
          { type: 'text', text: '2023年，全省战略性新兴产业集群营业收入' },
          { type: 'figure', figureId: 20 + p, accepted: ref },
          { type: 'text', text: '，其中', bold: true },
          { type: 'figure', figureId: 30 + p, accepted: ref },
          { type: 'text', text: '，增加值同比增长明显，成为全省经济增长的新引擎，' },
          { type: 'figure', figureId: 40 + p, accepted: ref },
          { type: 'text', text: '。' },
        ],
      });
    }
    if (s % 6 === 0) blocks.push({ type: 'chart', chart: { kind: 'trend', metric: 'output_value', entityIds: ['smart-robots', 'new-energy'] }, caption: '产值走势' });
    if (s % 6 === 3) blocks.push({ type: 'table', caption: '主要数据', figureIds: [20, 21, 22], accepted: [ref, ref, ref] });
  }
  return blocks;
}

async function main(): Promise<void> {
  const schema = getSchema(schemaExtensions());
  const blocks = longIssue();
  const json = blocksToDoc(blocks);
  const doc = schema.nodeFromJSON(json);
  // Edited documents, each with characters typed into a paragraph (ProseMirror shares the untouched
  // nodes); every timed call gets a document it has not seen, as every real edit is new.
  const edited = Array.from({ length: 400 }, (_, i) => {
    const at = 1 + (i * 5) % (doc.childCount - 1);
    const child = doc.child(at);
    if (!child.isTextblock) return doc;
    const typed = child.copy(child.content.append(schema.text(`字${i}`).content));
    return doc.copy(doc.content.replaceChild(at, typed));
  });
  const reader = new BlockReader();
  let emitted = reader.read(doc);
  let last = JSON.stringify(blocks);
  let sink = 0;
  let n = 0;

  const [bareEdit, editorEdit] = await timeBoth(
    () => {
      sink += (edited[n % edited.length]!.toJSON() as { content: unknown[] }).content.length; // the same document ours reads next
    },
    () => {
      const next = reader.read(edited[n++ % edited.length]!);
      if (!sameBlocks(next, emitted)) emitted = next;
      sink += next.length;
    },
    200,
    30,
  );
  const [, wholeEdit] = await timeBoth(
    () => undefined,
    () => {
      const next = docToBlocks(edited[n++ % edited.length]!.toJSON() as ReturnType<typeof blocksToDoc>);
      const key = JSON.stringify(next);
      if (key !== last) last = key;
      sink += next.length;
    },
    60,
    5,
  );
  const [bareLoad, editorLoad] = await timeBoth(
    () => {
      sink += schema.nodeFromJSON(json).childCount;
    },
    () => {
      sink += schema.nodeFromJSON(blocksToDoc(blocks)).childCount;
    },
    100,
    10,
  );
  const row = (what: string, bare: { p50: number; p95: number }, ours: { p50: number; p95: number }) => ({
    what,
    'bare p50 ms': bare.p50,
    'editor p50 ms': ours.p50,
    'editor p95 ms': ours.p95,
    'ratio p50': ours.p50 / bare.p50,
  });
  process.stdout.write(`${blocks.length} blocks (${blocks.filter((b) => b.type === 'paragraph').length * 3} figure references)\n\n`);
  process.stdout.write(
    table([
      row('each edit: doc.toJSON (bare) vs BlockReader + compare', bareEdit, editorEdit),
      row('each edit: doc.toJSON (bare) vs whole-document docToBlocks + stringify', bareEdit, wholeEdit),
      row('loading: nodeFromJSON (bare) vs blocksToDoc + nodeFromJSON', bareLoad, editorLoad),
    ]),
  );
  if (sink < 0) process.stdout.write('unreachable\n');
}

void main();
