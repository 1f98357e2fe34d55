/**
 * The LAN app server's routing: the Supabase paths (WebSocket upgrades included) reach the
 * gateway with path and query intact; everything else is the app's. A fake gateway records what
 * it was asked; the app server is the real one (Vite's dev server, HTTPS with the local CA).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { type AppServer, caDownloadPath, startAppServer } from '../../app/dev-server.ts';
import { freePort } from '../stack/free-port.ts';
import { type LanCertificate, lanCertificate } from './certificate.ts';
import { isSupabasePath, supabasePrefixes } from './proxy.ts';

describe('isSupabasePath', () => {
  it.each([
    '/auth/v1/token?grant_type=password',
    '/auth/v1',
    '/rest/v1/orders?select=*',
    '/rest/v1/rpc/place_order',
    '/realtime/v1/websocket?apikey=x&vsn=1.0.0',
    '/storage/v1/object/public/menu-images/a.webp',
    '/functions/v1/table-qr?url=x',
    '/auth/v1?x=1',
  ])('forwards %s', (url) => {
    expect(isSupabasePath(url)).toBe(true);
  });

  it.each([
    '/',
    '/t/abc',
    '/board/xyz',
    '/admin/menu',
    '/auth/v1beta',
    '/auth/v2/token',
    '/rest',
    '/x/rest/v1/orders',
    '/assets/index-abc.js',
  ])('leaves %s to the app', (url) => {
    expect(isSupabasePath(url)).toBe(false);
  });
});

describe('the LAN app server', () => {
  const host = '127.0.0.2';
  let dir: string;
  let gateway: Server;
  let sockets: WebSocketServer;
  let app: AppServer;
  let cert: LanCertificate;
  const seen: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'comanda-lan-'));
    gateway = createServer((req: IncomingMessage, res) => {
      seen.push(`${req.method} ${req.url} host=${req.headers.host}`);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ gateway: req.url }));
    });
    sockets = new WebSocketServer({ server: gateway });
    sockets.on('connection', (socket, req) => {
      socket.on('message', (data) => socket.send(`${req.url} ${String(data)}`));
    });
    const gatewayPort = await freePort();
    await new Promise<void>((resolve) => gateway.listen(gatewayPort, '127.0.0.1', resolve));
    cert = await lanCertificate(dir, [host]);
    app = await startAppServer({
      apiUrl: `http://127.0.0.1:${gatewayPort}`,
      anonKey: 'anon',
      port: await freePort(),
      host,
      lan: cert,
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    for (const socket of sockets?.clients ?? []) socket.terminate();
    sockets?.close();
    await new Promise((resolve) => (gateway ? gateway.close(resolve) : resolve(undefined)));
    await rm(dir, { recursive: true, force: true });
  });

  /** GET over HTTPS, trusting only the local CA: the certificate must name the address. */
  const get = (pathname: string) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request(new URL(pathname, app.url), { ca: cert.caCert }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves HTTPS on the address with a certificate the local CA vouches for', () => {
    expect(app.url).toBe(`https://${host}:${new URL(app.url).port}/`);
  });

  it('forwards every Supabase prefix to the gateway, path and query intact', async () => {
    for (const prefix of supabasePrefixes) {
      const res = await get(`${prefix}/probe?a=1&b=%20`);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ gateway: `${prefix}/probe?a=1&b=%20` });
    }
    expect(seen.every((line) => / host=127\.0\.0\.1:\d+$/.test(line))).toBe(true);
  });

  it('keeps the app paths: client routes get the shell, not the gateway', async () => {
    seen.length = 0;
    for (const pathname of ['/', '/t/some-token', '/auth/v1beta']) {
      const res = await get(pathname);
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
    }
    expect(seen).toEqual([]);
  });

  it('offers the local CA for a device to install', async () => {
    const res = await get(caDownloadPath);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/x-x509-ca-cert');
    expect(res.body.trim()).toBe(cert.caCert.trim());
  });

  it('forwards the Realtime WebSocket upgrade', async () => {
    const socket = new WebSocket(new URL('/realtime/v1/websocket?vsn=1.0.0', app.url.replace('https', 'wss')), {
      ca: cert.caCert,
    });
    const reply = await new Promise<string>((resolve, reject) => {
      socket.once('open', () => socket.send('ping'));
      socket.once('message', (data) => resolve(String(data)));
      socket.once('error', reject);
    });
    socket.close();
    expect(reply).toBe('/realtime/v1/websocket?vsn=1.0.0 ping');
  });
});
