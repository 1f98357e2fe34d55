import { corsHeaders } from '@supabase/supabase-js/cors';
import QRCode from 'qrcode';

/** Longest guest URL we encode; far beyond a table link, well within a scannable QR code. */
export const MAX_URL_LENGTH = 2048;

type ErrorCode = 'invalid_url' | 'method_not_allowed';

function errorResponse(status: number, code: ErrorCode, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json' },
  });
}

/** The guest URL to encode, or why it cannot be one. */
export function parseGuestUrl(raw: string | null): { url: string } | { error: string } {
  if (!raw) return { error: 'Query parameter "url" is required' };
  if (raw.length > MAX_URL_LENGTH) return { error: `url must be at most ${MAX_URL_LENGTH} characters` };
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { error: 'url is not a valid absolute URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { error: 'url must use http or https' };
  }
  // Encode what the caller gave, not URL's normalisation: the printed code must match the link.
  return { url: raw };
}

/**
 * GET /table-qr?url=<guest url> → the QR code of that URL as SVG. Runs without a JWT (verify_jwt =
 * false) because table cards and `<img src>` tags cannot send an Authorization header; it reads
 * nothing from the database, so there is nothing to protect.
 */
export async function handleTableQr(req: Request): Promise<Response> {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return errorResponse(405, 'method_not_allowed', 'Use GET /table-qr?url=<guest url>');
  }
  const target = parseGuestUrl(new URL(req.url).searchParams.get('url'));
  if ('error' in target) return errorResponse(400, 'invalid_url', target.error);

  const svg: string = await QRCode.toString(target.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return new Response(req.method === 'HEAD' ? null : svg, {
    headers: {
      ...corsHeaders,
      'Content-Type': 'image/svg+xml',
      // The same URL always gives the same picture.
      'Cache-Control': 'public, max-age=86400, immutable',
    },
  });
}
