import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { useMenuEditor } from '#components/menu/menu-context.tsx';
import { type PhotoChoice, PhotoPicker } from '#components/menu/photo-picker.tsx';
import { confirmAction } from '#components/ui/confirm.tsx';
import { Field } from '#components/ui/field.tsx';
import { FormError } from '#components/ui/form-parts.tsx';
import { isConnectionFailure, NeedsConnection, useOnline } from '#components/ui/needs-connection.tsx';
import { SelectField } from '#components/ui/select-field.tsx';
import type { DbFailure } from '#lib/db.ts';
import { fieldErrorFor } from '#lib/field-errors.ts';
import { formatMoneyForInput } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { refreshMenu } from '#lib/menu/cache.ts';
import { describeAdminFieldError, describeMenuError } from '#lib/menu/errors.ts';
import { currencyOf, readPrice } from '#lib/menu/price.ts';
import { nextPosition } from '#lib/menu/reorder.ts';
import { deleteItem, saveItem } from '#lib/menu/save-item.ts';
import type { MenuItem } from '#lib/menu/types.ts';
import { checkName } from '#lib/menu/validation.ts';
import { stationChoices } from '#lib/stations/coverage.ts';
import { stationsQueryOptions } from '#lib/stations/queries.ts';
import * as m from '#paraglide/messages.js';

const itemFields = ['name', 'description', 'price', 'station', 'category_id', 'photo', 'groups'] as const;
type FieldName = (typeof itemFields)[number] | 'form';

export interface ItemEditorProps {
  /** The item to edit, or null to create one (in `defaultCategoryId`). */
  item: MenuItem | null;
  defaultCategoryId: string | null;
  onDone: () => void;
}

