import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { confirmAction } from '#components/ui/confirm.tsx';
import { Field } from '#components/ui/field.tsx';
import { isConnectionFailure, NeedsConnection, useOnline } from '#components/ui/needs-connection.tsx';
import { SelectField } from '#components/ui/select-field.tsx';
import { siteUrl, supabaseUrl } from '#lib/env.ts';
import { fieldErrorFor } from '#lib/field-errors.ts';
import { nextPosition } from '#lib/menu/reorder.ts';
import { invalidate } from '#lib/query.ts';
import { useAdminRestaurant } from '#lib/restaurant/admin-context.ts';
import { type CardSize, describeCardFailure, fetchTableCard, openCardSheet, saveFile } from '#lib/tables/cards.ts';
import { addTable, deleteTable, rotateTableToken, updateTable } from '#lib/tables/commands.ts';
import { describeTablesFailure } from '#lib/tables/errors.ts';
import { type DiningTable, tableKeys, tablesQueryOptions } from '#lib/tables/queries.ts';
import { readTable, type TableErrors, tableFields } from '#lib/tables/validation.ts';
import * as m from '#paraglide/messages.js';
import '../menu/menu.css';
import { DeleteButton, FormError } from '#components/ui/form-parts.tsx';

/** The page a guest's phone opens from the table's QR code (the guest surface serves `/t/…`), on the site URL. */
export function guestUrl(token: string, origin = siteUrl()): string {
  return `${origin}/t/${encodeURIComponent(token)}`;
}

/** The table-qr Edge Function draws the code; it needs no session, so an <img> can load it. */
export function qrImageUrl(url: string): string {
  return `${supabaseUrl}/functions/v1/table-qr?url=${encodeURIComponent(url)}`;
}

export default function AdminTables() {
  const restaurant = useAdminRestaurant();
  const tables = useQuery(() => tablesQueryOptions(restaurant().restaurantId));
  const refresh = () => invalidate(tableKeys.tables(restaurant().restaurantId));
  const [label, setLabel] = createSignal('');
  const [seats, setSeats] = createSignal('4');
  const [errors, setErrors] = createSignal<TableErrors>({});
  const [busy, setBusy] = createSignal(false);
  const online = useOnline();
  let labelInput: HTMLInputElement | undefined;
  // Kept here, not in the row: a saved row is a new object after the refetch and is re-created.
  const [notices, setNotices] = createSignal<Record<string, string | null>>({});
  const setNotice = (id: string, notice: string | null) => setNotices((all) => ({ ...all, [id]: notice }));
  const [cardSize, setCardSize] = createSignal<CardSize>('a6');
  const [sheetError, setSheetError] = createSignal<string | null>(null);
  const [printing, setPrinting] = createSignal(false);

  const printAll = async () => {
    setSheetError(null);
    setPrinting(true);
    const sheet = await openCardSheet({
      restaurantId: restaurant().restaurantId,
      size: cardSize(),
      baseUrl: siteUrl(),
    });
    setPrinting(false);
    if (!sheet.ok) setSheetError(describeCardFailure(sheet.reason));
  };

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const read = readTable(label(), seats());
    setErrors(read.errors);
    if (!read.values) return;
    setBusy(true);
    const result = await addTable({
      ...read.values,
      restaurant_id: restaurant().restaurantId,
      position: nextPosition(tables.data ?? []),
    });
    setBusy(false);
    if (!result.ok && isConnectionFailure(result.failure)) return;
    await refresh();
    if (!result.ok) return setErrors(fieldErrorFor(result.failure, tableFields, describeTablesFailure));
    setLabel('');
    // Ready for the next table, as a person adding a dining room's tables one after another expects.
    labelInput?.focus();
  };

  return (
    <main id="main" class="admin-main">
      <h1>{m.admin_tables_title()}</h1>
      <section class="admin-section" aria-labelledby="tables-add-title">
        <h2 id="tables-add-title">{m.admin_tables_add_title()}</h2>
        <form class="inline-form" onSubmit={add} noValidate aria-busy={busy()}>
          <FormError message={errors().form} />
          <Field
            ref={labelInput}
            id="table-new-label"
            label={m.admin_tables_label()}
            value={label()}
            maxLength={40}
            onInput={(e) => setLabel(e.currentTarget.value)}
            error={errors().label}
          />
          <Field
            id="table-new-seats"
            label={m.admin_tables_seats()}
            inputmode="numeric"
            value={seats()}
            onInput={(e) => setSeats(e.currentTarget.value)}
            error={errors().seats}
          />
          <button type="submit" disabled={busy() || !online()} aria-describedby="table-new-offline">
            {m.admin_tables_add()}
          </button>
          <NeedsConnection id="table-new-offline" />
        </form>
      </section>
      <section class="admin-section stack" aria-labelledby="tables-cards-title">
        <h2 id="tables-cards-title">{m.admin_tables_cards_title()}</h2>
        <p class="subtle">{m.admin_tables_cards_hint()}</p>
        <div class="inline-form">
          <SelectField
            id="table-card-size"
            label={m.admin_tables_card_size()}
            options={[
              { value: 'a6', label: m.admin_tables_card_size_a6() },
              { value: '80mm', label: m.admin_tables_card_size_80mm() },
            ]}
            value={cardSize()}
            onChange={(value) => setCardSize(value as CardSize)}
          />
          <button
            type="button"
            disabled={printing() || !online()}
            aria-busy={printing()}
            aria-describedby="table-cards-offline"
            onClick={() => void printAll()}
          >
            {m.admin_tables_print_all()}
          </button>
          <NeedsConnection id="table-cards-offline" />
        </div>
        <FormError message={sheetError()} />
      </section>
      <Show
        when={tables.data}
        fallback={<p class="loading">{tables.isError ? m.common_load_failed() : m.common_loading()}</p>}
      >
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="notice subtle">{m.admin_tables_empty()}</p>}>
            <ul class="reorderable" aria-label={m.admin_tables_title()}>
              <For each={list()}>
                {(table) => (
                  <TableRow
                    table={table}
                    restaurantId={restaurant().restaurantId}
                    cardSize={cardSize()}
                    onChanged={refresh}
                    notice={notices()[table.id] ?? null}
                    setNotice={(notice) => setNotice(table.id, notice)}
                  />
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </main>
  );
}

