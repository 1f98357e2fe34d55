import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { signedInClient } from '../support/clients.ts';

/** The seed's demo restaurant and its staff who may place orders (supabase/seed.sql). */
export const RESTAURANT_ID = 'a0000000-0000-4000-8000-000000000001';
const ITEM_ID = 'd0000000-0000-4000-8000-000000000001';
export const STAFF = [
  ['owner@comanda.test', 'comanda-owner'],
  ['manager@comanda.test', 'comanda-manager'],
  ['cashier@comanda.test', 'comanda-cashier'],
  ['waiter@comanda.test', 'comanda-waiter'],
] as const;

export function orderPayload(id: string = randomUUID()) {
  return { id, restaurant_id: RESTAURANT_ID, type: 'takeaway', lines: [{ item_id: ITEM_ID, qty: 1 }] };
}

/** What the clients saw: orders the API acknowledged, and ids whose call failed (maybe committed, maybe not). */
export interface OrderLedger {
  acknowledged: Set<string>;
  failed: Set<string>;
  /** Failure messages, for the assertion's report. */
  errors: string[];
}

export function newLedger(): OrderLedger {
  return { acknowledged: new Set(), failed: new Set(), errors: [] };
}

export async function staffClients(endpoint: { apiUrl: string; anonKey: string }): Promise<SupabaseClient[]> {
  return Promise.all(STAFF.map(([email, password]) => signedInClient(endpoint, email, password)));
}

/**
 * One POS placing orders one after another until `stop()` says so or it has made `maxAttempts`
 * calls. A failed call (503 while Postgres is away, a dropped connection, the gateway gone) records
 * the id as failed and pauses briefly, as the app's outbox does before retrying.
 */
export async function placeOrdersUntil(
  client: SupabaseClient,
  ledger: OrderLedger,
  stop: () => boolean,
  maxAttempts: number,
): Promise<void> {
  for (let attempt = 0; attempt < maxAttempts && !stop(); attempt++) {
    const payload = orderPayload();
    const result = await client.rpc('place_order', { p_order: payload }).then(
      (r) => r,
      (e: Error) => ({ data: null, error: { message: e.message } }),
    );
    if (result.error) {
      ledger.failed.add(payload.id);
      if (ledger.errors.length < 20) ledger.errors.push(result.error.message);
      await new Promise((r) => setTimeout(r, 50));
    } else {
      ledger.acknowledged.add(payload.id);
    }
  }
}

/** Replays every failed id with the same payload, as the outbox does once the API answers again. */
export async function replayFailed(client: SupabaseClient, ledger: OrderLedger): Promise<void> {
  for (const id of ledger.failed) {
    const { error } = await client.rpc('place_order', { p_order: orderPayload(id) });
    if (error) throw new Error(`replaying order ${id} failed: ${error.message}`);
  }
}

export interface StoredOrders {
  /** id → how many rows carry it. */
  countById: Map<string, number>;
  /** Every order number of the restaurant's business date(s) touched, sorted, per date. */
  numbersByDate: Map<string, number[]>;
}

export async function storedOrders(adminDbUrl: string): Promise<StoredOrders> {
  const db = new pg.Client({ connectionString: adminDbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; business_date: string; number: number }>(
      `select id::text, business_date::text, number from public.orders
        where restaurant_id = $1 and number is not null order by business_date, number`,
      [RESTAURANT_ID],
    );
    const countById = new Map<string, number>();
    const numbersByDate = new Map<string, number[]>();
    for (const r of rows) {
      countById.set(r.id, (countById.get(r.id) ?? 0) + 1);
      const list = numbersByDate.get(r.business_date) ?? [];
      list.push(r.number);
      numbersByDate.set(r.business_date, list);
    }
    return { countById, numbersByDate };
  } finally {
    await db.end();
  }
}

/** Numbers of one business date that are not 1..n without a hole or a repeat. */
export function numberingDefects(numbers: number[]): string[] {
  const defects: string[] = [];
  numbers.forEach((n, i) => {
    if (n !== i + 1) defects.push(`position ${i + 1} holds number ${n}`);
  });
  return defects.slice(0, 5);
}
