import { createRoot, createSignal } from 'solid-js';
import { addLine, type CartLine } from '#lib/orders/cart.ts';

/**
 * The cart being taken, kept while the cashier looks at open orders and comes back. One per tab;
 * it is not stored: an order not yet placed is not a promise to anyone.
 */
export const cart = createRoot(() => {
  const [lines, setLines] = createSignal<CartLine[]>([]);
  const [note, setNote] = createSignal('');
  const [type, setType] = createSignal<'dine_in' | 'takeaway'>('takeaway');
  const [tableId, setTableId] = createSignal<string | null>(null);
  return {
    lines,
    note,
    type,
    tableId,
    setNote,
    setType,
    setTableId,
    add: (line: CartLine) => setLines((current) => addLine(current, line)),
    setQty: (key: string, qty: number) =>
      setLines((current) => current.map((line) => (line.key === key ? { ...line, qty } : line))),
    setLineNote: (key: string, text: string) =>
      setLines((current) => current.map((line) => (line.key === key ? { ...line, note: text } : line))),
    remove: (key: string) => setLines((current) => current.filter((line) => line.key !== key)),
    clear: () => {
      setLines([]);
      setNote('');
    },
  };
});
