import { createServer, type Server } from 'node:http';
import type { WorkerStatus } from './worker.ts';

/** `GET /health` on 127.0.0.1: the bridge's state for a person or a monitor on the store PC. */
export function startHealth(port: number, info: () => WorkerStatus & Record<string, unknown>): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(info()));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not_found"}');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
