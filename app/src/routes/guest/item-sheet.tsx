import { createSignal, For, Show } from 'solid-js';
import type { GuestGroup, GuestItem } from '#lib/guest/api.ts';
import { photoUrl } from '#lib/guest/api.ts';
import {
  type CartLine,
  lineFor,
  orderedGroups,
  type Selection,
  selectionErrors,
  toggleOption,
  unitPrice,
} from '#lib/guest/cart.ts';
import { maxNoteLength, maxQty } from '#lib/orders/validation.ts';
import * as m from '#paraglide/messages.js';
import type { Money } from './money.ts';
import { Sheet } from './sheet.tsx';

/** One dish: its photo, its choices (required first), a note, how many — then into the cart. */
export function ItemSheet(props: {
  item: GuestItem;
  money: Money;
  ordering: boolean;
  onAdd: (line: CartLine) => void;
  onClose: () => void;
}) {
  const [selection, setSelection] = createSignal<Selection>({});
  const [qty, setQty] = createSignal(1);
  const [note, setNote] = createSignal('');
  const [tried, setTried] = createSignal(false);
  const errors = () => selectionErrors(props.item, selection());
  const line = () => lineFor(props.item, selection(), qty(), note());
  const soldOut = () => props.item.available === false;

  const add = () => {
    setTried(true);
    const first = errors()[0];
    if (first) {
      document.getElementById(`group-${first.groupId}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    props.onAdd(line());
  };

  return (
    <Sheet title={props.item.name} onClose={props.onClose}>
      <Show when={props.item.image_path}>
        {(path) => (
          <img
            class="guest-sheet-photo"
            src={photoUrl(path(), { width: 600, height: 400 })}
            alt=""
            width="600"
            height="400"
            decoding="async"
          />
        )}
      </Show>
      <h2 class="guest-sheet-title">{props.item.name}</h2>
      <Show when={props.item.description}>
        <p class="guest-sheet-description">{props.item.description}</p>
      </Show>
      <p class="guest-sheet-price">{props.money(props.item.price)}</p>
      <Show when={soldOut()}>
        <p class="guest-notice" role="status">
          {m.guest_sold_out_now()}
        </p>
      </Show>
      <For each={orderedGroups(props.item)}>
        {(group) => (
          <GroupPicker
            group={group}
            chosen={selection()[group.id] ?? []}
            money={props.money}
            missing={tried() && errors().some((e) => e.groupId === group.id)}
            onToggle={(optionId) => setSelection((current) => toggleOption(current, group, optionId))}
          />
        )}
      </For>
      <Show when={props.ordering}>
        <label class="guest-field">
          <span>{m.guest_note_label()}</span>
          <textarea
            rows="2"
            maxLength={maxNoteLength}
            placeholder={m.guest_note_placeholder()}
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </label>
        <Show when={tried() && errors().length > 0}>
          <p class="guest-error" role="alert">
            {m.guest_choose_required()}
          </p>
        </Show>
        <div class="guest-sheet-actions">
          <fieldset class="guest-stepper">
            <legend class="visually-hidden">{m.guest_quantity()}</legend>
            <button type="button" aria-label={m.guest_less()} disabled={qty() <= 1} onClick={() => setQty(qty() - 1)}>
              −
            </button>
            <output aria-live="polite">{qty()}</output>
            <button
              type="button"
              aria-label={m.guest_more()}
              disabled={qty() >= maxQty}
              onClick={() => setQty(qty() + 1)}
            >
              +
            </button>
          </fieldset>
          <button type="button" class="guest-button primary grow" disabled={soldOut()} onClick={add}>
            <span>{m.guest_add_to_order()}</span>
            <span>{props.money(unitPrice(line()) * qty())}</span>
          </button>
        </div>
      </Show>
    </Sheet>
  );
}

function GroupPicker(props: {
  group: GuestGroup;
  chosen: readonly string[];
  money: Money;
  missing: boolean;
  onToggle: (optionId: string) => void;
}) {
  // A required single choice is a radio; an optional one a checkbox that may be cleared (and
  // swapped, like a radio, by toggleOption).
  const single = () => props.group.min_select === 1 && props.group.max_select === 1;
  const rule = () => {
    const { min_select: min, max_select: max } = props.group;
    if (min >= 1 && min === max) return m.guest_rule_exactly({ count: min });
    if (min >= 1) return m.guest_rule_between({ min, max });
    return m.guest_rule_up_to({ max });
  };
  const full = () => props.chosen.length >= props.group.max_select;
  return (
    <fieldset class="guest-group" id={`group-${props.group.id}`} classList={{ missing: props.missing }}>
      <legend>
        <span class="guest-group-name">{props.group.name}</span>
        <span class="guest-group-rule" classList={{ required: props.group.min_select > 0 }}>
          {props.group.min_select > 0 ? m.guest_required() : m.guest_optional()} · {rule()}
        </span>
      </legend>
      <For each={props.group.options}>
        {(option) => {
          const checked = () => props.chosen.includes(option.id);
          const unavailable = () => option.available === false;
          return (
            <label class="guest-option" classList={{ 'sold-out': unavailable() }}>
              <input
                type={single() ? 'radio' : 'checkbox'}
                name={`group-${props.group.id}`}
                checked={checked()}
                disabled={unavailable() || (props.group.max_select > 1 && !checked() && full())}
                onChange={() => props.onToggle(option.id)}
              />
              <span class="guest-option-name">{option.name}</span>
              <span class="guest-option-price">
                <Show when={unavailable()} fallback={option.price_delta ? `+${props.money(option.price_delta)}` : ''}>
                  {m.guest_sold_out()}
                </Show>
              </span>
            </label>
          );
        }}
      </For>
    </fieldset>
  );
}
