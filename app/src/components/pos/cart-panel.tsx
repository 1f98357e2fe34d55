import { For, Show } from 'solid-js';
import { type Currency, formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { type CartLine, type CartTotals, lineTotal } from '#lib/orders/cart.ts';
import { describeCartError } from '#lib/orders/cart-errors.ts';
import type { CartError } from '#lib/orders/validation.ts';
import { maxNoteLength, maxQty } from '#lib/orders/validation.ts';
import type { DiningTable } from '#lib/tables/queries.ts';
import * as m from '#paraglide/messages.js';

export interface CartPanelProps {
  lines: CartLine[];
  note: string;
  type: 'dine_in' | 'takeaway';
  tableId: string | null;
  tables: DiningTable[];
  /** Adding a round to an open order: the table and type are the order's. */
  round: boolean;
  totals: CartTotals;
  taxMode: 'inclusive' | 'exclusive';
  money: Currency;
  errors: CartError[];
  busy: boolean;
  onQty: (key: string, qty: number) => void;
  onLineNote: (key: string, note: string) => void;
  onRemove: (key: string) => void;
  onNote: (note: string) => void;
  onType: (type: 'dine_in' | 'takeaway') => void;
  onTable: (tableId: string | null) => void;
  onSubmit: () => void;
}

/** The order being taken: lines with quantity and note, dine-in/takeaway, totals, and "Place". */
export function CartPanel(props: CartPanelProps) {
  const money = (minor: number) => formatMoney(minor, props.money, currentLocale());
  const lineError = (index: number) => props.errors.find((error) => error.line === index);
  const orderErrors = () => props.errors.filter((error) => error.line === null);
  return (
    <form
      class="pos-cart"
      aria-label={m.pos_cart_label()}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <Show when={!props.round}>
        <fieldset class="pos-type">
          <legend class="visually-hidden">{m.pos_type_label()}</legend>
          <button
            type="button"
            class="chip"
            aria-pressed={props.type === 'dine_in'}
            onClick={() => props.onType('dine_in')}
          >
            {m.pos_type_dine_in()}
          </button>
          <button
            type="button"
            class="chip"
            aria-pressed={props.type === 'takeaway'}
            onClick={() => props.onType('takeaway')}
          >
            {m.pos_type_takeaway()}
          </button>
        </fieldset>
        <Show when={props.type === 'dine_in' && props.tables.length > 0}>
          <div class="field">
            <label for="pos-table">{m.pos_table_label()}</label>
            <select
              id="pos-table"
              value={props.tableId ?? ''}
              onChange={(event) => props.onTable(event.currentTarget.value || null)}
            >
              <option value="">{m.pos_table_choose()}</option>
              <For each={props.tables.filter((table) => table.active)}>
                {(table) => <option value={table.id}>{table.label}</option>}
              </For>
            </select>
          </div>
        </Show>
      </Show>

      <Show when={props.lines.length > 0} fallback={<p class="notice subtle">{m.pos_cart_empty()}</p>}>
        <ul class="pos-lines">
          <For each={props.lines}>
            {(line, index) => (
              <li class="pos-line">
                <div class="pos-line-head">
                  <span class="pos-line-name">{line.name}</span>
                  <span class="pos-line-total">{money(lineTotal(line))}</span>
                </div>
                <Show when={line.modifiers.length > 0}>
                  <p class="pos-line-mods">{line.modifiers.map((option) => option.name).join(', ')}</p>
                </Show>
                <div class="pos-line-controls">
                  <fieldset class="pos-qty">
                    <legend class="visually-hidden">{m.pos_qty_label({ name: line.name })}</legend>
                    <button
                      type="button"
                      class="secondary icon"
                      aria-label={m.pos_qty_less()}
                      onClick={() => (line.qty > 1 ? props.onQty(line.key, line.qty - 1) : props.onRemove(line.key))}
                    >
                      −
                    </button>
                    <output aria-live="polite">{line.qty}</output>
                    <button
                      type="button"
                      class="secondary icon"
                      aria-label={m.pos_qty_more()}
                      disabled={line.qty >= maxQty}
                      onClick={() => props.onQty(line.key, line.qty + 1)}
                    >
                      +
                    </button>
                  </fieldset>
                  <input
                    class="pos-line-note"
                    type="text"
                    aria-label={m.pos_line_note_label({ name: line.name })}
                    placeholder={m.pos_line_note_placeholder()}
                    maxLength={maxNoteLength}
                    value={line.note}
                    onChange={(event) => props.onLineNote(line.key, event.currentTarget.value)}
                  />
                  <button
                    type="button"
                    class="secondary icon"
                    aria-label={m.pos_line_remove({ name: line.name })}
                    onClick={() => props.onRemove(line.key)}
                  >
                    ✕
                  </button>
                </div>
                <Show when={lineError(index())}>
                  {(error) => (
                    <p class="field-error" role="alert">
                      {describeCartError(error().code)}
                    </p>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <div class="field">
        <label for="pos-order-note">{m.pos_order_note_label()}</label>
        <textarea
          id="pos-order-note"
          rows={2}
          maxLength={maxNoteLength}
          value={props.note}
          onChange={(event) => props.onNote(event.currentTarget.value)}
        />
      </div>

      <dl class="pos-totals">
        <div>
          <dt>{m.pos_subtotal()}</dt>
          <dd>{money(props.totals.subtotal)}</dd>
        </div>
        <div>
          <dt>{props.taxMode === 'inclusive' ? m.pos_tax_included() : m.pos_tax()}</dt>
          <dd>{money(props.totals.tax)}</dd>
        </div>
        <div class="pos-total">
          <dt>{m.pos_total()}</dt>
          <dd data-testid="cart-total">{money(props.totals.total)}</dd>
        </div>
      </dl>
      <For each={orderErrors()}>
        {(error) => (
          <p class="field-error" role="alert">
            {describeCartError(error.code)}
          </p>
        )}
      </For>
      <button type="submit" class="pos-primary pos-place" disabled={props.busy}>
        {props.round ? m.pos_send_round() : m.pos_place_order()}
      </button>
    </form>
  );
}
