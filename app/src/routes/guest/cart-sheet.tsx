import { createSignal, For, Show } from 'solid-js';
import type { GuestOrder } from '#lib/guest/api.ts';
import { cartProblem, setQty, totals, unavailableLines, unitPrice } from '#lib/guest/cart.ts';
import { describeGuestFailure } from '#lib/guest/errors.ts';
import type { GuestVisitStore } from '#lib/guest/visit.ts';
import { maxLines } from '#lib/orders/validation.ts';
import * as m from '#paraglide/messages.js';
import type { Money } from './money.ts';
import { Sheet } from './sheet.tsx';

/** The cart: lines with their choices and notes, quantities, the total, and "Send the order". */
export function CartSheet(props: {
  visit: GuestVisitStore;
  money: Money;
  onClose: () => void;
  onSent: (order: GuestOrder) => void;
}) {
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const menu = () => props.visit.menu();
  const lines = () => props.visit.cart().lines;
  const gone = () => {
    const current = menu();
    return current ? unavailableLines(lines(), current) : new Set<string>();
  };
  const limit = () => menu()?.restaurant.limits?.lines_per_order ?? maxLines;
  const problem = () => {
    const current = menu();
    return current ? cartProblem(lines(), current, limit()) : 'empty_order';
  };

  const send = async () => {
    if (sending()) return;
    setError(null);
    const reason = problem();
    if (reason) {
      setError(describeGuestFailure({ code: reason, transient: false, detail: JSON.stringify({ max: limit() }) }));
      return;
    }
    setSending(true);
    const result = await props.visit.submit();
    setSending(false);
    if (result.ok) props.onSent(result.order);
    else setError(describeGuestFailure(result.failure));
  };

  return (
    <Sheet title={m.guest_cart_title()} onClose={props.onClose}>
      <h2 class="guest-sheet-title">{m.guest_cart_title()}</h2>
      <ul class="guest-lines">
        <For each={lines()}>
          {(line) => (
            <li class="guest-line" classList={{ 'sold-out': gone().has(line.key) }}>
              <div class="guest-line-text">
                <span class="guest-line-name">{line.name}</span>
                <Show when={line.modifiers.length > 0}>
                  <span class="guest-line-detail">{line.modifiers.map((o) => o.name).join(', ')}</span>
                </Show>
                <Show when={line.note}>
                  <span class="guest-line-note">{line.note}</span>
                </Show>
                <Show when={gone().has(line.key)}>
                  <span class="guest-sold-out">{m.guest_sold_out_remove()}</span>
                </Show>
                <span class="guest-line-price">{props.money(unitPrice(line) * line.qty)}</span>
              </div>
              <fieldset class="guest-stepper small">
                <legend class="visually-hidden">{m.guest_quantity_of({ item: line.name })}</legend>
                <button
                  type="button"
                  aria-label={line.qty === 1 ? m.guest_remove() : m.guest_less()}
                  onClick={() => props.visit.setLines(setQty(lines(), line.key, line.qty - 1))}
                >
                  −
                </button>
                <output>{line.qty}</output>
                <button
                  type="button"
                  aria-label={m.guest_more()}
                  onClick={() => props.visit.setLines(setQty(lines(), line.key, line.qty + 1))}
                >
                  +
                </button>
              </fieldset>
            </li>
          )}
        </For>
      </ul>
      <Show when={menu()}>
        {(current) => (
          <dl class="guest-totals">
            <dt>{m.guest_total()}</dt>
            <dd>{props.money(totals(lines(), current()).total)}</dd>
          </dl>
        )}
      </Show>
      <p class="guest-hint">
        {menu()?.restaurant.guest_ordering === 'auto_accept' ? m.guest_hint_auto() : m.guest_hint_draft()}
      </p>
      <Show when={error()}>
        <p class="guest-error" role="alert">
          {error()}
        </p>
      </Show>
      <button
        type="button"
        class="guest-button primary wide center"
        disabled={sending() || lines().length === 0}
        onClick={() => void send()}
      >
        {sending() ? m.guest_sending() : m.guest_send_order()}
      </button>
    </Sheet>
  );
}
