import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const EXPOSE = [
  'Content-Range',
  'Content-Location',
  'Location',
  'Range-Unit',
  'X-Total-Count',
  'Link',
  'x-sb-error-code',
  'X-Supabase-Api-Version',
  'Proxy-Status',
];

/** CORS as the CLI's Kong answers it on every route, plus the headers browsers must be able to read. */
const preflightAndHeaders = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: [
    'authorization',
    'apikey',
    'x-client-info',
    'content-type',
    'prefer',
    'accept',
    'accept-profile',
    'content-profile',
    'range',
    'x-supabase-api-version',
    'x-retry-count',
    'x-region',
    'traceparent',
    'tracestate',
    'baggage',
    'x-upsert',
    'cache-control',
  ],
  exposeHeaders: EXPOSE,
  maxAge: 86400,
});

const EXPOSE_HEADERS = EXPOSE.join(',');

/**
 * Preflights as hono's cors answers them; on every other request the same two headers set on the
 * handler's response afterwards. hono's cors sets them on a placeholder before the handler runs,
 * which makes hono copy each response into a new one with a streamed body — measurable per request.
 */
export const corsMiddleware: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'OPTIONS') return preflightAndHeaders(c, next);
  await next();
  try {
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  } catch {
    // Immutable headers (a fetch() answer passed through): copy the response once.
    const res = new Response(c.res.body, c.res);
    res.headers.set('Access-Control-Allow-Origin', '*');
    res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    c.res = undefined;
    c.res = res;
  }
};
