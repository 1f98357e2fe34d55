import { createSignal, For, lazy, Show, Suspense } from 'solid-js';
import { useMenuEditor } from '#components/menu/menu-context.tsx';
import { ReorderableList } from '#components/ui/reorderable-list.tsx';
import { formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { setAvailability } from '#lib/menu/cache.ts';
import { itemImageUrl } from '#lib/menu/item-image.ts';
import { currencyOf } from '#lib/menu/price.ts';
import type { MenuItem } from '#lib/menu/types.ts';
import * as m from '#paraglide/messages.js';

// The editor (form, photo resizing, upload) is fetched when someone opens it, not with the list.
const ItemEditor = lazy(() =>
  import('#components/menu/item-editor.tsx').then((module) => ({ default: module.ItemEditor })),
);

type Editing = { item: MenuItem | null; categoryId: string | null } | null;

/** Items grouped by category, each group reorderable, with availability switches and the editor. */
export function ItemsSection() {
  const editor = useMenuEditor();
  const [editing, setEditing] = createSignal<Editing>(null);
  const groups = () => {
    const { categories, items } = editor.menu();
    const known = new Set(categories.map((c) => c.id));
    const sections = categories.map((c) => ({
      id: c.id,
      name: c.name,
      items: items.filter((i) => i.category_id === c.id),
    }));
    const loose = items.filter((i) => !i.category_id || !known.has(i.category_id));
    return loose.length > 0 ? [...sections, { id: '', name: m.admin_menu_no_category(), items: loose }] : sections;
  };

  return (
    <section class="admin-section" aria-labelledby="menu-items-title">
      <h2 id="menu-items-title">{m.admin_menu_items_title()}</h2>
      <Show
        when={editing()}
        keyed
        fallback={
          <button
            type="button"
            onClick={() => setEditing({ item: null, categoryId: editor.menu().categories[0]?.id ?? null })}
          >
            {m.admin_menu_item_add()}
          </button>
        }
      >
        {(state) => (
          <Suspense fallback={<p class="loading">{m.common_loading()}</p>}>
            <ItemEditor item={state.item} defaultCategoryId={state.categoryId} onDone={() => setEditing(null)} />
          </Suspense>
        )}
      </Show>
      <Show when={editor.menu().items.length > 0} fallback={<p class="notice subtle">{m.admin_menu_items_empty()}</p>}>
        <For each={groups()}>
          {(group) => (
            <div class="item-group">
              <h3>{group.name}</h3>
              <Show
                when={group.items.length > 0}
                fallback={<p class="field-hint">{m.admin_menu_category_no_items()}</p>}
              >
                <ReorderableList
                  items={group.items}
                  label={m.admin_menu_items_in({ name: group.name })}
                  nameOf={(item) => item.name}
                  onReorder={(ordered) => void editor.reorder('items', ordered)}
                >
                  {(item) => <ItemRow item={item} onEdit={() => setEditing({ item, categoryId: item.category_id })} />}
                </ReorderableList>
              </Show>
            </div>
          )}
        </For>
      </Show>
    </section>
  );
}

function ItemRow(props: { item: MenuItem; onEdit: () => void }) {
  const editor = useMenuEditor();
  const groupCount = () => editor.menu().links.filter((link) => link.item_id === props.item.id).length;
  const toggle = async (available: boolean) => {
    const outcome = await setAvailability(editor.restaurantId, 'menu_items', [props.item.id], available);
    if (!outcome.ok) editor.showError(m.admin_menu_storage_error());
  };
  return (
    <div class="row-line" classList={{ unavailable: !props.item.available }}>
      <Show when={props.item.image_path} fallback={<span class="thumb placeholder" aria-hidden="true" />}>
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
      <label class="check">
        <input type="checkbox" checked={props.item.available} onChange={(e) => void toggle(e.currentTarget.checked)} />
        {m.admin_menu_item_available()}
        <span class="visually-hidden"> — {props.item.name}</span>
      </label>
      <button
        type="button"
        class="secondary"
        aria-label={m.common_edit_named({ name: props.item.name })}
        onClick={props.onEdit}
      >
        {m.common_edit()}
      </button>
    </div>
  );
}
