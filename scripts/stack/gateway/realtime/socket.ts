import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { handleClientBroadcast, reply } from './broadcast.ts';
import { closeChannel, joinChannel, leaveChannel, refreshChannelToken, shutdownChannel } from './channel.ts';
import type { RealtimeContext } from './context.ts';
import { type DecodedFrame, decodeBinary, decodeText, encodeText, type PhxMessage, type Vsn } from './frames.ts';
import type { ChannelSubscription, SocketSink } from './subscription.ts';

/** Past this many times the rate limit in one second the socket itself is closed. */
const FLOOD_CLOSE_FACTOR = 4;
/** Hosted allows this much over the payload limit for the message's own envelope. */
const PAYLOAD_PADDING_BYTES = 500;

/**
 * One WebSocket connection: decodes frames, answers heartbeats at once and runs everything else
 * in arrival order (a join waiting on its RLS probe must not be overtaken by that channel's pushes).
 */
export class RealtimeSocket implements SocketSink {
  readonly id = randomUUID();
  private readonly channels = new Map<string, ChannelSubscription>();
  private queue: Promise<void> = Promise.resolve();
  private windowStart = Date.now();
  private windowCount = 0;
  private rateLimited = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private joinedOnce = false;
  private closed = false;

  constructor(
    private readonly ctx: RealtimeContext,
    private readonly ws: WebSocket,
    readonly vsn: Vsn,
    private readonly token: string,
    readonly headers: Record<string, string>,
  ) {
    ws.on('message', (data, isBinary) => this.onFrame(data as Buffer | Buffer[], isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', (e) => ctx.log(`realtime: socket ${this.id}: ${e.message}`));
    this.touch();
  }

  push(message: PhxMessage): void {
    this.pushEncoded(encodeText(message, this.vsn));
  }

  pushEncoded(frame: string | Buffer, binary = typeof frame !== 'string'): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.ctx.options.maxBufferedBytes) {
      // A close frame would queue behind the backlog the client is not reading, holding it for
      // ws's 30 s close timeout; dropping the connection frees it now (hosted: the process dies).
      this.ctx.log(`realtime: socket ${this.id} is not reading (${this.ws.bufferedAmount} bytes queued); dropping it`);
      this.ws.terminate();
      this.onClose();
      return;
    }
    this.ws.send(frame, { binary });
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.ws.terminate(), this.ctx.options.idleTimeoutMs);
    this.idleTimer.unref();
  }

  /** Counts frames per one-second window; over the limit, channels are shut down as hosted does. */
  private overRateLimit(): boolean {
    const now = Date.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.windowCount = 0;
      this.rateLimited = false;
    }
    this.windowCount++;
    const limit = this.ctx.options.maxEventsPerSecond;
    if (this.windowCount <= limit) return false;
    if (!this.rateLimited) {
      this.rateLimited = true;
      this.ctx.log(`realtime: socket ${this.id} exceeded ${limit} events per second`);
      for (const sub of [...this.channels.values()]) {
        shutdownChannel(this.ctx, this.channels, sub, 'Too many messages per second');
      }
    }
    if (this.windowCount > limit * FLOOD_CLOSE_FACTOR) this.ws.close(1008, 'Too many messages per second');
    return true;
  }

  private onFrame(data: Buffer | Buffer[], isBinary: boolean): void {
    this.touch();
    if (this.overRateLimit()) return;
    const buf = Array.isArray(data) ? Buffer.concat(data) : data;
    let frame: DecodedFrame;
    if (isBinary) {
      frame =
        this.vsn === '2.0.0' ? decodeBinary(buf) : { ok: false, reason: 'binary frames need vsn 2.0.0', refs: null };
    } else frame = decodeText(buf.toString('utf8'), this.vsn);
    if (!frame.ok) {
      if (frame.refs?.ref) {
        this.push({
          ...frame.refs,
          event: 'phx_reply',
          payload: { status: 'error', response: { reason: frame.reason } },
        });
      } else {
        // Nothing to answer to: Phoenix drops such a connection rather than guessing.
        this.ctx.log(`realtime: socket ${this.id}: ${frame.reason}; closing it`);
        this.ws.close(1007, frame.reason.slice(0, 120));
      }
      return;
    }
    const message = frame.message;
    if (buf.length > this.ctx.options.maxPayloadBytes + PAYLOAD_PADDING_BYTES) {
      this.refuseOversized(message);
      return;
    }
    if (message.topic === 'phoenix' && message.event === 'heartbeat') {
      this.push(reply(message, 'ok', {}));
      return;
    }
    const bytes = frame.binary?.bytes ?? null;
    this.queue = this.queue
      .then(() => this.dispatch(message, bytes))
      .catch((e: Error) => {
        this.ctx.log(`realtime: socket ${this.id} ${message.event} on ${message.topic} failed: ${e.stack ?? e}`);
        if (message.ref) this.push(reply(message, 'error', { reason: 'internal error' }));
      });
  }

  /**
   * As hosted: a broadcast over the size limit is answered `payload_size_exceeded` only when the
   * channel asked for acks (else dropped), a presence track shuts its channel down.
   */
  private refuseOversized(message: PhxMessage): void {
    const sub = this.channels.get(message.topic);
    if (message.event === 'broadcast') {
      if (sub?.ack) this.push(reply(message, 'error', 'payload_size_exceeded'));
    } else if (message.event === 'presence' && sub) {
      shutdownChannel(this.ctx, this.channels, sub, 'Track message size exceeded');
    } else if (message.ref) {
      this.push(reply(message, 'error', { reason: 'payload_size_exceeded' }));
    }
  }

  /** Hosted's join-time limits, in its order: concurrent users, then channels on this socket. */
  private joinRefusal(topic: string): string | null {
    const { maxConcurrentUsers, maxChannelsPerClient } = this.ctx.options;
    if (!this.ctx.users.has(this.id) && this.ctx.users.size >= maxConcurrentUsers) {
      this.ctx.log(`realtime: socket ${this.id} refused: ${maxConcurrentUsers} concurrent users`);
      return 'ConnectionRateLimitReached: Too many connected users';
    }
    // A second join of a joined topic replaces it, so it takes no new place.
    const others = this.channels.size - (this.channels.has(topic) ? 1 : 0);
    if (others >= maxChannelsPerClient) return 'ChannelRateLimitReached: Too many channels';
    return null;
  }

  private async dispatch(message: PhxMessage, bytes: Buffer | null): Promise<void> {
    if (this.closed) return;
    if (message.event === 'phx_join') {
      const refusal = this.joinRefusal(message.topic);
      if (refusal) {
        this.push(reply(message, 'error', { reason: refusal }));
        return;
      }
      // Counted before the join's awaits so that concurrent joins on other sockets see this one.
      this.ctx.users.add(this.id);
      try {
        await joinChannel(this.ctx, this, this.channels, this.token, message);
      } finally {
        // Hosted counts a socket once one of its joins succeeded, until it closes.
        if (this.channels.size > 0 && !this.closed) this.joinedOnce = true;
        else if (!this.joinedOnce || this.closed) this.ctx.users.delete(this.id);
      }
      return;
    }
    const sub = this.channels.get(message.topic);
    if (!sub) {
      if (message.event !== 'access_token') this.push(reply(message, 'error', { reason: 'unmatched topic' }));
      return;
    }
    switch (message.event) {
      case 'phx_leave':
        leaveChannel(this.ctx, this.channels, sub, message);
        return;
      case 'access_token':
        await refreshChannelToken(this.ctx, this.channels, sub, message);
        return;
      case 'broadcast':
        await handleClientBroadcast(this.ctx, sub, message, bytes);
        return;
      case 'presence':
        await this.ctx.presence.handle(this.ctx, sub, message);
        return;
      default:
        this.push(reply(message, 'error', { reason: `Unknown event: ${message.event.slice(0, 64)}` }));
    }
  }

  /** Socket death: every channel leaves, so presence leaves reach the others. */
  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.ctx.users.delete(this.id);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const sub of [...this.channels.values()]) closeChannel(this.ctx, this.channels, sub);
  }
}
