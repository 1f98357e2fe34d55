import http from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

// Per-connection headers (RFC 9110 §7.6.1) that a proxy must not forward.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/** The host was not listening (it died or is restarting): nothing was sent, so retrying is safe. */
export function isRefused(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'ECONNREFUSED';
}

/**
 * Streams `req` to the Deno host at `127.0.0.1:port` with `path` and `headers`, and streams its
 * answer back. node:http rather than fetch: fetch would decode a gzip body the function chose
 * to send while keeping its Content-Encoding header.
 */
export function forward(req: Request, port: number, path: string, headers: Headers): Promise<Response> {
  const outgoing: http.OutgoingHttpHeaders = {};
  headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) outgoing[name] = value;
  });
  // Functions build req.url from Host: they should see the gateway's address, not the host's port.
  outgoing.host = new URL(req.url).host;
  return new Promise<Response>((resolve, reject) => {
    const upstream = http.request(
      // A fresh connection per request: a pooled socket to a host that just died would fail late.
      { host: '127.0.0.1', port, method: req.method, path, headers: outgoing, agent: false },
      (res) => {
        const out = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i] as string;
          if (!HOP_BY_HOP.has(name.toLowerCase())) out.append(name, res.rawHeaders[i + 1] as string);
        }
        const status = res.statusCode ?? 502;
        const hasBody = !NULL_BODY_STATUS.has(status) && req.method !== 'HEAD';
        if (!hasBody) res.resume();
        resolve(
          new Response(hasBody ? (Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>) : null, {
            status,
            headers: out,
          }),
        );
      },
    );
    upstream.on('error', reject);
    req.signal.addEventListener('abort', () => upstream.destroy(), { once: true });
    // The body is only read once connected, so a refused connection leaves it intact for a retry.
    upstream.on('socket', (socket) => {
      if (socket.connecting) socket.once('connect', sendBody);
      else sendBody();
    });
    function sendBody() {
      if (req.body && req.method !== 'GET' && req.method !== 'HEAD') {
        Readable.fromWeb(req.body as unknown as NodeReadableStream<Uint8Array>)
          .on('error', (e) => upstream.destroy(e))
          .pipe(upstream);
      } else {
        upstream.end();
      }
    }
  });
}
