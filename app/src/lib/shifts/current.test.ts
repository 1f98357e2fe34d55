// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The server's answer to "which shift is open on this device", set per test. */
const server = vi.hoisted(() => ({
  online: false,
  listeners: new Set<(online: boolean) => void>(),
  openShift: null as null | { id: string; opened_at: string; opening_float: number },
}));

vi.mock('#lib/network/api.ts', () => ({
  apiReachability: {
    online: () => server.online,
    subscribe: (listener: (online: boolean) => void) => {
      server.listeners.add(listener);
      return () => server.listeners.delete(listener);
    },
  },
}));

vi.mock('#lib/supabase.ts', () => {
  const query = {
    select: () => query,
    eq: () => query,
    is: () => query,
    maybeSingle: () => Promise.resolve({ data: server.openShift, error: null, status: 200 }),
  };
  return { supabase: { from: () => query } };
});

const {
  currentShift,
  forgetShift,
  localShiftRecord,
  markShiftClosing,
  markShiftSynced,
  reconcile,
  refreshCurrentShift,
  rememberOpenedShift,
  reopenClosingShift,
  storageKey,
} = await import('#lib/shifts/current.ts');

const shift = { id: 's1', openedAt: '2026-12-01T08:00:00.000Z', openingFloat: 25_000, synced: false };
const row = { id: 's1', opened_at: '2026-12-01T08:00:01.000Z', opening_float: 25_000 };

describe('reconcile', () => {
  const local = { ...shift, closing: false };

  it('keeps a shift opened offline until the server knows it', () => {
    expect(reconcile(local, null)).toEqual(local);
    expect(reconcile({ ...local, synced: true }, null)).toBeNull();
  });

  it('takes the server open shift, and its times, over the device record', () => {
    expect(reconcile(local, row)).toEqual({
      id: 's1',
      openedAt: row.opened_at,
      openingFloat: 25_000,
      synced: true,
      closing: false,
    });
    expect(reconcile(null, row)?.id).toBe('s1');
    expect(reconcile(local, { ...row, id: 's2' })?.id).toBe('s2');
  });

  it('keeps a shift being closed hidden while its close is queued', () => {
    const closing = { ...local, synced: true, closing: true };
    expect(reconcile(closing, row)).toEqual(closing);
    expect(reconcile(closing, null)).toEqual(closing);
  });
});

describe('currentShift', () => {
  let restaurant = 0;
  let restaurantId = '';
  beforeEach(() => {
    // A fresh restaurant per test: the store keeps one entry per restaurant for the app's life.
    restaurant += 1;
    restaurantId = `r${restaurant}`;
    server.online = false;
    server.openShift = null;
    localStorage.clear();
  });

  it('shows a shift opened offline at once, and keeps it in localStorage', () => {
    const current = currentShift(restaurantId);
    expect(current()).toBeNull();
    rememberOpenedShift(restaurantId, shift);
    expect(current()).toEqual(shift);
    expect(JSON.parse(localStorage.getItem(storageKey(restaurantId)) ?? 'null')).toMatchObject({
      id: 's1',
      closing: false,
    });
  });

  it('reads the record a previous visit left (the device was offline all along)', () => {
    localStorage.setItem(storageKey(restaurantId), JSON.stringify({ ...shift, closing: false }));
    expect(currentShift(restaurantId)()).toEqual(shift);
  });

  it('follows the shift through sync, closing, a refused close and the close itself', () => {
    const current = currentShift(restaurantId);
    const record = localShiftRecord(restaurantId);
    rememberOpenedShift(restaurantId, shift);
    markShiftSynced(restaurantId, row);
    expect(current()).toEqual({ ...shift, openedAt: row.opened_at, synced: true });
    markShiftClosing(restaurantId, 's1');
    expect(current()).toBeNull();
    expect(record()?.closing).toBe(true);
    reopenClosingShift(restaurantId, 's1');
    expect(current()?.id).toBe('s1');
    markShiftClosing(restaurantId, 's1');
    forgetShift(restaurantId, 's1');
    expect(record()).toBeNull();
    expect(localStorage.getItem(storageKey(restaurantId))).toBeNull();
  });

  it('ignores updates about another shift', () => {
    const current = currentShift(restaurantId);
    rememberOpenedShift(restaurantId, shift);
    forgetShift(restaurantId, 'other');
    markShiftClosing(restaurantId, 'other');
    expect(current()).toEqual(shift);
  });

  it('online, takes the server answer: its open shift, or none once the device record is synced', async () => {
    const current = currentShift(restaurantId);
    server.online = true;
    server.openShift = row;
    await refreshCurrentShift(restaurantId);
    expect(current()).toEqual({ id: 's1', openedAt: row.opened_at, openingFloat: 25_000, synced: true });
    // Closed from another tab or by a manager: the server has none.
    server.openShift = null;
    await refreshCurrentShift(restaurantId);
    expect(current()).toBeNull();
  });

  it('re-reads the server when the API answers again', async () => {
    const current = currentShift(restaurantId);
    server.openShift = row;
    server.online = true;
    for (const listener of server.listeners) listener(true);
    await vi.waitFor(() => expect(current()?.id).toBe('s1'));
  });
});
