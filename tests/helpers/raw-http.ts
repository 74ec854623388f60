/**
 * HTTP/1.1 requests written byte for byte on a TCP socket, so a test can send what node:http and
 * fetch refuse to: raw UTF-8 in the request line, broken percent-encoding, a body far over a limit.
 */
import net from 'node:net';

export interface RawRequest {
  method?: string;
  /** The request target exactly as sent (may hold any bytes). */
  target: string;
  headers?: Record<string, string>;
  /**
   * The body, or a size to stream that many bytes of 'x' in 64 KB chunks; with `stopAfter`, only
   * that many are sent and the connection is held open, waiting for the answer.
   */
  body?: string | Buffer | StreamedBody;
}

export interface StreamedBody {
  bytes: number;
  chunked?: boolean;
  stopAfter?: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Bytes of the request body the socket accepted before the answer came. */
  sentBytes: number;
}

/**
 * Sends one request on its own connection (Connection: close) and reads the answer. Rejects if the
 * connection fails or closes before a whole response arrived (a reset counts as a failure).
 */
export function rawRequest(origin: string, req: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  const body = req.body;
  const headers: Record<string, string> = { host: `${hostname}:${port}`, connection: 'close', ...req.headers };
  if (typeof body === 'string' || Buffer.isBuffer(body)) headers['content-length'] = String(Buffer.byteLength(body));
  else if (body) headers[body.chunked ? 'transfer-encoding' : 'content-length'] = body.chunked ? 'chunked' : String(body.bytes);
  const head = `${req.method ?? 'GET'} ${req.target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;

  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const received: Buffer[] = [];
    let sentBytes = 0;
    let answered = false;
    const finish = (): void => {
      const response = parse(Buffer.concat(received), req.method !== 'HEAD');
      if (response) {
        answered = true;
        socket.destroy();
        resolve({ ...response, sentBytes });
      }
    };
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      finish();
    });
    socket.on('error', (error) => {
      if (!answered) reject(error);
    });
    socket.on('close', () => {
      if (!answered) reject(new Error(`connection closed before a whole response (${Buffer.concat(received).length} bytes received)`));
    });
    socket.on('connect', () => {
      socket.write(Buffer.from(head, 'utf8'));
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        socket.write(body);
        sentBytes = Buffer.byteLength(body);
      } else if (body) void stream(socket, body, (n) => (sentBytes += n), () => answered);
    });
  });
}

/** Writes `bytes` bytes in chunks, honouring back-pressure, until done or the answer has come. */
async function stream(socket: net.Socket, body: StreamedBody, sent: (n: number) => void, answered: () => boolean): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  for (let left = Math.min(body.bytes, body.stopAfter ?? Infinity); left > 0 && !answered() && !socket.destroyed; ) {
    const piece = chunk.subarray(0, Math.min(chunk.length, left));
    const data = body.chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
    left -= piece.length;
    sent(piece.length);
    if (!socket.write(data)) await new Promise((resolve) => socket.once('drain', resolve).once('close', resolve));
  }
  if (body.chunked && body.stopAfter === undefined && !answered() && !socket.destroyed) socket.write('0\r\n\r\n');
}

/** A whole response (status line, headers, a Content-Length or chunked body), or null while more is to come. */
function parse(data: Buffer, hasBody: boolean): Omit<RawResponse, 'sentBytes'> | null {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const status = Number(statusLine!.split(' ')[1]);
  const rest = data.subarray(end + 4);
  if (hasBody && headers['transfer-encoding'] === 'chunked') {
    const body = dechunk(rest);
    return body === null ? null : { status, headers, body: body.toString('utf8') };
  }
  const length = hasBody ? Number(headers['content-length'] ?? 0) : 0;
  if (rest.length < length) return null;
  return { status, headers, body: rest.subarray(0, length).toString('utf8') };
}

function dechunk(data: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  for (let at = 0; ; ) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (size === 0) return Buffer.concat(parts);
    if (data.length < lineEnd + 2 + size + 2) return null;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
