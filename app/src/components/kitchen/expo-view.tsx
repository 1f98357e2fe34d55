import { type Accessor, For } from 'solid-js';
import { type AgeTone, formatAge, stationProgress, ticketStart } from '#lib/kitchen/tickets.ts';
import type { OrderWithLines } from '#lib/orders/queries.ts';
import * as m from '#paraglide/messages.js';
import { orderCode } from './ticket-card.tsx';

/** The pass: every open order, oldest first, with how far each station is. */
export function ExpoView(props: {
  orders: OrderWithLines[];
  now: Accessor<number>;
  tone: (ageMs: number) => AgeTone;
  tableLabel: (tableId: string | null) => string | null;
}) {
  const open = () =>
    props.orders
      .filter((order) => order.status === 'placed' || order.status === 'preparing' || order.status === 'ready')
      .sort((a, b) => ticketStart(a) - ticketStart(b));
  return (
    <section class="kds-expo" aria-label={m.kds_view_expo()}>
      <For each={open()} fallback={<p class="kds-empty">{m.kds_expo_empty()}</p>}>
        {(order) => {
          const age = () => props.now() - ticketStart(order);
          return (
            <article class="expo-row" data-tone={props.tone(age())} data-status={order.status}>
              <span class="ticket-number">{orderCode(order)}</span>
              <span class="ticket-where">
                {order.type === 'takeaway' ? m.kds_takeaway() : (props.tableLabel(order.table_id) ?? '?')}
              </span>
              <span class="ticket-age">{formatAge(age())}</span>
              <span class="expo-status">
                {order.status === 'ready'
                  ? m.kds_status_ready()
                  : order.status === 'preparing'
                    ? m.kds_status_preparing()
                    : m.kds_status_placed()}
              </span>
              <ul class="expo-stations">
                <For each={stationProgress(order)}>
                  {(progress) => (
                    <li class="expo-station" data-complete={progress.done === progress.total ? 'true' : undefined}>
                      <span>{progress.station}</span>
                      <meter min={0} max={progress.total} value={progress.done} />
                      <span class="expo-count">
                        {progress.done}/{progress.total}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </article>
          );
        }}
      </For>
    </section>
  );
}
