import type { KioskMode } from '#lib/kiosk/api.ts';

/** The order just placed on this tablet; kept for the tab's life so a reload still shows its number. */
export interface Placed {
  id: string;
  code: string;
  mode: KioskMode;
}

const placedKey = 'comanda-kiosk-placed';

export function readPlaced(): Placed | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(placedKey) ?? 'null') as Partial<Placed> | null;
    if (value && typeof value.id === 'string' && typeof value.code === 'string' && typeof value.mode === 'string') {
      return { id: value.id, code: value.code, mode: value.mode };
    }
  } catch {
    // Nothing readable: no confirmation to show again.
  }
  return null;
}

export function storePlaced(placed: Placed | null): void {
  if (placed) sessionStorage.setItem(placedKey, JSON.stringify(placed));
  else sessionStorage.removeItem(placedKey);
}
