import { createSignal, lazy, Show, Suspense } from 'solid-js';
import type { OrderWithLines } from '#lib/orders/queries.ts';
import * as m from '#paraglide/messages.js';

// The list opens on a tap, so it is fetched then (precached by the service worker, so offline too)
// rather than with the kitchen screen, which must stay within its download budget.
const BumpedList = lazy(() => import('./bumped-list.tsx').then((module) => ({ default: module.BumpedList })));

export interface BumpedProps {
  orders: OrderWithLines[];
  tableLabel: (tableId: string | null) => string | null;
  onRecall: (order: OrderWithLines) => void;
}

/** Bumped tickets, newest first, each with a recall (undo a bump made too soon). */
export function BumpedDrawer(props: BumpedProps) {
  const [open, setOpen] = createSignal(false);
  return (
    <div class="kds-drawer">
      <button
        type="button"
        class="kds-toggle"
        aria-expanded={open()}
        aria-controls="kds-bumped"
        onClick={() => setOpen(!open())}
      >
        {m.kds_recently_bumped()} ({props.orders.length})
      </button>
      <Show when={open()}>
        <Suspense>
          <BumpedList {...props} />
        </Suspense>
      </Show>
    </div>
  );
}
