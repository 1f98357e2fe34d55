import { describe, expect, it } from 'vitest';
import { makeRestaurant } from './fixtures.ts';
import { type Actor, expectCode, rpc, sql, tx, uuid } from './support.ts';

/** POS device codes for provisional order codes (…20261201001600_pos_device_codes.sql). */

const claim = (actor: Actor, restaurantId: string, deviceId: unknown) =>
  rpc<string>(actor, 'claim_device_code', { p_restaurant_id: restaurantId, p_device_id: deviceId });

describe('claim_device_code', () => {
  it('gives each device its own code, A then B, and the same code on every later claim', async () => {
    const r = await makeRestaurant();
    const [one, two] = [uuid(), uuid()];
    expect(await claim(r.as('cashier'), r.id, one)).toBe('A');
    expect(await claim(r.as('waiter'), r.id, two)).toBe('B');
    // The device keeps its code whoever is signed in on it.
    expect(await claim(r.as('owner'), r.id, one)).toBe('A');
    expect(await claim(r.as('manager'), r.id, two)).toBe('B');
    const rows = await sql('select device_id, code from public.pos_devices where restaurant_id = $1 order by code', [
      r.id,
    ]);
    expect(rows).toEqual([
      { device_id: one, code: 'A' },
      { device_id: two, code: 'B' },
    ]);
    // Codes are per restaurant: the same device starts at A elsewhere.
    const other = await makeRestaurant();
    expect(await claim(other.as('cashier'), other.id, two)).toBe('A');
  });

  it('goes on past Z with AA…ZZ, then AAA, and reuses a freed code first', async () => {
    const r = await makeRestaurant();
    // 700 devices already hold A…ZX; the next two claims get ZY and ZZ, the one after AAA.
    await sql(
      `insert into public.pos_devices (restaurant_id, device_id, code)
       select $1, 'seeded-' || n, private.device_code(n) from generate_series(1, 700) n`,
      [r.id],
    );
    expect(await claim(r.as('cashier'), r.id, 'dev-701')).toBe('ZY');
    expect(await claim(r.as('cashier'), r.id, 'dev-702')).toBe('ZZ');
    expect(await claim(r.as('cashier'), r.id, 'dev-703')).toBe('AAA');
    await sql(`delete from public.pos_devices where restaurant_id = $1 and code = 'AB'`, [r.id]);
    expect(await claim(r.as('cashier'), r.id, 'dev-704')).toBe('AB');
  });

  it('never hands one code to two devices claiming at the same moment', async () => {
    const r = await makeRestaurant();
    // The first claim's transaction is still open when the second starts: the second waits for it,
    // then takes the next code (without the lock both would pick A and one would fail).
    let second: Promise<string> | undefined;
    let secondDone = false;
    const first = await tx(r.as('cashier'), async (c) => {
      const code = (
        await c.query<{ code: string }>('select public.claim_device_code($1, $2) as code', [r.id, 'till-one'])
      ).rows[0]?.code;
      second = claim(r.as('waiter'), r.id, 'till-two');
      void second.then(() => {
        secondDone = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondDone).toBe(false);
      return code;
    });
    expect(first).toBe('A');
    expect(await second).toBe('B');

    // And many at once, each its own transaction: all different, A to H.
    const codes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claim(r.as(i % 2 ? 'cashier' : 'waiter'), r.id, `burst-${i}`)),
    );
    expect(new Set(codes).size).toBe(8);
    expect([...codes].sort()).toEqual(['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
  });

  it('is for staff who take orders in their own restaurant', async () => {
    const r = await makeRestaurant();
    const other = await makeRestaurant();
    await expectCode(claim(r.as('kitchen'), r.id, 'kds-1'), 'forbidden', '42501');
    await expectCode(claim(r.as('print_bridge'), r.id, 'bridge-1'), 'forbidden', '42501');
    // Another restaurant answers exactly like one that does not exist.
    const otherErr = await expectCode(claim(other.as('owner'), r.id, 'pos-1'), 'forbidden', '42501');
    const madeUpErr = await expectCode(claim(other.as('owner'), uuid(), 'pos-1'), 'forbidden', '42501');
    expect(otherErr.hint).toBe(madeUpErr.hint);
    await expectCode(claim(r.as('cashier'), null as unknown as string, 'pos-1'), 'forbidden', '42501');
    expect(await sql('select 1 from public.pos_devices where restaurant_id = $1', [r.id])).toEqual([]);
  });

  it('refuses a device id the app would not have made, writing nothing', async () => {
    const r = await makeRestaurant();
    for (const bad of [null, '', ' ', 'pos 1', 'x'.repeat(101), 'pos-1\n', "pos'1", 'é']) {
      await expectCode(claim(r.as('cashier'), r.id, bad), 'invalid_device_id');
    }
    expect(await sql('select 1 from public.pos_devices where restaurant_id = $1', [r.id])).toEqual([]);
    expect(await claim(r.as('cashier'), r.id, 'x'.repeat(100))).toBe('A');
  });

  it('lets members read their restaurant devices, and nobody write them directly', async () => {
    const r = await makeRestaurant();
    const other = await makeRestaurant();
    await claim(r.as('cashier'), r.id, 'pos-1');
    const read = (actor: Actor) =>
      tx(actor, async (c) => (await c.query('select code from public.pos_devices')).rows, { rollback: true });
    expect(await read(r.as('kitchen'))).toEqual([{ code: 'A' }]);
    expect(await read(other.as('owner'))).toEqual([]);
    await expectCode(
      tx(r.as('owner'), (c) =>
        c.query(`insert into public.pos_devices (restaurant_id, device_id, code) values ($1, 'mine', 'Q')`, [r.id]),
      ),
      'permission denied for table pos_devices',
      '42501',
    );
  });
});
