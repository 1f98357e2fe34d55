// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** What the next RPC answers, set per test. */
const rpc = vi.hoisted(() => ({
  answer: { data: null as unknown, error: null as null | { message: string; code: string }, status: 200 },
  calls: [] as { name: string; args: Record<string, unknown> }[],
}));

vi.mock('#lib/network/api.ts', () => ({
  apiReachability: { online: () => false, subscribe: () => () => undefined },
}));
vi.mock('#lib/supabase.ts', () => ({
  supabase: {
    rpc: (name: string, args: Record<string, unknown>) => {
      rpc.calls.push({ name, args });
      return Promise.resolve(rpc.answer);
    },
  },
}));

const { onShiftCommand, sendCloseShift, sendOpenShift } = await import('#lib/shifts/commands.ts');
const { currentShift, localShiftRecord, markShiftClosing, rememberOpenedShift } = await import(
  '#lib/shifts/current.ts'
);
const { describeShiftFailure } = await import('#lib/shifts/errors.ts');

const refusal = (code: string) => ({ data: null, error: { message: code, code: 'P0001' }, status: 400 });
let restaurant = 0;
let restaurantId = '';

beforeEach(() => {
  restaurant += 1;
  restaurantId = `r${restaurant}`;
  rpc.calls.length = 0;
  localStorage.clear();
  rememberOpenedShift(restaurantId, { id: 's1', openedAt: '2026-12-01T08:00:00Z', openingFloat: 1000, synced: true });
});

describe('close_shift sender', () => {
  it('sends the RPC arguments only, and forgets the shift with its Z report once closed', async () => {
    const events: unknown[] = [];
    const stop = onShiftCommand((event) => events.push(event));
    markShiftClosing(restaurantId, 's1');
    rpc.answer = { data: { kind: 'Z', cash: { variance: -500 } }, error: null, status: 200 };
    const result = await sendCloseShift({ restaurant_id: restaurantId, p_shift_id: 's1', p_counted_cash: 500 });
    stop();
    expect(result).toEqual({ ok: true });
    expect(rpc.calls).toEqual([{ name: 'close_shift', args: { p_shift_id: 's1', p_counted_cash: 500 } }]);
    expect(localShiftRecord(restaurantId)()).toBeNull();
    expect(events).toEqual([
      { kind: 'close_shift', shiftId: 's1', restaurantId, report: { kind: 'Z', cash: { variance: -500 } } },
    ]);
  });

  it('a close refused for want of a reason gives the shift back, still open', async () => {
    markShiftClosing(restaurantId, 's1');
    rpc.answer = refusal('variance_reason_required');
    const result = await sendCloseShift({ restaurant_id: restaurantId, p_shift_id: 's1', p_counted_cash: 500 });
    expect(result).toMatchObject({ ok: false, failure: { code: 'variance_reason_required', transient: false } });
    expect(currentShift(restaurantId)()?.id).toBe('s1');
  });

  it('closing a shift already closed elsewhere forgets it and says so in words', async () => {
    const events: { kind: string; failure?: { code: string } }[] = [];
    const stop = onShiftCommand((event) => events.push(event as never));
    rpc.answer = refusal('shift_closed');
    await sendCloseShift({ restaurant_id: restaurantId, p_shift_id: 's1', p_counted_cash: 500 });
    stop();
    expect(currentShift(restaurantId)()).toBeNull();
    expect(events[0]).toMatchObject({ kind: 'refused', failure: { code: 'shift_closed' } });
    expect(describeShiftFailure({ code: 'shift_closed' })).not.toContain('shift_closed');
  });

  it('a network failure changes nothing: the command is sent again later', async () => {
    markShiftClosing(restaurantId, 's1');
    rpc.answer = { data: null, error: { message: 'upstream', code: '' }, status: 503 };
    const result = await sendCloseShift({ restaurant_id: restaurantId, p_shift_id: 's1', p_counted_cash: 500 });
    expect(result).toMatchObject({ ok: false, failure: { transient: true } });
    expect(localShiftRecord(restaurantId)()?.closing).toBe(true);
  });
});

describe('open_shift sender', () => {
  it('marks the shift synced with the database times', async () => {
    rememberOpenedShift(restaurantId, {
      id: 's2',
      openedAt: '2026-12-01T09:00:00Z',
      openingFloat: 2000,
      synced: false,
    });
    rpc.answer = {
      data: { id: 's2', opened_at: '2026-12-01T09:00:03Z', opening_float: 2000 },
      error: null,
      status: 200,
    };
    await sendOpenShift({ p_shift_id: 's2', p_restaurant_id: restaurantId, p_device_id: 'd', p_opening_float: 2000 });
    expect(currentShift(restaurantId)()).toEqual({
      id: 's2',
      openedAt: '2026-12-01T09:00:03Z',
      openingFloat: 2000,
      synced: true,
    });
  });

  it('a refused open (another shift already open here) drops the device record', async () => {
    rememberOpenedShift(restaurantId, { id: 's3', openedAt: '2026-12-01T09:00:00Z', openingFloat: 0, synced: false });
    rpc.answer = refusal('shift_already_open');
    await sendOpenShift({ p_shift_id: 's3', p_restaurant_id: restaurantId, p_device_id: 'd', p_opening_float: 0 });
    expect(localShiftRecord(restaurantId)()).toBeNull();
  });
});
