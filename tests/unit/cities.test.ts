/**
 * Cities (issue 12) on a real data file: figures entered with a city are listed when the workbench
 * filters by that city (and only they), a city is found by its Chinese or English name in the global
 * search and in the workbench's search, and an unknown city is refused, typed, with nothing written.
 */
import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../shared/global-search';
import type { FigurePage } from '../../shared/workbench';
import { fullDump, tempDataFile } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { robotsFigure } from '../helpers/catalog';

const figure = robotsFigure;

describe('cities', () => {
  it('the workbench filtered by a city lists exactly the figures about it; search finds the city by either name', async () => {
    const { db, call } = openWithHandlers(tempDataFile());
    await call('saveFigure', { figure: figure({ value: 420, cityCode: '440300' }) });
    await call('saveFigure', { figure: figure({ value: 380, cityCode: '440100' }) });
    await call('saveFigure', { figure: figure({ value: 95, cityCode: '440300', period: '2023' }) });

    const shenzhen = (await call('listFigures', { cityCode: '440300' })) as FigurePage;
    expect(shenzhen.total).toBe(2);
    expect(shenzhen.rows.map((r) => [r.cityCode, r.value]).sort()).toEqual([
      ['440300', 420],
      ['440300', 95],
    ]);
    expect(((await call('listFigures', { cityCode: '440100', metric: 'output_value' })) as FigurePage).rows.map((r) => r.value)).toEqual([380]);
    expect(((await call('listFigures', { cityCode: '445300' })) as FigurePage).total).toBe(0);

    for (const q of ['深圳', 'Shenzhen']) {
      const found = (await call('search', { q })) as SearchResults;
      expect(found.cities).toEqual([{ code: '440300', name: { zh: '深圳市', en: 'Shenzhen' }, figures: 2 }]);
      const listed = (await call('listFigures', { q })) as FigurePage;
      expect(listed.rows.every((r) => r.cityCode === '440300')).toBe(true);
      expect(listed.total).toBe(2);
    }
    const dump = fullDump(db);
    await expect(call('listFigures', { cityCode: '99' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call('saveFigure', { figure: figure({ cityCode: '445900' }) })).rejects.toMatchObject({ code: 'UNKNOWN_CITY' });
    expect(fullDump(db)).toBe(dump);
    db.close();
  });
});
