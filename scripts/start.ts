/**
 * `npm start`: the whole local Comanda — the Supabase stack and the PWA (Vite dev server, or the
 * production build with `npm start -- --prod`); the print bridge joins with its issue. Ctrl-C stops all.
 */
import { startAppServer } from '../app/dev-server.ts';
import { printStack, startForegroundStack, stopOnSignal } from './stack/foreground.ts';
import { DEFAULT_PORTS } from './stack/keys.ts';

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
printStack(stack);
console.log(`  App (PWA)        ${app.url}
  Demo logins      see the header of supabase/seed.sql
`);
stopOnSignal(async () => {
  await app.close();
  await stack.stop();
});
