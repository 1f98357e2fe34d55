import type { Server } from 'node:http';
import type { Hono } from 'hono';

/** One Supabase service behind the gateway: its routes (mounted under its prefix) and its lifecycle. */
export interface GatewayPart {
  routes: Hono;
  /** Resolves once the part can serve (schema cache loaded, replication connected…). */
  ready?: () => Promise<void>;
  /** For parts that take over raw sockets (Realtime's WebSocket upgrade). */
  attach?: (server: Server) => void;
  close: () => Promise<void>;
}
