import type { IncomingHttpHeaders } from 'node:http';
import type { ApiKeys } from '../api-keys.ts';
import type { JwtKeyInput } from '../jwt.ts';
import type { ChannelAuthorizer } from './authorization.ts';
import type { TopicRegistry } from './broadcast.ts';
import type { PostgresChanges } from './postgres-changes.ts';
import type { PresenceTracker } from './presence.ts';

/** Tunables; defaults follow hosted Realtime's free-tier limits where it has one. */
export interface RealtimeOptions {
  /** Largest broadcast / presence / HTTP message payload (hosted default 256 kB). */
  maxPayloadBytes: number;
  /** Frames a socket may send per second before its channels are shut down. */
  maxEventsPerSecond: number;
  /** Channels one socket may have joined at once (hosted `max_channels_per_client`, 100 on every plan). */
  maxChannelsPerClient: number;
  /** Sockets with a joined channel at once, for the whole gateway (hosted `max_concurrent_users`, free 200). */
  maxConcurrentUsers: number;
  /** Bytes a socket may have queued unsent before it is dropped as a slow consumer. */
  maxBufferedBytes: number;
  /** A socket silent for this long (no heartbeat) is dropped, as Phoenix does after 60 s. */
  idleTimeoutMs: number;
  /** Broadcast-from-Database rows older than this are deleted (hosted keeps about 3 days). */
  messageRetentionMs: number;
  pruneIntervalMs: number;
  /** Logical replication slot; one per gateway so two gateways on one database do not fight. */
  slotName: string;
}

export interface RealtimeContext {
  jwtSecret: JwtKeyInput;
  keys: ApiKeys;
  options: RealtimeOptions;
  registry: TopicRegistry;
  presence: PresenceTracker;
  authorizer: ChannelAuthorizer;
  postgresChanges: PostgresChanges;
  /** Ids of the sockets that count against `maxConcurrentUsers`: joined once, until they close. */
  users: Set<string>;
  log: (line: string) => void;
}

export function lowerCaseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
