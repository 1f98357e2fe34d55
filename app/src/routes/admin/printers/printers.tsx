import { useQuery } from '@tanstack/solid-query';
import { createEffect, createSignal, For, lazy, Show, Suspense } from 'solid-js';
import { PrinterForm } from '#components/printers/printer-form.tsx';
import { PrinterQueue } from '#components/printers/printer-queue.tsx';
import { PrinterStatus } from '#components/printers/printer-status.tsx';
import { StationGaps } from '#components/stations/station-gaps.tsx';
import { StationsSection } from '#components/stations/stations-section.tsx';
import { confirmAction } from '#components/ui/confirm.tsx';
import { isConnectionFailure, NeedsConnection, useOnline } from '#components/ui/needs-connection.tsx';
import { menuKeys, menuQueryOptions } from '#lib/menu/queries.ts';
import { addPrinter, deletePrinter, printTestPage, updatePrinter } from '#lib/printers/commands.ts';
import { describePrintersFailure } from '#lib/printers/errors.ts';
import type { PrinterJobsSummary } from '#lib/printers/jobs.ts';
import { watchPrintJobs } from '#lib/printers/live.ts';
import { type Printer, printerJobsQueryOptions, printerKeys, printersQueryOptions } from '#lib/printers/queries.ts';
import type { PrinterValues } from '#lib/printers/validation.ts';
import { invalidate } from '#lib/query.ts';
import { useAdminRestaurant } from '#lib/restaurant/admin-context.ts';
import { stationsWithoutPrinter, stationUsage } from '#lib/stations/coverage.ts';
import { type Station, stationKeys, stationsQueryOptions } from '#lib/stations/queries.ts';
import * as m from '#paraglide/messages.js';
import '../menu/menu.css';
import { DeleteButton } from '#components/ui/form-parts.tsx';

// The devices (print bridges, kiosks) sit below the printers and load after them: the admin's
// first download stays within its 120 kB budget.
const BridgePairing = lazy(() =>
  import('#components/printers/bridge-pairing.tsx').then((module) => ({ default: module.BridgePairing })),
);
const KioskDevices = lazy(() => import('#components/kiosks/kiosk-devices.tsx'));

