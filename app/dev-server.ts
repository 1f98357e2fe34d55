/**
 * The PWA for `npm start`: Vite's dev server (default), or the production build served by
 * `vite preview` (`mode: 'prod'`, for trying the service worker and offline behaviour), pointed at
 * the given Supabase API. scripts/start.ts owns the process; this only starts and stops the server.
 */
import { fileURLToPath } from 'node:url';
import { build, createServer, type InlineConfig, preview } from 'vite';
import { appEnvDefines } from '../vite.config.ts';

export interface AppServerOptions {
  apiUrl: string;
  anonKey: string;
  port: number;
  host?: string;
  mode?: 'dev' | 'prod';
  /** Where the production build goes in 'prod' mode; defaults to dist/ at the repository root. */
  outDir?: string;
}

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const host = options.host ?? '127.0.0.1';
  const inline: InlineConfig = {
    configFile,
    define: appEnvDefines({ apiUrl: options.apiUrl, anonKey: options.anonKey }),
    logLevel: 'warn',
    ...(options.outDir ? { build: { outDir: options.outDir } } : {}),
  };

  if (options.mode === 'prod') {
    // Build with this stack's URL and key baked in, then serve exactly what would be deployed.
    await build({ ...inline, mode: 'production' });
    const server = await preview({ ...inline, preview: { port: options.port, host, strictPort: true } });
    return { url: `http://${host}:${options.port}/`, close: () => server.close() };
  }

  const server = await createServer({ ...inline, server: { port: options.port, host, strictPort: true } });
  await server.listen();
  return { url: `http://${host}:${options.port}/`, close: () => server.close() };
}
