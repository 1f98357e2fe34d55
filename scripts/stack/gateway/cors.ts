import { cors } from 'hono/cors';

/** CORS as the CLI's Kong answers it on every route, plus the headers browsers must be able to read. */
export const corsMiddleware = cors({
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
  exposeHeaders: [
    'Content-Range',
    'Content-Location',
    'Location',
    'Range-Unit',
    'X-Total-Count',
    'Link',
    'x-sb-error-code',
    'X-Supabase-Api-Version',
    'Proxy-Status',
  ],
  maxAge: 86400,
});
