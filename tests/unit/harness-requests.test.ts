/**
 * The browser harness (bin/web.mjs, electron/web/server.ts) under malformed and hostile HTTP
 * requests, sent byte for byte to a started harness over a real data file: every one is answered
 * with a 4xx and a short reason (a typed error on the RPC path), never a 500, never exception text,
 * never a reset connection, and the data file is left as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorPayload } from '../../shared/errors';
import { openDataFile } from '../../electron/services/db/open';
import { fullDump, tempDir } from '../helpers/files';
import { startHarness, stopHarness, type Harness } from '../helpers/harness';
import { rawRequest, type RawRequest, type RawResponse } from '../helpers/raw-http';
import { count, report, SEED } from '../helpers/adversarial';

/** Random requests: a few here, many under `npm run adversarial` (tests/helpers/adversarial.ts). */
const RUNS = count('HTTP_RUNS', 60, 3000);

let harness: Harness;
let token: string;
let before: string;

beforeAll(async () => {
  const dir = tempDir();
  const page = path.join(dir, 'page');
  fs.mkdirSync(page);
  fs.writeFileSync(path.join(page, 'index.html'), '<!doctype html><html><head><title>harness</title></head><body>集群</body></html>');
  fs.writeFileSync(path.join(page, 'app.js'), 'console.log(1);');
  const dataFile = path.join(dir, 'data.sqlite');
  const db = openDataFile(dataFile);
  before = fullDump(db);
  db.close();
  harness = await startHarness(dataFile, { renderer: page });
  token = new URL(harness.url).searchParams.get('token')!;
}, 60_000);

afterAll(async () => {
  await stopHarness(harness);
  // Nothing a refused request carried was written.
  const db = openDataFile(harness.dataFile, { mustExist: true });
  try {
    expect(fullDump(db)).toBe(before);
  } finally {
    db.close();
  }
});

/** What the page itself sends: its token cookie, its origin, the RPC header. */
const asThePage = (extra: Record<string, string> = {}): Record<string, string> => ({
  cookie: `cb_token=${token}`,
  origin: harness.origin,
  'x-cluster-brief': '1',
  'content-type': 'application/json',
  ...extra,
});
const send = (req: RawRequest): Promise<RawResponse> => rawRequest(harness.origin, req);

/** No stack, no exception class, no internal path in what the client reads. */
function expectNoInternals(response: RawResponse): void {
  expect(response.status).not.toBe(500);
  expect(response.body).not.toMatch(/Error\b|\bat .+:\d+|node:internal|\/work\/|TypeError|URIError|RangeError/);
}

function typedError(response: RawResponse): ErrorPayload {
  expectNoInternals(response);
  expect(response.headers['content-type']).toBe('application/json');
  const envelope = JSON.parse(response.body) as { ok: boolean; error: unknown };
  expect(envelope.ok).toBe(false);
  return ErrorPayload.parse(envelope.error);
}

