/**
 * `npm start`: the whole local Comanda — the Supabase stack and the PWA (Vite dev server, or the
 * production build with `npm start -- --prod`) and the print bridge on the demo restaurant's virtual
 * printers (`--no-bridge` or COMANDA_NO_BRIDGE=1 skips it). Ctrl-C stops all.
 * `--lan`: the app on every address of the machine over HTTPS (a local certificate), the Supabase
 * paths proxied through it, and the site URL (table QR codes, links in emails) on the LAN address,
 * so phones and tablets on the restaurant's Wi-Fi can use it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { caDownloadPath, startAppServer } from '../app/dev-server.ts';
import { lanAddresses } from './lan/addresses.ts';
import { type LanCertificate, lanCertificate } from './lan/certificate.ts';
import { printStack, startForegroundStack, stopOnSignal } from './stack/foreground.ts';
import { DEFAULT_PORTS } from './stack/keys.ts';
import { defaultLocalDir, supabaseDir } from './stack/paths.ts';
import { siteUrlFor } from './stack/site-url.ts';
import { type RunningBridge, startPrintBridge } from './start-bridge.ts';

const argv = process.argv.slice(2);
const localDir = path.resolve(process.env.COMANDA_LOCAL_DIR ?? defaultLocalDir);
const appPort = Number(process.env.APP_PORT ?? DEFAULT_PORTS.app);
const lan = argv.includes('--lan');
const addresses = lan ? lanAddresses() : [];
const lanUrl = lan ? `https://${addresses[0] ?? '127.0.0.1'}:${appPort}` : undefined;
const siteUrl = siteUrlFor(supabaseDir, lanUrl);
const certificate: LanCertificate | undefined = lan ? await lanCertificate(localDir, addresses) : undefined;
// On the LAN the app's origin forwards /auth/v1, so links in emails reach the gateway through it.
const stack = await startForegroundStack(argv, { siteUrl, ...(lanUrl ? { publicApiUrl: lanUrl } : {}) });
const app = await startAppServer({
  apiUrl: stack.apiUrl,
  anonKey: stack.anonKey,
  port: appPort,
  mode: argv.includes('--prod') ? 'prod' : 'dev',
  siteUrl,
  // Every interface, so the laptop itself (127.0.0.1) and the devices on the Wi-Fi both reach it.
  ...(certificate ? { host: '0.0.0.0', lan: certificate } : {}),
}).catch(async (e) => {
  await stack.stop();
  throw e;
});
const skipBridge = argv.includes('--no-bridge') || process.env.COMANDA_NO_BRIDGE === '1';
const bridge: RunningBridge | null = skipBridge
  ? null
  : await startPrintBridge({
      apiUrl: stack.apiUrl,
      anonKey: stack.anonKey,
      localDir,
      log: (line) => console.log(`  ${line}`),
    });
printStack(stack);
if (certificate) printLan(certificate);
else console.log(`  App (PWA)        ${app.url}`);
console.log(`  Site URL         ${siteUrl}  (table QR codes, board and email links)`);
console.log(
  `  Printed tickets  ${bridge ? `${bridge.printsDir}/<printer>/ (kitchen, bar, receipt)` : 'none (no print bridge)'}`,
);
console.log(`\nDemo logins (from supabase/seed.sql):\n${await demoLogins()}\n`);
stopOnSignal(async () => {
  await bridge?.stop();
  await app.close();
  await stack.stop();
});

function printLan(cert: LanCertificate): void {
  console.log(`  App (PWA)        https://127.0.0.1:${appPort}/  (this computer)`);
  for (const address of addresses) {
    console.log(`                   https://${address}:${appPort}/  (phones and tablets on the same network)`);
  }
  if (addresses.length === 0) console.log('                   (no network address found: is the Wi-Fi connected?)');
  const first = addresses[0] ?? '127.0.0.1';
  console.log(`  Local CA         https://${first}:${appPort}${caDownloadPath}  (install on a device to trust`);
  console.log(`                   the certificate; README, "On phones and tablets") — ${cert.caPath}`);
}

/** The seed documents its demo logins in its header; show them rather than keep a second copy. */
async function demoLogins(): Promise<string> {
  const header = (await readFile(path.join(supabaseDir, 'seed.sql'), 'utf8')).split('\n');
  const start = header.findIndex((l) => /demo logins/i.test(l));
  if (start < 0) return '  (none)';
  const lines: string[] = [];
  for (const line of header.slice(start + 1)) {
    const text = line.replace(/^--\s?/, '');
    if (!line.startsWith('--') || text.trim() === '') break;
    lines.push(`  ${text}`);
  }
  return lines.join('\n');
}
