import { createRoot, createSignal } from 'solid-js';
import type { Kiosk } from '#lib/kiosk/api.ts';

/**
 * What a paired kiosk remembers across reloads and restarts (localStorage): which kiosk it is, its
 * restaurant and device code, and its own order sequence for provisional codes ("K-12"). The
 * anonymous session itself is supabase-js's, stored beside it.
 */

export interface KioskPairing {
  kioskId: string;
  restaurantId: string;
  restaurantName: string;
  deviceCode: string;
}

const pairingKey = 'comanda-kiosk-pairing';
const sequenceKey = 'comanda-kiosk-sequence';
/** The SQL accepts 1..999999 after the device code; the sequence wraps rather than stops. */
const maxSequence = 999_999;

export function parsePairing(raw: string | null): KioskPairing | null {
  try {
    const value = raw ? (JSON.parse(raw) as Partial<KioskPairing>) : null;
    if (
      value &&
      typeof value.kioskId === 'string' &&
      typeof value.restaurantId === 'string' &&
      typeof value.restaurantName === 'string' &&
      typeof value.deviceCode === 'string'
    ) {
      return {
        kioskId: value.kioskId,
        restaurantId: value.restaurantId,
        restaurantName: value.restaurantName,
        deviceCode: value.deviceCode,
      };
    }
  } catch {
    // A corrupt entry is no pairing: the device asks for a code again.
  }
  return null;
}

const [pairing, setPairingSignal] = createRoot(() =>
  createSignal<KioskPairing | null>(parsePairing(globalThis.localStorage?.getItem(pairingKey) ?? null)),
);

/** The kiosk this device is, or null before pairing / after revocation. */
export { pairing };

export function rememberPairing(kiosk: Kiosk, restaurantName: string): KioskPairing {
  const next: KioskPairing = {
    kioskId: kiosk.id,
    restaurantId: kiosk.restaurant_id,
    restaurantName,
    deviceCode: kiosk.device_code ?? 'K',
  };
  localStorage.setItem(pairingKey, JSON.stringify(next));
  setPairingSignal(next);
  return next;
}

export function forgetPairing(): void {
  localStorage.removeItem(pairingKey);
  localStorage.removeItem(sequenceKey);
  setPairingSignal(null);
}

/** The next sequence number after `current` (1 after none, wrapping after the SQL's maximum). */
export function nextSequence(current: string | null): number {
  const value = Number(current);
  return Number.isInteger(value) && value >= 1 && value < maxSequence ? value + 1 : 1;
}

/** Takes this kiosk's next provisional code, `<device code>-<n>`, and remembers it was used. */
export function takeProvisionalCode(deviceCode: string): string {
  const next = nextSequence(localStorage.getItem(sequenceKey));
  localStorage.setItem(sequenceKey, String(next));
  return `${deviceCode}-${next}`;
}
