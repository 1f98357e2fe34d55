import { type Accessor, createRoot, createSignal } from 'solid-js';
import type { Database } from '#lib/database.types.ts';

export type MemberRole = Database['public']['Enums']['member_role'];

/** One restaurant the signed-in person works in, as the switcher and the landing logic see it. */
export interface MembershipSummary {
  restaurantId: string;
  role: MemberRole;
  name: string;
  slug: string;
}

/** Roles that may open the admin (the database's RLS and RPCs say the same). */
export const adminRoles: readonly MemberRole[] = ['owner', 'manager'];

export function canAdminister(role: MemberRole | undefined): boolean {
  return role !== undefined && adminRoles.includes(role);
}

/** Where a person goes after signing in, given their memberships and the remembered choice. */
export type Landing =
  | { kind: 'onboarding' }
  | { kind: 'restaurant'; membership: MembershipSummary }
  | { kind: 'choose'; memberships: MembershipSummary[] };

/** Device logins (the print bridge, a self-order kiosk), never a place a person works. */
const DEVICE_ROLES: ReadonlySet<string> = new Set(['print_bridge', 'kiosk']);

/**
 * No restaurant yet → create one (or join by code); exactly one → straight in; several → the
 * switcher. A device's membership (DEVICE_ROLES) does not count.
 */
export function landingFor(memberships: readonly MembershipSummary[]): Landing {
  const usable = memberships.filter((m) => !DEVICE_ROLES.has(m.role));
  const [only] = usable;
  if (!only) return { kind: 'onboarding' };
  if (usable.length === 1) return { kind: 'restaurant', membership: only };
  return { kind: 'choose', memberships: [...usable].sort((a, b) => a.name.localeCompare(b.name)) };
}

/**
 * Whether someone whose cached memberships list no restaurant is to be sent to onboarding. The
 * cache may predate a restaurant created moments before the browser was closed, so online the list
 * is read again and only a fresh "none" counts. Offline the cache is all there is, and onboarding
 * shows as it always did; a re-read that fails, or still has no answer after `timeoutMs` (queries
 * pause while the API is unreachable), counts as the cached list, which says the same.
 */
export async function confirmOnboarding(
  online: boolean,
  reread: () => Promise<readonly MembershipSummary[] | undefined>,
  timeoutMs = 8_000,
): Promise<boolean> {
  if (!online) return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  const fresh = await Promise.race([reread().catch(() => undefined), timeout]);
  clearTimeout(timer);
  return !fresh || landingFor(fresh).kind === 'onboarding';
}

/** The remembered restaurant if the person still works there, else their only one, else none. */
export function pickCurrent(
  memberships: readonly MembershipSummary[],
  rememberedId: string | null,
): MembershipSummary | undefined {
  const usable = memberships.filter((m) => !DEVICE_ROLES.has(m.role));
  const remembered = usable.find((m) => m.restaurantId === rememberedId);
  if (remembered) return remembered;
  return usable.length === 1 ? usable[0] : undefined;
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface RestaurantSelection {
  /** The restaurant chosen on this device by this user, or null. */
  currentId: Accessor<string | null>;
  /** Which user's choice `currentId` reflects; call on sign-in and on user change. */
  useFor(userId: string | null): void;
  select(restaurantId: string): void;
  forget(): void;
}

const storageKey = 'comanda.current-restaurant';

/**
 * The current restaurant, remembered per user in localStorage so a shared counter PC does not
 * open the previous person's restaurant. A signal, so every admin screen follows a switch.
 */
export function createRestaurantSelection(storage: KeyValueStorage | null): RestaurantSelection {
  const [userId, setUserId] = createSignal<string | null>(null);
  const [currentId, setCurrentId] = createSignal<string | null>(null);
  const read = (): Record<string, string> => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(storageKey) ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const write = (next: Record<string, string>) => {
    try {
      storage?.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Private mode or a full disk: the choice lasts for this tab only, which is still usable.
    }
  };
  return {
    currentId,
    useFor(user) {
      setUserId(user);
      setCurrentId(user ? (read()[user] ?? null) : null);
    },
    select(restaurantId) {
      setCurrentId(restaurantId);
      const user = userId();
      if (user) write({ ...read(), [user]: restaurantId });
    },
    forget() {
      setCurrentId(null);
      const user = userId();
      if (!user) return;
      const { [user]: _dropped, ...rest } = read();
      write(rest);
    },
  };
}

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The app's selection, shared by the switcher, the landing page and the admin screens. */
export const restaurantSelection = createRoot(() => createRestaurantSelection(browserStorage()));

/**
 * The restaurant id the admin screens work on. Inside the admin layout it is never null (the
 * layout picks or asks before rendering them); screens read it as `currentRestaurantId() ?? ''`.
 */
export const currentRestaurantId = restaurantSelection.currentId;
