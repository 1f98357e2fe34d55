import { readCappedBody } from '../../body.ts';
import { invalidBody, RestError } from '../errors.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A body whose Content-Length is declared (and within the cap) is read whole: Node's parser stops
 * at that length, and @hono/node-server then reads the socket directly instead of building a web
 * Request and its stream, a measurable cost per request. Chunked bodies keep the capped stream.
 */
async function readBody(req: Request, declared: number): Promise<Buffer | null> {
  if (req.headers.has('content-length') && !req.headers.has('transfer-encoding') && Number.isFinite(declared)) {
    return declared === 0 ? Buffer.alloc(0) : Buffer.from(await req.arrayBuffer());
  }
  return req.body ? readCappedBody(req.body, MAX_BODY_BYTES) : Buffer.alloc(0);
}

export interface JsonBody {
  text: string;
  value: unknown;
}

/**
 * Reads a JSON request body, refusing anything but JSON and anything over 1 MB without buffering
 * more than that. Returns null for an empty body (RPC calls without arguments).
 */
export async function readJsonBody(req: Request): Promise<JsonBody | null> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const bytes = await readBody(req, declared);
  if (!bytes) throw tooLarge();
  const text = bytes.toString('utf8');
  if (text.trim() === '') return null;
  const type = (req.headers.get('content-type') ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json' && type !== '' && type !== '*/*') throw notAcceptable(req, type);
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw invalidBody('Empty or invalid json');
  }
}

/** A function call's body: JSON (named arguments or one json/jsonb parameter) or raw text/XML/bytes. */
export interface RpcBody {
  kind: 'json' | 'text' | 'xml' | 'octet' | 'form';
  text: string;
  bytes: Buffer;
  /** JSON only: the parsed value. */
  value?: unknown;
}

const RPC_KINDS: Record<string, RpcBody['kind']> = {
  'application/json': 'json',
  '': 'json',
  '*/*': 'json',
  'text/plain': 'text',
  'text/xml': 'xml',
  'application/octet-stream': 'octet',
  'application/x-www-form-urlencoded': 'form',
};

/**
 * The body of POST /rpc/fn: what PostgREST's single unnamed parameter takes by Content-Type
 * (text/plain → text, text/xml → xml, application/octet-stream → bytea), else JSON.
 */
export async function readRpcBody(req: Request): Promise<RpcBody | null> {
  const type = (req.headers.get('content-type') ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
  const kind = RPC_KINDS[type];
  if (!kind) throw notAcceptable(req, type);
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const bytes = await readBody(req, declared);
  if (!bytes) throw tooLarge();
  const text = bytes.toString('utf8');
  if (kind !== 'json') return { kind, text, bytes };
  // An empty JSON body calls with no arguments (PostgREST reads it as `{}`).
  if (text.trim() === '') return null;
  try {
    return { kind, text, bytes, value: JSON.parse(text) };
  } catch {
    throw invalidBody('Empty or invalid json');
  }
}

const KNOWN_TYPES = new Set([
  'text/csv',
  'text/plain',
  'text/xml',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
]);

/** PostgREST's 400 for a body type it cannot take, naming a known type bare and another as sent. */
function notAcceptable(req: Request, type: string): RestError {
  const named = KNOWN_TYPES.has(type) ? type : (req.headers.get('content-type') ?? '').trim();
  return invalidBody(`Content-Type not acceptable: ${named}`);
}

function tooLarge(): RestError {
  return new RestError(413, 'PGRST102', 'Request body is too large', `The limit is ${MAX_BODY_BYTES} bytes.`);
}

export function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
