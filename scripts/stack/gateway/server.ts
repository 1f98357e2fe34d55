import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { authPart } from './auth/routes.ts';
import { compression } from './compression.ts';
import type { GatewayConfig } from './config.ts';
import { corsMiddleware } from './cors.ts';
import { functionsPart } from './functions/routes.ts';
import { HealthBoard } from './health.ts';
import type { GatewayPart } from './part.ts';
import { realtimePart } from './realtime/routes.ts';
import { restPart } from './rest/routes.ts';
import { storagePart } from './storage/routes.ts';

export interface RunningGateway {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/**
 * The local stand-in for Supabase's API gateway: one port, one prefix per service, CORS everywhere,
 * as the CLI's Kong routes it, responses compressed as hosted's front compresses them (compression.ts).
 * Each service lives in its own folder and knows nothing of the others.
 */
const services = {
  auth: ['/auth/v1', authPart],
  rest: ['/rest/v1', restPart],
  realtime: ['/realtime/v1', realtimePart],
  storage: ['/storage/v1', storagePart],
  functions: ['/functions/v1', functionsPart],
} as const satisfies Record<string, readonly [string, (cfg: GatewayConfig) => GatewayPart]>;

export type ServiceName = keyof typeof services;

/**
 * `only` mounts a subset (a conformance suite that needs Auth and REST need not start Deno or a
 * replication slot); by default every service is there, as on hosted.
 */
export async function startGateway(
  cfg: GatewayConfig,
  port: number,
  opts: { hostname?: string; only?: ServiceName[] } = {},
): Promise<RunningGateway> {
  const hostname = opts.hostname ?? '127.0.0.1';
  const names = opts.only ?? (Object.keys(services) as ServiceName[]);
  cfg.health ??= new HealthBoard();
  const health = cfg.health;
  const parts: Record<string, GatewayPart> = Object.fromEntries(
    names.map((name) => {
      const [prefix, create] = services[name];
      return [prefix, create(cfg)];
    }),
  );
  const app = new Hono();
  app.use('*', corsMiddleware);
  // Inside CORS, so CORS headers land on the compressed answer as well.
  app.use('*', compression({ streamingPrefixes: ['/functions/v1'] }));
  for (const [prefix, part] of Object.entries(parts)) app.route(prefix, part.routes);
  // The stack's own health (no Supabase counterpart): open, like the services' health routes.
  app.get('/health', (c) => {
    const report = health.report();
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
  app.notFound((c) => c.json({ message: 'no Route matched with those values' }, 404));
  app.onError((err, c) => {
    cfg.log(`gateway: unhandled ${c.req.method} ${c.req.path}: ${err.stack ?? err}`);
    return c.json({ message: 'An invalid response was received from the upstream server' }, 502);
  });
  const closeParts = () => Promise.all(Object.values(parts).map((p) => p.close())).then(() => {});
  try {
    await Promise.all(Object.values(parts).map((p) => p.ready?.()));
  } catch (e) {
    await closeParts().catch(() => {});
    throw e;
  }

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s as Server)) as Server;
    // A busy port is a startup failure with its cause, not an uncaught exception.
    s.once('error', (e: Error) => reject(new Error(`the gateway cannot listen on ${hostname}:${port}: ${e.message}`)));
  }).catch(async (e: Error) => {
    await closeParts().catch(() => {});
    throw e;
  });
  for (const part of Object.values(parts)) part.attach?.(server);
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${hostname}:${actualPort}`,
    port: actualPort,
    close: async () => {
      await closeParts();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
