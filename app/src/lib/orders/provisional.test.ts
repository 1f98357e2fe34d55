import { describe, expect, it } from 'vitest';
import { deviceLetter, isProvisionalCode, nextProvisionalCode } from '#lib/orders/provisional.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, v: string) => values.set(key, v) };
}

describe('provisional codes', () => {
  it('chooses the device letter once and keeps it', () => {
    const storage = memoryStorage();
    expect(deviceLetter(storage, () => 0)).toBe('A');
    expect(deviceLetter(storage, () => 0.99)).toBe('A');
  });

  it('counts up per device across reloads, in the database format', () => {
    const storage = memoryStorage();
    const codes = [1, 2, 3].map(() => nextProvisionalCode(storage, () => 0.5));
    expect(codes).toEqual(['N-1', 'N-2', 'N-3']);
    // A reload reads the same storage: the sequence goes on.
    expect(nextProvisionalCode(storage)).toBe('N-4');
    expect(codes.every(isProvisionalCode)).toBe(true);
  });

  it('starts again after six digits and survives garbage or no storage', () => {
    expect(
      nextProvisionalCode(memoryStorage({ 'comanda.pos.device-letter': 'B', 'comanda.pos.sequence': '999999' })),
    ).toBe('B-1');
    expect(
      nextProvisionalCode(memoryStorage({ 'comanda.pos.device-letter': 'b!', 'comanda.pos.sequence': 'x' }), () => 0),
    ).toBe('A-1');
    expect(isProvisionalCode(nextProvisionalCode(null))).toBe(true);
  });
});
