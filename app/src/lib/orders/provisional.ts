import type { DbResult } from '#lib/db.ts';

/**
 * Provisional order codes: an order queued offline needs a name the cashier can call out before
 * the database gives it the day's number: "<device code>-<sequence>", "B-7", shown as "B-7 → #42"
 * once synced. The device code is the device's own in its restaurant, claimed once from the
 * database (claim_device_code: A, B… in the order devices first open the POS), so two tills never
 * show the same code. A device that has never reached the server uses a random letter meanwhile,
 * stored with a mark so the first successful claim replaces it; codes already shown keep their
 * value. The sequence belongs to the device and only grows.
 */

export type CodeStorage = Pick<Storage, 'getItem' | 'setItem'>;

const codeKey = (restaurantId: string) => `comanda.pos.device-code.${restaurantId}`;
const sequenceKey = 'comanda.pos.sequence';
/** Prefix of a stored stand-in letter: not the database's, to be replaced by a claimed code. */
const standInMark = '?';
const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I or O: they read as 1 and 0
const codePattern = /^[A-Z]{1,3}$/;

/** The code the database gave this device in the restaurant, if it has one. */
export function claimedCode(storage: CodeStorage | null, restaurantId: string): string | null {
  const stored = safeGet(storage, codeKey(restaurantId));
  return stored && codePattern.test(stored) ? stored : null;
}

/** The device's code in the restaurant: the claimed one, else a random stand-in chosen once. */
export function deviceCode(storage: CodeStorage | null, restaurantId: string, random = Math.random): string {
  const claimed = claimedCode(storage, restaurantId);
  if (claimed) return claimed;
  const stored = safeGet(storage, codeKey(restaurantId));
  const standIn = stored?.startsWith(standInMark) ? stored.slice(standInMark.length) : null;
  if (standIn && codePattern.test(standIn)) return standIn;
  const letter = letters[Math.floor(random() * letters.length)] ?? 'A';
  safeSet(storage, codeKey(restaurantId), standInMark + letter);
  return letter;
}

/**
 * Makes sure the device holds the database's code for the restaurant: asks `claim` once (never
 * again after it answered), and keeps the stand-in when the server cannot be reached. Answers the
 * claimed code, or null while there is none. Without storage nothing is claimed: the device's id
 * would not survive a reload, and each claim would take a new code.
 */
export async function ensureDeviceCode(
  storage: CodeStorage | null,
  restaurantId: string,
  claim: () => Promise<DbResult<string>>,
): Promise<string | null> {
  if (!storage) return null;
  const known = claimedCode(storage, restaurantId);
  if (known) return known;
  const result = await claim();
  if (!result.ok || typeof result.data !== 'string' || !codePattern.test(result.data)) return null;
  safeSet(storage, codeKey(restaurantId), result.data);
  return claimedCode(storage, restaurantId);
}

/** The next code on this device ("B-1", "B-2"…), persisted before it is handed out. */
export function nextProvisionalCode(storage: CodeStorage | null, restaurantId: string, random?: () => number): string {
  const code = deviceCode(storage, restaurantId, random);
  const last = Number.parseInt(safeGet(storage, sequenceKey) ?? '0', 10);
  // Six digits at most (the database's format); after 999999 the sequence starts again.
  const next = Number.isFinite(last) && last >= 0 && last < 999_999 ? last + 1 : 1;
  safeSet(storage, sequenceKey, String(next));
  return `${code}-${next}`;
}

export function isProvisionalCode(code: string): boolean {
  return /^[A-Z]{1,3}-[0-9]{1,6}$/.test(code);
}

/** localStorage where the browser allows it (private modes may throw). */
export function browserStorage(): CodeStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function safeGet(storage: CodeStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(storage: CodeStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage refused: the code still works for this session.
  }
}
