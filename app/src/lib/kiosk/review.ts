import { type CartLine, itemCount, unavailableLines } from '#lib/guest/cart.ts';
import type { KioskMenu, KioskOrderType } from '#lib/kiosk/api.ts';
import * as m from '#paraglide/messages.js';

/** Why the order cannot be placed yet, in the customer's words; null when it can. */
export function reviewProblem(
  cart: readonly CartLine[],
  menu: Pick<KioskMenu, 'items' | 'kiosk'>,
  where: KioskOrderType | null,
): string | null {
  if (cart.length === 0) return m.kiosk_cart_empty();
  if (cart.length > menu.kiosk.max_lines) return m.kiosk_limit_lines({ max: menu.kiosk.max_lines });
  if (itemCount(cart) > menu.kiosk.max_items) return m.kiosk_limit_items({ max: menu.kiosk.max_items });
  if (unavailableLines(cart, menu).size > 0) return m.kiosk_unavailable_lines();
  if (!where) return m.kiosk_choose_where();
  return null;
}
