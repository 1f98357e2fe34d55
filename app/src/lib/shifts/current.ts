import { type Accessor, createRoot, createSignal } from 'solid-js';
import { runDb } from '#lib/db.ts';
import { apiReachability } from '#lib/network/api.ts';
import { deviceId } from '#lib/realtime/device.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The open shift (cash drawer) of this device in a restaurant. The database is the truth, but a
 * shift opened or closed offline must show at once, so the device keeps its own record in
 * localStorage (`comanda.pos.shift.<restaurantId>`) that the outbox's senders update and the
 * server's answer reconciles (see `reconcile`).
 */
export interface CurrentShift {
  id: string;
  openedAt: string;
  /** Minor units of the restaurant's currency. */
  openingFloat: number;
  /** false while the open_shift command has not reached the database yet. */
  synced: boolean;
}

/** What the device stores: the shift, and whether a close_shift for it is still on its way. */
export interface LocalShiftRecord extends CurrentShift {
  closing: boolean;
}

/** The columns read from `public.shifts`. */
export interface ServerShift {
  id: string;
  opened_at: string;
  opening_float: number;
}

export const storageKey = (restaurantId: string) => `comanda.pos.shift.${restaurantId}`;

/**
 * What the device should hold once the server said which shift is open on it:
 * - a shift being closed stays hidden (closed for the person) until its close_shift is sent;
 * - a shift opened offline whose open_shift is still queued stays, even though the server does not
 *   know it yet;
 * - otherwise the server's open shift wins (or none).
 */
export function reconcile(local: LocalShiftRecord | null, server: ServerShift | null): LocalShiftRecord | null {
  if (local?.closing) {
    // The queued close decides; once it is sent, `forgetShift` clears the record.
    if (!server || server.id === local.id) return local;
  }
  if (!server) return local && !local.synced ? local : null;
  // A different open shift on the server wins over a queued open, which it will refuse
  // (shift_already_open): the person works on the server's shift.
  return {
    id: server.id,
    openedAt: server.opened_at,
    openingFloat: Number(server.opening_float),
    synced: true,
    closing: false,
  };
}

/** The person-facing view of a record: a shift being closed is no longer current. */
export function visibleShift(record: LocalShiftRecord | null): CurrentShift | null {
  if (!record || record.closing) return null;
  return { id: record.id, openedAt: record.openedAt, openingFloat: record.openingFloat, synced: record.synced };
}

export function parseRecord(raw: string | null): LocalShiftRecord | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<LocalShiftRecord>;
    if (typeof value.id !== 'string' || typeof value.openedAt !== 'string') return null;
    if (typeof value.openingFloat !== 'number' || !Number.isFinite(value.openingFloat)) return null;
    return {
      id: value.id,
      openedAt: value.openedAt,
      openingFloat: value.openingFloat,
      synced: value.synced === true,
      closing: value.closing === true,
    };
  } catch {
    return null;
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readRecord(restaurantId: string): LocalShiftRecord | null {
  return parseRecord(storage()?.getItem(storageKey(restaurantId)) ?? null);
}

interface Entry {
  record: Accessor<LocalShiftRecord | null>;
  shift: Accessor<CurrentShift | null>;
  write(record: LocalShiftRecord | null): void;
}

const entries = new Map<string, Entry>();

function entryFor(restaurantId: string): Entry {
  const known = entries.get(restaurantId);
  if (known) return known;
  const entry = createRoot(() => {
    const [record, setRecord] = createSignal(readRecord(restaurantId), { equals: sameRecord });
    const shift = () => visibleShift(record());
    const write = (next: LocalShiftRecord | null) => {
      const store = storage();
      try {
        if (next) store?.setItem(storageKey(restaurantId), JSON.stringify(next));
        else store?.removeItem(storageKey(restaurantId));
      } catch {
        // A full or blocked localStorage: the signal still tells this tab; the outbox holds the command.
      }
      setRecord(next);
    };
    return { record, shift, write };
  });
  entries.set(restaurantId, entry);
  if (typeof addEventListener === 'function') {
    // Another tab opened or closed the drawer.
    addEventListener('storage', (event) => {
      if (event.key === storageKey(restaurantId)) entry.write(readRecord(restaurantId));
    });
  }
  apiReachability.subscribe((reachable) => {
    if (reachable) void refreshCurrentShift(restaurantId);
  });
  void refreshCurrentShift(restaurantId);
  return entry;
}

function sameRecord(a: LocalShiftRecord | null, b: LocalShiftRecord | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.id === b.id &&
    a.openedAt === b.openedAt &&
    a.openingFloat === b.openingFloat &&
    a.synced === b.synced &&
    a.closing === b.closing
  );
}

/**
 * The open shift of this device in `restaurantId`, or null: from the server when online, from the
 * device's record otherwise; opening and closing through lib/shifts change it at once.
 */
export function currentShift(restaurantId: string): Accessor<CurrentShift | null> {
  return entryFor(restaurantId).shift;
}

/** The device's record, closing included (the drawer screen shows a close on its way). */
export function localShiftRecord(restaurantId: string): Accessor<LocalShiftRecord | null> {
  return entryFor(restaurantId).record;
}

/** Asks the server which shift is open on this device and reconciles the record with it. */
export async function refreshCurrentShift(restaurantId: string): Promise<void> {
  if (!apiReachability.online()) return;
  const result = await runDb(
    supabase
      .from('shifts')
      .select('id, opened_at, opening_float')
      .eq('restaurant_id', restaurantId)
      .eq('device_id', deviceId())
      .is('closed_at', null)
      .maybeSingle(),
  );
  // No answer: keep what the device knows.
  if (!result.ok) return;
  const entry = entryFor(restaurantId);
  entry.write(reconcile(readRecord(restaurantId) ?? entry.record(), result.data ?? null));
}

/** A shift opened on this device (queued or sent): current at once. */
export function rememberOpenedShift(restaurantId: string, shift: CurrentShift): void {
  entryFor(restaurantId).write({ ...shift, closing: false });
}

/** The database stored the shift: the record is in sync. */
export function markShiftSynced(restaurantId: string, server: ServerShift): void {
  const entry = entryFor(restaurantId);
  const local = readRecord(restaurantId) ?? entry.record();
  if (local && local.id !== server.id) return;
  entry.write({
    id: server.id,
    openedAt: server.opened_at,
    openingFloat: Number(server.opening_float),
    synced: true,
    closing: local?.closing ?? false,
  });
}

/** A close was queued for the shift: no longer current, though not yet closed in the database. */
export function markShiftClosing(restaurantId: string, shiftId: string): void {
  const entry = entryFor(restaurantId);
  const local = readRecord(restaurantId) ?? entry.record();
  if (local?.id === shiftId) entry.write({ ...local, closing: true });
}

/** The close was refused (say a reason is needed): the shift is current again. */
export function reopenClosingShift(restaurantId: string, shiftId: string): void {
  const entry = entryFor(restaurantId);
  const local = readRecord(restaurantId) ?? entry.record();
  if (local?.id === shiftId) entry.write({ ...local, closing: false });
}

/** The shift was closed in the database (or its open was refused): forget it. */
export function forgetShift(restaurantId: string, shiftId: string): void {
  const entry = entryFor(restaurantId);
  const local = readRecord(restaurantId) ?? entry.record();
  if (local?.id === shiftId) entry.write(null);
}
