import { read } from '#lib/db.ts';
import { type KioskMenu, type KioskOrder, kioskRpc } from '#lib/kiosk/api.ts';

/** Query keys of the kiosk's reads; the menu's is per language (each one cached for offline). */
export const kioskKeys = {
  all: (kioskId: string) => ['kiosk', kioskId] as const,
  menu: (kioskId: string, locale: string) => ['kiosk', kioskId, 'menu', locale] as const,
  order: (kioskId: string, orderId: string) => ['kiosk', kioskId, 'order', orderId] as const,
};

/**
 * The kiosk's menu in one language. The query cache is persisted to IndexedDB (lib/query.ts), so
 * a kiosk that loses the internet, or restarts without it, still shows the menu it last read.
 */
export const kioskMenuQueryOptions = (kioskId: string, locale: string) => ({
  queryKey: kioskKeys.menu(kioskId, locale),
  queryFn: async () => (await read(kioskRpc('kiosk_menu', { p_locale: locale }))) as KioskMenu,
  // Realtime (menu_changed, kiosk_updated) says when it changes; a kiosk stands all day.
  staleTime: 5 * 60_000,
});

/** One of this kiosk's orders as the database stored it (set by the outbox's answer, else read). */
export const kioskOrderQueryOptions = (kioskId: string, orderId: string) => ({
  queryKey: kioskKeys.order(kioskId, orderId),
  queryFn: async () => (await read(kioskRpc('kiosk_order', { p_order_id: orderId }))) as KioskOrder,
  retry: false,
});
