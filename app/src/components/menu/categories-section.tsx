import { createEffect, createSignal, Show } from 'solid-js';
import { FocusFirstField } from '#components/menu/focus-first-field.tsx';
import { AvailabilityBadge, actionsTriggerId, rowActions } from '#components/menu/item-row.tsx';
import { useMenuEditor } from '#components/menu/menu-context.tsx';
import { confirmAction } from '#components/ui/confirm.tsx';
import { Field } from '#components/ui/field.tsx';
import { FormActions } from '#components/ui/form-parts.tsx';
import { Menu } from '#components/ui/menu.tsx';
import { isConnectionFailure, NeedsConnection, useOnline } from '#components/ui/needs-connection.tsx';
import { ReorderableList, type RowControls } from '#components/ui/reorderable-list.tsx';
import { availabilityOf } from '#lib/menu/browse.ts';
import { refreshMenu, setAvailability } from '#lib/menu/cache.ts';
import { addCategory, deleteCategory, updateCategory } from '#lib/menu/commands.ts';
import { describeAdminFieldError, describeMenuError } from '#lib/menu/errors.ts';
import { nextPosition } from '#lib/menu/reorder.ts';
import type { MenuCategory } from '#lib/menu/types.ts';
import { checkName } from '#lib/menu/validation.ts';
import * as m from '#paraglide/messages.js';

/** Categories: add, rename, reorder, delete, and switch all of a category's items on or off. */
export function CategoriesSection() {
  const editor = useMenuEditor();
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const online = useOnline();

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const invalid = checkName(name(), 80);
    setError(invalid && describeAdminFieldError(invalid));
    if (invalid) return;
    setBusy(true);
    const result = await addCategory({
      restaurant_id: editor.restaurantId,
      name: name().trim(),
      position: nextPosition(editor.menu().categories),
    });
    setBusy(false);
    if (!result.ok) return setError(isConnectionFailure(result.failure) ? null : describeMenuError(result.failure));
    setName('');
    await refreshMenu(editor.restaurantId);
  };

  return (
    <section class="admin-section" aria-labelledby="menu-categories-title">
      <h2 id="menu-categories-title">{m.admin_menu_categories_title()}</h2>
      <form class="inline-form" onSubmit={add} noValidate aria-busy={busy()}>
        <Field
          id="menu-new-category"
          label={m.admin_menu_category_name()}
          value={name()}
          maxLength={80}
          onInput={(e) => setName(e.currentTarget.value)}
          error={error()}
        />
        <button type="submit" disabled={busy() || !online()} aria-describedby="menu-new-category-offline">
          {m.admin_menu_category_add()}
        </button>
        <NeedsConnection id="menu-new-category-offline" />
      </form>
      <Show
        when={editor.menu().categories.length > 0}
        fallback={<p class="notice subtle">{m.admin_menu_categories_empty()}</p>}
      >
        <ReorderableList
          items={editor.menu().categories}
          label={m.admin_menu_categories_title()}
          nameOf={(category) => category.name}
          moveButtons={false}
          onReorder={(ordered) => void editor.reorder('categories', ordered)}
        >
          {(category, controls) => <CategoryRow category={category} controls={controls} />}
        </ReorderableList>
      </Show>
    </section>
  );
}

function CategoryRow(props: { category: MenuCategory; controls: RowControls }) {
  const editor = useMenuEditor();
  const [renaming, setRenaming] = createSignal(false);
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const items = () => editor.menu().items.filter((item) => item.category_id === props.category.id);
  const availability = () => availabilityOf(items());
  const fieldId = () => `menu-category-${props.category.id}`;

  const rename = async (event: SubmitEvent) => {
    event.preventDefault();
    const invalid = checkName(name(), 80);
    setError(invalid && describeAdminFieldError(invalid));
    if (invalid) return;
    const result = await updateCategory(props.category.id, { name: name().trim() });
    if (!result.ok) return setError(describeMenuError(result.failure));
    await refreshMenu(editor.restaurantId);
    close();
  };
  /** Back to the row, focus on its "⋯" button where the rename started. */
  const close = () => {
    setRenaming(false);
    document.getElementById(actionsTriggerId('category', props.category.id))?.focus();
  };
  const startRename = () => {
    setName(props.category.name);
    setError(null);
    setRenaming(true);
  };

  const remove = async () => {
    const title = m.admin_menu_category_delete_confirm({ name: props.category.name });
    if (!(await confirmAction({ title, confirmText: m.common_delete(), tone: 'danger' }))) return;
    const result = await deleteCategory(props.category.id);
    if (!result.ok) editor.showError(result.failure);
    await refreshMenu(editor.restaurantId);
  };

  const toggleAll = async (available: boolean) => {
    const outcome = await setAvailability(
      editor.restaurantId,
      'menu_items',
      items().map((item) => item.id),
      available,
    );
    if (!outcome.ok) editor.showError(m.admin_menu_storage_error());
  };

  return (
    <Show
      when={renaming()}
      fallback={
        <div class="row-line">
          <span class="row-name">
            <strong>{props.category.name}</strong>
            <span class="row-meta">{m.admin_menu_category_item_count({ count: items().length })}</span>
            <AvailabilityBadge availability={availability()} />
          </span>
          <Show when={items().length > 0}>
            <label class="check">
              <input
                type="checkbox"
                checked={availability().state === 'all'}
                // Some on, some off: neither ticked nor empty, the badge beside it says how many.
                ref={(input) => createEffect(() => (input.indeterminate = availability().state === 'partial'))}
                onChange={(e) => void toggleAll(e.currentTarget.checked)}
              />
              {m.admin_menu_category_available()}
              <span class="visually-hidden"> — {props.category.name}</span>
            </label>
          </Show>
          <Menu
            trigger={<span aria-hidden="true">⋯</span>}
            triggerClass="icon"
            triggerId={actionsTriggerId('category', props.category.id)}
            label={m.admin_menu_actions_named({ name: props.category.name })}
            actions={rowActions(
              [
                { label: m.admin_menu_rename(), onSelect: startRename },
                {
                  label: m.admin_menu_translations(),
                  onSelect: () =>
                    editor.translate({ entity: 'category', id: props.category.id, name: props.category.name }),
                },
                { label: m.common_delete(), tone: 'danger', onSelect: () => void remove() },
              ],
              props.controls,
            )}
          />
        </div>
      }
    >
      <FocusFirstField>
        <form class="inline-form" onSubmit={rename} noValidate>
          <Field
            id={fieldId()}
            label={m.admin_menu_category_new_name()}
            value={name()}
            maxLength={80}
            onInput={(e) => setName(e.currentTarget.value)}
            error={error()}
            autofocus
          />
          <FormActions submitText={m.common_save()} onCancel={close} />
        </form>
      </FocusFirstField>
    </Show>
  );
}
