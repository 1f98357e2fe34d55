/**
 * `npm start`: the whole local Comanda — the Supabase stack, and (as they land) the PWA and a print
 * bridge with a virtual printer. Ctrl-C stops everything.
 */
import { printStack, startForegroundStack, stopOnSignal } from './stack/foreground.ts';

const stack = await startForegroundStack(process.argv.slice(2));
printStack(stack);
console.log(`Demo logins: see the header of supabase/seed.sql.`);
stopOnSignal(stack.stop);
