import { runDb } from '#lib/db.ts';
import { browserStorage, ensureDeviceCode } from '#lib/orders/provisional.ts';
import { deviceId } from '#lib/realtime/device.ts';
import { supabase } from '#lib/supabase.ts';

const pending = new Map<string, Promise<string | null>>();

/**
 * Claims this device's provisional-code letter(s) in the restaurant from the database, once per
 * device and restaurant (see provisional.ts); a call while one is under way shares it. Safe to
 * call offline: the device keeps its stand-in letter until a later call gets through.
 */
export function claimDeviceCode(restaurantId: string): Promise<string | null> {
  const running = pending.get(restaurantId);
  if (running) return running;
  const claim = ensureDeviceCode(browserStorage(), restaurantId, () =>
    runDb(supabase.rpc('claim_device_code', { p_restaurant_id: restaurantId, p_device_id: deviceId() })),
  ).finally(() => pending.delete(restaurantId));
  pending.set(restaurantId, claim);
  return claim;
}