function TableRow(props: {
  table: DiningTable;
  restaurantId: string;
  cardSize: CardSize;
  onChanged: () => Promise<void>;
  notice: string | null;
  setNotice: (notice: string | null) => void;
}) {
  const [label, setLabel] = createSignal(props.table.label);
  const [seats, setSeats] = createSignal(String(props.table.seats));
  const [errors, setErrors] = createSignal<TableErrors>({});
  const online = useOnline();
  const url = () => guestUrl(props.table.qr_token);
  const prefix = () => `table-${props.table.id}`;

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    props.setNotice(null);
    const read = readTable(label(), seats());
    setErrors(read.errors);
    if (!read.values) return;
    const result = await updateTable(props.table.id, read.values);
    if (!result.ok && isConnectionFailure(result.failure)) return;
    await props.onChanged();
    if (!result.ok) return setErrors(fieldErrorFor(result.failure, tableFields, describeTablesFailure));
    props.setNotice(m.admin_tables_saved());
  };

  const rotate = async () => {
    const title = m.admin_tables_rotate_confirm({ name: props.table.label });
    if (!(await confirmAction({ title, confirmText: m.admin_tables_rotate(), tone: 'danger' }))) return;
    const result = await rotateTableToken(props.table.id);
    if (!result.ok && isConnectionFailure(result.failure)) return;
    await props.onChanged();
    props.setNotice(result.ok ? m.admin_tables_rotated() : null);
    if (!result.ok) setErrors({ form: describeTablesFailure(result.failure) });
  };

  const [downloading, setDownloading] = createSignal(false);
  const downloadCard = async () => {
    props.setNotice(null);
    setErrors({});
    setDownloading(true);
    const file = await fetchTableCard({
      restaurantId: props.restaurantId,
      tableId: props.table.id,
      tableLabel: props.table.label,
      size: props.cardSize,
      baseUrl: siteUrl(),
    });
    setDownloading(false);
    if (file.ok) saveFile(file.blob, file.fileName);
    else setErrors({ form: describeCardFailure(file.reason) });
  };

  const remove = async () => {
    const title = m.admin_tables_delete_confirm({ name: props.table.label });
    if (!(await confirmAction({ title, confirmText: m.common_delete(), tone: 'danger' }))) return;
    const result = await deleteTable(props.table.id);
    if (!result.ok && isConnectionFailure(result.failure)) return;
    if (!result.ok) setErrors({ form: describeTablesFailure(result.failure) });
    await props.onChanged();
  };

  return (
    <li class="reorderable-row" aria-label={props.table.label}>
      <div class="reorderable-content stack">
        <form class="inline-form" onSubmit={save} noValidate>
          <FormError message={errors().form} />
          <Field
            id={`${prefix()}-label`}
            label={m.admin_tables_label()}
            value={label()}
            maxLength={40}
            onInput={(e) => setLabel(e.currentTarget.value)}
            error={errors().label}
          />
          <Field
            id={`${prefix()}-seats`}
            label={m.admin_tables_seats()}
            inputmode="numeric"
            value={seats()}
            onInput={(e) => setSeats(e.currentTarget.value)}
            error={errors().seats}
          />
          <button
            type="submit"
            disabled={!online()}
            aria-label={m.admin_tables_save_named({ name: props.table.label })}
          >
            {m.common_save()}
          </button>
        </form>
        <Show when={props.notice}>
          <p class="notice" role="status">
            {props.notice}
          </p>
        </Show>
        <div class="row-line">
          <img class="qr-code" src={qrImageUrl(url())} alt={m.admin_tables_qr_alt({ name: props.table.label })} />
          <div class="row-name">
            <span>{m.admin_tables_guest_url()}</span>
            <a class="guest-url" href={url()} target="_blank" rel="noopener">
              {url()}
            </a>
          </div>
        </div>
        <div class="actions">
          <button
            type="button"
            class="secondary"
            aria-label={m.admin_tables_download_card_named({ name: props.table.label })}
            disabled={downloading() || !online()}
            aria-busy={downloading()}
            onClick={() => void downloadCard()}
          >
            {m.admin_tables_download_card()}
          </button>
          <button
            type="button"
            class="secondary"
            aria-label={m.admin_tables_rotate_named({ name: props.table.label })}
            disabled={!online()}
            onClick={() => void rotate()}
          >
            {m.admin_tables_rotate()}
          </button>
          <DeleteButton name={props.table.label} onDelete={() => void remove()} disabled={!online()} />
        </div>
        <NeedsConnection />
      </div>
    </li>
  );
}
