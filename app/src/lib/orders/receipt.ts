import type { Database } from '#lib/database.types.ts';
import { type DbFailure, type DbResult, runDb } from '#lib/db.ts';
import { supabaseAnonKey, supabaseUrl } from '#lib/env.ts';
import { describeOrderFailure } from '#lib/orders/errors.ts';
import { supabase } from '#lib/supabase.ts';
import * as m from '#paraglide/messages.js';

/**
 * The POS's receipt preview and reprint. Loaded when the cashier opens the receipt, not with the
 * POS: the order detail imports this module dynamically.
 */

export type ReceiptPreview =
  | { ok: true; svg: string }
  | { ok: false; reason: 'network' }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'refused'; code: string };

/** The `receipt` edge function's address for one order's SVG. */
export function receiptUrl(apiUrl: string, orderId: string): string {
  return `${apiUrl.replace(/\/+$/, '')}/functions/v1/receipt?order=${encodeURIComponent(orderId)}&format=svg`;
}

export interface ReceiptFetchDeps {
  fetch: typeof fetch;
  /** The signed-in person's access token: the function reads the order through RLS with it. */
  accessToken: () => Promise<string | null>;
  apiUrl: string;
  anonKey: string;
}

const appDeps: ReceiptFetchDeps = {
  fetch: (input, init) => fetch(input, init),
  accessToken: async () => (await supabase.auth.getSession()).data.session?.access_token ?? null,
  apiUrl: supabaseUrl,
  anonKey: supabaseAnonKey,
};

/** The function's error body `{ error: { code } }`, or the HTTP status when it has none. */
async function errorCode(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    if (typeof body.error?.code === 'string') return body.error.code;
  } catch {
    // Not JSON (a gateway's page): the status says enough.
  }
  return `http_${response.status}`;
}

/** An order's receipt as SVG from the `receipt` edge function, or why it could not be had. */
export async function fetchReceiptSvg(orderId: string, deps: ReceiptFetchDeps = appDeps): Promise<ReceiptPreview> {
  const token = await deps.accessToken();
  if (!token) return { ok: false, reason: 'refused', code: 'not_authenticated' };
  let response: Response;
  try {
    response = await deps.fetch(receiptUrl(deps.apiUrl, orderId), {
      headers: { Authorization: `Bearer ${token}`, apikey: deps.anonKey },
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (response.ok) return { ok: true, svg: await response.text() };
  if (response.status === 404) return { ok: false, reason: 'not_found' };
  // Gateways answer 502-504 when the function is unreachable: as good as offline.
  if (response.status >= 502 && response.status <= 504) return { ok: false, reason: 'network' };
  return { ok: false, reason: 'refused', code: await errorCode(response) };
}

/** Why the preview is missing, in the user's language. */
export function describeReceiptPreview(preview: Exclude<ReceiptPreview, { ok: true }>): string {
  const reason =
    preview.reason === 'network'
      ? m.pos_receipt_offline()
      : preview.reason === 'not_found'
        ? m.pos_receipt_not_found()
        : m.pos_receipt_refused({ code: preview.code });
  return m.pos_receipt_failed({ reason });
}

export type ReprintDocument = Extract<Database['public']['Enums']['print_document'], 'receipt' | 'kitchen_ticket'>;

/**
 * Queues a new copy of an order's receipt or kitchen tickets on every active printer that prints
 * it (owner or manager): always new jobs, never a resend of the old ones. Answers how many printers.
 */
export async function reprintOrder(orderId: string, document: ReprintDocument): Promise<DbResult<number>> {
  const result = await runDb(supabase.rpc('reprint_order', { p_order_id: orderId, p_document: document }));
  return result.ok ? { ok: true, data: result.data?.length ?? 0 } : result;
}

/** What the reprint did, in words: how many printers, or that none prints this document. */
export function describeReprint(result: DbResult<number>): { text: string; error: boolean } {
  if (!result.ok) return { text: describeReprintFailure(result.failure), error: true };
  return result.data > 0
    ? { text: m.pos_reprint_queued({ count: result.data }), error: false }
    : { text: m.pos_reprint_no_printer(), error: true };
}

function describeReprintFailure(failure: Pick<DbFailure, 'code'>): string {
  return failure.code === 'order_not_placed' ? m.db_error_order_not_placed() : describeOrderFailure(failure);
}
