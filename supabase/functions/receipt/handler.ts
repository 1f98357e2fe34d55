import { corsHeaders } from '@supabase/supabase-js/cors';
import receiptline from 'receiptline';
import { charsPerLine, PRINT_ENCODING, receipt, type TicketPayload } from '../_shared/print-layouts.ts';

export const FORMATS = ['markup', 'svg', 'text'] as const;
export type ReceiptFormat = (typeof FORMATS)[number];

/**
 * The receipt payload of an order as the caller may see it (the shape private.ticket_payload builds
 * for 'receipt' jobs), or null when the order does not exist or belongs to someone else: both must
 * look the same to the caller.
 */
export type ReceiptReader = (token: string, orderId: string) => Promise<TicketPayload | null>;

type ErrorCode =
  | 'not_authenticated'
  | 'invalid_order_id'
  | 'invalid_format'
  | 'order_not_found'
  | 'method_not_allowed'
  | 'internal_error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CONTENT_TYPES: Record<ReceiptFormat, string> = {
  markup: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  text: 'text/plain; charset=utf-8',
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

/** The receipt in the asked format: the layout's markup, or receiptline's SVG or plain text of it. */
export function renderReceipt(payload: TicketPayload, format: ReceiptFormat): string {
  const markup = receipt(payload);
  if (format === 'markup') return markup;
  return receiptline.transform(markup, {
    cpl: charsPerLine(payload.printer),
    encoding: PRINT_ENCODING,
    command: format,
  });
}

/**
 * GET /receipt?order=<uuid>&format=markup|svg|text (default svg) → the order's receipt. The order is
 * read with the caller's JWT, so RLS decides who sees it: staff of its restaurant, or the guest who
 * placed it. Another restaurant's order and an unknown id give the same 404.
 */
export function receiptHandler(read: ReceiptReader): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return errorResponse(405, 'method_not_allowed', 'Use GET /receipt?order=<order id>&format=markup|svg|text');
    }
    const token = bearerOf(req);
    // An API key (anon) has no subject: receipts are for signed-in staff and guests only.
    if (!token || !subjectOf(token)) return errorResponse(401, 'not_authenticated', 'Sign in to read a receipt');

    const params = new URL(req.url).searchParams;
    const orderId = params.get('order') ?? '';
    if (!UUID.test(orderId)) return errorResponse(400, 'invalid_order_id', 'order must be an order id (a UUID)');
    const format = (params.get('format') ?? 'svg') as ReceiptFormat;
    if (!FORMATS.includes(format)) return errorResponse(400, 'invalid_format', 'format must be markup, svg or text');

    let payload: TicketPayload | null;
    try {
      payload = await read(token, orderId.toLowerCase());
    } catch (e) {
      console.error(JSON.stringify({ msg: 'receipt read failed', order: orderId, error: String(e) }));
      return errorResponse(500, 'internal_error', 'The receipt could not be read; try again');
    }
    if (!payload) return errorResponse(404, 'order_not_found', 'No such order');

    const body = renderReceipt(payload, format);
    return new Response(req.method === 'HEAD' ? null : body, {
      headers: {
        ...corsHeaders,
        'Content-Type': CONTENT_TYPES[format],
        // A receipt changes while the order is paid; it is the caller's own data.
        'Cache-Control': 'private, no-store',
      },
    });
  };
}
