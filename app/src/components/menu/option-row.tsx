import { createSignal, Show } from 'solid-js';
import { FocusFirstField } from '#components/menu/focus-first-field.tsx';
import { actionsTriggerId, rowActions } from '#components/menu/item-row.tsx';
import { useMenuEditor } from '#components/menu/menu-context.tsx';
import { OptionForm } from '#components/menu/option-form.tsx';
import { Menu } from '#components/ui/menu.tsx';
import type { RowControls } from '#components/ui/reorderable-list.tsx';
import { formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { refreshMenu, setAvailability } from '#lib/menu/cache.ts';
import { deleteOption, updateOption } from '#lib/menu/commands.ts';
import type { OptionValues } from '#lib/menu/option-values.ts';
import { currencyOf } from '#lib/menu/price.ts';
import type { ModifierOption } from '#lib/menu/types.ts';
import * as m from '#paraglide/messages.js';

/** One option of a modifier group: its price change, availability, and edit / delete. */
export function OptionRow(props: { option: ModifierOption; controls: RowControls }) {
  const editor = useMenuEditor();
  const [editing, setEditing] = createSignal(false);

  const toggle = async (available: boolean) => {
    const outcome = await setAvailability(editor.restaurantId, 'modifier_options', [props.option.id], available);
    if (!outcome.ok) editor.showError(m.admin_menu_storage_error());
  };
  // Online like the other forms: a rename or new price is checked by the database while the
  // person is still looking at the form, rather than refused later from the outbox.
  const save = async (values: OptionValues) => {
    const result = await updateOption(props.option.id, { ...values });
    await refreshMenu(editor.restaurantId);
    if (result.ok) close();
    return result;
  };
  /** Back to the row, focus on its "⋯" button where the edit started. */
  const close = () => {
    setEditing(false);
    document.getElementById(actionsTriggerId('option', props.option.id))?.focus();
  };
  const remove = async () => {
    const result = await deleteOption(props.option.id);
    if (!result.ok) editor.showError(result.failure);
    await refreshMenu(editor.restaurantId);
  };

  return (
    <Show
      when={editing()}
      fallback={
        <div class="row-line" classList={{ unavailable: !props.option.available }}>
          <span class="row-name">{props.option.name}</span>
          <span class="row-meta">
            {props.option.price_delta > 0 ? '+' : ''}
            {formatMoney(props.option.price_delta, currencyOf(editor.money), currentLocale())}
          </span>
          <label class="check">
            <input
              type="checkbox"
              checked={props.option.available}
              onChange={(e) => void toggle(e.currentTarget.checked)}
            />
            {m.admin_menu_item_available()}
            <span class="visually-hidden"> — {props.option.name}</span>
          </label>
          <Menu
            trigger={<span aria-hidden="true">⋯</span>}
            triggerClass="icon"
            triggerId={actionsTriggerId('option', props.option.id)}
            label={m.admin_menu_actions_named({ name: props.option.name })}
            actions={rowActions(
              [
                { label: m.common_edit(), onSelect: () => setEditing(true) },
                {
                  label: m.admin_menu_translations(),
                  onSelect: () =>
                    editor.translate({ entity: 'modifier_option', id: props.option.id, name: props.option.name }),
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
        <OptionForm
          idPrefix={`option-${props.option.id}-edit`}
          label={m.admin_menu_option_edit_named({ name: props.option.name })}
          initial={{ name: props.option.name, price_delta: props.option.price_delta }}
          submitText={m.common_save()}
          onSave={save}
          onCancel={close}
        />
      </FocusFirstField>
    </Show>
  );
}
