import { describe, expect, it } from 'vitest';
import type { GuestGroup, GuestItem } from '#lib/guest/api.ts';
import {
  addLine,
  cartProblem,
  lineFor,
  orderedGroups,
  orderPayload,
  parseStoredCart,
  selectionErrors,
  setQty,
  toggleOption,
  totals,
  unavailableLines,
} from '#lib/guest/cart.ts';

const sauces: GuestGroup = {
  id: 'sauces',
  name: 'Sauces',
  min_select: 0,
  max_select: 2,
  options: [
    { id: 'piment', name: 'Piment', price_delta: 0 },
    { id: 'oignon', name: 'Sauce oignon', price_delta: 200 },
    { id: 'mayo', name: 'Mayonnaise', price_delta: 0 },
    { id: 'gone', name: 'Ketchup', price_delta: 0, available: false },
  ],
};
const cuisson: GuestGroup = {
  id: 'cuisson',
  name: 'Cuisson',
  min_select: 1,
  max_select: 1,
  options: [
    { id: 'saignant', name: 'Saignant', price_delta: 0 },
    { id: 'apoint', name: 'À point', price_delta: 0 },
  ],
};
const steak: GuestItem = {
  id: 'steak',
  category_id: 'grill',
  name: 'Entrecôte',
  description: null,
  price: 8000,
  image_path: null,
  modifier_groups: [sauces, cuisson],
};
const menu = {
  restaurant: {
    id: 'r',
    name: 'Chez Awa',
    currency: 'XOF',
    currency_exponent: 0,
    locale: 'fr',
    tax_mode: 'inclusive' as const,
    tax_rate_bp: 1800,
    guest_ordering: 'draft_first' as const,
  },
  items: [steak],
};

describe('the guest cart', () => {
  it('lists required groups first, then the menu order', () => {
    expect(orderedGroups(steak).map((g) => g.id)).toEqual(['cuisson', 'sauces']);
  });

  it('swaps a single choice, adds and removes multiple choices, and stops at the maximum', () => {
    let selection = toggleOption({}, cuisson, 'saignant');
    selection = toggleOption(selection, cuisson, 'apoint');
    expect(selection.cuisson).toEqual(['apoint']);
    selection = toggleOption(selection, sauces, 'piment');
    selection = toggleOption(selection, sauces, 'oignon');
    const full = toggleOption(selection, sauces, 'mayo');
    expect(full).toBe(selection);
    selection = toggleOption(selection, sauces, 'piment');
    expect(selection.sauces).toEqual(['oignon']);
  });

  it('never chooses a sold-out or foreign option', () => {
    expect(toggleOption({}, sauces, 'gone')).toEqual({});
    expect(toggleOption({}, sauces, 'saignant')).toEqual({});
  });

  it('refuses a selection missing a required choice, naming the group', () => {
    expect(selectionErrors(steak, { sauces: ['piment'] })).toEqual([
      { groupId: 'cuisson', code: 'modifier_min_not_met', min: 1, max: 1 },
    ]);
    expect(selectionErrors(steak, { cuisson: ['apoint'] })).toEqual([]);
  });

  it('prices a line with its options, merges identical lines and caps quantities at 99', () => {
    const line = lineFor(steak, { cuisson: ['apoint'], sauces: ['oignon'] }, 2, '  sans sel ', 'a');
    expect(line.modifiers.map((o) => o.optionId)).toEqual(['apoint', 'oignon']);
    expect(line.note).toBe('sans sel');
    const lines = addLine([line], { ...line, key: 'b', qty: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.qty).toBe(3);
    expect(totals(lines, menu).total).toBe(3 * 8200);
    expect(setQty(lines, 'a', 500)[0]?.qty).toBe(99);
    expect(setQty(lines, 'a', 0)).toEqual([]);
  });

  it('sends only ids, quantities, notes and options: never a price', () => {
    const line = lineFor(steak, { cuisson: ['saignant'] }, 1, 'bien chaud', 'a');
    expect(orderPayload('order-1', [line])).toEqual({
      id: 'order-1',
      lines: [{ item_id: 'steak', qty: 1, note: 'bien chaud', modifiers: ['saignant'] }],
    });
    expect(JSON.stringify(orderPayload('o', [line]))).not.toContain('price');
  });

  it('finds lines whose dish or option sold out, and says why a cart cannot go', () => {
    const line = lineFor(steak, { cuisson: ['saignant'] }, 1, '', 'a');
    expect(cartProblem([], menu, 30)).toBe('empty_order');
    expect(cartProblem([line], menu, 30)).toBeNull();
    expect(cartProblem([line, { ...line, key: 'b' }], menu, 1)).toBe('too_many_lines');
    expect(cartProblem([{ ...line, note: 'x'.repeat(501) }], menu, 30)).toBe('note_too_long');
    const soldOut = { ...menu, items: [{ ...steak, available: false }] };
    expect([...unavailableLines([line], soldOut)]).toEqual(['a']);
    expect(cartProblem([line], soldOut, 30)).toBe('item_unavailable');
    const optionGone = {
      ...menu,
      items: [
        { ...steak, modifier_groups: [sauces, { ...cuisson, options: [{ ...cuisson.options[0], available: false }] }] },
      ],
    } as typeof menu;
    expect(unavailableLines([line], optionGone).has('a')).toBe(true);
    expect(unavailableLines([line], { items: [] }).has('a')).toBe(true);
  });

  it('reads a stored cart back, and treats a corrupt one as empty', () => {
    const line = lineFor(steak, { cuisson: ['saignant'] }, 1, '', 'a');
    expect(parseStoredCart(JSON.stringify({ lines: [line], pendingOrderId: 'p' }))).toEqual({
      lines: [line],
      pendingOrderId: 'p',
    });
    expect(parseStoredCart('{nope')).toEqual({ lines: [], pendingOrderId: null });
    expect(parseStoredCart(JSON.stringify({ lines: [{ key: 1 }] }))).toEqual({ lines: [], pendingOrderId: null });
    expect(parseStoredCart(null)).toEqual({ lines: [], pendingOrderId: null });
  });
});
