import { describe, expect, it } from 'vitest';
import { createUser, makeRestaurant } from './fixtures.ts';
import { expectCode, rpc, sql, tx, user, uuid } from './support.ts';

const createArgs = (over: Record<string, unknown> = {}) => ({
  p_slug: `bistro-${uuid().slice(0, 8)}`,
  p_name: 'Le Petit Bistro',
  p_country: 'FR',
  p_timezone: 'Europe/Paris',
  p_currency: 'EUR',
  ...over,
});

describe('create_restaurant', () => {
  it('makes the caller its owner', async () => {
    const me = await createUser();
    const row = await rpc<{ id: string; slug: string }>(user(me), 'create_restaurant', createArgs());
    const members = await sql('select user_id, role::text as role from public.memberships where restaurant_id = $1', [
      row.id,
    ]);
    expect(members).toEqual([{ user_id: me, role: 'owner' }]);
  });

  it('validates the slug, currency, time zone and tax rate; a taken slug is refused', async () => {
    const me = user(await createUser());
    for (const [over, code] of [
      [{ p_slug: 'A' }, 'invalid_slug'],
      [{ p_slug: 'has space' }, 'invalid_slug'],
      [{ p_slug: '-dash' }, 'invalid_slug'],
      [{ p_currency: 'XXX' }, 'invalid_currency'],
      [{ p_timezone: 'Mars/Olympus' }, 'invalid_timezone'],
      [{ p_tax_rate_bp: -1 }, 'invalid_tax_rate'],
      [{ p_country: 'France' }, 'invalid_country'],
      [{ p_name: '  ' }, 'invalid_name'],
    ] as const) {
      await expectCode(rpc(me, 'create_restaurant', createArgs(over)), code);
    }
    const args = createArgs();
    await rpc(me, 'create_restaurant', args);
    await expectCode(rpc(user(await createUser()), 'create_restaurant', args), 'slug_taken');
  });

  it('guests (anonymous sign-ins) cannot create restaurants', async () => {
    const guest = user(await createUser({ anonymous: true }), true);
    await expectCode(rpc(guest, 'create_restaurant', createArgs()), 'anonymous_not_allowed', '42501');
  });
});

