/**
 * `npm run bench`: starts a throw-away stack on free ports and prints medians, p95s and throughput
 * beside a floor measured in the same run. Timings live here, never in tests: machines are noisy.
 */
import { benchBundle } from './bundle.ts';
import { benchDomain } from './domain.ts';
import { benchFunctions } from './functions.ts';
import { benchGuest3g } from './guest-3g.ts';
import { benchGuestMenu } from './guest-menu.ts';
import { benchKdsHeap } from './kds-heap.ts';
import { benchKiosk } from './kiosk.ts';
import { benchKitchen } from './kitchen.ts';
import { printTable } from './measure.ts';
import { benchPrinting, benchRender } from './printing.ts';
import { benchRealtime } from './realtime.ts';
import { benchRealtimeStorm } from './realtime-storm.ts';
import { benchRecovery } from './recovery.ts';
import { benchReports } from './reports.ts';
import { benchRest, restSummary } from './rest.ts';
import { startStackProcess } from './stack-process.ts';

const durationMs = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const stack = await startStackProcess();
try {
  console.log(`# Comanda benchmark (${durationMs / 1000} s per case, ${new Date().toISOString()})`);
  const rest = await benchRest(stack, durationMs);
  printTable('REST: supabase-js → gateway → Postgres vs pg direct', rest);
  console.log(`\n${restSummary(rest).join('\n')}`);
  printTable(
    'Realtime: Broadcast from Database, commit → callback, vs LISTEN/NOTIFY',
    await benchRealtime(stack, durationMs),
  );
  console.log(
    `\n## Realtime: gateway memory through a broadcast storm\n\n${(await benchRealtimeStorm(stack)).join('\n')}`,
  );
  printTable(
    'Kitchen: POS → KDS, RPC call → callback on the private topic (target p95 < 300 ms)',
    await benchKitchen(stack),
  );
  printTable('Printing: receipt render time', await benchRender(durationMs));
  const printing = await benchPrinting(stack);
  printTable('Printing: order placed → ticket at the printer, vs the Broadcast floor', printing.rows);
  console.log(`\n## Printing: print bridge memory\n\n${printing.memory.join('\n')}`);
  printTable('Domain: RLS reads and place_order at 10,000 restaurants', await benchDomain(stack, durationMs));
  printTable(
    'Reports and payments: day_report at 100,000 orders, record_payment latency',
    await benchReports(stack, durationMs),
  );
  printTable(
    'Guest menu: guest_menu of a 150-item menu with photos, translated (es), as a guest',
    await benchGuestMenu(stack, durationMs),
  );
  printTable('Edge functions: QR codes and table cards (one caller)', await benchFunctions(stack, durationMs));
  await benchBundle();
  await benchGuest3g(stack);
  await benchKiosk(stack);
  await benchKdsHeap(stack);
  // Last: it SIGKILLs the stack's Postgres.
  await benchRecovery(stack);
} finally {
  await stack.stop();
}
