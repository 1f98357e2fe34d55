import { createSignal, For, type JSX, Show } from 'solid-js';
import { confirmAction } from '#components/ui/confirm.tsx';
import { Field } from '#components/ui/field.tsx';
import { DeleteButton } from '#components/ui/form-parts.tsx';
import { isConnectionFailure, NeedsConnection, useOnline } from '#components/ui/needs-connection.tsx';
import type { DbResult } from '#lib/db.ts';
import { nextPosition } from '#lib/menu/reorder.ts';
import { addStation, deleteStation, moveStation, renameStation, setStationActive } from '#lib/stations/commands.ts';
import { describeStationsFailure } from '#lib/stations/errors.ts';
import type { Station } from '#lib/stations/queries.ts';
import * as m from '#paraglide/messages.js';
import './stations.css';

export interface StationsSectionProps {
  restaurantId: string;
  /** Undefined while loading (the cached list shows offline). */
  stations: readonly Station[] | undefined;
  loadFailed: boolean;
  usage: Map<string, { items: number; printers: number }>;
  onChanged: () => Promise<void>;
  /** Under the heading: what the stations mean for printing (the gaps). */
  children?: JSX.Element;
}

/** The restaurant's stations: add, rename, reorder, archive (or delete one nothing uses). */
export function StationsSection(props: StationsSectionProps) {
  const online = useOnline();
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const trimmed = name().trim();
    if (trimmed === '' || trimmed.length > 40) return setError(m.db_error_invalid_station_name());
    setBusy(true);
    const result = await addStation(props.restaurantId, trimmed, nextPosition(props.stations ?? []));
    setBusy(false);
    await props.onChanged();
    if (!result.ok)
      return setError(isConnectionFailure(result.failure) ? null : describeStationsFailure(result.failure));
    setError(null);
    setName('');
  };

  return (
    <section class="stack" aria-labelledby="stations-title">
      <h2 id="stations-title">{m.admin_stations_title()}</h2>
      <p class="field-hint">{m.admin_stations_intro()}</p>
      {props.children}
      <Show
        when={props.stations}
        fallback={<p class="loading">{props.loadFailed ? m.common_load_failed() : m.common_loading()}</p>}
      >
        {(list) => (
          <ul class="reorderable" aria-label={m.admin_stations_title()}>
            <For each={list()}>
              {(station, index) => (
                <StationRow
                  station={station}
                  first={index() === 0}
                  last={index() === list().length - 1}
                  usage={props.usage.get(station.name) ?? { items: 0, printers: 0 }}
                  move={(delta) => moveStation(list(), station.id, delta)}
                  onChanged={props.onChanged}
                />
              )}
            </For>
          </ul>
        )}
      </Show>
      <form class="station-add" onSubmit={add} noValidate aria-busy={busy()}>
        <Field
          id="station-new-name"
          label={m.admin_stations_name()}
          maxLength={40}
          value={name()}
          onInput={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
          error={error()}
        />
        <button type="submit" disabled={busy() || !online()} aria-describedby="stations-offline">
          {m.admin_stations_add()}
        </button>
      </form>
      <NeedsConnection id="stations-offline" />
    </section>
  );
}

function StationRow(props: {
  station: Station;
  first: boolean;
  last: boolean;
  usage: { items: number; printers: number };
  move: (delta: -1 | 1) => Promise<DbResult>;
  onChanged: () => Promise<void>;
}) {
  const online = useOnline();
  const [renaming, setRenaming] = createSignal(false);
  const [draft, setDraft] = createSignal(props.station.name);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const fieldId = () => `station-${props.station.id}-name`;
  let renameButton: HTMLButtonElement | undefined;

  // Every write: busy while it runs, the list refetched after, a refusal said on this row.
  const run = async (write: () => Promise<DbResult<unknown>>): Promise<boolean> => {
    setBusy(true);
    const result = await write();
    setBusy(false);
    await props.onChanged();
    if (result.ok) {
      setError(null);
      return true;
    }
    setError(isConnectionFailure(result.failure) ? null : describeStationsFailure(result.failure));
    return false;
  };
  const openRename = () => {
    setDraft(props.station.name);
    setRenaming(true);
    queueMicrotask(() => document.getElementById(fieldId())?.focus());
  };
  const closeRename = () => {
    setRenaming(false);
    queueMicrotask(() => renameButton?.focus());
  };
  const rename = async (event: SubmitEvent) => {
    event.preventDefault();
    if (draft().trim() === props.station.name) return closeRename();
    if (await run(() => renameStation(props.station.id, draft()))) closeRename();
  };
  const remove = async () => {
    const title = m.admin_stations_delete_confirm({ name: props.station.name });
    if (!(await confirmAction({ title, confirmText: m.common_delete(), tone: 'danger' }))) return;
    await run(() => deleteStation(props.station.id));
  };
  const offline = () => !online() || busy();

  return (
    <li
      class="reorderable-row"
      aria-label={props.station.name}
      data-archived={props.station.active ? undefined : 'true'}
    >
      <div class="reorderable-content stack">
        <Show
          when={renaming()}
          fallback={
            <div class="row-line">
              <span class="row-name">
                <strong>{props.station.name}</strong>
                <Show when={!props.station.active}> ({m.admin_stations_archived()})</Show>
                <span class="row-meta">
                  {m.admin_stations_usage({ items: props.usage.items, printers: props.usage.printers })}
                </span>
              </span>
            </div>
          }
        >
          <form class="station-add" onSubmit={rename} noValidate aria-busy={busy()}>
            <Field
              id={fieldId()}
              label={m.admin_stations_name()}
              maxLength={40}
              value={draft()}
              onInput={(e) => setDraft(e.currentTarget.value)}
              error={error()}
            />
            <button type="submit" disabled={offline()}>
              {m.common_save()}
            </button>
            <button type="button" class="secondary" onClick={closeRename}>
              {m.common_cancel()}
            </button>
          </form>
        </Show>
        <Show when={!renaming() && error()}>
          <p class="notice error" role="alert">
            {error()}
          </p>
        </Show>
        <div class="actions">
          <button
            type="button"
            class="secondary"
            aria-label={m.admin_stations_up_named({ name: props.station.name })}
            disabled={props.first || offline()}
            onClick={() => void run(() => props.move(-1))}
          >
            ↑
          </button>
          <button
            type="button"
            class="secondary"
            aria-label={m.admin_stations_down_named({ name: props.station.name })}
            disabled={props.last || offline()}
            onClick={() => void run(() => props.move(1))}
          >
            ↓
          </button>
          <Show when={!renaming()}>
            <button
              ref={renameButton}
              type="button"
              class="secondary"
              aria-label={m.admin_stations_rename_named({ name: props.station.name })}
              disabled={offline()}
              onClick={openRename}
            >
              {m.admin_stations_rename()}
            </button>
          </Show>
          <button
            type="button"
            class="secondary"
            aria-label={(props.station.active ? m.admin_stations_archive_named : m.admin_stations_restore_named)({
              name: props.station.name,
            })}
            disabled={offline()}
            onClick={() => void run(() => setStationActive(props.station.id, !props.station.active))}
          >
            {props.station.active ? m.admin_stations_archive() : m.admin_stations_restore()}
          </button>
          <DeleteButton name={props.station.name} onDelete={() => void remove()} disabled={offline()} />
        </div>
        <NeedsConnection />
      </div>
    </li>
  );
}
