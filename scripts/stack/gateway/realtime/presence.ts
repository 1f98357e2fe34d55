import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { subscriptionMayWrite } from './authorization.ts';
import { type ChannelScope, reply } from './broadcast.ts';
import { encodeText, type PhxMessage } from './frames.ts';
import { type ChannelSubscription, namespaceKey } from './subscription.ts';

type Meta = Record<string, unknown> & { phx_ref: string };
type Metas = Record<string, { metas: Meta[] }>;

interface Entry {
  key: string;
  meta: Meta;
  /** What the client tracked, to recognise a repeat of the same payload (a no-op). */
  tracked: Record<string, unknown>;
}

/** Phoenix's refs are short opaque strings; any unique text works for the client. */
function phxRef(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * Phoenix Presence for one gateway (contract §2.5): each joined channel tracks at most one meta
 * under its key; every change goes out as a `presence_diff`, and a new joiner gets `presence_state`.
 */
export class PresenceTracker {
  private readonly topics = new Map<string, Map<ChannelSubscription, Entry>>();

  stateOf(topic: string, isPrivate: boolean): Metas {
    const state: Metas = {};
    for (const entry of this.topics.get(namespaceKey(topic, isPrivate))?.values() ?? []) {
      const slot = state[entry.key] ?? { metas: [] };
      slot.metas.push(entry.meta);
      state[entry.key] = slot;
    }
    return state;
  }

  /** `presence_state` for a channel that just joined (or turned presence on by tracking). */
  sendState(sub: ChannelSubscription): void {
    if (!sub.read.presence) return;
    sub.socket.push({
      joinRef: sub.joinRef,
      ref: null,
      topic: sub.topic,
      event: 'presence_state',
      payload: this.stateOf(sub.topic, sub.isPrivate),
    });
  }

  async handle(ctx: ChannelScope, sub: ChannelSubscription, message: PhxMessage): Promise<void> {
    const body = message.payload as Record<string, unknown>;
    if (body.event === 'untrack') {
      this.untrack(ctx, sub);
      sub.socket.push(reply(message, 'ok', {}));
      return;
    }
    if (body.event !== 'track') {
      sub.socket.push(reply(message, 'error', { reason: 'Presence event must be track or untrack' }));
      return;
    }
    const payload = body.payload ?? {};
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      sub.socket.push(reply(message, 'error', { reason: 'Presence track payload must be a map' }));
      return;
    }
    if (!(await subscriptionMayWrite(ctx.authorizer, sub, sub.writeChecks, 'presence'))) {
      sub.socket.push(
        reply(message, 'error', {
          reason: `Unauthorized: You do not have permissions to track presence on this Channel topic: ${sub.subTopic}`,
        }),
      );
      return;
    }
    if (sub.closed) return;
    if (!sub.presenceEnabled) {
      // Tracking turns presence on for the tracker, as hosted does, so it also sees the others.
      sub.presenceEnabled = true;
      this.sendState(sub);
    }
    this.track(ctx, sub, payload as Record<string, unknown>);
    sub.socket.push(reply(message, 'ok', {}));
  }

  private track(ctx: ChannelScope, sub: ChannelSubscription, tracked: Record<string, unknown>): void {
    const key = namespaceKey(sub.topic, sub.isPrivate);
    let entries = this.topics.get(key);
    if (!entries) {
      entries = new Map();
      this.topics.set(key, entries);
    }
    const previous = entries.get(sub);
    if (previous && isDeepStrictEqual(previous.tracked, tracked)) return;
    const meta: Meta = { ...tracked, phx_ref: phxRef() };
    if (previous) meta.phx_ref_prev = previous.meta.phx_ref;
    entries.set(sub, { key: sub.presenceKey, meta, tracked });
    const leaves: Metas = previous ? { [sub.presenceKey]: { metas: [previous.meta] } } : {};
    this.broadcastDiff(ctx, sub, { joins: { [sub.presenceKey]: { metas: [meta] } }, leaves });
  }

  /** Untrack on request, on leave and on socket death; silent when nothing was tracked. */
  untrack(ctx: ChannelScope, sub: ChannelSubscription): void {
    const key = namespaceKey(sub.topic, sub.isPrivate);
    const entries = this.topics.get(key);
    const entry = entries?.get(sub);
    if (!entries || !entry) return;
    entries.delete(sub);
    if (entries.size === 0) this.topics.delete(key);
    this.broadcastDiff(ctx, sub, { joins: {}, leaves: { [entry.key]: { metas: [entry.meta] } } });
  }

  private broadcastDiff(ctx: ChannelScope, from: ChannelSubscription, diff: { joins: Metas; leaves: Metas }): void {
    const frames = new Map<string, string>();
    for (const sub of ctx.registry.subscribers(from.topic, from.isPrivate)) {
      if (sub.closed || !sub.presenceEnabled || !sub.read.presence) continue;
      let frame = frames.get(sub.socket.vsn);
      if (!frame) {
        frame = encodeText(
          { joinRef: null, ref: null, topic: from.topic, event: 'presence_diff', payload: diff },
          sub.socket.vsn,
        );
        frames.set(sub.socket.vsn, frame);
      }
      sub.socket.pushEncoded(frame);
    }
  }
}
