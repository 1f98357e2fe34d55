import { createMemo, createSignal, For, Show } from 'solid-js';
import { Dialog } from '#components/ui/dialog.tsx';
import { type Currency, formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import type { MenuData, MenuItem } from '#lib/menu/types.ts';
import { type CartModifier, groupsForItem, unitPrice } from '#lib/orders/cart.ts';
import { describeCartError } from '#lib/orders/cart-errors.ts';
import { checkModifierGroups } from '#lib/orders/validation.ts';
import * as m from '#paraglide/messages.js';

export interface ModifierPickerProps {
  item: MenuItem;
  menu: MenuData;
  money: Currency;
  onAdd: (modifiers: CartModifier[]) => void;
  onClose: () => void;
}

/**
 * Options for one item, group by group: required groups first, each saying how many to choose,
 * prices as deltas. A single-choice group behaves like radio buttons (a tap replaces the choice);
 * "Add" stays refused until every group is within its min and max (the database re-checks).
 */
export function ModifierPicker(props: ModifierPickerProps) {
  const groups = createMemo(() => groupsForItem(props.menu, props.item.id));
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [tried, setTried] = createSignal(false);

  const countByGroup = createMemo(() => {
    const counts = new Map<string, number>();
    for (const { group, options } of groups()) {
      counts.set(group.id, options.filter((option) => chosen().includes(option.id)).length);
    }
    return counts;
  });
  const errors = createMemo(() =>
    checkModifierGroups(
      groups().map((entry) => entry.group),
      countByGroup(),
    ),
  );
  const modifiers = createMemo<CartModifier[]>(() =>
    groups().flatMap(({ group, options }) =>
      options
        .filter((option) => chosen().includes(option.id))
        .map((option) => ({
          optionId: option.id,
          groupId: group.id,
          name: option.name,
          priceDelta: option.price_delta,
        })),
    ),
  );
  const money = (minor: number) => formatMoney(minor, props.money, currentLocale());
  const delta = (minor: number) => (minor === 0 ? '' : `${minor > 0 ? '+' : '−'}${money(Math.abs(minor))}`);

  const toggle = (groupId: string, optionId: string, single: boolean) => {
    const inGroup =
      groups()
        .find((entry) => entry.group.id === groupId)
        ?.options.map((option) => option.id) ?? [];
    setChosen((current) => {
      if (current.includes(optionId)) return current.filter((id) => id !== optionId);
      return single ? [...current.filter((id) => !inGroup.includes(id)), optionId] : [...current, optionId];
    });
  };

  const add = () => {
    setTried(true);
    if (errors().length > 0) return;
    props.onAdd(modifiers());
  };

  return (
    <Dialog open onOpenChange={(open) => !open && props.onClose()} title={props.item.name}>
      <form
        class="pos-picker"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <For each={groups()}>
          {({ group, options }) => {
            const single = group.max_select === 1;
            const error = () => (tried() ? errors().find((entry) => entry.groupId === group.id) : undefined);
            return (
              <fieldset class="pos-picker-group" aria-invalid={error() ? 'true' : undefined}>
                <legend>
                  <span class="pos-picker-name">{group.name}</span>{' '}
                  <span class="pos-picker-rule">
                    {group.min_select > 0
                      ? m.pos_picker_required({ min: group.min_select, max: group.max_select })
                      : m.pos_picker_optional({ max: group.max_select })}
                  </span>
                </legend>
                <div class="pos-picker-options">
                  <For each={options}>
                    {(option) => (
                      <label class="pos-option" classList={{ unavailable: !option.available }}>
                        <input
                          type={single ? 'radio' : 'checkbox'}
                          name={`group-${group.id}`}
                          checked={chosen().includes(option.id)}
                          disabled={!option.available}
                          onClick={() => toggle(group.id, option.id, single)}
                        />
                        <span class="pos-option-name">{option.name}</span>
                        <span class="pos-option-delta">
                          {option.available ? delta(option.price_delta) : m.pos_item_sold_out()}
                        </span>
                      </label>
                    )}
                  </For>
                </div>
                <Show when={error()}>
                  {(shown) => (
                    <p class="field-error" role="alert">
                      {describeCartError(shown().code, shown())}
                    </p>
                  )}
                </Show>
              </fieldset>
            );
          }}
        </For>
        <div class="dialog-actions">
          <button type="button" class="secondary" onClick={() => props.onClose()}>
            {m.common_cancel()}
          </button>
          <button type="submit" class="pos-primary">
            {m.pos_picker_add({ price: money(unitPrice({ basePrice: props.item.price, modifiers: modifiers() })) })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
