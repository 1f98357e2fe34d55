import { describeFailure } from '#lib/i18n/errors.ts';
import { resultFromResponse, type SupabaseResponseLike } from '#lib/outbox/classify.ts';
import * as m from '#paraglide/messages.js';

/** A refused write: which column it concerns (when the database says) and what to tell the person. */
export interface WriteError {
  code: string;
  field: string | null;
  message: string;
}

export type WriteResult<T = undefined> = { ok: true; value: T } | { ok: false; error: WriteError };

/**
 * The column a constraint guards, from Postgres' default names: `menu_items_price_check` → price,
 * `dining_tables_restaurant_id_label_key` → label, `modifier_groups_check` (max ≥ min) → max_select.
 */
export function fieldOfConstraint(table: string, constraint: string): string | null {
  if (!constraint.startsWith(`${table}_`)) return null;
  const rest = constraint.slice(table.length + 1);
  if (rest === 'check') return 'max_select';
  const column = rest.replace(/_(check|key|fkey)$/, '').replace(/^restaurant_id_/, '');
  return column === '' ? null : column;
}

const fieldMessages: Record<string, () => string> = {
  name: m.admin_menu_error_name,
  label: m.admin_tables_error_label,
  description: m.admin_menu_error_description,
  price: m.admin_menu_error_price_range,
  price_delta: m.admin_menu_error_price_range,
  station: m.admin_menu_error_station,
  min_select: m.admin_menu_error_min_max,
  max_select: m.admin_menu_error_min_max,
  seats: m.admin_tables_error_seats,
  chars_per_line: m.admin_printers_error_chars_per_line,
  stations: m.admin_printers_error_stations,
  category_id: m.admin_menu_error_category,
};

const uniqueMessages: Record<string, () => string> = {
  dining_tables: m.admin_tables_error_label_taken,
  printers: m.admin_printers_error_name_taken,
};

/** Codes our RPCs raise that only these screens meet. */
const codeMessages: Record<string, () => string> = {
  table_not_found: m.admin_tables_error_not_found,
  printer_not_found: m.admin_printers_error_not_found,
  row_not_found: m.admin_menu_error_row_not_found,
};

/** Menu tables, whose rows "no longer exist" in the menu's own words when an edit finds nothing. */
const menuTables = new Set(['menu_categories', 'menu_items', 'modifier_groups', 'modifier_options']);

/** Turns a supabase-js error response from a table write or RPC into a WriteError for `table`. */
export function describeWriteError(table: string, response: SupabaseResponseLike): WriteError {
  const result = resultFromResponse(response);
  if (result.ok) return { code: 'unknown', field: null, message: describeFailure({ code: 'unknown' }) };
  const { failure } = result;
  const constraint = /constraint "([^"]+)"/.exec(failure.message)?.[1] ?? null;
  const field = constraint ? fieldOfConstraint(table, constraint) : null;
  if (failure.code === '23505') {
    const unique = uniqueMessages[table];
    return { code: 'duplicate', field: field ?? 'name', message: unique ? unique() : m.admin_menu_error_duplicate() };
  }
  if (failure.code === '23514' || failure.code === '23503' || failure.code === '22001') {
    const message = field ? fieldMessages[field] : undefined;
    return { code: failure.code, field, message: message ? message() : m.admin_menu_error_invalid() };
  }
  // RLS refusing a row (42501 without one of our codes) means the role may not do it.
  if (failure.code === '42501')
    return { code: 'forbidden', field: null, message: describeFailure({ code: 'forbidden' }) };
  // An edit answered no row (`.single()` on nothing): deleted on another device meanwhile.
  if (failure.code === 'PGRST116' && menuTables.has(table))
    return { code: 'row_not_found', field: null, message: m.admin_menu_error_row_not_found() };
  const own = codeMessages[failure.code];
  if (own) return { code: failure.code, field: null, message: own() };
  if (failure.transient) return { code: 'network', field: null, message: describeFailure({ code: 'network' }) };
  return { code: failure.code, field: null, message: describeFailure(failure) };
}

/** A thrown fetch (offline) or anything else unexpected, as a WriteError. */
export function describeThrown(error: unknown): WriteError {
  const offline = error instanceof TypeError || (error instanceof Error && error.name === 'AbortError');
  return {
    code: offline ? 'network' : 'client_error',
    field: null,
    message: describeFailure({ code: offline ? 'network' : 'client_error' }),
  };
}

/** Runs a supabase-js call and turns both refusals and throws into a WriteResult. */
export async function attempt<T>(
  table: string,
  call: () => PromiseLike<SupabaseResponseLike & { data?: unknown }>,
  pick: (data: unknown) => T,
): Promise<WriteResult<T>> {
  try {
    const response = await call();
    if (response.error) return { ok: false, error: describeWriteError(table, response) };
    return { ok: true, value: pick(response.data) };
  } catch (error) {
    return { ok: false, error: describeThrown(error) };
  }
}
