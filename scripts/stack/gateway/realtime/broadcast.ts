import { type ChannelAuthorizer, subscriptionMayWrite } from './authorization.ts';
import { encodeBinaryBroadcast, encodeText, fitsBinaryHeader, type PhxMessage } from './frames.ts';
import { type ChannelSubscription, namespaceKey } from './subscription.ts';

/** Who is joined to what: the in-memory stand-in for Realtime's PubSub. */
export class TopicRegistry {
  private readonly byKey = new Map<string, Set<ChannelSubscription>>();

  add(sub: ChannelSubscription): void {
    const key = namespaceKey(sub.topic, sub.isPrivate);
    let set = this.byKey.get(key);
    if (!set) {
      set = new Set();
      this.byKey.set(key, set);
    }
    set.add(sub);
  }

  remove(sub: ChannelSubscription): void {
    const key = namespaceKey(sub.topic, sub.isPrivate);
    const set = this.byKey.get(key);
    if (!set) return;
    set.delete(sub);
    if (set.size === 0) this.byKey.delete(key);
  }

  subscribers(topic: string, isPrivate: boolean): ReadonlySet<ChannelSubscription> {
    return this.byKey.get(namespaceKey(topic, isPrivate)) ?? new Set();
  }

  all(): IterableIterator<Set<ChannelSubscription>> {
    return this.byKey.values();
  }
}

/** A broadcast as subscribers receive it. `bytes` set ⇒ raw-byte payload (binary kind 4). */
export interface OutgoingBroadcast {
  event: string;
  payload?: unknown;
  bytes?: Buffer;
  meta?: Record<string, unknown>;
}

interface EncodedFrame {
  data: Buffer;
  binary: boolean;
}

/**
 * Sends one broadcast to every subscriber of a topic namespace, encoding each frame format once
 * (a Broadcast-from-Database burst to hundreds of sockets would otherwise stringify per socket).
 * Text frames go out as one shared Buffer too: a string is copied per socket when the kernel cannot
 * take it at once, so a 100 kB storm to 50 slow listeners would hold 50 copies of every message.
 */
export function fanOut(
  subscribers: Iterable<ChannelSubscription>,
  topic: string,
  message: OutgoingBroadcast,
  exclude: ChannelSubscription | null = null,
): number {
  const encoded = new Map<string, EncodedFrame | null>();
  const encodeFor = (vsn: '1.0.0' | '2.0.0'): EncodedFrame | null => {
    if (encoded.has(vsn)) return encoded.get(vsn) ?? null;
    let frame: EncodedFrame | null;
    if (message.bytes) {
      // vsn 1 has no binary frames; hosted does not deliver raw-byte broadcasts to it either.
      frame =
        vsn === '2.0.0' && fitsBinaryHeader(topic, message.event)
          ? {
              data: encodeBinaryBroadcast(topic, message.event, message.bytes, message.meta ?? null),
              binary: true,
            }
          : null;
    } else {
      const payload: Record<string, unknown> = { type: 'broadcast', event: message.event, payload: message.payload };
      if (message.meta) payload.meta = message.meta;
      const text = encodeText({ joinRef: null, ref: null, topic, event: 'broadcast', payload }, vsn);
      frame = { data: Buffer.from(text), binary: false };
    }
    encoded.set(vsn, frame);
    return frame;
  };
  let delivered = 0;
  for (const sub of subscribers) {
    if (sub === exclude || sub.closed || !sub.read.broadcast) continue;
    const frame = encodeFor(sub.socket.vsn);
    if (frame === null) continue;
    sub.socket.pushEncoded(frame.data, frame.binary);
    delivered++;
  }
  return delivered;
}

/** What the extensions need of the gateway's RealtimeContext: who may write, and who listens. */
export interface ChannelScope {
  authorizer: ChannelAuthorizer;
  registry: TopicRegistry;
}

/**
 * A client's `channel.send({type:'broadcast'})` (contract §2.4): fan out excluding the sender unless
 * `self`; `ack` ⇒ ok reply. A private channel whose write check fails drops the message silently.
 */
export async function handleClientBroadcast(
  ctx: ChannelScope,
  sub: ChannelSubscription,
  message: PhxMessage,
  bytes: Buffer | null,
): Promise<void> {
  const body = message.payload as Record<string, unknown>;
  const event = body.event;
  if (typeof event !== 'string' || event === '') {
    sub.socket.push(reply(message, 'error', { reason: 'Broadcast event must be a non-empty string' }));
    return;
  }
  if (!(await subscriptionMayWrite(ctx.authorizer, sub, sub.writeChecks, 'broadcast'))) return;
  if (sub.closed) return;
  const out: OutgoingBroadcast = bytes ? { event, bytes } : { event, payload: body.payload ?? {} };
  fanOut(ctx.registry.subscribers(sub.topic, sub.isPrivate), sub.topic, out, sub.self ? null : sub);
  if (sub.ack) sub.socket.push(reply(message, 'ok', {}));
}

export function reply(to: PhxMessage, status: 'ok' | 'error', response: unknown): PhxMessage {
  return { joinRef: to.joinRef, ref: to.ref, topic: to.topic, event: 'phx_reply', payload: { status, response } };
}
