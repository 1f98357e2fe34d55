/**
 * `npm run stack`: Postgres + bootstrap + migrations + gateway (+ functions) in the foreground.
 * `--reset` rebuilds the local database from scratch; `--exit` stops once it is up (db:reset).
 */
import { printStack, startForegroundStack, stopOnSignal } from './foreground.ts';

const stack = await startForegroundStack(process.argv.slice(2));
if (process.argv.includes('--exit')) {
  await stack.stop();
  console.log('Database rebuilt from migrations and seed.');
} else {
  printStack(stack);
  stopOnSignal(stack.stop);
}
