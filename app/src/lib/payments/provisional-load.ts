import { menuQueryOptions, moneyQueryOptions } from '#lib/menu/queries.ts';
import type { PlaceOrderPayload } from '#lib/orders/commands.ts';
import { posSettingsQueryOptions } from '#lib/orders/queries.ts';
import { type PayableOrder, provisionalOrder } from '#lib/payments/provisional.ts';
import { queryClient } from '#lib/query.ts';

/**
 * A queued order priced from what the device has cached (menu, currency, tax rule): works offline
 * once the POS has been opened online. Null when something is missing. Loaded by the checkout only
 * for an order the database has not seen.
 */
export async function loadProvisionalOrder(
  restaurantId: string,
  payload: PlaceOrderPayload,
): Promise<PayableOrder | null> {
  try {
    const [menu, money, settings] = await Promise.all([
      queryClient.ensureQueryData(menuQueryOptions(restaurantId)),
      queryClient.ensureQueryData(moneyQueryOptions(restaurantId)),
      queryClient.ensureQueryData(posSettingsQueryOptions(restaurantId)),
    ]);
    return provisionalOrder(payload, menu, settings, money);
  } catch {
    return null;
  }
}
