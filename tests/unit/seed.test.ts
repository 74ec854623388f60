import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataFile } from '../../electron/services/db/open';
import { dumpDataset } from '../../electron/services/db/read';
import { fullDump, ROOT, tempDataFile } from '../helpers/files';

const ARTICLE = fs.readFileSync(path.join(ROOT, 'resources/dataset/china-daily-2024-10-23-guangdong-clusters.txt'), 'utf8');

describe('the embedded default dataset', () => {
  const db = openDataFile(tempDataFile());
  const dump = dumpDataset(db);

  it('has the 20 strategic clusters and 7 future industries in three categories', () => {
    const count = (c: string): number => dump.entities.filter((e) => e.category === c).length;
    expect(dump.entities).toHaveLength(27);
    expect([count('pillar'), count('emerging'), count('future')]).toEqual([10, 10, 7]);
    expect(dump.entities.find((e) => e.id === 'smart-robots')?.name).toEqual({ zh: '智能机器人', en: 'Smart robots' });
    expect(dump.entities.filter((e) => e.name.zh === '先进材料').map((e) => e.category).sort()).toEqual(['future', 'pillar']);
  });

  it('puts every cluster in the output tier the article gives, as a lower bound', () => {
    const tiers = (category: string): Record<string, number> =>
      dump.entities
        .filter((e) => e.category === category)
        .reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.tier ?? 'none']: (acc[e.tier ?? 'none'] ?? 0) + 1 }), {});
    expect(tiers('pillar')).toEqual({ over_1t: 8, over_500b: 1, over_100b: 1 });
    expect(tiers('emerging')).toEqual({ over_500b: 2, over_100b: 6, over_10b: 2 });
    expect(tiers('future')).toEqual({ none: 7 });
    const robots = dump.entities.find((e) => e.id === 'smart-robots')!;
    expect(robots.figures).toEqual([
      expect.objectContaining({ metric: 'output_value', value: 100, unit: '100m_yuan', qualifier: 'over', period: '2023' }),
    ]);
    const eight = dump.entities.filter((e) => e.tier === 'over_1t').map((e) => e.name.zh);
    expect(eight.sort()).toEqual(['先进材料', '新一代电子信息', '智能家电', '汽车', '现代农业与食品', '现代轻工纺织', '绿色石化', '软件与信息服务'].sort());
  });

  it('has the four province-level figures of 2023 with their qualifiers, and no invented GDP growth', () => {
    const f = dump.province.figures.map((x) => [x.scope, x.metric, x.value, x.unit, x.qualifier, x.period]);
    expect(f).toEqual([
      ['strategic_clusters', 'added_value_growth', 5.2, 'percent', 'exact', '2023'],
      ['strategic_clusters', 'gdp_share', 40, 'percent', 'exact', '2023'],
      ['emerging_clusters', 'revenue', 30000, '100m_yuan', 'nearly', '2023'],
      ['emerging_clusters', 'added_value_growth', 9.2, 'percent', 'exact', '2023'],
    ]);
    expect(dump.province.figures.some((x) => x.scope === 'province' && x.metric === 'added_value_growth')).toBe(false);
  });

  it('cites one source, dated 2024-10-23, with the sentence behind every figure and milestone quoted from the article', () => {
    const sources = new Map([...dump.province.sources, ...dump.entities.flatMap((e) => e.sources)].map((s) => [s.id, s]));
    expect([...sources.values()]).toEqual([
      expect.objectContaining({ publisher: 'China Daily', author: 'Yuan Shenggao', publishedOn: '2024-10-23' }),
    ]);
    const all = [...dump.province.figures, ...dump.entities.flatMap((e) => e.figures), ...dump.province.milestones];
    expect(all.length).toBe(4 + 20 + 2);
    for (const item of all) {
      expect(item.sourceId).not.toBeNull();
      for (const sentence of item.sourceQuote!.split(/(?<=\.) /)) expect(ARTICLE).toContain(sentence);
    }
    expect(dump.province.milestones.map((m) => m.year)).toEqual([2027, 2035]);
  });

  it('is written once: starting twice changes nothing', () => {
    const file = tempDataFile();
    const first = openDataFile(file);
    const before = fullDump(first);
    first.close();
    const second = openDataFile(file);
    expect(fullDump(second)).toBe(before);
    second.close();
  });

  it('is never written over user data, even when the user removed every entity', () => {
    const file = tempDataFile();
    const db1 = openDataFile(file);
    db1.exec(`DELETE FROM figures; DELETE FROM entities;`);
    db1.close();
    const db2 = openDataFile(file);
    expect(db2.prepare('SELECT count(*) AS n FROM entities').get()).toEqual({ n: 0 });
    db2.close();
  });
});
