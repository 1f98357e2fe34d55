import { corsHeaders } from '@supabase/supabase-js/cors';
import type { Card } from './render.ts';

export const SIZES = ['a6', '80mm'] as const;
export type CardSize = (typeof SIZES)[number];
export const FORMATS = ['png', 'svg', 'html'] as const;
export type CardFormat = (typeof FORMATS)[number];

export interface CardTable {
  id: string;
  label: string;
  qr_token: string;
}

/**
 * What the caller may print, read with their JWT. `restaurant_not_found` for a restaurant they are
 * not staff of (or that does not exist: the two must look alike), `forbidden` for staff other than
 * owners and managers, `table_not_found` for a table id that is not one of the restaurant's.
 */
export type CardRead =
  | { ok: true; restaurant: { name: string; locale: string }; tables: CardTable[] }
  | { ok: false; reason: 'restaurant_not_found' | 'forbidden' | 'table_not_found' };

export type CardReader = (
  token: string,
  userId: string,
  restaurantId: string,
  tableId: string | null,
) => Promise<CardRead>;

type ErrorCode =
  | 'not_authenticated'
  | 'invalid_restaurant_id'
  | 'invalid_table_id'
  | 'invalid_size'
  | 'invalid_format'
  | 'invalid_base_url'
  | 'restaurant_not_found'
  | 'table_not_found'
  | 'no_active_tables'
  | 'forbidden'
  | 'method_not_allowed'
  | 'internal_error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE =
  'Use GET ?restaurant_id=<uuid>[&table_id=<uuid>]&size=a6|80mm&format=png|svg|html&base_url=<guest app origin>';

const CONTENT_TYPES: Record<CardFormat, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  html: 'text/html; charset=utf-8',
};

function errorResponse(status: number, code: ErrorCode, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json' },
  });
}

function bearerOf(req: Request): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.get('Authorization') ?? '');
  return m?.[1] ?? null;
}

/** The JWT's subject, unverified: with verify_jwt = true the platform has refused bad signatures. */
export function subjectOf(token: string): string | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

/** The guest app's origin (a path prefix is kept), without a trailing slash, or null. */
export function parseBaseUrl(raw: string | null): string | null {
  if (!raw || raw.length > 200) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The guest page a table's code opens; the guest app serves `/t/<qr_token>`. */
export const guestUrl = (baseUrl: string, token: string) => `${baseUrl}/t/${encodeURIComponent(token)}`;

/** A file name for the card: `table-card-<label>-<size>.<format>`, ASCII only. */
export function fileName(label: string, size: CardSize, format: CardFormat): string {
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `table-card-${slug || 'table'}-${size}.${format}`;
}

/**
 * GET /table-card → a printable table card: the restaurant's name, the table's label, the QR code
 * of `<base_url>/t/<qr_token>` and "Scan to order" in the restaurant's language.
 * - `table_id` given: that table's card as `png` (default), `svg` or `html`.
 * - no `table_id`: every active table on one print-ready `html` page (the only format then: one
 *   request, one print dialog, one card per printed page).
 * Owners and managers only; the data is read with the caller's JWT, so RLS decides what exists.
 */
export function tableCardHandler(read: CardReader): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
    if (req.method !== 'GET' && req.method !== 'HEAD') return errorResponse(405, 'method_not_allowed', USAGE);
    const token = bearerOf(req);
    const userId = token ? subjectOf(token) : null;
    // An API key (anon) has no subject: cards are for signed-in owners and managers.
    if (!token || !userId) return errorResponse(401, 'not_authenticated', 'Sign in to print table cards');

    const params = new URL(req.url).searchParams;
    const restaurantId = params.get('restaurant_id') ?? '';
    if (!UUID.test(restaurantId)) {
      return errorResponse(400, 'invalid_restaurant_id', 'restaurant_id must be a restaurant id (a UUID)');
    }
    const tableId = params.get('table_id') || null;
    if (tableId !== null && !UUID.test(tableId)) {
      return errorResponse(400, 'invalid_table_id', 'table_id must be a table id (a UUID)');
    }
    const size = (params.get('size') || 'a6') as CardSize;
    if (!(SIZES as readonly string[]).includes(size))
      return errorResponse(400, 'invalid_size', 'size must be a6 or 80mm');
    const format = (params.get('format') || (tableId ? 'png' : 'html')) as CardFormat;
    if (!FORMATS.includes(format)) return errorResponse(400, 'invalid_format', 'format must be png, svg or html');
    if (!tableId && format !== 'html') {
      return errorResponse(400, 'invalid_format', 'All tables come as one html page; give table_id for png or svg');
    }
    const baseUrl = parseBaseUrl(params.get('base_url'));
    if (!baseUrl) {
      return errorResponse(400, 'invalid_base_url', 'base_url must be the http(s) address of the guest app');
    }

    let data: CardRead;
    try {
      data = await read(token, userId, restaurantId.toLowerCase(), tableId?.toLowerCase() ?? null);
    } catch (e) {
      console.error(JSON.stringify({ msg: 'table-card read failed', restaurant: restaurantId, error: String(e) }));
      return errorResponse(500, 'internal_error', 'The tables could not be read; try again');
    }
    if (!data.ok) {
      if (data.reason === 'forbidden') {
        return errorResponse(403, 'forbidden', "Only the restaurant's owner and managers can print table cards");
      }
      return errorResponse(
        404,
        data.reason,
        data.reason === 'table_not_found' ? 'No such table' : 'No such restaurant',
      );
    }
    if (data.tables.length === 0) return errorResponse(404, 'no_active_tables', 'The restaurant has no active tables');

    const cards: Card[] = data.tables.map((t) => ({
      restaurantName: data.restaurant.name,
      locale: data.restaurant.locale,
      tableLabel: t.label,
      url: guestUrl(baseUrl, t.qr_token),
    }));
    // satori, resvg and the fonts load on the first card, not when the functions host boots.
    const render = await import('./render.ts');
    const first = cards[0] as Card;
    const body =
      format === 'png'
        ? await render.renderCardPng(first, size)
        : format === 'svg'
          ? await render.renderCardSvg(first, size)
          : await render.renderSheetHtml(cards, size, data.restaurant.name);
    const name = tableId ? fileName(first.tableLabel, size, format) : `table-cards-${size}.html`;
    return new Response(req.method === 'HEAD' ? null : body, {
      headers: {
        ...corsHeaders,
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `inline; filename="${name}"`,
        // A page on another origin (the app) may read the file name only when it is exposed.
        'Access-Control-Expose-Headers': 'Content-Disposition',
        // The QR token is what lets a guest order at that table: never cache it anywhere shared.
        'Cache-Control': 'private, no-store',
      },
    });
  };
}
