import type { JwtClaims } from '../jwt.ts';
import type { Extension } from './authorization.ts';
import type { FilterClause } from './filters.ts';
import type { PhxMessage, Vsn } from './frames.ts';

// A joined channel and the socket it writes to, apart from the gateway-wide context so the
// extensions (broadcast, presence, postgres_changes) can name them without importing it.

/** The one socket-side capability channels need: writing frames back to the client. */
export interface SocketSink {
  readonly id: string;
  readonly vsn: Vsn;
  readonly headers: Record<string, string>;
  push(message: PhxMessage): void;
  /** `binary` defaults to whether the frame is a Buffer; a shared text frame is a Buffer sent as text. */
  pushEncoded(frame: string | Buffer, binary?: boolean): void;
}

/** One joined channel on one socket (Phoenix: one channel process). */
export interface ChannelSubscription {
  socket: SocketSink;
  /** Full topic, `realtime:<name>`. */
  topic: string;
  subTopic: string;
  joinRef: string;
  isPrivate: boolean;
  self: boolean;
  ack: boolean;
  presenceEnabled: boolean;
  presenceKey: string;
  claims: JwtClaims;
  /** Private channels: what the read probe allowed (public channels: everything). */
  read: Record<Extension, boolean>;
  /** Write checks run once per extension and are then cached, as hosted does. */
  writeChecks: Map<Extension, Promise<boolean>>;
  pgBindings: PgBinding[];
  expiryTimer: NodeJS.Timeout | null;
  closed: boolean;
}

/** One postgres_changes entry of a join, with the id Realtime answers it with. */
export interface PgBinding {
  id: number;
  event: string;
  schema: string;
  table: string | null;
  clauses: FilterClause[];
}

/** Public and private channels of the same name are separate namespaces. */
export function namespaceKey(topic: string, isPrivate: boolean): string {
  return `${isPrivate ? 'private' : 'public'}|${topic}`;
}
