import { createClient } from '@supabase/supabase-js';
import type { CardReader, CardTable } from './handler.ts';

export interface ReaderEnv {
  supabaseUrl: string;
  anonKey: string;
}

const PRINTING_ROLES = new Set(['owner', 'manager']);

function unwrap<T>(result: { data: T | null; error: { message: string } | null }, what: string): T | null {
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  return result.data;
}

/**
 * Reads as the caller (anon key plus their JWT), so RLS decides: a restaurant they are not staff of
 * has no membership row for them and reads like one that does not exist. Every member may read
 * tables, so the printing roles are checked on the caller's own membership row.
 */
export function supabaseCardReader(env: ReaderEnv): CardReader {
  return async (token, userId, restaurantId, tableId) => {
    const sb = createClient(env.supabaseUrl, env.anonKey, {
      global: { headers: { Authorization: `Bearer ${token}` } },
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    });
    const membership = unwrap(
      await sb.from('memberships').select('role').eq('restaurant_id', restaurantId).eq('user_id', userId).maybeSingle(),
      'memberships',
    ) as { role: string } | null;
    if (!membership) return { ok: false, reason: 'restaurant_not_found' };
    if (!PRINTING_ROLES.has(membership.role)) return { ok: false, reason: 'forbidden' };

    let tables = sb
      .from('dining_tables')
      .select('id, label, qr_token')
      .eq('restaurant_id', restaurantId)
      .order('position')
      .order('label');
    // One table is printed whatever its state (a card may be made before the table opens); the
    // sheet holds the tables guests can use now.
    tables = tableId ? tables.eq('id', tableId) : tables.eq('active', true);
    const [restaurant, rows] = await Promise.all([
      sb.from('restaurants').select('name, locale').eq('id', restaurantId).maybeSingle(),
      tables,
    ]);
    const r = unwrap(restaurant, 'restaurants') as { name: string; locale: string } | null;
    if (!r) return { ok: false, reason: 'restaurant_not_found' };
    const list = (unwrap(rows, 'dining_tables') ?? []) as CardTable[];
    if (tableId && list.length === 0) return { ok: false, reason: 'table_not_found' };
    return { ok: true, restaurant: r, tables: list };
  };
}
