import { createUser, type Restaurant } from './fixtures.ts';
import { type Actor, rpc, user, uuid } from './support.ts';

/** Shared by tests/db/kiosk-*.test.ts: pairing a kiosk tablet and its payloads. */

export interface KioskJson {
  id: string;
  restaurant_id: string;
  label: string;
  mode: 'direct' | 'pay_at_counter';
  idle_reset_seconds: number;
  max_lines: number;
  max_items: number;
  device_code: string | null;
  paired: boolean;
  revoked: boolean;
}

export interface KioskOrder {
  id: string;
  source: string;
  kiosk_id: string;
  status: string;
  number: number | null;
  provisional_code: string | null;
  type: string;
  total: number;
  paid: number;
  version: number;
  awaiting_payment: boolean;
  lines: { name: string; qty: number; unit_price: number; kitchen_status: string }[];
}

export interface PairedKiosk {
  actor: Actor;
  userId: string;
  kiosk: KioskJson;
}

/** Creates a kiosk pairing code as the owner and claims it from a fresh anonymous sign-in. */
export async function pairKiosk(
  r: Restaurant,
  settings: Record<string, unknown> = {},
  label = 'Entrance',
): Promise<PairedKiosk> {
  const pairing = await rpc<{ id: string; code: string }>(r.as('owner'), 'create_kiosk_pairing', {
    p_restaurant_id: r.id,
    p_label: label,
  });
  const userId = await createUser({ anonymous: true });
  const actor = user(userId, true);
  const claim = await rpc<{ status: string; kiosk: KioskJson }>(actor, 'claim_kiosk_pairing', { p_code: pairing.code });
  if (claim.status !== 'paired') throw new Error(`kiosk pairing refused: ${JSON.stringify(claim)}`);
  let kiosk = claim.kiosk;
  if (Object.keys(settings).length > 0) {
    kiosk = await rpc<KioskJson>(r.as('manager'), 'update_kiosk', { p_kiosk_id: kiosk.id, p_settings: settings });
  }
  return { actor, userId, kiosk };
}

/** A customer's order at a kiosk: a medium burger with cheese and a soda. */
export function kioskPayload(r: Restaurant, k: PairedKiosk, seq: number, extra: Record<string, unknown> = {}) {
  return {
    id: uuid(),
    type: 'takeaway',
    provisional_code: `${k.kiosk.device_code}-${seq}`,
    lines: [
      { item_id: r.burger, qty: 1, modifiers: [r.medium, r.cheese] },
      { item_id: r.soda, qty: 2 },
    ],
    ...extra,
  };
}
