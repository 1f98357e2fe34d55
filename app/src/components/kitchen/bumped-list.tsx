import { For } from 'solid-js';
import * as m from '#paraglide/messages.js';
import type { BumpedProps } from './bumped-drawer.tsx';
import { orderCode } from './ticket-card.tsx';

/** The recently bumped tickets with their recall buttons (the drawer's open panel). */
export function BumpedList(props: BumpedProps) {
  return (
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
  );
}
