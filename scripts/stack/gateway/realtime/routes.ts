import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hono } from 'hono';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import { translateApiKey } from '../api-keys.ts';
import type { GatewayConfig } from '../config.ts';
import { guardPool } from '../db-errors.ts';
import { projectJwtKeys } from '../jwt.ts';
import type { GatewayPart } from '../part.ts';
import { ChannelAuthorizer } from './authorization.ts';
import { TopicRegistry } from './broadcast.ts';
import { lowerCaseHeaders, type RealtimeContext, type RealtimeOptions } from './context.ts';
import { deliverTransaction } from './database-broadcast.ts';
import { parseVsn } from './frames.ts';
import { postBroadcastBatch, postBroadcastEvent } from './http-broadcast.ts';
import { PostgresChanges } from './postgres-changes.ts';
import { PresenceTracker } from './presence.ts';
import { LogicalReplication } from './replication.ts';
import { RealtimeSocket } from './socket.ts';
import { checkRealtimeToken } from './tokens.ts';

const WEBSOCKET_PATH = '/realtime/v1/websocket';
const DAY_MS = 24 * 60 * 60 * 1000;

export function defaultRealtimeOptions(cfg: GatewayConfig): RealtimeOptions {
  const port = new URL(cfg.apiUrl).port || '80';
  return {
    maxPayloadBytes: 256 * 1024,
    maxEventsPerSecond: 500,
    maxChannelsPerClient: 100,
    maxConcurrentUsers: 200,
    maxBufferedBytes: 4 * 1024 * 1024,
    idleTimeoutMs: 60_000,
    messageRetentionMs: 3 * DAY_MS,
    pruneIntervalMs: 60 * 60 * 1000,
    slotName: `comanda_realtime_${port}`,
  };
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  const reasons: Record<number, string> = { 401: 'Unauthorized', 404: 'Not Found', 429: 'Too Many Requests' };
  const reason = reasons[status] ?? 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Supabase Realtime for the local gateway (contract §2): Phoenix channels over WebSocket with
 * broadcast, presence, private-channel authorisation by RLS, Broadcast from Database and
 * postgres_changes (both fed by one logical replication slot), plus the HTTP broadcast endpoints.
 */
export function realtimePart(cfg: GatewayConfig, overrides: Partial<RealtimeOptions> = {}): GatewayPart {
  const options = { ...defaultRealtimeOptions(cfg), ...overrides };
  const pool = new pg.Pool({ connectionString: cfg.db.admin, max: 10, application_name: 'comanda_realtime' });
  guardPool(pool, cfg.log, 'realtime');
  const ctx: RealtimeContext = {
    jwtSecret: projectJwtKeys(cfg),
    keys: cfg.keys,
    options,
    registry: new TopicRegistry(),
    presence: new PresenceTracker(),
    authorizer: new ChannelAuthorizer(pool, cfg.log),
    postgresChanges: new PostgresChanges(pool, cfg.log),
    users: new Set(),
    log: cfg.log,
  };
  const replication = new LogicalReplication({
    url: cfg.db.admin,
    slotName: options.slotName,
    publications: ['supabase_realtime_messages_publication', 'supabase_realtime'],
    onTransaction: (tx) => deliverTransaction(ctx, tx),
    log: cfg.log,
    onHealth: (reason) => cfg.health?.set('realtime', reason),
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 4 * options.maxPayloadBytes,
    perMessageDeflate: false,
  });
  let pruneTimer: NodeJS.Timeout | null = null;

  const prune = async () => {
    try {
      await pool.query('delete from realtime.messages where inserted_at < now() - make_interval(secs => $1)', [
        options.messageRetentionMs / 1000,
      ]);
    } catch (e) {
      cfg.log(`realtime: pruning old messages failed: ${(e as Error).message}`);
    }
  };

  const onUpgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const vsn = parseVsn(url.searchParams.get('vsn'));
    if (vsn === null) return refuseUpgrade(socket, 400, 'Unsupported serializer version');
    const headerKey = req.headers['x-api-key'] ?? req.headers.apikey;
    const apikey = url.searchParams.get('apikey') ?? (Array.isArray(headerKey) ? headerKey[0] : headerKey) ?? null;
    const token = translateApiKey(apikey, cfg.keys);
    if (!token) return refuseUpgrade(socket, 401, 'API key is missing');
    const check = await checkRealtimeToken(token, projectJwtKeys(cfg));
    if (!check.ok) {
      return refuseUpgrade(
        socket,
        401,
        check.reason.startsWith('Token has expired') ? 'Token has expired' : check.reason,
      );
    }
    // Hosted refuses the handshake itself once the project is at its concurrent-user limit.
    if (ctx.users.size >= options.maxConcurrentUsers) return refuseUpgrade(socket, 429, 'Too many connected users');
    const headers = lowerCaseHeaders(req.headers);
    wss.handleUpgrade(req, socket, head, (ws) => {
      new RealtimeSocket(ctx, ws, vsn, token, headers);
    });
  };

  const routes = new Hono();
  routes.post('/api/broadcast', (c) => postBroadcastBatch(ctx, c));
  routes.post('/api/broadcast/:topic/events/:event', (c) => postBroadcastEvent(ctx, c));
  routes.all('*', (c) => c.json({ message: 'Not found' }, 404));

  return {
    routes,
    ready: async () => {
      await replication.start();
      await prune();
      pruneTimer = setInterval(prune, options.pruneIntervalMs);
      pruneTimer.unref();
    },
    attach: (server: Server) => {
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
        if (path !== WEBSOCKET_PATH) {
          // Only refuse when no other part listens for upgrades on its own paths.
          if (server.listenerCount('upgrade') === 1) refuseUpgrade(socket, 404, 'Not found');
          return;
        }
        socket.on('error', () => {});
        onUpgrade(req, socket, head).catch((e: Error) => {
          cfg.log(`realtime: upgrade failed: ${e.stack ?? e}`);
          socket.destroy();
        });
      });
    },
    close: async () => {
      if (pruneTimer) clearInterval(pruneTimer);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await replication.stop(true);
      await pool.end();
    },
  };
}
