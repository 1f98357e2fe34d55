import { describe, expect, it } from 'vitest';
import { anonClient } from '../support/clients.ts';
import { createUser, makeRestaurant } from './fixtures.ts';
import { anon, expectCode, rpc, sql, stack, tx, user, uuid } from './support.ts';

/**
 * Members are named from their sign-up metadata (or their email) whichever path adds them, and
 * each may rename themself, in one restaurant at a time, and nobody else.
 */

/** A user as GoTrue stores one signed up with `options.data` (the app sends `display_name`). */
async function signedUpUser(
  metadata: Record<string, unknown>,
  label = 'named',
): Promise<{ id: string; email: string }> {
  const id = await createUser({ label });
  await sql(`update auth.users set raw_user_meta_data = $2::jsonb where id = $1`, [id, JSON.stringify(metadata)]);
  const [row] = await sql<{ email: string }>('select email from auth.users where id = $1', [id]);
  return { id, email: row?.email ?? '' };
}

const newRestaurant = (me: string) =>
  rpc<{ id: string }>(user(me), 'create_restaurant', {
    p_slug: `names-${uuid().slice(0, 8)}`,
    p_name: 'Chez Nom',
    p_country: 'FR',
    p_timezone: 'Europe/Paris',
    p_currency: 'EUR',
  });

async function displayName(restaurantId: string, userId: string): Promise<string | null | undefined> {
  const [row] = await sql<{ display_name: string | null }>(
    'select display_name from public.memberships where restaurant_id = $1 and user_id = $2',
    [restaurantId, userId],
  );
  return row?.display_name;
}

describe('a new member is named', () => {
  it('from the name given at sign-up through supabase-js, when they create a restaurant', async () => {
    const client = anonClient(stack);
    const { data, error } = await client.auth.signUp({
      email: `amina-${uuid().slice(0, 8)}@names.comanda.test`,
      password: 'secret-123456',
      options: { data: { display_name: '  Amina Diallo ', locale: 'fr' } },
    });
    expect(error).toBeNull();
    if (!data.user || !data.session) throw new Error('sign-up gave no session (email confirmation is on?)');
    const created = await client.rpc('create_restaurant', {
      p_slug: `names-${uuid().slice(0, 8)}`,
      p_name: 'Chez Amina',
      p_country: 'FR',
      p_timezone: 'Europe/Paris',
      p_currency: 'EUR',
    });
    expect(created.error).toBeNull();
    const members = await client
      .from('memberships')
      .select('user_id, display_name')
      .eq('restaurant_id', created.data.id);
    expect(members.data).toEqual([{ user_id: data.user.id, display_name: 'Amina Diallo' }]);
  });

  it("from the joiner's own sign-up name when they accept a join code", async () => {
    const r = await makeRestaurant();
    const invite = await rpc<{ code: string }>(r.as('owner'), 'create_invite', {
      p_restaurant_id: r.id,
      p_role: 'cashier',
    });
    const joiner = await signedUpUser({ display_name: 'Kofi Mensah' });
    await rpc(user(joiner.id), 'accept_invite', { p_code: invite.code });
    expect(await displayName(r.id, joiner.id)).toBe('Kofi Mensah');
  });

  it('from the local part of their email without a usable sign-up name; a long name is cut to 100', async () => {
    for (const metadata of [{}, { display_name: '   ' }, { display_name: 42 }, { display_name: null }]) {
      const plain = await signedUpUser(metadata, 'plain');
      const restaurant = await newRestaurant(plain.id);
      expect(await displayName(restaurant.id, plain.id), JSON.stringify(metadata)).toBe(plain.email.split('@')[0]);
    }
    const verbose = await signedUpUser({ display_name: `${'é'.repeat(99)}  tail` });
    const restaurant = await newRestaurant(verbose.id);
    expect(await displayName(restaurant.id, verbose.id)).toBe('é'.repeat(99));
  });

  it('keeps a name the inserting path gives (the seed names its demo staff), trimmed', async () => {
    const r = await makeRestaurant();
    const someone = await createUser();
    await sql(
      `insert into public.memberships (restaurant_id, user_id, role, display_name) values ($1, $2, 'waiter', ' Aya ')`,
      [r.id, someone],
    );
    expect(await displayName(r.id, someone)).toBe('Aya');
  });
});

