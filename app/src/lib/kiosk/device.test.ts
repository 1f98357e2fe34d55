import { describe, expect, it } from 'vitest';
import { nextSequence, parsePairing } from './device.ts';

describe('kiosk device memory', () => {
  it('reads a stored pairing and refuses a corrupt or partial one', () => {
    const stored = { kioskId: 'k', restaurantId: 'r', restaurantName: 'Chez Awa', deviceCode: 'KA' };
    expect(parsePairing(JSON.stringify(stored))).toEqual(stored);
    expect(parsePairing(JSON.stringify({ ...stored, deviceCode: 3 }))).toBeNull();
    expect(parsePairing('{not json')).toBeNull();
    expect(parsePairing(null)).toBeNull();
  });

  it('counts provisional codes from 1 and wraps before the database refuses them', () => {
    expect(nextSequence(null)).toBe(1);
    expect(nextSequence('41')).toBe(42);
    expect(nextSequence('garbage')).toBe(1);
    expect(nextSequence('999999')).toBe(1);
  });
});