describe('invites and roles', () => {
  it('a join code is single-use and expires', async () => {
    const r = await makeRestaurant();
    const invite = await rpc<{ code: string; id: string }>(r.as('manager'), 'create_invite', {
      p_restaurant_id: r.id,
      p_role: 'cashier',
    });
    expect(invite.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    const newcomer = await createUser();
    const m = await rpc<{ role: string }>(user(newcomer), 'accept_invite', { p_code: invite.code.toLowerCase() });
    expect(m.role).toBe('cashier');
    await expectCode(rpc(user(await createUser()), 'accept_invite', { p_code: invite.code }), 'invite_used');

    const old = await rpc<{ code: string; id: string }>(r.as('owner'), 'create_invite', {
      p_restaurant_id: r.id,
      p_role: 'waiter',
      p_valid_hours: 1,
    });
    await sql(`update public.invites set expires_at = now() - interval '1 minute' where id = $1`, [old.id]);
    await expectCode(rpc(user(await createUser()), 'accept_invite', { p_code: old.code }), 'invite_expired');
    await expectCode(rpc(user(await createUser()), 'accept_invite', { p_code: 'ABCDEFGHJK' }), 'invite_not_found');
    const revoked = await rpc<{ code: string; id: string }>(r.as('owner'), 'create_invite', {
      p_restaurant_id: r.id,
      p_role: 'waiter',
    });
    await rpc(r.as('owner'), 'revoke_invite', { p_invite_id: revoked.id });
    await expectCode(rpc(user(await createUser()), 'accept_invite', { p_code: revoked.code }), 'invite_not_found');
  });

  it('managers invite and manage floor staff only; owners manage everyone', async () => {
    const r = await makeRestaurant();
    await expectCode(
      rpc(r.as('manager'), 'create_invite', { p_restaurant_id: r.id, p_role: 'owner' }),
      'forbidden',
      '42501',
    );
    await expectCode(
      rpc(r.as('manager'), 'create_invite', { p_restaurant_id: r.id, p_role: 'manager' }),
      'forbidden',
      '42501',
    );
    await expectCode(
      rpc(r.as('cashier'), 'create_invite', { p_restaurant_id: r.id, p_role: 'waiter' }),
      'forbidden',
      '42501',
    );
    await expectCode(
      rpc(r.as('manager'), 'change_member_role', { p_restaurant_id: r.id, p_user_id: r.users.owner, p_role: 'waiter' }),
      'forbidden',
      '42501',
    );
    const changed = await rpc<{ role: string }>(r.as('manager'), 'change_member_role', {
      p_restaurant_id: r.id,
      p_user_id: r.users.waiter,
      p_role: 'cashier',
    });
    expect(changed.role).toBe('cashier');
    await rpc(r.as('owner'), 'change_member_role', {
      p_restaurant_id: r.id,
      p_user_id: r.users.manager,
      p_role: 'owner',
    });
  });

  it('never leaves a restaurant without an owner', async () => {
    const r = await makeRestaurant();
    await expectCode(
      rpc(r.as('owner'), 'change_member_role', { p_restaurant_id: r.id, p_user_id: r.users.owner, p_role: 'manager' }),
      'last_owner',
    );
    await expectCode(
      rpc(r.as('owner'), 'remove_member', { p_restaurant_id: r.id, p_user_id: r.users.owner }),
      'last_owner',
    );
    await rpc(r.as('owner'), 'change_member_role', {
      p_restaurant_id: r.id,
      p_user_id: r.users.manager,
      p_role: 'owner',
    });
    await rpc(r.as('owner'), 'remove_member', { p_restaurant_id: r.id, p_user_id: r.users.owner });
    const owners = await sql(`select user_id from public.memberships where restaurant_id = $1 and role = 'owner'`, [
      r.id,
    ]);
    expect(owners).toEqual([{ user_id: r.users.manager }]);
  });

  it('members see their own restaurants only', async () => {
    const a = await makeRestaurant();
    await makeRestaurant();
    const seen = await tx(a.as('kitchen'), async (c) => (await c.query('select id from public.restaurants')).rows);
    expect(seen).toEqual([{ id: a.id }]);
  });
});

describe('menu sync', () => {
  it('get_menu returns the whole menu, then only what changed since a version (with deletions)', async () => {
    const r = await makeRestaurant();
    type Menu = {
      version: number;
      full: boolean;
      items: Array<{ id: string; name: string }>;
      deleted: Array<{ entity: string; id: string }>;
    };
    const full = await rpc<Menu>(r.as('cashier'), 'get_menu', { p_restaurant_id: r.id });
    expect(full.full).toBe(true);
    expect(full.items.map((i) => i.name).sort()).toEqual(['Burger', 'Fries', 'Lobster', 'Soda']);
    const same = await rpc<Menu>(r.as('cashier'), 'get_menu', { p_restaurant_id: r.id, p_since_version: full.version });
    expect(same).toMatchObject({ full: false, items: [], deleted: [] });

    await tx(r.as('manager'), async (c) => {
      await c.query(`update public.menu_items set price = 1300 where id = $1`, [r.burger]);
      await c.query(`delete from public.menu_items where id = $1`, [r.soldOut]);
    });
    const delta = await rpc<Menu>(r.as('cashier'), 'get_menu', {
      p_restaurant_id: r.id,
      p_since_version: full.version,
    });
    expect(delta.version).toBe(full.version + 2);
    expect(delta.items.map((i) => i.id)).toEqual([r.burger]);
    expect(delta.deleted).toEqual([{ entity: 'menu_items', id: r.soldOut }]);
  });

  it('cashiers cannot edit the menu; another restaurant cannot read it', async () => {
    const r = await makeRestaurant();
    const other = await makeRestaurant();
    const updated = await tx(
      r.as('cashier'),
      async (c) => (await c.query(`update public.menu_items set price = 1 where id = $1`, [r.burger])).rowCount,
    );
    expect(updated).toBe(0);
    await expectCode(rpc(other.as('owner'), 'get_menu', { p_restaurant_id: r.id }), 'forbidden', '42501');
  });

  it('a guest sees the menu of the table they scanned (sold-out marked), and a rotated token stops working', async () => {
    const r = await makeRestaurant();
    const guest = user(await createUser({ anonymous: true }), true);
    const menu = await rpc<{
      table: { label: string };
      items: Array<{ name: string; available: boolean; modifier_groups: Array<{ options: unknown[] }> }>;
    }>(guest, 'guest_menu', { p_qr_token: r.qr1 });
    expect(menu.table.label).toBe('T1');
    // Sold-out items and options are listed with available: false, for the page to grey out.
    expect(
      menu.items
        .filter((i) => i.available)
        .map((i) => i.name)
        .sort(),
    ).toEqual(['Burger', 'Fries', 'Soda']);
    expect(menu.items.filter((i) => !i.available).map((i) => i.name)).toEqual(['Lobster']);
    const burger = menu.items.find((i) => i.name === 'Burger');
    expect(burger?.modifier_groups.map((g) => g.options.length)).toEqual([3, 4]);
    const rotated = await rpc<{ qr_token: string }>(r.as('owner'), 'rotate_table_token', { p_table_id: r.table1 });
    expect(rotated.qr_token).not.toBe(r.qr1);
    expect(rotated.qr_token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await expectCode(rpc(guest, 'guest_menu', { p_qr_token: r.qr1 }), 'table_not_found');
  });
});