/** The item form: every field validated before anything is sent, database refusals shown in place. */
export function ItemEditor(props: ItemEditorProps) {
  const editor = useMenuEditor();
  const currency = currencyOf(editor.money);
  const item = props.item;
  const currentGroupIds = item
    ? editor
        .menu()
        .links.filter((link) => link.item_id === item.id)
        .map((link) => link.group_id)
    : [];
  const [name, setName] = createSignal(item?.name ?? '');
  const [description, setDescription] = createSignal(item?.description ?? '');
  const [price, setPrice] = createSignal(item ? formatMoneyForInput(item.price, currency, currentLocale()) : '');
  // The restaurant's stations (from the cache offline); a new item starts at the first active one.
  const stationList = useQuery(() => stationsQueryOptions(editor.restaurantId));
  const [pickedStation, setStation] = createSignal<string | null>(item?.station ?? null);
  const [categoryId, setCategoryId] = createSignal(item ? (item.category_id ?? '') : (props.defaultCategoryId ?? ''));
  const [available, setAvailable] = createSignal(item?.available ?? true);
  const [groupIds, setGroupIds] = createSignal<string[]>(currentGroupIds);
  const [photo, setPhoto] = createSignal<PhotoChoice>(null);
  const [photoWorking, setPhotoWorking] = createSignal(false);
  const [errors, setErrors] = createSignal<Partial<Record<FieldName, string>>>({});
  const [busy, setBusy] = createSignal(false);
  const prefix = `item-${item?.id ?? 'new'}`;
  const stations = () => stationChoices(stationList.data ?? [], item?.station ?? null);
  const station = () => pickedStation() ?? stations()[0]?.name ?? '';

  const online = useOnline();
  // Unreached is not refused: <NeedsConnection> by the button says so until the API answers again.
  const showError = (failure: DbFailure) =>
    setErrors(isConnectionFailure(failure) ? {} : fieldErrorFor(failure, itemFields, describeMenuError));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = readPrice(price(), editor.money, currentLocale());
    const found: Partial<Record<FieldName, string>> = {};
    const nameError = checkName(name(), 120);
    if (nameError) found.name = describeAdminFieldError(nameError);
    if (description().length > 1000) found.description = m.admin_menu_error_too_long({ max: 1000 });
    if (!parsed.ok) found.price = parsed.message;
    if (station() === '') found.station = m.admin_stations_none();
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.ok) {
      document.getElementById(`${prefix}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await saveItem({
      restaurantId: editor.restaurantId,
      existing: item,
      draft: {
        name: name().trim(),
        description: description().trim(),
        price: parsed.minor,
        station: station(),
        category_id: categoryId() || null,
        available: available(),
      },
      photo: photo(),
      groupIds: groupIds(),
      currentGroupIds,
      position: nextPosition(editor.menu().items.filter((i) => (i.category_id ?? '') === categoryId())),
    });
    setBusy(false);
    await refreshMenu(editor.restaurantId);
    if (!result.ok) return showError(result.failure);
    props.onDone();
  };

  const remove = async () => {
    if (!item) return;
    const title = m.admin_menu_item_delete_confirm({ name: item.name });
    if (!(await confirmAction({ title, confirmText: m.common_delete(), tone: 'danger' }))) return;
    setBusy(true);
    const result = await deleteItem(item);
    setBusy(false);
    await refreshMenu(editor.restaurantId);
    if (!result.ok) return showError(result.failure);
    props.onDone();
  };

  const toggleGroup = (groupId: string, on: boolean) =>
    setGroupIds((ids) => (on ? [...ids.filter((id) => id !== groupId), groupId] : ids.filter((id) => id !== groupId)));

  return (
    <form
      class="stack editor-panel"
      onSubmit={submit}
      noValidate
      aria-busy={busy()}
      aria-labelledby={`${prefix}-title`}
    >
      <h3 id={`${prefix}-title`}>
        {item ? m.admin_menu_item_edit_title({ name: item.name }) : m.admin_menu_item_new_title()}
      </h3>
      <FormError message={errors().form} />
      <Field
        id={`${prefix}-name`}
        label={m.admin_menu_item_name()}
        value={name()}
        maxLength={120}
        onInput={(e) => setName(e.currentTarget.value)}
        error={errors().name}
      />
      <div class="field">
        <label for={`${prefix}-description`}>{m.admin_menu_item_description()}</label>
        <textarea
          id={`${prefix}-description`}
          rows={3}
          maxLength={1000}
          value={description()}
          aria-invalid={errors().description ? 'true' : undefined}
          aria-describedby={errors().description ? `${prefix}-description-error` : undefined}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
        <Show when={errors().description}>
          <p id={`${prefix}-description-error`} class="field-error">
            {errors().description}
          </p>
        </Show>
      </div>
      <Field
        id={`${prefix}-price`}
        label={m.admin_menu_item_price({ currency: currency.code })}
        inputmode="decimal"
        autocomplete="off"
        value={price()}
        onInput={(e) => setPrice(e.currentTarget.value)}
        onBlur={() => {
          const parsed = readPrice(price(), editor.money, currentLocale());
          setErrors((all) => ({ ...all, price: parsed.ok ? undefined : parsed.message }));
        }}
        error={errors().price}
        hint={
          currency.exponent === 0
            ? m.admin_menu_price_hint_whole({ currency: currency.code })
            : m.admin_menu_price_hint_decimals({ currency: currency.code, decimals: currency.exponent })
        }
      />
      <SelectField
        id={`${prefix}-station`}
        label={m.admin_menu_item_station()}
        value={station()}
        onChange={setStation}
        options={stations().map((s) => ({
          value: s.name,
          label: s.archived ? m.admin_stations_archived_option({ name: s.name }) : s.name,
        }))}
        error={errors().station}
        hint={stations().length > 0 ? m.admin_menu_item_station_hint() : m.admin_stations_none()}
      />
      <div class="field">
        <label for={`${prefix}-category_id`}>{m.admin_menu_item_category()}</label>
        <select
          id={`${prefix}-category_id`}
          value={categoryId()}
          onChange={(e) => setCategoryId(e.currentTarget.value)}
        >
          <option value="">{m.admin_menu_no_category()}</option>
          <For each={editor.menu().categories}>{(c) => <option value={c.id}>{c.name}</option>}</For>
        </select>
        <Show when={errors().category_id}>
          <p class="field-error">{errors().category_id}</p>
        </Show>
      </div>
      <label class="check">
        <input type="checkbox" checked={available()} onChange={(e) => setAvailable(e.currentTarget.checked)} />
        {m.admin_menu_item_available()}
      </label>
      <PhotoPicker
        id={`${prefix}-photo`}
        currentPath={item?.image_path ?? null}
        itemName={name()}
        onChange={setPhoto}
        onWorking={setPhotoWorking}
        error={errors().photo}
      />
      <fieldset class="checks">
        <legend>{m.admin_menu_item_groups()}</legend>
        <Show
          when={editor.menu().groups.length > 0}
          fallback={<p class="field-hint">{m.admin_menu_item_groups_none()}</p>}
        >
          <For each={editor.menu().groups}>
            {(group) => (
              <label class="check">
                <input
                  type="checkbox"
                  checked={groupIds().includes(group.id)}
                  onChange={(e) => toggleGroup(group.id, e.currentTarget.checked)}
                />
                {group.min_select > 0 ? m.admin_menu_group_required_name({ name: group.name }) : group.name}
              </label>
            )}
          </For>
        </Show>
        <Show when={errors().groups}>
          <p class="field-error">{errors().groups}</p>
        </Show>
      </fieldset>
      <div class="actions">
        <button type="submit" disabled={busy() || photoWorking() || !online()}>
          {busy() ? m.common_submitting() : m.admin_menu_item_save()}
        </button>
        <button type="button" class="secondary" onClick={() => props.onDone()}>
          {m.common_cancel()}
        </button>
        <Show when={item}>
          <button type="button" class="secondary danger" disabled={busy() || !online()} onClick={() => void remove()}>
            {m.admin_menu_item_delete()}
          </button>
        </Show>
        <NeedsConnection />
      </div>
    </form>
  );
}
