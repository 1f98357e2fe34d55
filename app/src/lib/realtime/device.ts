/**
 * This device, as it shows itself on a restaurant's presence (POS, kitchen display): a stable id
 * and a name a manager recognises, both kept in localStorage.
 */
const ID_KEY = 'comanda.device.id';
const NAME_KEY = 'comanda.device.name';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function deviceId(): string {
  const store = storage();
  const stored = store?.getItem(ID_KEY);
  if (stored) return stored;
  const id = crypto.randomUUID();
  store?.setItem(ID_KEY, id);
  return id;
}

/** The name set on this device, else a short one from its id ("Device 3F2A"). */
export function deviceName(fallbackPrefix: string): string {
  return storage()?.getItem(NAME_KEY) || `${fallbackPrefix} ${deviceId().slice(0, 4).toUpperCase()}`;
}

export function setDeviceName(name: string): void {
  storage()?.setItem(NAME_KEY, name.trim().slice(0, 40));
}

/** What a POS or kitchen device tracks on `restaurant:<id>:orders`. */
export interface DevicePresence {
  device: string;
  role: string;
  station: string | null;
  screen: 'pos' | 'kitchen';
  since: string;
}

export function parseDevicePresence(meta: Record<string, unknown>): DevicePresence | null {
  if (typeof meta.device !== 'string' || typeof meta.role !== 'string') return null;
  if (meta.screen !== 'pos' && meta.screen !== 'kitchen') return null;
  return {
    device: meta.device,
    role: meta.role,
    station: typeof meta.station === 'string' ? meta.station : null,
    screen: meta.screen,
    since: typeof meta.since === 'string' ? meta.since : '',
  };
}
