/**
 * The one search over everything (issue 13), on a real data file through the contract: entities with
 * or without figures, figures, annotations and sources, in both languages; snippets cut between
 * words or characters, never inside one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../shared/global-search';
import { cutsInside, lead, snippet } from '../../shared/search';
import { dispatch } from '../../electron/services/dispatch';
import { fullDump, tempDataFile } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';

function open() {
  const opened = openWithHandlers(tempDataFile());
  const search = async (q: string): Promise<SearchResults> => (await opened.call('search', { q })) as SearchResults;
  return { ...opened, search };
}

describe('searching everything', () => {
  it('finds 量子科技 Quantum technology by name though it has no figures, in English and Chinese', async () => {
    const { search } = open();
    for (const q of ['quantum', 'Quantum', '量子', '量子科技']) {
      const found = await search(q);
      expect(found.entities.map((e) => e.entityId), q).toContain('quantum-technology');
      expect(found.entities.find((e) => e.entityId === 'quantum-technology')).toMatchObject({ name: { zh: '量子科技', en: 'Quantum technology' }, category: 'future', figures: 0 });
    }
    // The industry named by the term comes before one whose name only mentions it.
    expect((await search('quantum')).entities.map((e) => e.entityId)).toEqual(['quantum-technology', 'blockchain-quantum']);
    const robots = await search('robot');
    expect(robots.entities.map((e) => e.name.zh)).toEqual(['智能机器人']);
    expect(robots.entities[0]!.figures).toBeGreaterThan(0);
  });

  it('finds any industry by any word of either of its names, whether or not it has figures', async () => {
    const { search, call } = open();
    let n = 0;
    const word = fc.stringMatching(/^[a-z]{3,10}$/);
    const han = fc.array(fc.constantFrom(...'低空经济航天海洋氢能脑机接口合成生物'), { minLength: 2, maxLength: 6 }).map((cs) => cs.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 4 }), han, fc.nat(), async (words, zh, pick) => {
        const id = `new-industry-${++n}`;
        await call('saveEntity', { mode: 'create', entity: { id, name: { zh, en: words.join(' ') }, category: 'future', tier: null, sortOrder: 100 + n } });
        const term = words[pick % words.length]!;
        expect((await search(term)).entities.map((e) => e.entityId)).toContain(id);
        expect((await search(zh.slice(0, 2))).entities.map((e) => e.entityId)).toContain(id);
      }),
      { numRuns: 25, verbose: true },
    );
  });

  it('finds figures by their quoted sentence, and sources by title and publisher, with snippets around the words', async () => {
    const { search } = open();
    const found = await search('trillion');
    expect(found.figures.length).toBeGreaterThan(0);
    for (const f of found.figures) expect(f.snippet).toMatch(/trillion/i);
    const sources = await search('China Daily');
    expect(sources.sources).toHaveLength(1);
    expect(sources.sources[0]).toMatchObject({ publisher: 'China Daily', title: 'Clusters of strategic and future industries mapped out for economic leadership' });
    const quantum = await search('quantum');
    for (const text of [...quantum.figures.map((f) => f.snippet), ...quantum.sources.map((s) => s.snippet)]) {
      expect(text).not.toMatch(/quantu(?!m)/i);
    }
  });

  it('finds annotations in either language, open first, and forgets deleted ones', async () => {
    const { search, call } = open();
    const a = (await call('saveAnnotation', {
      annotation: { targetType: 'entity', targetId: 'quantum-technology', body: '核对量子科技的行动方案原文 before the minister\'s brief', tags: ['核对'], status: 'open', includeInBriefing: false },
    })) as { id: number };
    for (const q of ['行动方案', 'minister']) {
      const found = await search(q);
      expect(found.annotations).toEqual([expect.objectContaining({ annotationId: a.id, entityId: 'quantum-technology', entityName: { zh: '量子科技', en: 'Quantum technology' }, status: 'open' })]);
    }
    expect((await search('核对')).annotations[0]!.snippet).toContain('核对量子科技');
    await call('deleteItem', { targetType: 'annotation', targetId: String(a.id) });
    expect((await search('minister')).annotations).toEqual([]);
  });

  it('answers nothing for nothing searchable, and refuses an over-long query with a typed error, changing nothing', async () => {
    const { search, handlers, db } = open();
    expect(await search('  ·· ')).toEqual({ entities: [], cities: [], figures: [], annotations: [], sources: [] });
    const before = fullDump(db);
    const refused = await dispatch(handlers, 'search', { q: 'x'.repeat(201) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(fullDump(db)).toBe(before);
  });
});

describe('snippets', () => {
  const words = fc.stringMatching(/^[a-z]{1,12}$/);
  const han = fc.constantFrom(...'量子科技区块链信息智能机器人新能源');
  const piece = fc.oneof(words, fc.array(han, { minLength: 1, maxLength: 6 }).map((cs) => cs.join('')));
  const text = fc.array(piece, { minLength: 1, maxLength: 40, size: 'max' }).map((ps) => ps.join(' '));

  it('start and end between words or characters, and keep the whole match', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 10, max: 80 }), (t, at, len, width) => {
        const start = at % t.length;
        const query = t.slice(start, start + len).trim();
        fc.pre(query.length > 0 && !query.includes(' '));
        const s = snippet(t, query, width)!;
        expect(s).not.toBeNull();
        const inner = s.replace(/^…/, '').replace(/…$/, '');
        // The piece is a part of the text that begins and ends between words.
        const places = [...t.matchAll(new RegExp(inner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => m.index);
        expect(places.some((from) => !cutsInside(t, from) && !cutsInside(t, from + inner.length)), `${JSON.stringify(s)} in ${JSON.stringify(t)}`).toBe(true);
        expect(inner.toLowerCase()).toContain(query.toLowerCase());
      }),
      { verbose: true },
    );
  });

  it('cut the issue\'s example at a word, not "…quantu…"', () => {
    const text = 'And two industrial clusters — smart robots, and blockchain and quantum information — each exceeded 10 billion yuan in output.';
    const s = snippet(text, 'robots', 50)!;
    expect(s).not.toMatch(/quantu(?!m)|\bnformation/);
    expect(lead(text, 30)).toBe('And two industrial clusters —…');
  });
});
