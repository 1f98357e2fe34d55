import { describe, expect, it } from 'vitest';
import { createUser, makeRestaurant } from './fixtures.ts';
import { type KioskJson, kioskPayload, pairKiosk } from './kiosk-support.ts';
import { type Actor, expectCode, rpc, sql, tx, user } from './support.ts';
import { canReceive } from './topics.ts';

/** Pairing, settings and revocation of self-order kiosks (…20261203003100_kiosk_pairing.sql). */

interface Claim {
  status: 'paired' | 'refused';
  code?: string;
  restaurant_id?: string;
  kiosk?: KioskJson;
}
const claim = (who: ReturnType<typeof user>, code: string) => rpc<Claim>(who, 'claim_kiosk_pairing', { p_code: code });
const newTablet = async () => user(await createUser({ anonymous: true }), true);
/** What the tablet hears on its own topic, oldest first (the topic is unique to the kiosk). */
const kioskMessages = (kioskId: string) =>
  sql<{ event: string; private: boolean; payload: Record<string, unknown> }>(
    `select event, private, payload from realtime.messages where topic = $1 order by inserted_at, id`,
    [`kiosk:${kioskId}`],
  );

describe('kiosk pairing', () => {
  it('an owner creates a code; a fresh anonymous sign-in claims it once and becomes the kiosk member', async () => {
    const r = await makeRestaurant();
    const pairing = await rpc<{ id: string; code: string; label: string }>(r.as('owner'), 'create_kiosk_pairing', {
      p_restaurant_id: r.id,
      p_label: 'Door',
    });
    expect(pairing.code).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
    const [stored] = await sql<{ code_hash: Buffer; claimed_at: string | null }>(
      'select code_hash, claimed_at from public.kiosks where id = $1',
      [pairing.id],
    );
    expect(stored?.code_hash.toString('latin1')).not.toContain(pairing.code.replace('-', ''));
    expect(stored?.claimed_at).toBeNull();

    const tablet = await newTablet();
    const got = await claim(tablet, ` ${pairing.code.toLowerCase()} `);
    expect(got).toMatchObject({
      status: 'paired',
      restaurant_id: r.id,
      kiosk: { id: pairing.id, label: 'Door', mode: 'pay_at_counter', device_code: 'K', paired: true, revoked: false },
    });
    const tabletId = (tablet as { id: string }).id;
    expect(await sql('select role, display_name from public.memberships where user_id = $1', [tabletId])).toEqual([
      { role: 'kiosk', display_name: 'Door' },
    ]);
    // The code is spent; a second kiosk gets the next device code, and tills skip the kiosks' codes.
    expect(await claim(await newTablet(), pairing.code)).toMatchObject({
      status: 'refused',
      code: 'pairing_code_used',
    });
    const second = await pairKiosk(r);
    expect(second.kiosk.device_code).toBe('KA');
    for (let i = 0; i < 12; i++) {
      await rpc(r.as('cashier'), 'claim_device_code', { p_restaurant_id: r.id, p_device_id: `till-${i}` });
    }
    const codes = await sql<{ code: string }>(
      `select code from public.pos_devices where restaurant_id = $1 and device_id like 'till-%' order by code`,
      [r.id],
    );
    expect(codes.map((c) => c.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'L', 'M']);
  });

  it('wrong, expired, withdrawn and print-bridge codes are refused and counted; people and staff never pair', async () => {
    const r = await makeRestaurant();
    const tablet = await newTablet();
    expect(await claim(tablet, 'AAAAA-AAAAA')).toMatchObject({ status: 'refused', code: 'pairing_code_invalid' });
    const expired = await rpc<{ id: string; code: string }>(r.as('manager'), 'create_kiosk_pairing', {
      p_restaurant_id: r.id,
    });
    await sql(`update public.kiosks set expires_at = now() - interval '1 second' where id = $1`, [expired.id]);
    expect(await claim(tablet, expired.code)).toMatchObject({ code: 'pairing_code_expired' });
    const withdrawn = await rpc<{ id: string; code: string }>(r.as('owner'), 'create_kiosk_pairing', {
      p_restaurant_id: r.id,
    });
    expect(await rpc<KioskJson>(r.as('manager'), 'revoke_kiosk', { p_kiosk_id: withdrawn.id })).toMatchObject({
      revoked: true,
      paired: false,
    });
    expect(await claim(tablet, withdrawn.code)).toMatchObject({ code: 'pairing_code_invalid' });
    const bridgeCode = await rpc<{ code: string }>(r.as('owner'), 'create_bridge_pairing', { p_restaurant_id: r.id });
    expect(await claim(tablet, bridgeCode.code)).toMatchObject({ code: 'pairing_code_invalid' });
    const good = await rpc<{ code: string }>(r.as('owner'), 'create_kiosk_pairing', { p_restaurant_id: r.id });
    expect(await claim(tablet, 'BBBBB-BBBBB')).toMatchObject({ code: 'pairing_code_invalid' });
    expect(await claim(tablet, good.code)).toMatchObject({ status: 'refused', code: 'pairing_rate_limited' });
    expect(await sql('select 1 from public.memberships where user_id = $1', [(tablet as { id: string }).id])).toEqual(
      [],
    );

    await expectCode(claim(r.as('cashier'), good.code), 'pairing_needs_anonymous', '42501');
    await expectCode(claim(user(await createUser()), good.code), 'pairing_needs_anonymous', '42501');
    for (const role of ['cashier', 'waiter', 'kitchen', 'print_bridge'] as const) {
      await expectCode(rpc(r.as(role), 'create_kiosk_pairing', { p_restaurant_id: r.id }), 'forbidden', '42501');
    }
    await expectCode(
      rpc(r.as('owner'), 'create_kiosk_pairing', { p_restaurant_id: r.id, p_label: 'x'.repeat(61) }),
      'invalid_kiosk_label',
    );
    // A paired kiosk cannot pair again elsewhere (already_member).
    const k = await pairKiosk(r);
    const other = await makeRestaurant();
    const code = await rpc<{ code: string }>(other.as('owner'), 'create_kiosk_pairing', { p_restaurant_id: other.id });
    expect(await claim(k.actor, code.code)).toMatchObject({ status: 'refused', code: 'already_member' });
  });

  it('a kiosk role comes only from pairing: invites and role changes to or from kiosk are refused', async () => {
    const r = await makeRestaurant();
    await expectCode(
      rpc(r.as('owner'), 'create_invite', { p_restaurant_id: r.id, p_role: 'kiosk' }),
      'forbidden',
      '42501',
    );
    await expectCode(
      rpc(r.as('owner'), 'change_member_role', { p_restaurant_id: r.id, p_user_id: r.users.waiter, p_role: 'kiosk' }),
      'forbidden',
      '42501',
    );
    const k = await pairKiosk(r);
    await expectCode(
      rpc(r.as('owner'), 'change_member_role', { p_restaurant_id: r.id, p_user_id: k.userId, p_role: 'cashier' }),
      'forbidden',
      '42501',
    );
    expect(await sql('select role from public.memberships where user_id = $1', [k.userId])).toEqual([
      { role: 'kiosk' },
    ]);
  });

  it('settings: owners and managers change mode, idle time and limits; bad values write nothing', async () => {
    const r = await makeRestaurant();
    const k = await pairKiosk(r);
    const changed = await rpc<KioskJson>(r.as('manager'), 'update_kiosk', {
      p_kiosk_id: k.kiosk.id,
      p_settings: { label: 'Terrace', mode: 'direct', idle_reset_seconds: 45, max_lines: 5, max_items: 12 },
    });
    expect(changed).toMatchObject({
      label: 'Terrace',
      mode: 'direct',
      idle_reset_seconds: 45,
      max_lines: 5,
      max_items: 12,
    });
    // The tablet hears its new settings at once.
    expect(await kioskMessages(k.kiosk.id)).toEqual([
      { event: 'kiosk_updated', private: true, payload: expect.objectContaining({ id: k.kiosk.id, mode: 'direct' }) },
    ]);
    expect(await sql('select display_name from public.memberships where user_id = $1', [k.userId])).toEqual([
      { display_name: 'Terrace' },
    ]);
    const bad: [Record<string, unknown>, string][] = [
      [{ mode: 'free' }, 'invalid_kiosk_setting'],
      [{ idle_reset_seconds: 10 }, 'invalid_kiosk_setting'],
      [{ max_lines: 101 }, 'invalid_kiosk_setting'],
      [{ max_items: 2.5 }, 'invalid_kiosk_setting'],
      [{ max_items: '5' }, 'invalid_kiosk_setting'],
      [{ label: ' ' }, 'invalid_kiosk_label'],
      [{ restaurant_id: r.id }, 'unknown_field'],
      [{ device_code: 'A' }, 'unknown_field'],
    ];
    for (const [settings, code] of bad) {
      await expectCode(rpc(r.as('owner'), 'update_kiosk', { p_kiosk_id: k.kiosk.id, p_settings: settings }), code);
    }
    const [row] = await sql(
      'select label, mode, idle_reset_seconds, max_lines, max_items from public.kiosks where id = $1',
      [k.kiosk.id],
    );
    expect(row).toEqual({ label: 'Terrace', mode: 'direct', idle_reset_seconds: 45, max_lines: 5, max_items: 12 });
    for (const role of ['cashier', 'waiter', 'kitchen'] as const) {
      await expectCode(
        rpc(r.as(role), 'update_kiosk', { p_kiosk_id: k.kiosk.id, p_settings: { mode: 'direct' } }),
        'forbidden',
        '42501',
      );
    }
    await expectCode(rpc(k.actor, 'update_kiosk', { p_kiosk_id: k.kiosk.id, p_settings: {} }), 'forbidden', '42501');
    // Another restaurant's kiosk is answered like a made-up one.
    const other = await makeRestaurant();
    await expectCode(
      rpc(other.as('owner'), 'update_kiosk', { p_kiosk_id: k.kiosk.id, p_settings: {} }),
      'kiosk_not_found',
    );
    await expectCode(rpc(other.as('owner'), 'revoke_kiosk', { p_kiosk_id: k.kiosk.id }), 'kiosk_not_found');
  });

  it('a kiosk is no staff: it reads no table, joins no staff topic, and calls no staff function', async () => {
    const r = await makeRestaurant();
    const k = await pairKiosk(r);
    for (const table of ['orders', 'order_lines', 'menu_items', 'restaurants', 'kiosks', 'printers', 'pos_devices']) {
      const where = table === 'restaurants' ? 'id' : 'restaurant_id';
      const rows = await rpcSelect(k.actor, `select count(*)::int as n from public.${table} where ${where} = $1`, [
        r.id,
      ]);
      expect({ table, n: rows }).toEqual({ table, n: 0 });
    }
    // Its own membership row only (every member sees their own), not the staff's.
    expect(
      await rpcSelect(k.actor, 'select count(*)::int as n from public.memberships where restaurant_id = $1', [r.id]),
    ).toBe(1);
    expect(await canReceive(k.actor, `restaurant:${r.id}:orders`)).toBe(false);
    expect(await canReceive(k.actor, `restaurant:${r.id}:print`)).toBe(false);
    expect(await canReceive(k.actor, `restaurant:${r.id}:menu`)).toBe(true);
    expect(await canReceive(k.actor, `restaurant:${r.id}:guest`)).toBe(true);
    expect(await canReceive(k.actor, `kiosk:${k.kiosk.id}`)).toBe(true);
    const other = await pairKiosk(r);
    expect(await canReceive(k.actor, `kiosk:${other.kiosk.id}`)).toBe(false);
    expect(await canReceive(r.as('owner'), `kiosk:${k.kiosk.id}`)).toBe(false);
    await expectCode(rpc(k.actor, 'get_menu', { p_restaurant_id: r.id }), 'forbidden', '42501');
    await expectCode(
      rpc(k.actor, 'place_order', { p_order: { restaurant_id: r.id, id: k.kiosk.id } }),
      'forbidden',
      '42501',
    );
  });

  it('revoking (or removing the member) signs the kiosk out: every kiosk call is refused', async () => {
    const r = await makeRestaurant({ guestOrdering: 'off' });
    const k = await pairKiosk(r);
    await rpc(k.actor, 'kiosk_menu', {});
    const revoked = await rpc<KioskJson>(r.as('manager'), 'revoke_kiosk', { p_kiosk_id: k.kiosk.id });
    expect(revoked).toMatchObject({ id: k.kiosk.id, revoked: true, paired: true });
    expect(await sql('select 1 from public.memberships where user_id = $1', [k.userId])).toEqual([]);
    expect((await kioskMessages(k.kiosk.id)).map((x) => [x.event, x.payload.kiosk_id])).toEqual([
      ['kiosk_revoked', k.kiosk.id],
    ]);
    await expectCode(rpc(k.actor, 'kiosk_menu', {}), 'kiosk_not_paired', '42501');
    await expectCode(
      rpc(k.actor, 'kiosk_place_order', { p_order: kioskPayload(r, k, 1) }),
      'kiosk_not_paired',
      '42501',
    );
    await expectCode(rpc(k.actor, 'kiosk_exit', { p_pin: '1234' }), 'kiosk_not_paired', '42501');
    expect(await canReceive(k.actor, `kiosk:${k.kiosk.id}`)).toBe(false);
    expect(await canReceive(k.actor, `restaurant:${r.id}:guest`)).toBe(false);
    // Idempotent, and settings of a revoked kiosk are refused.
    expect(await rpc<KioskJson>(r.as('owner'), 'revoke_kiosk', { p_kiosk_id: k.kiosk.id })).toMatchObject({
      revoked: true,
    });
    await expectCode(
      rpc(r.as('owner'), 'update_kiosk', { p_kiosk_id: k.kiosk.id, p_settings: { mode: 'direct' } }),
      'kiosk_revoked',
    );

    const k2 = await pairKiosk(r);
    await rpc(r.as('manager'), 'remove_member', { p_restaurant_id: r.id, p_user_id: k2.userId });
    expect((await kioskMessages(k2.kiosk.id)).map((x) => x.event)).toEqual(['kiosk_revoked']);
    expect(
      (
        await sql<{ revoked: boolean }>('select revoked_at is not null as revoked from public.kiosks where id = $1', [
          k2.kiosk.id,
        ])
      )[0]?.revoked,
    ).toBe(true);
    await expectCode(rpc(k2.actor, 'kiosk_menu', {}), 'kiosk_not_paired', '42501');
    // A plain anonymous sign-in (a guest) is no kiosk either.
    await expectCode(rpc(await newTablet(), 'kiosk_menu', {}), 'kiosk_not_paired', '42501');
  });
});

/** A count read as the actor, through RLS. */
function rpcSelect(actor: Actor, text: string, values: unknown[]): Promise<number> {
  return tx(actor, async (c) => (await c.query(text, values)).rows[0]?.n ?? 0, { rollback: true });
}
