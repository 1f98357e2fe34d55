/**
 * `npm start`: the whole local Comanda — the Supabase stack and the PWA (Vite dev server, or the
 * production build with `npm start -- --prod`) and the print bridge on the demo restaurant's virtual
 * printers (`--no-bridge` or COMANDA_NO_BRIDGE=1 skips it). Ctrl-C stops all.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startAppServer } from '../app/dev-server.ts';
import { printStack, startForegroundStack, stopOnSignal } from './stack/foreground.ts';
import { DEFAULT_PORTS } from './stack/keys.ts';
import { defaultLocalDir, supabaseDir } from './stack/paths.ts';
import { type RunningBridge, startPrintBridge } from './start-bridge.ts';

const argv = process.argv.slice(2);
const stack = await startForegroundStack(argv);
const app = await startAppServer({
  apiUrl: stack.apiUrl,
  anonKey: stack.anonKey,
  port: Number(process.env.APP_PORT ?? DEFAULT_PORTS.app),
  mode: argv.includes('--prod') ? 'prod' : 'dev',
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
      localDir: path.resolve(process.env.COMANDA_LOCAL_DIR ?? defaultLocalDir),
      log: (line) => console.log(`  ${line}`),
    });
printStack(stack);
console.log(`  App (PWA)        ${app.url}`);
console.log(
  `  Printed tickets  ${bridge ? `${bridge.printsDir}/<printer>/ (kitchen, bar, receipt)` : 'none (no print bridge)'}`,
);
console.log(`\nDemo logins (from supabase/seed.sql):\n${await demoLogins()}\n`);
stopOnSignal(async () => {
  await bridge?.stop();
  await app.close();
  await stack.stop();
});

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
