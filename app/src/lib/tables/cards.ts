import { supabaseUrl } from '#lib/env.ts';
import { supabase } from '#lib/supabase.ts';
import * as m from '#paraglide/messages.js';

/**
 * Printable table cards from the `table-card` edge function. It reads the tables with the
 * person's own JWT (owners and managers only), so an `<img>` or a plain link cannot load a card:
 * the page fetches it with the session's token and hands the file over.
 */

export type CardSize = 'a6' | '80mm';
export const CARD_SIZES: readonly CardSize[] = ['a6', '80mm'];

export interface CardQuery {
  restaurantId: string;
  /** One table's PNG; without it, every active table on one print-ready HTML page. */
  tableId?: string;
  /** The table's label, for the file's name. */
  tableLabel?: string;
  size: CardSize;
  /** Where guests open the app: the QR code encodes `<baseUrl>/t/<token>`. */
  baseUrl: string;
}

export type CardFile = { ok: true; blob: Blob; fileName: string } | { ok: false; reason: 'network' | string };

export interface CardFetchDeps {
  fetch: typeof fetch;
  accessToken: () => Promise<string | null>;
  apiUrl: string;
}

const appDeps: CardFetchDeps = {
  fetch: (input, init) => fetch(input, init),
  accessToken: async () => (await supabase.auth.getSession()).data.session?.access_token ?? null,
  apiUrl: supabaseUrl,
};

export function tableCardUrl(apiUrl: string, q: CardQuery): string {
  const params = new URLSearchParams({ restaurant_id: q.restaurantId, size: q.size, base_url: q.baseUrl });
  if (q.tableId) params.set('table_id', q.tableId);
  params.set('format', q.tableId ? 'png' : 'html');
  return `${apiUrl.replace(/\/+$/, '')}/functions/v1/table-card?${params}`;
}

/**
 * `table-card-<label>-<size>.png`, as the function names it. Made here because the gateway does
 * not let a page on another origin read the function's Content-Disposition.
 */
export function cardFileName(q: Pick<CardQuery, 'tableId' | 'tableLabel' | 'size'>): string {
  if (!q.tableId) return `table-cards-${q.size}.html`;
  const slug = (q.tableLabel ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `table-card-${slug || 'table'}-${q.size}.png`;
}

/** A card (PNG) or the sheet of all cards (HTML), or the function's error code / 'network'. */
export async function fetchTableCard(q: CardQuery, deps: CardFetchDeps = appDeps): Promise<CardFile> {
  const token = await deps.accessToken();
  if (!token) return { ok: false, reason: 'not_authenticated' };
  let response: Response;
  try {
    response = await deps.fetch(tableCardUrl(deps.apiUrl, q), { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (response.ok) return { ok: true, blob: await response.blob(), fileName: cardFileName(q) };
  // Gateways answer 502-504 when the function is unreachable: as good as offline.
  if (response.status >= 502 && response.status <= 504) return { ok: false, reason: 'network' };
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    if (typeof body.error?.code === 'string') return { ok: false, reason: body.error.code };
  } catch {
    // Not JSON (a gateway's page): the status says enough.
  }
  return { ok: false, reason: `http_${response.status}` };
}

/** Saves a fetched file through a temporary link, as a download the browser shows. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the link; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Opens the sheet of all cards in a new tab to print. The tab is opened before the request, while
 * the click still counts as the person's (pop-up blockers allow that), and shown the sheet once it
 * arrives; when no tab can be opened the sheet is downloaded instead.
 */
export async function openCardSheet(q: Omit<CardQuery, 'tableId'>): Promise<CardFile> {
  const tab = window.open('', '_blank');
  const file = await fetchTableCard(q);
  if (!file.ok) {
    tab?.close();
    return file;
  }
  if (tab) tab.location.href = URL.createObjectURL(file.blob);
  else saveFile(file.blob, file.fileName);
  return file;
}

/** Why a card could not be had, in the person's language. */
export function describeCardFailure(reason: string): string {
  if (reason === 'network') return m.admin_tables_card_offline();
  if (reason === 'forbidden') return m.admin_tables_card_forbidden();
  if (reason === 'no_active_tables') return m.admin_tables_card_no_tables();
  return m.admin_tables_card_failed({ code: reason });
}
