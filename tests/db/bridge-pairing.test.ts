import { describe, expect, it } from 'vitest';
import { createUser, makeRestaurant } from './fixtures.ts';
import { expectCode, rpc, rpcRows, sql, user } from './support.ts';

/** Pairing a print bridge with a one-time code (…20261202000400_bridge_pairing.sql). */

interface Pairing {
  id: string;
  code: string;
  label: string;
  expires_at: string;
}
interface Claim {
  status: 'paired' | 'refused';
  code?: string;
  restaurant_id?: string;
  restaurant_name?: string;
}

const newBridge = async () => user(await createUser({ anonymous: true }), true);
const claim = async (who: ReturnType<typeof user>, code: string) =>
  rpc<Claim>(who, 'claim_bridge_pairing', { p_code: code });
const membership = async (userId: string) =>
  sql<{ restaurant_id: string; role: string; display_name: string }>(
    'select restaurant_id, role, display_name from public.memberships where user_id = $1',
    [userId],
  );

describe('bridge pairing codes', () => {
  it('an owner creates a short code that an anonymous sign-in claims once, becoming the print bridge', async () => {
    const r = await makeRestaurant();
    const pairing = await rpc<Pairing>(r.as('owner'), 'create_bridge_pairing', {
      p_restaurant_id: r.id,
      p_label: 'Kitchen PC',
    });
    expect(pairing.code).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
    const minutes = (Date.parse(pairing.expires_at) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // Only the hash is stored.
    const [row] = await sql<{ code_hash: Buffer }>('select code_hash from public.bridge_pairings where id = $1', [
      pairing.id,
    ]);
    expect(row?.code_hash.toString('latin1')).not.toContain(pairing.code.replace('-', ''));

    const bridge = await newBridge();
    // Typed loosely: lower case, spaces, no dash.
    const typed = ` ${pairing.code.toLowerCase().replace('-', ' ')} `;
    expect(await claim(bridge, typed)).toMatchObject({ status: 'paired', restaurant_id: r.id });
    const bridgeId = (bridge as { id: string }).id;
    expect(await membership(bridgeId)).toEqual([
      { restaurant_id: r.id, role: 'print_bridge', display_name: 'Kitchen PC' },
    ]);
    // The bridge may now claim jobs.
    expect(await rpcRows(bridge, 'claim_print_jobs', { p_restaurant_id: r.id })).toBeInstanceOf(Array);

    // A used code pairs nobody else.
    const other = await newBridge();
    expect(await claim(other, pairing.code)).toMatchObject({ status: 'refused', code: 'pairing_code_used' });
    expect(await membership((other as { id: string }).id)).toEqual([]);
  });

  it('a wrong, expired or withdrawn code is refused with its code; five refusals lock the caller out', async () => {
    const r = await makeRestaurant();
    const bridge = await newBridge();
    expect(await claim(bridge, 'AAAAA-AAAAA')).toMatchObject({ status: 'refused', code: 'pairing_code_invalid' });
    expect(await claim(bridge, '')).toMatchObject({ status: 'refused', code: 'pairing_code_invalid' });

    const expired = await rpc<Pairing>(r.as('manager'), 'create_bridge_pairing', { p_restaurant_id: r.id });
    await sql(`update public.bridge_pairings set expires_at = now() - interval '1 second' where id = $1`, [expired.id]);
    expect(await claim(bridge, expired.code)).toMatchObject({ status: 'refused', code: 'pairing_code_expired' });

    const withdrawn = await rpc<Pairing>(r.as('owner'), 'create_bridge_pairing', { p_restaurant_id: r.id });
    await rpc(r.as('manager'), 'revoke_bridge_pairing', { p_pairing_id: withdrawn.id });
    expect(await claim(bridge, withdrawn.code)).toMatchObject({ status: 'refused', code: 'pairing_code_invalid' });

    // Five refusals: even the right code is refused for this caller now, and stays unused.
    const good = await rpc<Pairing>(r.as('owner'), 'create_bridge_pairing', { p_restaurant_id: r.id });
    expect(await claim(bridge, 'BBBBB-BBBBB')).toMatchObject({ code: 'pairing_code_invalid' });
    expect(await claim(bridge, good.code)).toMatchObject({ status: 'refused', code: 'pairing_rate_limited' });
    expect(await claim(await newBridge(), good.code)).toMatchObject({ status: 'paired' });
  });

  it('only anonymous sign-ins claim; only owners and managers create and withdraw; five codes wait at most', async () => {
    const r = await makeRestaurant();
    const pairing = await rpc<Pairing>(r.as('owner'), 'create_bridge_pairing', { p_restaurant_id: r.id });
    await expectCode(claim(r.as('cashier'), pairing.code), 'pairing_needs_anonymous', '42501');
    await expectCode(claim(user(await createUser()), pairing.code), 'pairing_needs_anonymous', '42501');
    for (const role of ['cashier', 'waiter', 'kitchen', 'print_bridge'] as const) {
      await expectCode(rpc(r.as(role), 'create_bridge_pairing', { p_restaurant_id: r.id }), 'forbidden', '42501');
      await expectCode(rpc(r.as(role), 'revoke_bridge_pairing', { p_pairing_id: pairing.id }), 'forbidden', '42501');
    }
    const outsider = await makeRestaurant();
    await expectCode(
      rpc(outsider.as('owner'), 'revoke_bridge_pairing', { p_pairing_id: pairing.id }),
      'pairing_not_found',
    );
    await expectCode(
      rpc(r.as('owner'), 'create_bridge_pairing', { p_restaurant_id: r.id, p_label: 'x'.repeat(61) }),
      'invalid_bridge_label',
    );
    for (let i = 0; i < 4; i++) await rpc(r.as('owner'), 'create_bridge_pairing', { p_restaurant_id: r.id });
    await expectCode(rpc(r.as('owner'), 'create_bridge_pairing', { p_restaurant_id: r.id }), 'too_many_pairing_codes');
  });

  it('removing the bridge member unpairs it: its claims are refused', async () => {
    const r = await makeRestaurant();
    const pairing = await rpc<Pairing>(r.as('owner'), 'create_bridge_pairing', { p_restaurant_id: r.id });
    const bridge = await newBridge();
    await claim(bridge, pairing.code);
    const bridgeId = (bridge as { id: string }).id;
    // A manager may remove a print bridge (remove_member).
    await rpc(r.as('manager'), 'remove_member', { p_restaurant_id: r.id, p_user_id: bridgeId });
    await expectCode(rpcRows(bridge, 'claim_print_jobs', { p_restaurant_id: r.id }), 'forbidden', '42501');
    // The same sign-in cannot pair itself again with the spent code.
    expect(await claim(bridge, pairing.code)).toMatchObject({ status: 'refused', code: 'pairing_code_used' });
  });
});
