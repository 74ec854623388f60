import { describe, expect, it } from 'vitest';
import { CallError, createClient } from '../../shared/client';
import { CHANNELS, contract } from '../../shared/contract';
import { dispatch } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { folderHost } from '../../electron/services/host';
import { Jobs } from '../../electron/services/jobs';
import { fullDump, openTemp, tempDir } from '../helpers/files';
import path from 'node:path';

function setup() {
  const { db, file } = openTemp();
  const handlers = createHandlers({ db, dataFile: file, appName: 'Cluster Brief', appVersion: '0.0.0-test', host: folderHost(tempDir(), path.join), jobs: new Jobs() });
  return { db, handlers };
}

describe('the typed IPC contract', () => {
  it('has a handler for every channel and a schema pair for each', () => {
    const { handlers } = setup();
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) {
      expect(contract[c].input.safeParse).toBeTypeOf('function');
      expect(contract[c].output.safeParse).toBeTypeOf('function');
    }
  });

  it('answers a valid call with a value that matches the output schema', async () => {
    const { handlers } = setup();
    const result = await dispatch(handlers, 'listEntities', { category: 'future' });
    expect(result.ok).toBe(true);
    expect(result.ok && (result.value as unknown[]).length).toBe(7);
    const tier = await dispatch(handlers, 'listEntities', { tier: 'over_10b' });
    expect(tier.ok && (tier.value as { id: string }[]).map((e) => e.id)).toEqual(['smart-robots', 'blockchain-quantum']);
  });

  const hostile: [string, unknown, unknown][] = [
    ['unknown channel', 'dropTables', {}],
    ['prototype key as channel', '__proto__', {}],
    ['constructor as channel', 'constructor', {}],
    ['wrong type', 'getEntity', { id: 42 }],
    ['injection-shaped id', 'getEntity', { id: "x'; DROP TABLE entities; --" }],
    ['extra key', 'listEntities', { category: 'pillar', sql: 'DELETE FROM entities' }],
    ['enum outside its values', 'listEntities', { category: 'galactic' }],
    ['not an object', 'getProvince', 'please'],
    ['null', 'getAppInfo', null],
    ['huge string', 'getEntity', { id: 'a'.repeat(1_000_000) }],
  ];
  it.each(hostile)('refuses a hostile payload (%s) with a typed error and writes nothing', async (_name, channel, input) => {
    const { db, handlers } = setup();
    const before = fullDump(db);
    const result = await dispatch(handlers, channel, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(['INVALID_INPUT', 'UNKNOWN_CHANNEL']).toContain(result.error.code);
      expect(result.error.message.length).toBeLessThan(300);
      expect(JSON.stringify(result.error)).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(fullDump(db)).toBe(before);
    expect(db.prepare('SELECT count(*) AS n FROM entities').get()).toEqual({ n: 27 });
  });

  it('names where the input was wrong', async () => {
    const { handlers } = setup();
    const result = await dispatch(handlers, 'listEntities', { tier: 'over_9000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { where: 'listEntities.tier' } } });
  });

  it('turns a failing handler into a typed error instead of a raw exception', async () => {
    const { handlers } = setup();
    const result = await dispatch(handlers, 'getEntity', { id: 'no-such-cluster' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { id: 'no-such-cluster' } } });
  });

  it('gives the page a client that returns typed values and throws CallError with the payload', async () => {
    const { handlers } = setup();
    const client = createClient((channel, input) => dispatch(handlers, channel, input));
    const robots = await client.getEntity({ id: 'smart-robots' });
    expect(robots.tier).toBe('over_10b');
    await expect(client.getEntity({ id: 'nope' })).rejects.toBeInstanceOf(CallError);
    await expect(client.getEntity({ id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
