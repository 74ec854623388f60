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
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
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

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: http.OutgoingHttpHeaders = {}): void => {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      ...extra,
    });
    res.end(body);
  };

  const hasToken = (req: http.IncomingMessage): boolean => {
    const cookie = /(?:^|;\s*)cb_token=([0-9a-f]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '';
    return cookie.length === token.length && crypto.timingSafeEqual(Buffer.from(cookie), Buffer.from(token));
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'wrong host');
      const url = new URL(req.url ?? '/', `http://${host}`);
      const given = url.searchParams.get('token');
      if (given !== null) {
        const ok = given.length === token.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token));
        if (!ok) return send(res, 403, 'bad token');
        return send(res, 302, '', 'text/plain', {
          location: '/',
          'set-cookie': `cb_token=${token}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }
      if (!hasToken(req)) return send(res, 403, 'token required');

      if (url.pathname.startsWith('/__harness/rpc/')) {
        if (req.method !== 'POST' || req.headers['x-cluster-brief'] !== '1') return send(res, 403, 'forbidden');
        const channel = url.pathname.slice('/__harness/rpc/'.length);
        let input: unknown;
        try {
          input = JSON.parse((await readBody(req)).toString('utf8'));
        } catch {
          input = Symbol('unparseable');
        }
        const envelope = await dispatch(options.handlers, channel, input);
        return send(res, 200, JSON.stringify(envelope), 'application/json');
      }
      if (url.pathname === '/__harness/bridge.js') return send(res, 200, bridge, TYPES['.js']);
      if (req.method !== 'GET') return send(res, 405, 'method not allowed');

      const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = path.resolve(rendererDir, relative);
      if (!file.startsWith(rendererDir + path.sep)) return send(res, 404, 'not found');
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'not found');
      if (file === indexFile) {
        const html = fs.readFileSync(file, 'utf8').replace('<head>', '<head>\n    <script src="/__harness/bridge.js"></script>');
        return send(res, 200, html, TYPES['.html']);
      }
      return send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
    })().catch((error: unknown) => send(res, 500, String(error)));
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

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
