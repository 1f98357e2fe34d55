import type { Context } from 'hono';
import { effectiveBearer } from '../api-keys.ts';
import type { JwtClaims } from '../jwt.ts';
import { fanOut } from './broadcast.ts';
import type { RealtimeContext } from './context.ts';
import { checkRealtimeToken } from './tokens.ts';

interface HttpMessage {
  topic: string;
  event: string;
  payload?: unknown;
  bytes?: Buffer;
  private: boolean;
}

async function callerClaims(ctx: RealtimeContext, c: Context): Promise<JwtClaims | null> {
  const token = effectiveBearer(
    {
      authorization: c.req.header('authorization') ?? null,
      apikey: c.req.header('apikey') ?? c.req.query('apikey') ?? null,
    },
    ctx.keys,
  );
  if (!token) return null;
  const check = await checkRealtimeToken(token, ctx.jwtSecret);
  return check.ok ? check.claims : null;
}

function headersOf(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  c.req.raw.headers.forEach((v, k) => {
    out[k.toLowerCase()] = v;
  });
  return out;
}

/**
 * Sends HTTP-posted messages like socket broadcasts, to every subscriber (no sender to exclude).
 * Private messages the caller may not write are dropped silently, still answered 202 (contract §2.4).
 */
async function deliver(ctx: RealtimeContext, c: Context, claims: JwtClaims, messages: HttpMessage[]) {
  const allowed = new Map<string, Promise<boolean>>();
  const headers = headersOf(c);
  for (const m of messages) {
    if (m.private) {
      let check = allowed.get(m.topic);
      if (!check) {
        check = ctx.authorizer.canWrite({ subTopic: m.topic, claims, headers }, 'broadcast');
        allowed.set(m.topic, check);
      }
      if (!(await check)) continue;
    }
    const topic = `realtime:${m.topic}`;
    const out = m.bytes ? { event: m.event, bytes: m.bytes } : { event: m.event, payload: m.payload ?? {} };
    fanOut(ctx.registry.subscribers(topic, m.private), topic, out);
  }
}

const unauthorized = (c: Context) => c.json({ message: 'Unauthorized' }, 401);

/** `POST /api/broadcast` with `{"messages":[{topic,event,payload,private}]}`. */
export async function postBroadcastBatch(ctx: RealtimeContext, c: Context) {
  const claims = await callerClaims(ctx, c);
  if (!claims) return unauthorized(c);
  const text = await c.req.text();
  if (Buffer.byteLength(text) > ctx.options.maxPayloadBytes * 10) {
    return c.json({ message: 'Payload too large' }, 413);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return c.json({ message: 'Request body must be JSON' }, 422);
  }
  const list = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(list) || list.length === 0) {
    return c.json({ message: 'messages must be a non-empty list' }, 422);
  }
  const messages: HttpMessage[] = [];
  for (const [i, raw] of list.entries()) {
    const m = (raw ?? {}) as Record<string, unknown>;
    if (typeof m.topic !== 'string' || m.topic === '' || typeof m.event !== 'string' || m.event === '') {
      return c.json({ message: `messages[${i}]: topic and event must be non-empty strings` }, 422);
    }
    if (m.payload !== undefined && (m.payload === null || typeof m.payload !== 'object')) {
      return c.json({ message: `messages[${i}]: payload must be an object` }, 422);
    }
    if (Buffer.byteLength(JSON.stringify(m.payload ?? {})) > ctx.options.maxPayloadBytes) {
      return c.json({ message: `messages[${i}]: payload is larger than allowed` }, 413);
    }
    messages.push({ topic: m.topic, event: m.event, payload: m.payload ?? {}, private: m.private === true });
  }
  await deliver(ctx, c, claims, messages);
  return c.body(null, 202);
}

/** `POST /api/broadcast/<topic>/events/<event>[?private=true]`, body JSON or raw bytes (httpSend). */
export async function postBroadcastEvent(ctx: RealtimeContext, c: Context) {
  const claims = await callerClaims(ctx, c);
  if (!claims) return unauthorized(c);
  const topic = c.req.param('topic') ?? '';
  const event = c.req.param('event') ?? '';
  if (topic === '' || event === '') return c.json({ message: 'topic and event are required' }, 422);
  const raw = Buffer.from(await c.req.arrayBuffer());
  if (raw.length > ctx.options.maxPayloadBytes) return c.json({ message: 'Payload too large' }, 413);
  const isPrivate = c.req.query('private') === 'true';
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  let message: HttpMessage;
  if (type.startsWith('application/octet-stream')) {
    message = { topic, event, bytes: raw, private: isPrivate };
  } else {
    let payload: unknown = {};
    if (raw.length > 0) {
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        return c.json({ message: 'Request body must be JSON or application/octet-stream' }, 422);
      }
    }
    message = { topic, event, payload, private: isPrivate };
  }
  await deliver(ctx, c, claims, [message]);
  return c.body(null, 202);
}
