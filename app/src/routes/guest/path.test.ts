import { describe, expect, it } from 'vitest';
import { guestHref, parseGuestPath } from './path.ts';

describe('guest paths', () => {
  it('reads the menu, the orders and one order', () => {
    expect(parseGuestPath('/t/abc')).toEqual({ token: 'abc', view: 'menu', orderId: null });
    expect(parseGuestPath('/t/abc/')).toEqual({ token: 'abc', view: 'menu', orderId: null });
    expect(parseGuestPath('/t/abc/orders')).toEqual({ token: 'abc', view: 'orders', orderId: null });
    expect(parseGuestPath('/t/abc/orders/o1')).toEqual({ token: 'abc', view: 'orders', orderId: 'o1' });
  });

  it('refuses anything else', () => {
    expect(parseGuestPath('/t/')).toBeNull();
    expect(parseGuestPath('/t/abc/other')).toBeNull();
    expect(parseGuestPath('/t/%E0%A4%A')).toBeNull();
    expect(parseGuestPath('/pos')).toBeNull();
  });

  it('writes back what it reads', () => {
    for (const path of ['/t/a-b_c', '/t/a-b_c/orders', '/t/a-b_c/orders/o1']) {
      const parsed = parseGuestPath(path);
      expect(parsed && guestHref(parsed)).toBe(path);
    }
  });
});
