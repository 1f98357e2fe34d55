import type { Extension } from './authorization.ts';
import { reply } from './broadcast.ts';
import type { RealtimeContext } from './context.ts';
import type { PhxMessage } from './frames.ts';
import { parseBindings } from './postgres-changes.ts';
import type { ChannelSubscription, SocketSink } from './subscription.ts';
import { checkRealtimeToken, msUntilExpiry } from './tokens.ts';

const TOPIC_PREFIX = 'realtime:';

/** The token a join or access_token push authenticates with (contract §2.2). */
function pickToken(payload: Record<string, unknown>, socketToken: string): string {
  const given = payload.access_token ?? payload.user_token;
  if (typeof given === 'string' && given !== '' && !given.startsWith('sb_')) return given;
  return socketToken;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * `phx_join` (contract §2.2): verify the token, authorise private topics through RLS, register for
 * broadcast / presence / postgres_changes, then reply with the echoed bindings. A second join of the
 * same topic on a socket replaces the first.
 */
export async function joinChannel(
  ctx: RealtimeContext,
  socket: SocketSink,
  channels: Map<string, ChannelSubscription>,
  socketToken: string,
  message: PhxMessage,
): Promise<void> {
  const payload = message.payload as Record<string, unknown>;
  if (!message.topic.startsWith(TOPIC_PREFIX)) {
    socket.push(reply(message, 'error', { reason: 'unmatched topic' }));
    return;
  }
  const subTopic = message.topic.slice(TOPIC_PREFIX.length);
  const joinRef = message.joinRef ?? message.ref;
  if (joinRef === null) {
    socket.push(reply(message, 'error', { reason: 'join_ref is required' }));
    return;
  }
  if (subTopic === '' || Buffer.byteLength(message.topic) > 255) {
    socket.push(reply(message, 'error', { reason: 'TopicNameRequired: Topic name must be 1 to 246 bytes long' }));
    return;
  }
  const config = isRecord(payload.config) ? payload.config : {};
  const broadcast = isRecord(config.broadcast) ? config.broadcast : {};
  const presence = isRecord(config.presence) ? config.presence : {};
  const isPrivate = config.private === true;

  const token = await checkRealtimeToken(pickToken(payload, socketToken), ctx.jwtSecret);
  if (!token.ok) {
    socket.push(reply(message, 'error', { reason: `InvalidJWTToken: ${token.reason}` }));
    return;
  }
  const pg = parseBindings(config.postgres_changes);
  const presenceEnabled = presence.enabled === true;
  let read: Record<Extension, boolean> = { broadcast: true, presence: true };
  if (isPrivate) {
    const wanted: Extension[] = presenceEnabled ? ['broadcast', 'presence'] : ['broadcast'];
    read = await ctx.authorizer.canRead({ subTopic, claims: token.claims, headers: socket.headers }, wanted);
    if (!read.broadcast && !read.presence) {
      socket.push(
        reply(message, 'error', {
          reason: `Unauthorized: You do not have permissions to read from this Channel topic: ${subTopic}`,
        }),
      );
      return;
    }
  }
  const previous = channels.get(message.topic);
  if (previous) {
    closeChannel(ctx, channels, previous);
    socket.push({
      joinRef: previous.joinRef,
      ref: previous.joinRef,
      topic: previous.topic,
      event: 'phx_close',
      payload: {},
    });
  }
  const key = typeof presence.key === 'string' && presence.key !== '' ? presence.key : crypto.randomUUID();
  const sub: ChannelSubscription = {
    socket,
    topic: message.topic,
    subTopic,
    joinRef,
    isPrivate,
    self: broadcast.self === true,
    ack: broadcast.ack === true,
    presenceEnabled,
    presenceKey: key,
    claims: token.claims,
    read,
    writeChecks: new Map(),
    pgBindings: pg.bindings,
    expiryTimer: null,
    closed: false,
  };
  channels.set(message.topic, sub);
  ctx.registry.add(sub);
  ctx.postgresChanges.register(sub);
  scheduleExpiry(ctx, channels, sub);
  socket.push(reply(message, 'ok', { postgres_changes: pg.reply }));
  if (presenceEnabled) ctx.presence.sendState(sub);
  if (pg.reply.length > 0) {
    pushSystem(sub, pg.error ? 'error' : 'ok', pg.error ?? 'Subscribed to PostgreSQL', 'postgres_changes');
  }
  if (broadcast.replication_ready === true) pushSystem(sub, 'ok', 'Replication connection established', 'system');
}

/** `phx_leave`: ok reply, then `phx_close` (contract §2.3). */
export function leaveChannel(
  ctx: RealtimeContext,
  channels: Map<string, ChannelSubscription>,
  sub: ChannelSubscription,
  message: PhxMessage,
): void {
  closeChannel(ctx, channels, sub);
  sub.socket.push(reply(message, 'ok', {}));
  sub.socket.push({ joinRef: sub.joinRef, ref: sub.joinRef, topic: sub.topic, event: 'phx_close', payload: {} });
}

/**
 * `access_token` push: a new token replaces the claims if it verifies; an invalid one, or a private
 * topic the new claims may no longer read, shuts the channel down.
 */
export async function refreshChannelToken(
  ctx: RealtimeContext,
  channels: Map<string, ChannelSubscription>,
  sub: ChannelSubscription,
  message: PhxMessage,
): Promise<void> {
  const given = (message.payload as Record<string, unknown>).access_token;
  if (typeof given !== 'string' || given === '' || given.startsWith('sb_')) return;
  const token = await checkRealtimeToken(given, ctx.jwtSecret);
  if (sub.closed) return;
  if (!token.ok) {
    shutdownChannel(ctx, channels, sub, token.reason);
    return;
  }
  if (sub.isPrivate) {
    const wanted: Extension[] = sub.presenceEnabled ? ['broadcast', 'presence'] : ['broadcast'];
    const read = await ctx.authorizer.canRead(
      { subTopic: sub.subTopic, claims: token.claims, headers: sub.socket.headers },
      wanted,
    );
    if (sub.closed) return;
    if (!read.broadcast && !read.presence) {
      shutdownChannel(
        ctx,
        channels,
        sub,
        `You no longer have permission to read from this Channel topic: ${sub.subTopic}`,
      );
      return;
    }
    sub.read = read;
  }
  sub.claims = token.claims;
  sub.writeChecks.clear();
  scheduleExpiry(ctx, channels, sub);
}

/** Server-side shutdown (expired token, revoked permission, rate limit): `system` error then `phx_close`. */
export function shutdownChannel(
  ctx: RealtimeContext,
  channels: Map<string, ChannelSubscription>,
  sub: ChannelSubscription,
  reason: string,
): void {
  if (sub.closed) return;
  pushSystem(sub, 'error', reason, 'system');
  closeChannel(ctx, channels, sub);
  sub.socket.push({ joinRef: sub.joinRef, ref: sub.joinRef, topic: sub.topic, event: 'phx_close', payload: {} });
}

/** Forgets a channel everywhere; its presence leaves are announced to the others. */
export function closeChannel(
  ctx: RealtimeContext,
  channels: Map<string, ChannelSubscription>,
  sub: ChannelSubscription,
) {
  if (sub.closed) return;
  sub.closed = true;
  if (sub.expiryTimer) clearTimeout(sub.expiryTimer);
  ctx.presence.untrack(ctx, sub);
  ctx.registry.remove(sub);
  ctx.postgresChanges.unregister(sub);
  if (channels.get(sub.topic) === sub) channels.delete(sub.topic);
}

function pushSystem(sub: ChannelSubscription, status: 'ok' | 'error', message: string, extension: string): void {
  sub.socket.push({
    joinRef: sub.joinRef,
    ref: null,
    topic: sub.topic,
    event: 'system',
    payload: { extension, status, message, channel: sub.subTopic },
  });
}

function scheduleExpiry(ctx: RealtimeContext, channels: Map<string, ChannelSubscription>, sub: ChannelSubscription) {
  if (sub.expiryTimer) clearTimeout(sub.expiryTimer);
  sub.expiryTimer = setTimeout(() => {
    // The timer may fire a little early on very long waits (capped), so check again.
    if (msUntilExpiry(sub.claims) > 0) scheduleExpiry(ctx, channels, sub);
    else shutdownChannel(ctx, channels, sub, 'Token has expired 0 seconds ago');
  }, msUntilExpiry(sub.claims) + 10);
  sub.expiryTimer.unref();
}
