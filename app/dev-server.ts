/**
 * The PWA for `npm start`: Vite's dev server (default), or the production build served by
 * `vite preview` (`mode: 'prod'`, for trying the service worker and offline behaviour), pointed at
 * the given Supabase API. With `lan`, it serves HTTPS and forwards the Supabase paths to the API
 * (scripts/lan/), so a phone on the Wi-Fi talks to one secure origin. scripts/start.ts owns the
 * process; this only starts and stops the server.
 */
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build, type Connect, createServer, type InlineConfig, type Plugin, preview } from 'vite';
import { supabaseProxy } from '../scripts/lan/proxy.ts';
import { appEnvDefines } from '../vite.config.ts';

export interface AppServerOptions {
  /** The gateway; with `lan` the app reaches it through this server instead. */
  apiUrl: string;
  anonKey: string;
  port: number;
  host?: string;
  mode?: 'dev' | 'prod';
  /** Where the production build goes in 'prod' mode; defaults to dist/ at the repository root. */
  outDir?: string;
  /** Where table QR codes and links point (the stack's site URL); the page's origin when not given. */
  siteUrl?: string;
  /** HTTPS with this certificate, the Supabase paths proxied to `apiUrl`, the CA offered for download. */
  lan?: { cert: string; key: string; caCert: string };
}

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

/** Where a device downloads the local CA to trust the LAN certificate (README, "On phones and tablets"). */
export const caDownloadPath = '/comanda-local-ca.crt';

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const host = options.host ?? '127.0.0.1';
  const lan = options.lan;
  const inline: InlineConfig = {
    configFile,
    define: appEnvDefines({
      // On the LAN the page calls its own origin, whichever of the machine's addresses it was opened on.
      apiUrl: lan ? 'same-origin' : options.apiUrl,
      anonKey: options.anonKey,
      siteUrl: options.siteUrl,
    }),
    logLevel: 'warn',
    ...(options.outDir ? { build: { outDir: options.outDir } } : {}),
    ...(lan ? { plugins: [offerCaCertificate(lan.caCert)] } : {}),
  };
  const listen = {
    port: options.port,
    host,
    strictPort: true,
    ...(lan ? { https: { cert: lan.cert, key: lan.key }, proxy: supabaseProxy(options.apiUrl) } : {}),
  };
  const url = `${lan ? 'https' : 'http'}://${host}:${options.port}/`;

  if (options.mode === 'prod') {
    // Build with this stack's URL and key baked in, then serve exactly what would be deployed.
    await build({ ...inline, mode: 'production' });
    const server = await preview({ ...inline, preview: listen });
    return { url, close: () => server.close() };
  }

  const server = await createServer({ ...inline, server: listen });
  await server.listen();
  return { url, close: () => server.close() };
}

/** Serves the local CA certificate, as a phone's browser downloads one to install it. */
function offerCaCertificate(caCert: string): Plugin {
  const serve: Connect.NextHandleFunction = (req, res: ServerResponse, next) => {
    if (req.url !== caDownloadPath) return next();
    res.setHeader('Content-Type', 'application/x-x509-ca-cert');
    res.setHeader('Content-Disposition', 'attachment; filename="comanda-local-ca.crt"');
    res.end(caCert);
  };
  return {
    name: 'comanda-lan-ca',
    configureServer: (server) => {
      server.middlewares.use(serve);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(serve);
    },
  };
}
