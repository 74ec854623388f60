/**
 * The browser harness: serves the built renderer and the same handler table on 127.0.0.1 only, for
 * tests and UI work without Electron. Every request must carry the per-run token (as a cookie set
 * by the first, token-bearing request); RPC calls also need a custom header, so no other page or
 * origin can call in. It is never part of the packaged app.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch } from '../services/dispatch';
import { isChannel, type Envelope } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../services/handlers';
import { CONTENT_SECURITY_POLICY } from '../services/csp';

export interface HarnessOptions {
  handlers: Handlers;
  rendererDir: string;
  /** The page-side bridge (renderer/harness/bridge.ts), bundled to one classic script. */
  bridgeScript: string;
  port?: number;
  token?: string;
}

export interface Harness {
  url: string;
  origin: string;
  token: string;
  close: () => Promise<void>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const RPC_PREFIX = '/__harness/rpc/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
};

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? crypto.randomBytes(24).toString('hex');
  const bridge = options.bridgeScript;
  const rendererDir = path.resolve(options.rendererDir);
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`No built renderer at ${rendererDir}: run "npm run build" first.`);
  let port = 0;

  /**
   * Writes a whole answer. When the client has not finished sending its request (a body nobody read,
   * such as one refused), the response is not ended until it has (its bytes are read and dropped, up
   * to 4× the body limit): closing with unread bytes would reset the connection, and the client
   * would lose the answer it had already been sent.
   */
  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: http.OutgoingHttpHeaders = {}): void => {
    res.writeHead(status, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      ...extra,
    });
    if (res.req.complete) return void res.end(body);
    res.write(body);
    let dropped = 0;
    res.req.on('data', (chunk: Buffer) => (dropped += chunk.length) > 4 * MAX_BODY_BYTES && res.req.destroy());
    res.req.once('end', () => res.end());
    res.req.once('close', () => res.end());
    res.req.resume();
  };

  const tokenBytes = Buffer.from(token);
  /** Constant-time comparison of bytes (a multi-byte character makes a different length: refused, not thrown). */
  const isToken = (given: string): boolean => {
    const bytes = Buffer.from(given);
    return bytes.length === tokenBytes.length && crypto.timingSafeEqual(bytes, tokenBytes);
  };
  const hasToken = (req: http.IncomingMessage): boolean => isToken(/(?:^|;\s*)cb_token=([0-9a-f]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '');

  /** An RPC refusal: the status, and a typed error the page's client can show (never exception text). */
  const refuse = (res: http.ServerResponse, status: number, error: AppError, extra: http.OutgoingHttpHeaders = {}): void =>
    send(res, status, JSON.stringify({ ok: false, error: error.toPayload() } satisfies Envelope), 'application/json', extra);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'wrong host');
    // Only origin-form targets ("/path?query"); concatenated, never resolved, so "//x" stays a path.
    const target = req.url ?? '';
    const url = target.startsWith('/') && URL.canParse(`http://${host}${target}`) ? new URL(`http://${host}${target}`) : null;
    if (!url) return send(res, 400, 'bad request target');
    // The page's own origin only; a request without one only for reading (browsers send Origin on every POST).
    const origin = req.headers.origin;
    if (origin !== undefined ? origin !== `http://${host}` : req.method !== 'GET' && req.method !== 'HEAD') return send(res, 403, 'foreign origin');
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!isToken(given)) return send(res, 403, 'bad token');
      return send(res, 302, '', 'text/plain', {
        location: '/',
        'set-cookie': `cb_token=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (!hasToken(req)) return send(res, 403, 'token required');

    if (url.pathname.startsWith(RPC_PREFIX)) return rpc(req, res, url.pathname.slice(RPC_PREFIX.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8', { allow: 'GET, HEAD' });
    if (url.pathname === '/__harness/bridge.js') return send(res, 200, bridge, TYPES['.js']);

    let relative: string;
    try {
      relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      return send(res, 400, 'malformed percent-encoding');
    }
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep) || relative.includes('\0')) return send(res, 404, 'not found');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'not found');
    if (file === indexFile) {
      const html = fs.readFileSync(file, 'utf8').replace('<head>', '<head>\n    <script src="/__harness/bridge.js"></script>');
      return send(res, 200, html, TYPES['.html']);
    }
    return send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
  };

  /** POST /__harness/rpc/<channel>: the same dispatch as Electron's IPC, after the HTTP checks. */
  const rpc = async (req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> => {
    if (req.method !== 'POST') return refuse(res, 405, new AppError('REQUEST_METHOD', 'method not allowed', { method: shown(req.method), allowed: 'POST' }), { allow: 'POST' });
    if (req.headers['x-cluster-brief'] !== '1') return refuse(res, 403, new AppError('FORBIDDEN_SENDER', 'missing x-cluster-brief header'));
    if (!isChannel(channel)) return refuse(res, 404, new AppError('UNKNOWN_CHANNEL', 'unknown channel', { channel: shown(channel) }));
    const tooLarge = new AppError('REQUEST_TOO_LARGE', 'request too large', { limit: MAX_BODY_BYTES });
    // Refused on its declared length before a byte is read; a chunked body when it passes the limit.
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return refuse(res, 413, tooLarge, { connection: 'close' });
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'aborted') return;
    if (body === 'too large') return refuse(res, 413, tooLarge, { connection: 'close' });
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(res, 400, new AppError('REQUEST_NOT_JSON', 'body is not JSON', { where: channel }));
    }
    const started = performance.now();
    const answer = await dispatch(options.handlers, channel, input);
    // How long the service took here, for the page's resource timing (bench/briefing-preview.bench.ts).
    return send(res, 200, JSON.stringify(answer), 'application/json', { 'server-timing': `dispatch;dur=${(performance.now() - started).toFixed(1)}` });
  };

  const server = http.createServer((req, res) => {
    // Nothing a client sends reaches this: the last resort says no more than that something failed.
    handle(req, res).catch(() => (res.headersSent ? res.destroy() : send(res, 500, 'internal error')));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    // Stop listening and end every connection, idle keep-alive ones included: server.close alone
    // waits until the browser lets go of them, which can be longer than a test's teardown.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The body; 'too large' as soon as it passes `limit` (the rest is then read and dropped, up to 4×
 * the limit, so the client receives the 413 rather than a reset connection); 'aborted' if the client
 * went away before the end (nothing is answered then, and a half body is never dispatched).
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size - chunk.length <= limit) resolve('too large');
      else if (size > 4 * limit) req.destroy();
    });
    req.on('end', () => resolve(size > limit ? 'too large' : Buffer.concat(chunks)));
    req.on('close', () => resolve('aborted'));
  });
}

/** A client-sent name, cut short for an error's details. */
const shown = (text: string | undefined): string => String(text ?? '').slice(0, 80);
