import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import {
  canAdminister,
  confirmOnboarding,
  createRestaurantSelection,
  type KeyValueStorage,
  landingFor,
  type MembershipSummary,
  pickCurrent,
} from '#lib/restaurant/current.ts';

const awa: MembershipSummary = { restaurantId: 'r-awa', role: 'owner', name: 'Chez Awa', slug: 'chez-awa' };
const sri: MembershipSummary = { restaurantId: 'r-sri', role: 'cashier', name: 'Bu Sri', slug: 'bu-sri' };
const bridge: MembershipSummary = { restaurantId: 'r-x', role: 'print_bridge', name: 'X', slug: 'x' };
const kiosk: MembershipSummary = { restaurantId: 'r-k', role: 'kiosk', name: 'K', slug: 'k' };

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('confirmOnboarding', () => {
  const reread = (answer: readonly MembershipSummary[] | undefined | Error) => {
    const calls: number[] = [];
    const fn = () => {
      calls.push(1);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    };
    return { fn, calls };
  };

  it('online, re-reads and keeps a restaurant created after the cache was written out of onboarding', async () => {
    const fresh = reread([awa]);
    await expect(confirmOnboarding(true, fresh.fn)).resolves.toBe(false);
    expect(fresh.calls).toHaveLength(1);
  });

  it('online, sends to onboarding when the fresh list has no restaurant (or only the print bridge)', async () => {
    await expect(confirmOnboarding(true, reread([]).fn)).resolves.toBe(true);
    await expect(confirmOnboarding(true, reread([bridge]).fn)).resolves.toBe(true);
  });

  it('offline, trusts the cache without asking', async () => {
    const offline = reread([awa]);
    await expect(confirmOnboarding(false, offline.fn)).resolves.toBe(true);
    expect(offline.calls).toHaveLength(0);
  });

  it('sends to onboarding as before when the re-read fails or answers nothing', async () => {
    await expect(confirmOnboarding(true, reread(new Error('network')).fn)).resolves.toBe(true);
    await expect(confirmOnboarding(true, reread(undefined).fn)).resolves.toBe(true);
  });

  it('does not wait for ever on a re-read that never answers (a paused query)', async () => {
    const never = () => new Promise<readonly MembershipSummary[]>(() => {});
    await expect(confirmOnboarding(true, never, 10)).resolves.toBe(true);
  });
});

describe('landingFor', () => {
  it('sends someone without a restaurant to onboarding', () => {
    expect(landingFor([])).toEqual({ kind: 'onboarding' });
  });

  it('goes straight into the only restaurant', () => {
    expect(landingFor([awa])).toEqual({ kind: 'restaurant', membership: awa });
  });

  it('offers a choice, by name, when there are several', () => {
    expect(landingFor([awa, sri])).toEqual({ kind: 'choose', memberships: [sri, awa] });
  });

  it('ignores device logins (print bridge, kiosk)', () => {
    expect(landingFor([bridge])).toEqual({ kind: 'onboarding' });
    expect(landingFor([bridge, sri])).toEqual({ kind: 'restaurant', membership: sri });
    expect(landingFor([kiosk])).toEqual({ kind: 'onboarding' });
    expect(landingFor([kiosk, awa])).toEqual({ kind: 'restaurant', membership: awa });
  });
});

describe('pickCurrent', () => {
  it('prefers the remembered restaurant, else the only one, else none', () => {
    expect(pickCurrent([awa, sri], 'r-sri')).toBe(sri);
    expect(pickCurrent([awa], null)).toBe(awa);
    expect(pickCurrent([awa, sri], null)).toBeUndefined();
  });

  it('forgets a restaurant the person was removed from', () => {
    expect(pickCurrent([awa, sri], 'r-gone')).toBeUndefined();
    expect(pickCurrent([awa], 'r-gone')).toBe(awa);
  });
});

describe('canAdminister', () => {
  it('lets owners and managers in, nobody else', () => {
    expect(
      ['owner', 'manager', 'cashier', 'kitchen', 'waiter', 'print_bridge'].map((r) => canAdminister(r as never)),
    ).toEqual([true, true, false, false, false, false]);
    expect(canAdminister(undefined)).toBe(false);
  });
});

describe('createRestaurantSelection', () => {
  it('remembers the choice per user across instances (page reloads)', () => {
    const storage = memoryStorage();
    createRoot((dispose) => {
      const first = createRestaurantSelection(storage);
      first.useFor('user-a');
      first.select('r-awa');
      first.useFor('user-b');
      expect(first.currentId()).toBeNull();
      first.select('r-sri');

      const reloaded = createRestaurantSelection(storage);
      reloaded.useFor('user-a');
      expect(reloaded.currentId()).toBe('r-awa');
      reloaded.useFor('user-b');
      expect(reloaded.currentId()).toBe('r-sri');
      dispose();
    });
  });

  it('forgets only the current user’s choice', () => {
    const storage = memoryStorage();
    createRoot((dispose) => {
      const selection = createRestaurantSelection(storage);
      selection.useFor('user-a');
      selection.select('r-awa');
      selection.useFor('user-b');
      selection.select('r-sri');
      selection.forget();
      expect(selection.currentId()).toBeNull();
      selection.useFor('user-a');
      expect(selection.currentId()).toBe('r-awa');
      dispose();
    });
  });

  it('keeps working for the tab when storage is unusable', () => {
    const broken: KeyValueStorage = {
      getItem: () => 'not json',
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    createRoot((dispose) => {
      const selection = createRestaurantSelection(broken);
      selection.useFor('user-a');
      expect(selection.currentId()).toBeNull();
      selection.select('r-awa');
      expect(selection.currentId()).toBe('r-awa');
      dispose();
    });
  });

  it('chooses nothing while signed out', () => {
    createRoot((dispose) => {
      const selection = createRestaurantSelection(null);
      selection.useFor(null);
      selection.select('r-awa');
      selection.useFor(null);
      expect(selection.currentId()).toBeNull();
      dispose();
    });
  });
});
