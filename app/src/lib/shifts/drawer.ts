import type { DbFailure } from '#lib/db.ts';
import { type OutboxSnapshot, OutboxStorageError } from '#lib/outbox/types.ts';
import { invalidate } from '#lib/query.ts';
import { deviceId } from '#lib/realtime/device.ts';
import { type CloseShiftPayload, onShiftCommand, type ShiftCommandEvent } from '#lib/shifts/commands.ts';
import { forgetShift, markShiftClosing, rememberOpenedShift } from '#lib/shifts/current.ts';
import { type ShiftReport, shiftKeys } from '#lib/shifts/queries.ts';
import type { VarianceReason } from '#lib/shifts/validation.ts';
import { online, outbox } from '#lib/sync.ts';

/**
 * What the drawer screen does, through the outbox: the answer comes at once either way — the
 * database's answer when it came within a moment, "queued" offline or on a slow network, or the
 * refusal with the database's code (and its details, e.g. the expected cash of a variance).
 */
export type DrawerOutcome<Stored = undefined> =
  | { kind: 'stored'; data: Stored }
  | { kind: 'queued' }
  | { kind: 'refused'; failure: DbFailure; commandId: string }
  | { kind: 'storage'; reason: 'storage_full' | 'storage_unavailable' };

const onlineWaitMs = 4000;

// Anything stored changes the figures on screen.
onShiftCommand(() => void invalidate(['shifts']));

function storageOutcome(error: unknown): DrawerOutcome<never> {
  if (error instanceof OutboxStorageError && error.kind === 'quota') return { kind: 'storage', reason: 'storage_full' };
  return { kind: 'storage', reason: 'storage_unavailable' };
}

/** Waits for the command's own answer (`match`), its refusal (parked), or the end of the wait. */
async function enqueueAndWait<Stored>(
  enqueue: () => Promise<unknown>,
  commandId: string,
  match: (event: ShiftCommandEvent) => Stored | undefined,
  waitMs: number,
): Promise<DrawerOutcome<Stored>> {
  const outcome = online()
    ? new Promise<DrawerOutcome<Stored>>((resolve) => {
        const cleanups: (() => void)[] = [];
        const finish = (value: DrawerOutcome<Stored>) => {
          for (const cleanup of cleanups) cleanup();
          resolve(value);
        };
        cleanups.push(
          onShiftCommand((event) => {
            const data = match(event);
            if (data !== undefined) finish({ kind: 'stored', data });
          }),
        );
        cleanups.push(
          outbox.subscribe((snapshot: OutboxSnapshot) => {
            const parked = snapshot.parked.find((command) => command.id === commandId);
            if (parked?.lastFailure) finish({ kind: 'refused', failure: parked.lastFailure, commandId });
          }),
        );
        const timer = setTimeout(() => finish({ kind: 'queued' }), waitMs);
        cleanups.push(() => clearTimeout(timer));
      })
    : Promise.resolve<DrawerOutcome<Stored>>({ kind: 'queued' });
  try {
    await enqueue();
  } catch (error) {
    return storageOutcome(error);
  }
  return outcome;
}

/** Opens this device's drawer with a counted float; current at once, offline too. */
export async function openShift(restaurantId: string, openingFloat: number): Promise<DrawerOutcome<string>> {
  const shiftId = crypto.randomUUID();
  // Current at once (offline too); the sender marks it synced, or forgets it when refused.
  rememberOpenedShift(restaurantId, { id: shiftId, openedAt: new Date().toISOString(), openingFloat, synced: false });
  const outcome = await enqueueAndWait(
    () =>
      outbox.enqueue(
        'open_shift',
        { p_shift_id: shiftId, p_restaurant_id: restaurantId, p_device_id: deviceId(), p_opening_float: openingFloat },
        { id: shiftId },
      ),
    shiftId,
    (event) => (event.kind === 'open_shift' && event.shiftId === shiftId ? shiftId : undefined),
    onlineWaitMs,
  );
  if (outcome.kind === 'storage') forgetShift(restaurantId, shiftId);
  return outcome;
}

/** Cash put in or taken out of the drawer, with why. */
export function recordCashMovement(
  restaurantId: string,
  shiftId: string,
  kind: 'cash_in' | 'cash_out',
  amount: number,
  reason: string,
): Promise<DrawerOutcome<string>> {
  const movementId = crypto.randomUUID();
  return enqueueAndWait(
    async () => {
      await outbox.enqueue(
        'record_cash_movement',
        { p_movement_id: movementId, p_shift_id: shiftId, p_kind: kind, p_amount: amount, p_reason: reason.trim() },
        { id: movementId },
      );
      void invalidate(shiftKeys.all(restaurantId));
    },
    movementId,
    (event) => (event.kind === 'record_cash_movement' && event.movementId === movementId ? movementId : undefined),
    onlineWaitMs,
  );
}

export interface CloseInput {
  countedCash: number;
  varianceReason?: VarianceReason | null;
  varianceNote?: string;
}

/**
 * Closes the drawer with the counted cash. Online, the database answers the Z report, or
 * `variance_reason_required` with {expected, counted, variance} when the count differs and no
 * reason was given. Offline it is queued, and the shift stops being current at once.
 */
export async function closeShift(
  restaurantId: string,
  shiftId: string,
  input: CloseInput,
): Promise<DrawerOutcome<ShiftReport>> {
  const commandId = crypto.randomUUID();
  const note = input.varianceNote?.trim();
  const payload: CloseShiftPayload = {
    restaurant_id: restaurantId,
    p_shift_id: shiftId,
    p_counted_cash: input.countedCash,
    ...(input.varianceReason ? { p_variance_reason: input.varianceReason } : {}),
    ...(note ? { p_variance_note: note } : {}),
  };
  const outcome = await enqueueAndWait(
    () => outbox.enqueue('close_shift', payload, { id: commandId }),
    commandId,
    (event) => (event.kind === 'close_shift' && event.shiftId === shiftId ? event.report : undefined),
    onlineWaitMs,
  );
  if (outcome.kind === 'queued') markShiftClosing(restaurantId, shiftId);
  return outcome;
}

/** The close_shift commands of a shift still in the outbox (queued, or refused and parked). */
export function queuedCloses(snapshot: OutboxSnapshot, shiftId: string) {
  return [...snapshot.pending, ...snapshot.parked].filter(
    (command) => command.kind === 'close_shift' && (command.payload as CloseShiftPayload).p_shift_id === shiftId,
  );
}
