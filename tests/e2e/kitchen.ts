/**
 * The kitchen's steps and the orders it cooks: a cook signs in on the kitchen display; orders are
 * placed straight through the database as the demo cashier (independent of the POS screen); the
 * Realtime socket can be held or told its token expired, as a sleeping tablet would be.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Locator, Page, WebSocketRoute } from 'playwright-core';
import { signJwt } from '../../scripts/stack/gateway/jwt.ts';
import type { BrowserUser } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { exactly } from './messages.ts';
import { demoRestaurantId } from './pos.ts';

export const demoCook = {
  id: 'b0000000-0000-4000-8000-000000000004',
  email: 'kitchen@comanda.test',
  password: 'comanda-kitchen',
};
export const demoBoardToken = 'demo-board-chez-awa';
export const ordersTopic = `realtime:restaurant:${demoRestaurantId}:orders`;

export const items = {
  garba: 'd0000000-0000-4000-8000-000000000005',
  kedjenou: 'd0000000-0000-4000-8000-000000000006',
  bissap: 'd0000000-0000-4000-8000-000000000025',
};

export async function signInAsCook({ page }: BrowserUser): Promise<void> {
  await page.goto('/sign-in');
  await dismissOfflineReady(page);
  await page.getByLabel(exactly('en', 'email_label')).fill(demoCook.email);
  await page.getByLabel(exactly('en', 'password_label')).fill(demoCook.password);
  await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await page.goto('/kitchen');
  await page.getByRole('heading', { name: exactly('en', 'kds_title') }).waitFor();
}

export interface PlacedOrder {
  id: string;
  number: number;
}

/** place_order as the cashier: a takeaway with the given items (qty 1 each) and an optional note. */
export async function placeOrder(
  cashier: SupabaseClient,
  itemIds: string[],
  options: { note?: string; lineNote?: string } = {},
): Promise<PlacedOrder> {
  const id = randomUUID();
  const { data, error } = await cashier.rpc('place_order', {
    p_order: {
      id,
      restaurant_id: demoRestaurantId,
      type: 'takeaway',
      note: options.note ?? '',
      lines: itemIds.map((item_id, index) => ({
        item_id,
        qty: 1,
        ...(index === 0 && options.lineNote ? { note: options.lineNote } : {}),
      })),
    },
  });
  if (error) throw new Error(`place_order: ${error.message}`);
  return { id, number: (data as { number: number }).number };
}

export async function orderStatus(client: SupabaseClient, orderId: string): Promise<string> {
  const { data, error } = await client.from('orders').select('status').eq('id', orderId).single();
  if (error) throw error;
  return (data as { status: string }).status;
}

/** The ticket card of an order on the rail (its accessible name is "#<number>"). */
export function ticket(page: Page, number: number): Locator {
  return page.locator('.kds-rail').getByRole('article', { name: `#${number}`, exact: true });
}

/**
 * Routes the page's Realtime socket through the test: everything passes, the test can hold the
 * client's joins of a topic (a slow re-join), count them, and push messages to the server as the
 * client would.
 */
export interface RealtimeTap {
  joins(topic: string): number;
  holdJoins(hold: boolean): void;
  /** Sends the server an `access_token` push for `topic`, as supabase-js's setAuth does. */
  sendAccessToken(topic: string, token: string): void;
}

export async function tapRealtime(page: Page): Promise<RealtimeTap> {
  const joinCounts = new Map<string, number>();
  let hold = false;
  const held: { server: WebSocketRoute; message: string }[] = [];
  let current: WebSocketRoute | undefined;
  await page.routeWebSocket(/\/realtime\/v1\/websocket/, (ws) => {
    const server = ws.connectToServer();
    current = server;
    ws.onMessage((message) => {
      if (typeof message === 'string') {
        const parsed = JSON.parse(message) as unknown[];
        const [, , topic, event] = parsed as [unknown, unknown, string, string];
        if (event === 'phx_join') {
          joinCounts.set(topic, (joinCounts.get(topic) ?? 0) + 1);
          if (hold) {
            held.push({ server, message });
            return;
          }
        }
      }
      server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  return {
    joins: (topic) => joinCounts.get(topic) ?? 0,
    holdJoins(next) {
      hold = next;
      if (!next) for (const entry of held.splice(0)) entry.server.send(entry.message);
    },
    sendAccessToken(topic, token) {
      if (!current) throw new Error('the page has no Realtime socket yet');
      current.send(JSON.stringify([null, 'tap-1', topic, 'access_token', { access_token: token }]));
    },
  };
}

/** A correctly signed token for the cook that expired a minute ago. */
export function expiredCookToken(jwtSecret: string, userId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    { sub: userId, role: 'authenticated', aud: 'authenticated', iat: now - 3_660, exp: now - 60 },
    jwtSecret,
  );
}
