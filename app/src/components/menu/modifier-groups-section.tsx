import { createSignal, Show } from 'solid-js';
import { formatMoney } from '../../lib/format/money.ts';
import { currentLocale } from '../../lib/i18n/locale.ts';
import { refreshMenu, setAvailability } from '../../lib/menu/cache.ts';
import { deleteRow, insertRow, updateRow } from '../../lib/menu/mutations.ts';
import { currencyOf, readPrice } from '../../lib/menu/price.ts';
import { nextPosition } from '../../lib/menu/reorder.ts';
import type { ModifierGroup, ModifierOption } from '../../lib/menu/types.ts';
import { checkName } from '../../lib/menu/validation.ts';
import * as m from '../../paraglide/messages.js';
import { Field } from '../field.tsx';
import { GroupForm, type GroupValues } from './group-form.tsx';
import { useMenuEditor } from './menu-context.tsx';
import { ReorderableList } from './reorderable-list.tsx';

/** Modifier groups ("Sauce: pick 1", "Extras: up to 3") and their options with price changes. */
export function ModifierGroupsSection() {
  const editor = useMenuEditor();
  const add = async (values: GroupValues) => {
    const result = await insertRow<ModifierGroup>('modifier_groups', {
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
        onReorder={(ordered) => void editor.reorder('groups', ordered)}
      >
        {(group) => <GroupCard group={group} />}
      </ReorderableList>
    </section>
  );
}

function GroupCard(props: { group: ModifierGroup }) {
  const editor = useMenuEditor();
  const [editing, setEditing] = createSignal(false);
  const options = () => editor.menu().options.filter((option) => option.group_id === props.group.id);
  const save = async (values: GroupValues) => {
    const result = await updateRow<ModifierGroup>('modifier_groups', props.group.id, { ...values });
    await refreshMenu(editor.restaurantId);
    if (result.ok) setEditing(false);
    return result;
  };
  const remove = async () => {
    if (!confirm(m.admin_menu_group_delete_confirm({ name: props.group.name }))) return;
    const result = await deleteRow('modifier_groups', props.group.id);
    if (!result.ok) editor.showError(result.error);
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
            <div class="actions">
              <button
                type="button"
                class="secondary"
                aria-label={m.admin_menu_edit_named({ name: props.group.name })}
                onClick={() => setEditing(true)}
              >
                {m.admin_menu_edit()}
              </button>
              <button
                type="button"
                class="secondary danger"
                aria-label={m.admin_menu_delete_named({ name: props.group.name })}
                onClick={() => void remove()}
              >
                {m.admin_menu_delete()}
              </button>
            </div>
          </div>
        }
      >
        <GroupForm
          idPrefix={`group-${props.group.id}`}
          initial={props.group}
          submitLabel={m.admin_menu_save()}
          onSave={save}
          onCancel={() => setEditing(false)}
        />
      </Show>
      <ReorderableList
        items={options()}
        label={m.admin_menu_options_of({ name: props.group.name })}
        nameOf={(option) => option.name}
        onReorder={(ordered) => void editor.reorder('options', ordered)}
      >
        {(option) => <OptionRow option={option} />}
      </ReorderableList>
      <OptionForm group={props.group} />
    </article>
  );
}

function OptionRow(props: { option: ModifierOption }) {
  const editor = useMenuEditor();
  const toggle = async (available: boolean) => {
    const outcome = await setAvailability(editor.restaurantId, 'modifier_options', [props.option.id], available);
    if (!outcome.ok) editor.showError(m.admin_menu_storage_error());
  };
  const remove = async () => {
    const result = await deleteRow('modifier_options', props.option.id);
    if (!result.ok) editor.showError(result.error);
    await refreshMenu(editor.restaurantId);
  };
  return (
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
      <button
        type="button"
        class="secondary danger"
        aria-label={m.admin_menu_delete_named({ name: props.option.name })}
        onClick={() => void remove()}
      >
        {m.admin_menu_delete()}
      </button>
    </div>
  );
}

function OptionForm(props: { group: ModifierGroup }) {
  const editor = useMenuEditor();
  const [name, setName] = createSignal('');
  const [delta, setDelta] = createSignal('');
  const [errors, setErrors] = createSignal<{ name?: string; price_delta?: string; form?: string }>({});
  const prefix = `option-${props.group.id}`;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const nameError = checkName(name(), 80);
    const parsed = readPrice(delta(), editor.money, currentLocale(), 'delta');
    setErrors({ name: nameError ?? undefined, price_delta: parsed.ok ? undefined : parsed.message });
    if (nameError || !parsed.ok) return;
    const result = await insertRow<ModifierOption>('modifier_options', {
      restaurant_id: editor.restaurantId,
      group_id: props.group.id,
      name: name().trim(),
      price_delta: parsed.minor,
      position: nextPosition(editor.menu().options.filter((o) => o.group_id === props.group.id)),
    });
    await refreshMenu(editor.restaurantId);
    if (!result.ok) {
      const field = result.error.field === 'name' || result.error.field === 'price_delta' ? result.error.field : 'form';
      return setErrors({ [field]: result.error.message });
    }
    setName('');
    setDelta('');
  };
  return (
    <form
      class="inline-form"
      onSubmit={submit}
      noValidate
      aria-label={m.admin_menu_option_add_to({ name: props.group.name })}
    >
      <Show when={errors().form}>
        <p class="notice error" role="alert">
          {errors().form}
        </p>
      </Show>
      <Field
        id={`${prefix}-name`}
        label={m.admin_menu_option_name()}
        value={name()}
        maxLength={80}
        onInput={(e) => setName(e.currentTarget.value)}
        error={errors().name}
      />
      <Field
        id={`${prefix}-delta`}
        label={m.admin_menu_option_price({ currency: editor.money.currency })}
        inputmode="decimal"
        autocomplete="off"
        value={delta()}
        onInput={(e) => setDelta(e.currentTarget.value)}
        error={errors().price_delta}
        hint={m.admin_menu_option_price_hint()}
      />
      <button type="submit" aria-label={m.admin_menu_option_add_to({ name: props.group.name })}>
        {m.admin_menu_option_add()}
      </button>
    </form>
  );
}
