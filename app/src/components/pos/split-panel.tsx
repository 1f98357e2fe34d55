import { For, Show } from 'solid-js';
import * as m from '#paraglide/messages.js';

export type SplitMode = 'amount' | 'even' | 'items';

export interface SplitPanelProps {
  mode: SplitMode;
  onMode: (mode: SplitMode) => void;
  /** Evenly: the guests still to pay, and their parts of what is due (splitEvenly). */
  guests: number;
  onGuests: (guests: number) => void;
  parts: number[];
  /** By items: the order's lines, those picked, those already paid this way, and their share. */
  lines: readonly { id: string; name: string; qty: number; line_total: number }[];
  picked: ReadonlySet<string>;
  onPicked: (picked: ReadonlySet<string>) => void;
  paidLines: ReadonlySet<string>;
  share: number;
  money: (minor: number) => string;
  /** Puts an amount in the payment's amount field. */
  onUse: (minor: number) => void;
}

/**
 * Split the bill: by amount (type it in the payment), evenly by guests (parts that sum exactly to
 * the due), or by items (the picked lines' share of the total, discounts and tax included). Each
 * part is then paid as its own payment.
 */
export default function SplitPanel(props: SplitPanelProps) {
  const modes: { value: SplitMode; label: () => string }[] = [
    { value: 'amount', label: m.pay_split_amount },
    { value: 'even', label: m.pay_split_even },
    { value: 'items', label: m.pay_split_items },
  ];
  return (
    <fieldset class="pay-split">
      <legend>{m.pay_split_label()}</legend>
      <div class="pay-split-modes">
        <For each={modes}>
          {(entry) => (
            <button
              type="button"
              class="chip"
              aria-pressed={props.mode === entry.value}
              onClick={() => props.onMode(entry.value)}
            >
              {entry.label()}
            </button>
          )}
        </For>
      </div>
      <Show when={props.mode === 'amount'}>
        <p class="field-hint">{m.pay_split_amount_hint()}</p>
      </Show>
      <Show when={props.mode === 'even'}>
        <div class="pay-guests">
          <button
            type="button"
            class="secondary"
            aria-label={m.common_decrease()}
            disabled={props.guests <= 1}
            onClick={() => props.onGuests(Math.max(1, props.guests - 1))}
          >
            −
          </button>
          <output aria-live="polite">{m.pay_guests({ count: props.guests })}</output>
          <button
            type="button"
            class="secondary"
            aria-label={m.common_increase()}
            disabled={props.guests >= 50}
            onClick={() => props.onGuests(Math.min(50, props.guests + 1))}
          >
            +
          </button>
        </div>
        <ol class="pay-parts">
          <For each={props.parts}>
            {(part, index) => (
              <li>
                <span>{m.pay_part({ part: index() + 1, count: props.guests })}</span>
                <span class="pay-part-amount">{props.money(part)}</span>
              </li>
            )}
          </For>
        </ol>
        <button type="button" class="secondary" onClick={() => props.onUse(props.parts[0] ?? 0)}>
          {m.pay_use_part({ amount: props.money(props.parts[0] ?? 0) })}
        </button>
      </Show>
      <Show when={props.mode === 'items'}>
        <ul class="pay-items">
          <For each={props.lines}>
            {(line) => (
              <li>
                <label class="pos-option">
                  <input
                    type="checkbox"
                    checked={props.picked.has(line.id)}
                    disabled={props.paidLines.has(line.id)}
                    onChange={(event) => {
                      const next = new Set(props.picked);
                      if (event.currentTarget.checked) next.add(line.id);
                      else next.delete(line.id);
                      props.onPicked(next);
                    }}
                  />
                  <span class="pos-option-name">
                    {line.qty} × {line.name}
                    <Show when={props.paidLines.has(line.id)}> — {m.pay_item_paid()}</Show>
                  </span>
                  <span class="pos-option-delta">{props.money(line.line_total)}</span>
                </label>
              </li>
            )}
          </For>
        </ul>
        <p class="field-hint">{m.pay_items_hint()}</p>
        <button type="button" class="secondary" disabled={props.share <= 0} onClick={() => props.onUse(props.share)}>
          {m.pay_use_items({ amount: props.money(props.share) })}
        </button>
      </Show>
    </fieldset>
  );
}