describe('the browser harness answers malformed requests with a 4xx and a reason', () => {
  it('serves the page and answers a well-formed call from the page (the checks below are not refusing everything)', async () => {
    const entry = await send({ target: `/?token=${token}` });
    expect(entry.status).toBe(302);
    expect(entry.headers['set-cookie']).toContain(`cb_token=${token}`);
    const page = await send({ target: '/', headers: { cookie: `cb_token=${token}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('集群');
    const call = await send({ method: 'POST', target: '/__harness/rpc/getEntity', headers: asThePage(), body: JSON.stringify({ id: 'smart-robots' }) });
    expect(call.status).toBe(200);
    expect(JSON.parse(call.body)).toMatchObject({ ok: true, value: { id: 'smart-robots', name: { zh: '智能机器人' } } });
  });

  it('refuses a token holding a multi-byte character with 403 (percent-encoded, as browsers send it) or 400 (raw bytes)', async () => {
    const sameLength = `${token.slice(0, -1)}é`;
    for (const target of [`/?token=${encodeURIComponent(sameLength)}`, `/?token=${encodeURIComponent(`${token.slice(0, -2)}智`)}`, '/?token=%F0%9F%98%80']) {
      const response = await send({ target });
      expect(response.status, target).toBe(403);
      expectNoInternals(response);
    }
    for (const target of [`/?token=${sameLength}`, `/?token=${token.slice(0, -2)}智`]) {
      const response = await send({ target });
      expect(response.status, target).toBe(400);
      expectNoInternals(response);
    }
    const cookie = await send({ target: '/', headers: { cookie: `cb_token=${sameLength}` } });
    expect(cookie.status).toBe(403);
  });

  it('refuses malformed percent-encoding with 400 (path) or 403 (token)', async () => {
    for (const target of ['/%E0%A4%A', '/%', '/app%2.js', '/%C0%AF', '/%FF']) {
      const response = await send({ target, headers: { cookie: `cb_token=${token}` } });
      expect(response.status, target).toBe(400);
      expectNoInternals(response);
    }
    const badToken = await send({ target: '/?token=%ZZ%E0%A4%A' });
    expect(badToken.status).toBe(403);
  });

  it('refuses a 25 MB body with 413 before reading it all, and the client reads the answer (no reset)', async () => {
    const MB = 1024 * 1024;
    // The whole 25 MB sent, declared or chunked: the client reads a 413, its connection is not reset.
    for (const body of [{ bytes: 25 * MB }, { bytes: 25 * MB, chunked: true }]) {
      const response = await send({ method: 'POST', target: '/__harness/rpc/saveFigure', headers: asThePage(), body });
      expect(response.status).toBe(413);
      expect(typedError(response)).toMatchObject({ code: 'REQUEST_TOO_LARGE', details: { limit: 20 * MB } });
    }
    // The client stops sending and waits: the answer comes without the rest of the body — on the
    // declared length at once, and for a chunked body as soon as it passes the limit.
    const declared = await send({ method: 'POST', target: '/__harness/rpc/saveFigure', headers: asThePage(), body: { bytes: 25 * MB, stopAfter: MB } });
    expect(declared.status).toBe(413);
    expect(declared.sentBytes).toBe(MB);
    const chunked = await send({ method: 'POST', target: '/__harness/rpc/saveFigure', headers: asThePage(), body: { bytes: 25 * MB, chunked: true, stopAfter: 21 * MB } });
    expect(chunked.status).toBe(413);
    expect(typedError(chunked).code).toBe('REQUEST_TOO_LARGE');
  });

  it('refuses the wrong method with 405, naming the one allowed', async () => {
    const get = await send({ method: 'GET', target: '/__harness/rpc/listEntities', headers: asThePage() });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(typedError(get)).toMatchObject({ code: 'REQUEST_METHOD', details: { method: 'GET', allowed: 'POST' } });
    const put = await send({ method: 'PUT', target: '/', headers: asThePage(), body: 'x' });
    expect(put.status).toBe(405);
    expectNoInternals(put);
  });

  it('refuses an unknown channel with 404 without reading its body', async () => {
    for (const channel of ['frobnicate', '__proto__', 'constructor', 'toString', '%E4%B8%AD', 'listEntities/extra', '']) {
      const response = await send({ method: 'POST', target: `/__harness/rpc/${channel}`, headers: asThePage(), body: '{}' });
      expect(response.status, channel).toBe(404);
      expect(typedError(response).code).toBe('UNKNOWN_CHANNEL');
    }
    // Answered while the client still holds back most of the body it declared.
    const early = await send({ method: 'POST', target: '/__harness/rpc/frobnicate', headers: asThePage(), body: { bytes: 1024 * 1024, stopAfter: 10 } });
    expect(early.status).toBe(404);
  });

  it('refuses a body that is not JSON with 400, naming the call', async () => {
    for (const body of ['{', '', 'undefined', '{"id": "smart-robots"', Buffer.from([0xff, 0xfe, 0x00]), "{'id':1}"]) {
      const response = await send({ method: 'POST', target: '/__harness/rpc/getEntity', headers: asThePage(), body });
      expect(response.status, String(body)).toBe(400);
      expect(typedError(response)).toMatchObject({ code: 'REQUEST_NOT_JSON', details: { where: 'getEntity' } });
    }
  });

  it('answers JSON that breaks the contract with the typed INVALID_INPUT of the app, as over IPC', async () => {
    const response = await send({ method: 'POST', target: '/__harness/rpc/getEntity', headers: asThePage(), body: JSON.stringify({ id: 42 }) });
    expect(response.status).toBe(200);
    expect(typedError(response)).toMatchObject({ code: 'INVALID_INPUT', details: { where: 'getEntity.id' } });
  });

  it('refuses a foreign Origin with 403, and a call with no Origin at all', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${Number(new URL(harness.origin).port) + 1}`, `https://127.0.0.1:${new URL(harness.origin).port}`, `${harness.origin}.evil.example`]) {
      const call = await send({ method: 'POST', target: '/__harness/rpc/listEntities', headers: asThePage({ origin }), body: '{}' });
      expect(call.status, origin).toBe(403);
      expectNoInternals(call);
      const page = await send({ target: '/', headers: { cookie: `cb_token=${token}`, origin } });
      expect(page.status, origin).toBe(403);
    }
    const { origin: _dropped, ...noOrigin } = asThePage();
    const call = await send({ method: 'POST', target: '/__harness/rpc/listEntities', headers: noOrigin, body: '{}' });
    expect(call.status).toBe(403);
    // A same-origin GET carries no Origin, and is served.
    expect((await send({ target: '/app.js', headers: { cookie: `cb_token=${token}` } })).status).toBe(200);
  });

  it(`answers ${RUNS} random request targets, methods and bodies with no 500 and no exception text (seed ${SEED})`, async () => {
    // Raw bytes (mostly refused by Node's own parser with 400), and the same strings percent-encoded,
    // which reach the harness's own checks: paths, channels, tokens, broken escapes.
    const text = fc.string({ unit: 'binary', maxLength: 40, size: 'max' });
    const raw = text.map((s) => s.replace(/[\r\n\s]/g, ''));
    const target = fc.oneof(
      raw.map((s) => `/${s}`),
      text.map((s) => `/${encodeURIComponent(s).replace(/%2F/g, '/')}`),
      text.map((s) => `/__harness/rpc/${encodeURIComponent(s)}`),
      text.map((s) => `/?token=${encodeURIComponent(s)}`),
      fc.constantFrom('/__harness/rpc/', '/__harness/bridge.js', '/index.html', '/app.js', '/..%2F..%2Fetc%2Fpasswd', '/%00', '//evil.example/x'),
      fc.stringMatching(/^\/(%[0-9A-Fa-fG-Z]{0,2}){1,6}$/),
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'),
      target,
      body: fc.option(fc.string({ unit: 'binary', maxLength: 200, size: 'max' }), { nil: undefined }),
      origin: fc.option(fc.constantFrom(harness.origin, 'http://evil.example', 'null'), { nil: undefined }),
    });
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(request, async ({ method, target: t, body, origin }) => {
        const headers = asThePage(origin === undefined ? {} : { origin });
        if (origin === undefined) delete headers.origin;
        const response = await send({ method, target: t, headers, ...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body }) });
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        expect(response.status).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(500);
        // Refusals carry a short reason only (a served file, such as the bridge script, may say anything).
        if (method !== 'HEAD' && response.status >= 300) expectNoInternals(response);
      }),
      { numRuns: RUNS, seed: SEED, verbose: 1 },
    );
    report('harness-http', { requests: RUNS, statuses: JSON.stringify(statuses) });
  }, 30 * 60_000);
});
