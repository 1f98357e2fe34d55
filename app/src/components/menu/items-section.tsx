import { createSignal, For, type JSX, lazy, Show, Suspense } from 'solid-js';
import { FocusFirstField } from '#components/menu/focus-first-field.tsx';
import { AvailabilityBadge, actionsTriggerId, ItemRow } from '#components/menu/item-row.tsx';
import { ItemsToolbar } from '#components/menu/items-toolbar.tsx';
import { useMenuEditor } from '#components/menu/menu-context.tsx';
import { ReorderableList } from '#components/ui/reorderable-list.tsx';
import {
  availabilityOf,
  type FoldStore,
  groupItems,
  type ItemGroup,
  loadFolded,
  saveFolded,
  searchItems,
  toggleFolded,
} from '#lib/menu/browse.ts';
import type { MenuItem } from '#lib/menu/types.ts';
import * as m from '#paraglide/messages.js';

// The editor (form, photo resizing, upload) is fetched when someone opens it, not with the list.
const ItemEditor = lazy(() =>
  import('#components/menu/item-editor.tsx').then((module) => ({
    default: (props: Parameters<typeof module.ItemEditor>[0]) => (
      <FocusFirstField>
        <module.ItemEditor {...props} />
      </FocusFirstField>
    ),
  })),
);

type Editing = { item: MenuItem | null; categoryId: string | null } | null;

const addButtonId = 'menu-item-add';
const groupAnchor = (id: string) => `menu-group-${id || 'none'}`;
const foldButtonId = (id: string) => `menu-fold-${id || 'none'}`;

/** Where this device keeps its folds; absent (private mode, tests in Node) the folds last the visit. */
function foldStore(): FoldStore | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Items under their categories: a search narrowing them as one types, categories that fold (the
 * folds remembered on this device) and a row of category buttons to jump to one, each item with
 * its availability switch and a "⋯" menu (edit, move up/down); rows also move by dragging.
 */
export function ItemsSection() {
  const editor = useMenuEditor();
  const store = foldStore();
  const [editing, setEditing] = createSignal<Editing>(null);
  const [query, setQuery] = createSignal('');
  const [folded, setFolded] = createSignal(loadFolded(store, editor.restaurantId));
  const groups = () => groupItems(editor.menu().categories, editor.menu().items, m.admin_menu_no_category());
  const shown = () => searchItems(groups(), query());
  const searching = () => query().trim() !== '';
  // A search shows every match, folded or not; folds come back when it is cleared.
  const isOpen = (id: string) => searching() || !folded().has(id);

  const setFold = (id: string, open: boolean) => {
    if (isOpen(id) === open) return;
    const next = toggleFolded(folded(), id);
    setFolded(next);
    saveFolded(
      store,
      editor.restaurantId,
      next,
      groups().map((group) => group.id),
    );
  };
  const jump = (id: string) => {
    setFold(id, true);
    document.getElementById(groupAnchor(id))?.scrollIntoView({ block: 'start' });
    document.getElementById(foldButtonId(id))?.focus({ preventScroll: true });
  };
  /** Closes the form and gives focus back to what opened it (once the list has drawn it again). */
  const closeEditor = (focusId: string) => {
    setEditing(null);
    requestAnimationFrame(() => (document.getElementById(focusId) ?? document.getElementById(addButtonId))?.focus());
  };
  const editorFor = (state: NonNullable<Editing>, focusId: string) => (
    <Suspense fallback={<p class="loading">{m.common_loading()}</p>}>
      <ItemEditor item={state.item} defaultCategoryId={state.categoryId} onDone={() => closeEditor(focusId)} />
    </Suspense>
  );

  return (
    <section class="admin-section" aria-labelledby="menu-items-title">
      <h2 id="menu-items-title">{m.admin_menu_items_title()}</h2>
      <Show
        when={editing()?.item === null ? editing() : null}
        keyed
        fallback={
          <button
            type="button"
            id={addButtonId}
            onClick={() => setEditing({ item: null, categoryId: editor.menu().categories[0]?.id ?? null })}
          >
            {m.admin_menu_item_add()}
          </button>
        }
      >
        {(state) => editorFor(state, addButtonId)}
      </Show>
      <Show when={editor.menu().items.length > 0} fallback={<p class="notice subtle">{m.admin_menu_items_empty()}</p>}>
        <ItemsToolbar
          query={query()}
          onQuery={setQuery}
          groups={groups()}
          onJump={jump}
          jumpable={(id) => shown().some((group) => group.id === id)}
        />
        <Show
          when={shown().length > 0}
          fallback={<p class="notice subtle">{m.admin_menu_search_none({ query: query() })}</p>}
        >
          <For each={shown()}>
            {(group) => (
              <ItemGroupBlock
                group={group}
                allItems={groups().find((g) => g.id === group.id)?.items ?? group.items}
                open={isOpen(group.id)}
                searching={searching()}
                onFold={() => setFold(group.id, !isOpen(group.id))}
                editingId={editing()?.item?.id ?? null}
                onEdit={(item) => setEditing({ item, categoryId: item.category_id })}
                renderEditor={(item) =>
                  editorFor({ item, categoryId: item.category_id }, actionsTriggerId('item', item.id))
                }
              />
            )}
          </For>
        </Show>
      </Show>
    </section>
  );
}

function ItemGroupBlock(props: {
  group: ItemGroup;
  /** The category's items before any search: its availability and order are theirs. */
  allItems: MenuItem[];
  open: boolean;
  searching: boolean;
  onFold: () => void;
  editingId: string | null;
  onEdit: (item: MenuItem) => void;
  renderEditor: (item: MenuItem) => JSX.Element;
}) {
  const editor = useMenuEditor();
  const listId = () => `${groupAnchor(props.group.id)}-list`;
  return (
    <div class="item-group" id={groupAnchor(props.group.id)}>
      <div class="item-group-head">
        <h3>
          <button
            type="button"
            class="fold-button"
            id={foldButtonId(props.group.id)}
            aria-expanded={props.open}
            aria-controls={listId()}
            onClick={() => props.onFold()}
            title={m.admin_menu_fold_named({ name: props.group.name })}
          >
            <span class="fold-icon" aria-hidden="true">
              {props.open ? '▾' : '▸'}
            </span>
            <span class="fold-name">{props.group.name}</span>
            <span class="row-meta">{m.admin_menu_category_item_count({ count: props.allItems.length })}</span>
          </button>
        </h3>
        <AvailabilityBadge availability={availabilityOf(props.allItems)} />
      </div>
      <Show when={props.open}>
        <div id={listId()}>
          <Show when={props.group.items.length === 0}>
            <p class="field-hint">{m.admin_menu_category_no_items()}</p>
          </Show>
          <ReorderableList
            items={props.group.items}
            label={m.admin_menu_items_in({ name: props.group.name })}
            nameOf={(item) => item.name}
            moveButtons={false}
            reorderable={!props.searching && props.editingId === null}
            onReorder={(ordered) => void editor.reorder('items', ordered)}
          >
            {(item, controls) => (
              <Show
                when={props.editingId === item.id}
                fallback={<ItemRow item={item} controls={controls} onEdit={() => props.onEdit(item)} />}
              >
                {props.renderEditor(item)}
              </Show>
            )}
          </ReorderableList>
        </div>
      </Show>
    </div>
  );
}
