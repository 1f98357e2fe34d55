import { describe, expect, it } from 'vitest';
import type { DbResult } from '#lib/db.ts';
import {
  claimedCode,
  deviceCode,
  ensureDeviceCode,
  isProvisionalCode,
  nextProvisionalCode,
} from '#lib/orders/provisional.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, v: string) => void values.set(key, v),
  };
}

const RID = 'r-1';
const codeKey = `comanda.pos.device-code.${RID}`;

/** A fake claim_device_code: answers the given results in turn and counts its calls. */
function fakeClaim(...results: DbResult<string>[]) {
  const calls: number[] = [];
  const claim = async () => {
    calls.push(calls.length + 1);
    return (
      results[calls.length - 1] ?? { ok: false as const, failure: { transient: true, code: 'network', message: '' } }
    );
  };
  return { claim, calls };
}
const offline: DbResult<string> = { ok: false, failure: { transient: true, code: 'network', message: 'offline' } };

describe('provisional codes', () => {
  it('use the claimed code, asked once per device and restaurant', async () => {
    const storage = memoryStorage();
    const { claim, calls } = fakeClaim({ ok: true, data: 'B' });
    expect(await ensureDeviceCode(storage, RID, claim)).toBe('B');
    expect(await ensureDeviceCode(storage, RID, claim)).toBe('B');
    expect(calls).toHaveLength(1);
    expect([1, 2].map(() => nextProvisionalCode(storage, RID))).toEqual(['B-1', 'B-2']);
    // Another restaurant on the same device claims its own code; the sequence stays the device's.
    const other = fakeClaim({ ok: true, data: 'A' });
    expect(await ensureDeviceCode(storage, 'r-2', other.claim)).toBe('A');
    expect(nextProvisionalCode(storage, 'r-2')).toBe('A-3');
  });

  it('fall back to a marked random letter until a claim succeeds, keeping codes already shown', async () => {
    const storage = memoryStorage();
    const { claim, calls } = fakeClaim(offline, { ok: true, data: 'C' });
    expect(await ensureDeviceCode(storage, RID, claim)).toBeNull();
    const shown = [nextProvisionalCode(storage, RID, () => 0.5), nextProvisionalCode(storage, RID, () => 0)];
    // Chosen once (the second random is ignored), stored with its mark.
    expect(shown).toEqual(['N-1', 'N-2']);
    expect(storage.values.get(codeKey)).toBe('?N');
    expect(claimedCode(storage, RID)).toBeNull();
    // Back online: the claim replaces the stand-in; the sequence goes on.
    expect(await ensureDeviceCode(storage, RID, claim)).toBe('C');
    expect(calls).toHaveLength(2);
    expect(nextProvisionalCode(storage, RID)).toBe('C-3');
    expect(shown).toEqual(['N-1', 'N-2']);
  });

  it('ignore a refused or malformed answer, and claim nothing without storage', async () => {
    const storage = memoryStorage();
    const refused: DbResult<string> = { ok: false, failure: { transient: false, code: 'forbidden', message: '' } };
    for (const answer of [refused, { ok: true as const, data: 'b!' }, { ok: true as const, data: 'ABCD' }]) {
      expect(await ensureDeviceCode(storage, RID, fakeClaim(answer).claim)).toBeNull();
    }
    expect(claimedCode(storage, RID)).toBeNull();
    const none = fakeClaim({ ok: true, data: 'A' });
    expect(await ensureDeviceCode(null, RID, none.claim)).toBeNull();
    expect(none.calls).toHaveLength(0);
    expect(isProvisionalCode(nextProvisionalCode(null, RID))).toBe(true);
  });

  it('count up per device across reloads, in the database format, and start again after six digits', () => {
    const storage = memoryStorage({ [codeKey]: 'AB' });
    expect(deviceCode(storage, RID, () => 0)).toBe('AB');
    const codes = [1, 2, 3].map(() => nextProvisionalCode(storage, RID));
    expect(codes).toEqual(['AB-1', 'AB-2', 'AB-3']);
    expect(codes.every(isProvisionalCode)).toBe(true);
    expect(nextProvisionalCode(memoryStorage({ [codeKey]: 'B', 'comanda.pos.sequence': '999999' }), RID)).toBe('B-1');
    // Garbage in storage: a fresh stand-in letter and sequence.
    expect(nextProvisionalCode(memoryStorage({ [codeKey]: 'b!', 'comanda.pos.sequence': 'x' }), RID, () => 0)).toBe(
      'A-1',
    );
  });
});