export default function AdminPrinters() {
  const restaurant = useAdminRestaurant();
  const printers = useQuery(() => printersQueryOptions(restaurant().restaurantId));
  const printerIds = () => (printers.data ?? []).map((printer) => printer.id);
  const jobs = useQuery(() => ({
    ...printerJobsQueryOptions(restaurant().restaurantId, printerIds()),
    enabled: printers.data !== undefined,
  }));
  // Job changes arrive on the print topic; the subscription follows the restaurant and ends with the page.
  createEffect(() => watchPrintJobs(restaurant().restaurantId));
  const refresh = () => invalidate(printerKeys.printers(restaurant().restaurantId));
  // Stations and the menu's items (whose stations need a printer) read from the cache offline, like the printers.
  const stations = useQuery(() => stationsQueryOptions(restaurant().restaurantId));
  const menu = useQuery(() => menuQueryOptions(restaurant().restaurantId));
  const stationList = (): readonly Station[] => stations.data ?? [];
  const items = () => menu.data?.items ?? [];
  // A rename or archive changes the printers' and the items' station names too: refetch all three.
  const refreshStations = async () => {
    await Promise.all([
      invalidate(stationKeys.stations(restaurant().restaurantId)),
      invalidate(printerKeys.printers(restaurant().restaurantId)),
      invalidate(menuKeys.menu(restaurant().restaurantId)),
    ]);
  };
  const [adding, setAdding] = createSignal(false);
  let addButton: HTMLButtonElement | undefined;
  // Closing the form gives the keyboard back to the button that opened it (rendered again by then).
  const closeAdding = () => {
    setAdding(false);
    addButton?.focus();
  };
  const [notices, setNotices] = createSignal<Record<string, { text: string; error: boolean }>>({});
  const notify = (id: string, text: string, error = false) => setNotices((all) => ({ ...all, [id]: { text, error } }));

  const add = async (values: PrinterValues) => {
    const result = await addPrinter({ ...values, restaurant_id: restaurant().restaurantId });
    await refresh();
    if (result.ok) closeAdding();
    return result;
  };

  return (
    <main id="main" class="admin-main">
      <h1>{m.admin_printers_title()}</h1>
      <p class="field-hint">{m.admin_printers_intro()}</p>
      {/* Only once both are known: a warning from a half-loaded page would be wrong. */}
      <Show when={printers.data && menu.data}>
        <StationGaps gaps={stationsWithoutPrinter(items(), printers.data ?? [])} />
      </Show>
      <Show
        when={adding()}
        fallback={
          <button ref={addButton} type="button" onClick={() => setAdding(true)}>
            {m.admin_printers_add()}
          </button>
        }
      >
        <PrinterForm
          idPrefix="printer-new"
          printer={null}
          stations={stationList()}
          submitLabel={m.admin_printers_add()}
          onSave={add}
          onCancel={closeAdding}
        />
      </Show>
      <Show
        when={printers.data}
        fallback={<p class="loading">{printers.isError ? m.common_load_failed() : m.common_loading()}</p>}
      >
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="notice subtle">{m.admin_printers_empty()}</p>}>
            <ul class="reorderable" aria-label={m.admin_printers_title()}>
              <For each={list()}>
                {(printer) => (
                  <PrinterRow
                    printer={printer}
                    stations={stationList()}
                    jobs={jobs.data?.get(printer.id) ?? null}
                    jobsFailed={jobs.isError && !jobs.data}
                    onChanged={refresh}
                    notice={notices()[printer.id] ?? null}
                    notify={(text, error) => notify(printer.id, text, error)}
                  />
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <StationsSection
        restaurantId={restaurant().restaurantId}
        stations={stations.data}
        loadFailed={stations.isError}
        usage={stationUsage(items(), printers.data ?? [])}
        onChanged={refreshStations}
      />
      <Suspense>
        <BridgePairing restaurantId={restaurant().restaurantId} />
        <KioskDevices restaurantId={restaurant().restaurantId} />
      </Suspense>
    </main>
  );
}

function PrinterRow(props: {
  printer: Printer;
  stations: readonly Station[];
  jobs: PrinterJobsSummary | null;
  jobsFailed: boolean;
  onChanged: () => Promise<void>;
  notice: { text: string; error: boolean } | null;
  notify: (text: string, error?: boolean) => void;
}) {
  const [editing, setEditing] = createSignal(false);
  const [testing, setTesting] = createSignal(false);
  const online = useOnline();
  let editButton: HTMLButtonElement | undefined;
  const closeEditing = () => {
    setEditing(false);
    editButton?.focus();
  };
  const save = async (values: PrinterValues) => {
    const result = await updatePrinter(props.printer.id, values);
    if (result.ok) props.notify(m.admin_printers_saved());
    await props.onChanged();
    return result;
  };
  const test = async () => {
    setTesting(true);
    const result = await printTestPage(props.printer.id);
    setTesting(false);
    if (!result.ok && isConnectionFailure(result.failure)) return;
    props.notify(result.ok ? m.admin_printers_test_queued() : describePrintersFailure(result.failure), !result.ok);
  };
  const remove = async () => {
    const title = m.admin_printers_delete_confirm({ name: props.printer.name });
    if (!(await confirmAction({ title, confirmText: m.common_delete(), tone: 'danger' }))) return;
    const result = await deletePrinter(props.printer.id);
    if (!result.ok && !isConnectionFailure(result.failure)) props.notify(describePrintersFailure(result.failure), true);
    await props.onChanged();
  };
  const connection = () => {
    const c = props.printer.connection as Record<string, unknown>;
    if (c.type === 'tcp') return `${String(c.host)}:${String(c.port)}`;
    if (c.type === 'usb') return String(c.device ?? 'USB');
    return m.admin_printers_connection_file_named({ name: String(c.path ?? '') });
  };
  return (
    <li class="reorderable-row" aria-label={props.printer.name}>
      <div class="reorderable-content stack">
        <Show
          when={editing()}
          fallback={
            <div class="row-line">
              <span class="row-name">
                <strong>{props.printer.name}</strong>
                <span class="row-meta">
                  {props.printer.kind === 'kitchen' ? m.admin_printers_kind_kitchen() : m.admin_printers_kind_receipt()}{' '}
                  · {props.printer.stations.join(', ') || '—'} · {connection()} ·{' '}
                  {m.admin_printers_chars_choice({ count: props.printer.chars_per_line })}
                </span>
              </span>
            </div>
          }
        >
          <PrinterForm
            idPrefix={`printer-${props.printer.id}`}
            printer={props.printer}
            stations={props.stations}
            submitLabel={m.common_save()}
            onSave={async (values) => {
              const result = await save(values);
              if (result.ok) closeEditing();
              return result;
            }}
            onCancel={closeEditing}
          />
        </Show>
        <PrinterQueue printer={props.printer} jobs={props.jobs} loadFailed={props.jobsFailed} notify={props.notify} />
        <PrinterStatus printer={props.printer} />
        <Show when={props.notice}>
          {(notice) => (
            <p class="notice" classList={{ error: notice().error }} role="status">
              {notice().text}
            </p>
          )}
        </Show>
        <div class="actions">
          <button
            type="button"
            aria-label={m.admin_printers_test_named({ name: props.printer.name })}
            disabled={testing() || !online()}
            onClick={() => void test()}
          >
            {m.admin_printers_test()}
          </button>
          <Show when={!editing()}>
            <button
              ref={editButton}
              type="button"
              class="secondary"
              aria-label={m.common_edit_named({ name: props.printer.name })}
              onClick={() => setEditing(true)}
            >
              {m.common_edit()}
            </button>
          </Show>
          <DeleteButton name={props.printer.name} onDelete={() => void remove()} disabled={!online()} />
        </div>
        <NeedsConnection />
      </div>
    </li>
  );
}
