/**
 * Builds the production PWA against a given stack and serves it, in a process of its own: the Vite
 * config leaves out the service worker under vitest (it reads VITEST), and the e2e tests need
 * exactly what would be deployed. With E2E_LAN_HOST it serves as `npm start -- --lan` does, on that
 * address (HTTPS with a local CA made in the build's folder, the Supabase paths proxied).
 * Prints `ready <url>` once serving; SIGTERM stops it.
 */
import path from 'node:path';
import { startAppServer } from '../../app/dev-server.ts';
import { lanCertificate } from '../../scripts/lan/certificate.ts';

const { E2E_API_URL: apiUrl, E2E_ANON_KEY: anonKey, E2E_PORT: port, E2E_OUT_DIR: outDir } = process.env;
if (!apiUrl || !anonKey || !port || !outDir) {
  throw new Error('serve-app needs E2E_API_URL, E2E_ANON_KEY, E2E_PORT and E2E_OUT_DIR');
}
const lanHost = process.env.E2E_LAN_HOST;

const app = await startAppServer({
  apiUrl,
  anonKey,
  port: Number(port),
  mode: 'prod',
  outDir: path.join(outDir, 'dist'),
  ...(lanHost
    ? {
        host: lanHost,
        siteUrl: `https://${lanHost}:${port}`,
        lan: await lanCertificate(path.join(outDir, 'local'), [lanHost]),
      }
    : {}),
});
console.log(`ready ${app.url}`);

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
