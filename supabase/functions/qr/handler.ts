import { corsHeaders } from '@supabase/supabase-js/cors';
import { encode } from 'fast-png';
import QRCode from 'qrcode';

/**
 * Longest URL we encode. At error correction level H the largest QR code holds 1,273 bytes; a table
 * link is far shorter, and a code this dense would no longer scan from a printed card anyway.
 */
export const MAX_URL_LENGTH = 1024;
export const FORMATS = ['svg', 'png'] as const;
export type QrFormat = (typeof FORMATS)[number];
export const SIZE = { min: 64, max: 2048, default: 512 } as const;
export const MARGIN = { min: 0, max: 16, default: 4 } as const;

type ErrorCode = 'invalid_url' | 'invalid_format' | 'invalid_size' | 'invalid_margin' | 'method_not_allowed';

export interface QrRequest {
  url: string;
  format: QrFormat;
  /** Width and height of the picture in pixels (SVG: its width/height attributes). */
  size: number;
  /** Quiet zone around the code, in modules. */
  margin: number;
}

function errorResponse(status: number, code: ErrorCode, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json' },
  });
}

/** The URL to encode, or why it cannot be one. */
export function parseUrl(raw: string | null): { url: string } | { error: string } {
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

/** A whole number within bounds, the default when absent, or null when it is anything else. */
function intParam(raw: string | null, bounds: { min: number; max: number; default: number }): number | null {
  if (raw === null || raw === '') return bounds.default;
  if (!/^\d{1,5}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= bounds.min && n <= bounds.max ? n : null;
}

/** The query string of a QR request, or the 400 that answers it. */
export function parseQrRequest(params: URLSearchParams, defaultFormat: QrFormat = 'svg'): QrRequest | Response {
  const target = parseUrl(params.get('url'));
  if ('error' in target) return errorResponse(400, 'invalid_url', target.error);
  const format = (params.get('format') || defaultFormat) as QrFormat;
  if (!FORMATS.includes(format)) return errorResponse(400, 'invalid_format', 'format must be svg or png');
  const size = intParam(params.get('size'), SIZE);
  if (size === null) {
    return errorResponse(400, 'invalid_size', `size must be a whole number of pixels from ${SIZE.min} to ${SIZE.max}`);
  }
  const margin = intParam(params.get('margin'), MARGIN);
  if (margin === null) {
    return errorResponse(
      400,
      'invalid_margin',
      `margin must be a whole number of modules from ${MARGIN.min} to ${MARGIN.max}`,
    );
  }
  return { url: target.url, format, size, margin };
}

export interface QrModules {
  /** Modules per side. */
  count: number;
  dark: (row: number, col: number) => boolean;
}

/** The code's modules at error correction level H, so a card still scans with a stain or a scratch. */
export function qrModules(url: string): QrModules {
  const { size, data } = QRCode.create(url, { errorCorrectionLevel: 'H' }).modules;
  return { count: size, dark: (row, col) => data[row * size + col] === 1 };
}

/**
 * Exactly `size` × `size` pixels, given at least one pixel per module and margin module. The SVG
 * scales its viewBox (margin exact, in modules). qrcode's own PNG comes out a pixel short at some
 * sizes, so the PNG is drawn here: every module gets the same whole number of pixels (sharp edges)
 * and the code is centred in what is left, so its quiet zone is `margin` modules or a few pixels more.
 */
export async function renderQr(
  q: QrRequest,
  m: QrModules,
): Promise<{ body: string | Uint8Array<ArrayBuffer>; contentType: string }> {
  const total = m.count + 2 * q.margin;
  if (q.format === 'svg') {
    const svg: string = await QRCode.toString(q.url, {
      type: 'svg',
      errorCorrectionLevel: 'H',
      margin: q.margin,
      width: q.size,
    });
    return { body: svg, contentType: 'image/svg+xml' };
  }
  const scale = Math.floor(q.size / total);
  const offset = Math.floor((q.size - scale * m.count) / 2);
  const pixels = new Uint8Array(q.size * q.size).fill(255);
  for (let row = 0; row < m.count; row++) {
    for (let col = 0; col < m.count; col++) {
      if (!m.dark(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = (offset + row * scale + y) * q.size + offset + col * scale;
        pixels.fill(0, start, start + scale);
      }
    }
  }
  const png = encode({ width: q.size, height: q.size, data: pixels, channels: 1, depth: 8 });
  return { body: new Uint8Array(png), contentType: 'image/png' };
}

/**
 * GET /qr?url=<http(s) URL>&format=svg|png&size=<px>&margin=<modules> → the QR code of that URL.
 * Runs without a JWT (verify_jwt = false) because `<img src>` tags cannot send an Authorization
 * header; it reads nothing from the database, so there is nothing to protect.
 */
export function qrHandler(defaultFormat: QrFormat = 'svg'): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return errorResponse(405, 'method_not_allowed', 'Use GET ?url=<URL>&format=svg|png&size=<px>&margin=<modules>');
    }
    const q = parseQrRequest(new URL(req.url).searchParams, defaultFormat);
    if (q instanceof Response) return q;
    let m: QrModules;
    try {
      m = qrModules(q.url);
    } catch {
      // Within MAX_URL_LENGTH characters but past level H's 1,273 bytes (non-ASCII characters).
      return errorResponse(400, 'invalid_url', 'url is too long to fit in a QR code');
    }
    const least = m.count + 2 * q.margin;
    if (q.size < least) {
      return errorResponse(400, 'invalid_size', `size must be at least ${least} pixels for this url and margin`);
    }
    const { body, contentType } = await renderQr(q, m);
    return new Response(req.method === 'HEAD' ? null : body, {
      headers: {
        ...corsHeaders,
        'Content-Type': contentType,
        // The same query always gives the same picture.
        'Cache-Control': 'public, max-age=86400, immutable',
      },
    });
  };
}

export const handleQr = qrHandler();
