/** The station a kitchen screen shows, remembered per device and restaurant (null: all). */
const key = (restaurantId: string) => `comanda.kds.station.${restaurantId}`;

export function savedStation(restaurantId: string): string | null {
  try {
    return localStorage.getItem(key(restaurantId)) || null;
  } catch {
    return null;
  }
}

export function saveStation(restaurantId: string, station: string | null): void {
  try {
    if (station) localStorage.setItem(key(restaurantId), station);
    else localStorage.removeItem(key(restaurantId));
  } catch {
    // Private mode or full storage: the choice lasts until the page is closed.
  }
}
