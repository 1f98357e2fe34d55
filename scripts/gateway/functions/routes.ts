import { Hono } from 'hono';
import type { GatewayConfig } from '../config.ts';
import type { GatewayPart } from '../part.ts';

// Not built yet: answers 501 so a client sees a clear error instead of a hang.
export function functionsPart(_cfg: GatewayConfig): GatewayPart {
  const routes = new Hono();
  routes.all('*', (c) => c.json({ message: 'functions is not available in this local stack yet' }, 501));
  return { routes, close: async () => {} };
}