describe('set_my_display_name', () => {
  it('renames the caller in that restaurant only, trimmed', async () => {
    const r = await makeRestaurant();
    const other = await makeRestaurant();
    await sql(`insert into public.memberships (restaurant_id, user_id, role) values ($1, $2, 'waiter')`, [
      other.id,
      r.users.cashier,
    ]);
    const row = await rpc<{ display_name: string; role: string; user_id: string }>(
      r.as('cashier'),
      'set_my_display_name',
      { p_restaurant_id: r.id, p_display_name: '\u00a0Fatou D.\t' },
    );
    expect(row).toMatchObject({ display_name: 'Fatou D.', role: 'cashier', user_id: r.users.cashier });
    expect(await displayName(r.id, r.users.cashier)).toBe('Fatou D.');
    expect(await displayName(other.id, r.users.cashier)).not.toBe('Fatou D.');
    // 100 characters, counted as characters rather than bytes, is still allowed.
    const longest = 'ñ'.repeat(100);
    await rpc(r.as('cashier'), 'set_my_display_name', { p_restaurant_id: r.id, p_display_name: longest });
    expect(await displayName(r.id, r.users.cashier)).toBe(longest);
  });

  it('refuses a blank or missing name and one over 100 characters, changing nothing', async () => {
    const r = await makeRestaurant();
    const before = await displayName(r.id, r.users.waiter);
    for (const blank of ['', '   ', '\n\u3000', null]) {
      const err = await expectCode(
        rpc(r.as('waiter'), 'set_my_display_name', { p_restaurant_id: r.id, p_display_name: blank }),
        'display_name_required',
      );
      expect(err.hint).toBeTruthy();
    }
    const err = await expectCode(
      rpc(r.as('waiter'), 'set_my_display_name', { p_restaurant_id: r.id, p_display_name: 'x'.repeat(101) }),
      'display_name_too_long',
    );
    expect(JSON.parse(err.detail ?? '{}')).toEqual({ length: 101, max: 100 });
    expect(await displayName(r.id, r.users.waiter)).toBe(before);
  });

  it('refuses someone who does not work there, a guest and anon', async () => {
    const r = await makeRestaurant();
    const outsider = await makeRestaurant();
    await expectCode(
      rpc(outsider.as('owner'), 'set_my_display_name', { p_restaurant_id: r.id, p_display_name: 'Intruder' }),
      'forbidden',
      '42501',
    );
    const guest = user(await createUser({ anonymous: true }), true);
    await expectCode(
      rpc(guest, 'set_my_display_name', { p_restaurant_id: r.id, p_display_name: 'Guest' }),
      'forbidden',
      '42501',
    );
    await expectCode(
      rpc(user(uuid()), 'set_my_display_name', { p_restaurant_id: r.id, p_display_name: 'Ghost' }),
      'forbidden',
      '42501',
    );
    // anon may not even call it: PostgreSQL refuses before the function runs.
    await expectCode(
      rpc(anon, 'set_my_display_name', { p_restaurant_id: r.id, p_display_name: 'Anon' }),
      'permission denied for function set_my_display_name',
      '42501',
    );
    const names = await sql(
      `select display_name from public.memberships where display_name in ('Intruder', 'Guest', 'Ghost', 'Anon')`,
    );
    expect(names).toEqual([]);
  });

  it('a member cannot rename another: the call renames the caller, direct updates are refused', async () => {
    const r = await makeRestaurant();
    const cashierBefore = await displayName(r.id, r.users.cashier);
    await rpc(r.as('owner'), 'set_my_display_name', { p_restaurant_id: r.id, p_display_name: 'Boss' });
    expect(await displayName(r.id, r.users.owner)).toBe('Boss');
    expect(await displayName(r.id, r.users.cashier)).toBe(cashierBefore);
    await expectCode(
      tx(r.as('owner'), (c) =>
        c.query(`update public.memberships set display_name = 'Renamed' where restaurant_id = $1 and user_id = $2`, [
          r.id,
          r.users.cashier,
        ]),
      ),
      'permission denied for table memberships',
      '42501',
    );
    expect(await displayName(r.id, r.users.cashier)).toBe(cashierBefore);
  });
});
