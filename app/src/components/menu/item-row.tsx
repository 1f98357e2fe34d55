import { Show } from 'solid-js';
import { useMenuEditor } from '#components/menu/menu-context.tsx';
import { Menu, type MenuAction } from '#components/ui/menu.tsx';
import type { RowControls } from '#components/ui/reorderable-list.tsx';
import { formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import type { Availability } from '#lib/menu/browse.ts';
import { setAvailability } from '#lib/menu/cache.ts';
import { itemImageUrl } from '#lib/menu/item-image.ts';
import { currencyOf } from '#lib/menu/price.ts';
import type { MenuItem } from '#lib/menu/types.ts';
import * as m from '#paraglide/messages.js';

/** The id of a row's "⋯" button, where focus goes back after its form closes. */
export const actionsTriggerId = (kind: string, id: string) => `menu-${kind}-actions-${id}`;

/** A row's overflow actions: what the row offers first, then the moves it can make. */
export function rowActions(own: MenuAction[], controls: RowControls): MenuAction[] {
  const moves: MenuAction[] = [];
  const { moveUp, moveDown } = controls;
  if (moveUp) moves.push({ label: m.admin_menu_move_up_short(), onSelect: moveUp });
  if (moveDown) moves.push({ label: m.admin_menu_move_down_short(), onSelect: moveDown });
  return [...own, ...moves];
}

/** A category's partial or missing availability, in colour and words; nothing when all can be ordered. */
export function AvailabilityBadge(props: { availability: Availability }) {
  const words = () => {
    const a = props.availability;
    if (a.state === 'partial') return m.admin_menu_availability_partial({ unavailable: a.unavailable, total: a.total });
    if (a.state === 'none') return m.admin_menu_availability_none();
    return null;
  };
  return (
    <Show when={words()}>
      {(text) => (
        <span class="availability-badge" data-state={props.availability.state}>
          {text()}
        </span>
      )}
    </Show>
  );
}

/** One item: photo, name, price and station, its availability switch and a "⋯" menu. */
export function ItemRow(props: { item: MenuItem; controls: RowControls; onEdit: () => void }) {
  const editor = useMenuEditor();
  const groupCount = () => editor.menu().links.filter((link) => link.item_id === props.item.id).length;
  const toggle = async (available: boolean) => {
    const outcome = await setAvailability(editor.restaurantId, 'menu_items', [props.item.id], available);
    if (!outcome.ok) editor.showError(m.admin_menu_storage_error());
  };
  return (
    <div class="menu-item-row" classList={{ unavailable: !props.item.available }}>
      {/* No grey square for a dish without a photo: on a phone its name needs the room. */}
      <Show when={props.item.image_path}>
        {(path) => (
          <img
            class="thumb"
            src={itemImageUrl(path())}
            alt={m.admin_menu_photo_alt({ name: props.item.name })}
            loading="lazy"
          />
        )}
      </Show>
      <span class="row-name">
        <strong>{props.item.name}</strong>
        <span class="row-meta">
          {formatMoney(props.item.price, currencyOf(editor.money), currentLocale())} · {props.item.station}
          <Show when={groupCount() > 0}> · {m.admin_menu_item_group_count({ count: groupCount() })}</Show>
        </span>
      </span>
      <label class="check item-available">
        <input type="checkbox" checked={props.item.available} onChange={(e) => void toggle(e.currentTarget.checked)} />
        {m.admin_menu_item_available()}
        <span class="visually-hidden"> — {props.item.name}</span>
      </label>
      <span class="item-more">
        <Menu
          trigger={<span aria-hidden="true">⋯</span>}
          triggerClass="icon"
          triggerId={actionsTriggerId('item', props.item.id)}
          label={m.admin_menu_actions_named({ name: props.item.name })}
          actions={rowActions(
            [
              { label: m.common_edit(), onSelect: props.onEdit },
              {
                label: m.admin_menu_translations(),
                onSelect: () =>
                  editor.translate({
                    entity: 'item',
                    id: props.item.id,
                    name: props.item.name,
                    description: props.item.description,
                  }),
              },
            ],
            props.controls,
          )}
        />
      </span>
    </div>
  );
}
