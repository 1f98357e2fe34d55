import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { Hono } from 'hono';
import type { GatewayConfig } from '../../scripts/stack/gateway/config.ts';
import type { RealtimeOptions } from '../../scripts/stack/gateway/realtime/context.ts';
import { realtimePart } from '../../scripts/stack/gateway/realtime/routes.ts';
import { anonClient, type ClientEndpoint } from '../support/clients.ts';

/** A signed-up user (real GoTrue flow through the gateway) whose client carries the session. */
export async function signedUpClient(stack: ClientEndpoint): Promise<{ client: SupabaseClient; userId: string }> {
  const client = anonClient(stack);
  const { data, error } = await client.auth.signUp({ email: `rt-${randomUUID()}@example.com`, password: 'pw-123456' });
  if (error || !data.session || !data.user) throw error ?? new Error('sign-up returned no session');
  return { client, userId: data.user.id };
}

/** Resolves once SUBSCRIBED; rejects with the server's reason on CHANNEL_ERROR / TIMED_OUT. */
export function subscribed(channel: RealtimeChannel): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') resolve();
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(err ?? new Error(status));
    });
  });
}

/** The first CHANNEL_ERROR of a subscription (the client would keep rejoining: callers remove it). */
export function firstChannelError(channel: RealtimeChannel): Promise<Error> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, err) => {
      if (status === 'CHANNEL_ERROR') resolve(err ?? new Error(status));
      else if (status === 'SUBSCRIBED') reject(new Error('unexpectedly subscribed'));
    });
  });
}

/** Polls `check` until it holds; the deadline only bounds a broken run, it is not a measurement. */
export async function eventually(check: () => boolean, what: string, deadlineMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > deadlineMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Just the realtime part on a port, for tests that need their own Postgres (restart). */
export async function startRealtimeOnly(
  cfg: GatewayConfig,
  options: Partial<RealtimeOptions> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const part = realtimePart(cfg, options);
  const app = new Hono();
  app.route('/realtime/v1', part.routes);
  await part.ready?.();
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  part.attach?.(server);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await part.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
