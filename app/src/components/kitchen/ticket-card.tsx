import { type Accessor, For, Show } from 'solid-js';
import { type AgeTone, formatAge, isDoneLine, type Ticket, ticketStart } from '#lib/kitchen/tickets.ts';
import type { OrderLine } from '#lib/orders/queries.ts';
import * as m from '#paraglide/messages.js';

export interface TicketCardProps {
  ticket: Ticket;
  now: Accessor<number>;
  tone: (ageMs: number) => AgeTone;
  tableLabel: (tableId: string | null) => string | null;
  fresh: boolean;
  onStart: () => void;
  onToggleLine: (line: OrderLine) => void;
  onBump: () => void;
}

/** The order's number, or the device's provisional code until the database numbers it. */
export function orderCode(order: { number: number | null; provisional_code?: string | null }): string {
  if (order.number !== null) return `#${order.number}`;
  return order.provisional_code ?? '…';
}

/** Modifier names as stored on the line (`[{ name, … }]` or plain strings). */
function modifierNames(line: OrderLine): string[] {
  const list = Array.isArray(line.modifiers) ? line.modifiers : [];
  return list
    .map((entry) => {
      if (typeof entry === 'string') return entry;
      if (entry && typeof entry === 'object' && 'name' in entry) return String(entry.name);
      return '';
    })
    .filter((name) => name !== '');
}

/** One ticket on the rail: tap the header to start, a line to bump it, the big button to bump all. */
export function TicketCard(props: TicketCardProps) {
  const age = () => props.now() - ticketStart(props.ticket.order);
  const table = () => props.tableLabel(props.ticket.order.table_id);
  return (
    <article
      class="ticket"
      data-tone={props.tone(age())}
      data-fresh={props.fresh ? 'true' : undefined}
      data-started={props.ticket.started ? 'true' : undefined}
      aria-label={orderCode(props.ticket.order)}
    >
      <header class="ticket-head">
        <span class="ticket-number">{orderCode(props.ticket.order)}</span>
        <span class="ticket-where">{props.ticket.order.type === 'takeaway' ? m.kds_takeaway() : (table() ?? '?')}</span>
        <span class="ticket-age" title={m.kds_waiting_since({ age: formatAge(age()) })}>
          {formatAge(age())}
        </span>
        <Show when={props.ticket.round > 1}>
          <span class="ticket-round">{m.kds_round({ round: props.ticket.round })}</span>
        </Show>
        <span class="ticket-state">{props.ticket.started ? m.kds_status_preparing() : m.kds_status_placed()}</span>
      </header>
      <Show when={props.ticket.order.note}>
        <p class="ticket-note">{m.kds_order_note({ note: props.ticket.order.note })}</p>
      </Show>
      <ul class="ticket-lines">
        <For each={props.ticket.lines}>
          {(line) => (
            <li>
              <button
                type="button"
                class="ticket-line"
                data-done={isDoneLine(line) ? 'true' : undefined}
                aria-pressed={isDoneLine(line)}
                aria-label={
                  isDoneLine(line) ? m.kds_line_undo({ item: line.name }) : m.kds_line_done({ item: line.name })
                }
                onClick={() => props.onToggleLine(line)}
              >
                <span class="line-qty">{line.qty}×</span>
                <span class="line-body">
                  <span class="line-name">{line.name}</span>
                  <For each={modifierNames(line)}>{(name) => <span class="line-modifier">{name}</span>}</For>
                  <Show when={line.note}>
                    <span class="line-note">{line.note}</span>
                  </Show>
                </span>
              </button>
            </li>
          )}
        </For>
      </ul>
      <footer class="ticket-actions">
        <Show
          when={props.ticket.started}
          fallback={
            <button type="button" class="ticket-start" onClick={() => props.onStart()}>
              {m.kds_start()}
            </button>
          }
        >
          <button type="button" class="ticket-bump" onClick={() => props.onBump()}>
            {m.kds_bump()}
          </button>
        </Show>
      </footer>
    </article>
  );
}
