import { For, Show } from 'solid-js';
import { type CartLine, setQty, unavailableLines, unitPrice } from '#lib/guest/cart.ts';
import type { KioskMenu, KioskOrderType } from '#lib/kiosk/api.ts';
import { reviewProblem } from '#lib/kiosk/review.ts';
import { cartTotals } from '#lib/orders/cart.ts';
import * as m from '#paraglide/messages.js';
import { kioskMoney } from './money.ts';

/** The order before it goes: lines and quantities, eat here or take away, the total, how to pay. */
export function ReviewScreen(props: {
  menu: KioskMenu;
  cart: CartLine[];
  where: KioskOrderType | null;
  error: string | null;
  onCart: (lines: CartLine[]) => void;
  onWhere: (where: KioskOrderType) => void;
  onBack: () => void;
  onPlace: () => void;
}) {
  const money = kioskMoney(props.menu);
  const gone = () => unavailableLines(props.cart, props.menu);
  const problem = () => reviewProblem(props.cart, props.menu, props.where);
  const total = () => cartTotals(props.cart, props.menu.restaurant.tax_mode, props.menu.restaurant.tax_rate_bp).total;
  const options: { value: KioskOrderType; label: () => string }[] = [
    { value: 'dine_in', label: m.kiosk_dine_in },
    { value: 'takeaway', label: m.kiosk_takeaway },
  ];

  return (
    <main id="main" class="kiosk-page kiosk-review">
      <h1 class="kiosk-heading">{m.kiosk_review_title()}</h1>
      <ul class="kiosk-lines">
        <For each={props.cart}>
          {(line) => (
            <li class="kiosk-line" classList={{ 'sold-out': gone().has(line.key) }}>
              <div class="kiosk-line-text">
                <span class="kiosk-line-name">{line.name}</span>
                <Show when={line.modifiers.length > 0}>
                  <span class="kiosk-line-detail">{line.modifiers.map((option) => option.name).join(', ')}</span>
                </Show>
                <Show when={line.note}>
                  <span class="kiosk-line-detail">{line.note}</span>
                </Show>
                <Show when={gone().has(line.key)}>
                  <span class="kiosk-line-detail">{m.guest_sold_out_remove()}</span>
                </Show>
              </div>
              <fieldset class="kiosk-stepper">
                <legend class="visually-hidden">{m.guest_quantity_of({ item: line.name })}</legend>
                <button
                  type="button"
                  aria-label={line.qty === 1 ? m.guest_remove() : m.guest_less()}
                  onClick={() => props.onCart(setQty(props.cart, line.key, line.qty - 1))}
                >
                  −
                </button>
                <output>{line.qty}</output>
                <button
                  type="button"
                  aria-label={m.guest_more()}
                  onClick={() => props.onCart(setQty(props.cart, line.key, line.qty + 1))}
                >
                  +
                </button>
              </fieldset>
              <span class="kiosk-line-price">{money(unitPrice(line) * line.qty)}</span>
            </li>
          )}
        </For>
      </ul>
      <fieldset class="kiosk-where">
        <legend class="kiosk-subheading">{m.kiosk_where_title()}</legend>
        <For each={options}>
          {(option) => (
            <button
              type="button"
              class="kiosk-button big"
              aria-pressed={props.where === option.value}
              onClick={() => props.onWhere(option.value)}
            >
              {option.label()}
            </button>
          )}
        </For>
      </fieldset>
      <p class="kiosk-total">
        <span>{m.kiosk_total()}</span> <strong>{money(total())}</strong>
      </p>
      <p class="kiosk-lead">{props.menu.kiosk.mode === 'direct' ? m.kiosk_direct_hint() : m.kiosk_pay_hint()}</p>
      <Show when={props.error ?? (props.where || props.cart.length === 0 ? problem() : null)}>
        {(text) => (
          <p class="kiosk-error" role="alert">
            {text()}
          </p>
        )}
      </Show>
      <div class="kiosk-actions">
        <button type="button" class="kiosk-button" onClick={() => props.onBack()}>
          {m.kiosk_add_more()}
        </button>
        <button
          type="button"
          class="kiosk-button primary big"
          aria-disabled={problem() !== null}
          onClick={() => {
            if (problem() === null) props.onPlace();
          }}
        >
          {m.kiosk_place_order()}
        </button>
      </div>
      <Show when={!props.where && props.cart.length > 0}>
        <p class="kiosk-hint">{m.kiosk_choose_where()}</p>
      </Show>
    </main>
  );
}
