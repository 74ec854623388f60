/**
 * The table import's first guess of what each column holds, from its header's words: a city table's
 * 地区 column is the city, not the industry (it was forced to 产业 as the first column, and every
 * city row was then refused as an unknown industry).
 */
import { describe, expect, it } from 'vitest';
import type { TableGrid } from '../../shared/table-import';
import { guessMapping } from '../../renderer/src/components/table-import/guess';

const grid = (header: string[], ...rows: string[][]): TableGrid => ({
  fileId: '00000000-0000-4000-8000-000000000000',
  fileName: 'table.csv',
  format: 'csv',
  encoding: 'utf-8',
  sheets: ['table'],
  sheet: 'table',
  rowCount: rows.length + 1,
  columnCount: header.length,
  rows: [header, ...rows].map((cells, i) => ({ number: i + 1, cells })),
  metrics: [],
  cities: [],
});

describe('the first guess of a table’s columns', () => {
  it.each([
    [['地区', '2022', '2023'], [{ header: '地区', role: 'city' }]],
    [['城市', '指标', '2023'], [{ header: '城市', role: 'city' }, { header: '指标', role: 'metric' }]],
    [['产业集群', '2022年', '2023年'], [{ header: '产业集群', role: 'entity' }]],
    // A first column whose header says nothing is taken as the industry's.
    [['名称', '2023'], [{ header: '名称', role: 'entity' }]],
  ])('%j', (header, columns) => {
    expect(guessMapping(grid(header, ['广州市', '1', '2'].slice(0, header.length)), 1).columns).toEqual(columns);
  });
});
