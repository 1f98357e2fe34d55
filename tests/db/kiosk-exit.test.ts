import { describe, expect, it } from 'vitest';
import { makeRestaurant } from './fixtures.ts';
import { pairKiosk } from './kiosk-support.ts';
import { expectCode, rpc, sql } from './support.ts';

/** Leaving kiosk mode with the restaurant's exit PIN (…20261203003200_kiosk_exit_pin.sql). */

const exit = (k: Awaited<ReturnType<typeof pairKiosk>>, pin: string | null) =>
  rpc<{ status: string; code?: string }>(k.actor, 'kiosk_exit', { p_pin: pin });

describe('kiosk exit PIN', () => {
  it('owners and managers set a 4 to 8 digit PIN, stored as a bcrypt hash only', async () => {
    const r = await makeRestaurant();
    const k = await pairKiosk(r);
    expect(await exit(k, '1234')).toEqual({
      status: 'refused',
      code: 'kiosk_pin_not_set',
      hint: expect.any(String),
    });
    for (const bad of ['123', '123456789', '12a4', '', null]) {
      await expectCode(
        rpc(r.as('owner'), 'set_kiosk_exit_pin', { p_restaurant_id: r.id, p_pin: bad }),
        'invalid_kiosk_pin',
      );
    }
    for (const role of ['cashier', 'waiter', 'kitchen', 'print_bridge'] as const) {
      await expectCode(
        rpc(r.as(role), 'set_kiosk_exit_pin', { p_restaurant_id: r.id, p_pin: '2468' }),
        'forbidden',
        '42501',
      );
    }
    await expectCode(
      rpc(k.actor, 'set_kiosk_exit_pin', { p_restaurant_id: r.id, p_pin: '2468' }),
      'forbidden',
      '42501',
    );
    await rpc(r.as('manager'), 'set_kiosk_exit_pin', { p_restaurant_id: r.id, p_pin: '2468' });
    const [row] = await sql<{ pin_hash: string }>(
      'select pin_hash from private.kiosk_exit_pins where restaurant_id = $1',
      [r.id],
    );
    expect(row?.pin_hash).toMatch(/^\$2a\$08\$/);
    expect(row?.pin_hash).not.toContain('2468');
    expect(await exit(k, '2468')).toEqual({ status: 'ok', kiosk_id: k.kiosk.id });
    // Setting it again replaces it.
    await rpc(r.as('owner'), 'set_kiosk_exit_pin', { p_restaurant_id: r.id, p_pin: '13579' });
    expect(await exit(k, '2468')).toMatchObject({ status: 'refused', code: 'kiosk_pin_wrong' });
    expect(await exit(k, '13579')).toMatchObject({ status: 'ok' });
  });

  it('five wrong PINs lock the kiosk out for the window, even the right PIN; other kiosks are not affected', async () => {
    const r = await makeRestaurant();
    await rpc(r.as('owner'), 'set_kiosk_exit_pin', { p_restaurant_id: r.id, p_pin: '9090' });
    const k = await pairKiosk(r);
    const other = await pairKiosk(r);
    for (const pin of ['0000', '1111', null, '2222', '3333']) {
      expect(await exit(k, pin)).toMatchObject({ status: 'refused', code: 'kiosk_pin_wrong' });
    }
    expect(await exit(k, '9090')).toMatchObject({ status: 'refused', code: 'kiosk_exit_rate_limited' });
    expect(await exit(other, '9090')).toMatchObject({ status: 'ok' });
    // The window passes: the right PIN works again.
    await sql(`update private.kiosk_exit_failures set failed_at = now() - interval '16 minutes' where kiosk_id = $1`, [
      k.kiosk.id,
    ]);
    expect(await exit(k, '9090')).toMatchObject({ status: 'ok' });
    // Only a kiosk asks: staff and guests are not kiosks.
    await expectCode(rpc(r.as('owner'), 'kiosk_exit', { p_pin: '9090' }), 'kiosk_not_paired', '42501');
  });

  it("another restaurant's PIN does not open this kiosk", async () => {
    const r = await makeRestaurant();
    const other = await makeRestaurant();
    await rpc(r.as('owner'), 'set_kiosk_exit_pin', { p_restaurant_id: r.id, p_pin: '1111' });
    await rpc(other.as('owner'), 'set_kiosk_exit_pin', { p_restaurant_id: other.id, p_pin: '2222' });
    const k = await pairKiosk(r);
    expect(await exit(k, '2222')).toMatchObject({ code: 'kiosk_pin_wrong' });
    expect(await exit(k, '1111')).toMatchObject({ status: 'ok' });
    await expectCode(
      rpc(other.as('owner'), 'set_kiosk_exit_pin', { p_restaurant_id: r.id, p_pin: '3333' }),
      'forbidden',
      '42501',
    );
  });
});
