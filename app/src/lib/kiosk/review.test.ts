import { describe, expect, it } from 'vitest';
import type { CartLine } from '#lib/guest/cart.ts';
import { changeLocale } from '#lib/i18n/locale.ts';
import type { KioskMenu } from '#lib/kiosk/api.ts';
import { reviewProblem } from '#lib/kiosk/review.ts';
import * as m from '#paraglide/messages.js';

const item = (id: string, available = true) => ({
  id,
  category_id: null,
  name: id,
  description: null,
  price: 1000,
  image_path: null,
  available,
  modifier_groups: [],
});
const menu = (maxLines: number, maxItems: number, items = [item('a'), item('b')]) =>
  ({ items, kiosk: { max_lines: maxLines, max_items: maxItems } }) as unknown as Pick<KioskMenu, 'items' | 'kiosk'>;
const line = (itemId: string, qty: number): CartLine => ({
  key: `${itemId}-${qty}`,
  itemId,
  name: itemId,
  basePrice: 1000,
  qty,
  note: '',
  modifiers: [],
});

describe('what keeps a kiosk order from being placed', () => {
  it('says each problem in the customer’s words, the kiosk’s limits with their number', () => {
    changeLocale('en');
    expect(reviewProblem([], menu(20, 50), 'takeaway')).toBe(m.kiosk_cart_empty());
    expect(reviewProblem([line('a', 1), line('b', 1)], menu(1, 50), 'takeaway')).toBe(m.kiosk_limit_lines({ max: 1 }));
    expect(reviewProblem([line('a', 3), line('b', 3)], menu(20, 5), 'takeaway')).toBe(m.kiosk_limit_items({ max: 5 }));
    expect(reviewProblem([line('a', 1)], menu(20, 50, [item('a', false)]), 'takeaway')).toBe(
      m.kiosk_unavailable_lines(),
    );
    expect(reviewProblem([line('a', 1)], menu(20, 50), null)).toBe(m.kiosk_choose_where());
  });

  it('lets an order within the limits, with a place to eat, go', () => {
    expect(reviewProblem([line('a', 2), line('b', 3)], menu(2, 5), 'dine_in')).toBeNull();
  });
});
