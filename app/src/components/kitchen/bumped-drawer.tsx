import { createSignal, For, Show } from 'solid-js';
import type { OrderWithLines } from '#lib/orders/queries.ts';
import * as m from '#paraglide/messages.js';
import { orderCode } from './ticket-card.tsx';

/** Bumped tickets, newest first, each with a recall (undo a bump made too soon). */
export function BumpedDrawer(props: {
  orders: OrderWithLines[];
  tableLabel: (tableId: string | null) => string | null;
  onRecall: (order: OrderWithLines) => void;
}) {
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
        <section id="kds-bumped" class="kds-drawer-panel" aria-label={m.kds_recently_bumped()}>
          <ul>
            <For each={props.orders} fallback={<li class="kds-empty">{m.kds_no_bumped()}</li>}>
              {(order) => (
                <li class="bumped-row">
                  <span class="bumped-number">{orderCode(order)}</span>
                  <span class="bumped-where">
                    {order.type === 'takeaway' ? m.kds_takeaway() : (props.tableLabel(order.table_id) ?? '?')}
                  </span>
                  <button type="button" class="secondary" onClick={() => props.onRecall(order)}>
                    {m.kds_recall()}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </div>
  );
}
