import { createSignal, Show } from 'solid-js';
import { FocusFirstField } from '#components/menu/focus-first-field.tsx';
import { GroupForm, type GroupValues } from '#components/menu/group-form.tsx';
import { actionsTriggerId, rowActions } from '#components/menu/item-row.tsx';
import { useMenuEditor } from '#components/menu/menu-context.tsx';
import { OptionForm } from '#components/menu/option-form.tsx';
import { OptionRow } from '#components/menu/option-row.tsx';
import { confirmAction } from '#components/ui/confirm.tsx';
import { Menu } from '#components/ui/menu.tsx';
import { ReorderableList, type RowControls } from '#components/ui/reorderable-list.tsx';
import { refreshMenu } from '#lib/menu/cache.ts';
import { addGroup, addOption as addOptionRow, deleteGroup, updateGroup } from '#lib/menu/commands.ts';
import type { OptionValues } from '#lib/menu/option-values.ts';
import { nextPosition } from '#lib/menu/reorder.ts';
import type { ModifierGroup } from '#lib/menu/types.ts';
import * as m from '#paraglide/messages.js';

/** Modifier groups ("Sauce: pick 1", "Extras: up to 3") and their options with price changes. */
export function ModifierGroupsSection() {
  const editor = useMenuEditor();
  const add = async (values: GroupValues) => {
    const result = await addGroup({
      ...values,
      restaurant_id: editor.restaurantId,
      position: nextPosition(editor.menu().groups),
    });
    await refreshMenu(editor.restaurantId);
    return result;
  };
  return (
    <section class="admin-section" aria-labelledby="menu-groups-title">
      <h2 id="menu-groups-title">{m.admin_menu_groups_title()}</h2>
      <p class="field-hint">{m.admin_menu_groups_intro()}</p>
      <GroupForm idPrefix="menu-new-group" submitLabel={m.admin_menu_group_add()} onSave={add} />
      <ReorderableList
        items={editor.menu().groups}
        label={m.admin_menu_groups_title()}
        nameOf={(group) => group.name}
        moveButtons={false}
        onReorder={(ordered) => void editor.reorder('groups', ordered)}
      >
        {(group, controls) => <GroupCard group={group} controls={controls} />}
      </ReorderableList>
    </section>
  );
}

function GroupCard(props: { group: ModifierGroup; controls: RowControls }) {
  const editor = useMenuEditor();
  const [editing, setEditing] = createSignal(false);
  const options = () => editor.menu().options.filter((option) => option.group_id === props.group.id);
  const save = async (values: GroupValues) => {
    const result = await updateGroup(props.group.id, { ...values });
    await refreshMenu(editor.restaurantId);
    if (result.ok) close();
    return result;
  };
  /** Back to the card, focus on its "⋯" button where the edit started. */
  const close = () => {
    setEditing(false);
    document.getElementById(actionsTriggerId('group', props.group.id))?.focus();
  };
  const addOption = async (values: OptionValues) => {
    const result = await addOptionRow({
      ...values,
      restaurant_id: editor.restaurantId,
      group_id: props.group.id,
      position: nextPosition(options()),
    });
    await refreshMenu(editor.restaurantId);
    return result;
  };
  const remove = async () => {
    const title = m.admin_menu_group_delete_confirm({ name: props.group.name });
    if (!(await confirmAction({ title, confirmText: m.common_delete(), tone: 'danger' }))) return;
    const result = await deleteGroup(props.group.id);
    if (!result.ok) editor.showError(result.failure);
    await refreshMenu(editor.restaurantId);
  };
  return (
    <article class="group-card" aria-label={props.group.name}>
      <Show
        when={editing()}
        fallback={
          <div class="row-line">
            <strong class="row-name">{props.group.name}</strong>
            <span class="row-meta">
              {m.admin_menu_group_rule({ min: props.group.min_select, max: props.group.max_select })}
            </span>
            <Menu
              trigger={<span aria-hidden="true">⋯</span>}
              triggerClass="icon"
              triggerId={actionsTriggerId('group', props.group.id)}
              label={m.admin_menu_actions_named({ name: props.group.name })}
              actions={rowActions(
                [
                  { label: m.common_edit(), onSelect: () => setEditing(true) },
                  {
                    label: m.admin_menu_translations(),
                    onSelect: () =>
                      editor.translate({ entity: 'modifier_group', id: props.group.id, name: props.group.name }),
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
          <GroupForm
            idPrefix={`group-${props.group.id}`}
            initial={props.group}
            submitLabel={m.common_save()}
            onSave={save}
            onCancel={close}
          />
        </FocusFirstField>
      </Show>
      <ReorderableList
        items={options()}
        label={m.admin_menu_options_of({ name: props.group.name })}
        nameOf={(option) => option.name}
        moveButtons={false}
        onReorder={(ordered) => void editor.reorder('options', ordered)}
      >
        {(option, controls) => <OptionRow option={option} controls={controls} />}
      </ReorderableList>
      <OptionForm
        idPrefix={`option-${props.group.id}`}
        label={m.admin_menu_option_add_to({ name: props.group.name })}
        submitText={m.admin_menu_option_add()}
        submitName={m.admin_menu_option_add_to({ name: props.group.name })}
        onSave={addOption}
      />
    </article>
  );
}
