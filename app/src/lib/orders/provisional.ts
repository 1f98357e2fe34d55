/**
 * Provisional order codes: an order queued offline needs a name the cashier can call out before
 * the database gives it the day's number. A letter is chosen once per device and kept; the
 * sequence after it only grows. "A-7" then shows as "A-7 → #42" once synced. Two devices can
 * pick the same letter; the code is only a stand-in on the device that made it, never a key.
 */

export type CodeStorage = Pick<Storage, 'getItem' | 'setItem'>;

const letterKey = 'comanda.pos.device-letter';
const sequenceKey = 'comanda.pos.sequence';
const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I or O: they read as 1 and 0

/** The device's letter, chosen at random the first time and stored. */
export function deviceLetter(storage: CodeStorage | null, random: () => number = Math.random): string {
  const stored = safeGet(storage, letterKey);
  if (stored && /^[A-Z]{1,3}$/.test(stored)) return stored;
  const letter = letters[Math.floor(random() * letters.length)] ?? 'A';
  safeSet(storage, letterKey, letter);
  return letter;
}

/** The next code on this device ("A-1", "A-2"…), persisted before it is handed out. */
export function nextProvisionalCode(storage: CodeStorage | null, random?: () => number): string {
  const letter = deviceLetter(storage, random);
  const last = Number.parseInt(safeGet(storage, sequenceKey) ?? '0', 10);
  // Six digits at most (the database's format); after 999999 the sequence starts again.
  const next = Number.isFinite(last) && last >= 0 && last < 999_999 ? last + 1 : 1;
  safeSet(storage, sequenceKey, String(next));
  return `${letter}-${next}`;
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
