import { menuKeys } from '#lib/menu/queries.ts';
import type { MenuData } from '#lib/menu/types.ts';
import { orderKeys } from '#lib/orders/queries.ts';
import { queryClient } from '#lib/query.ts';
import { subscribeTopic } from '#lib/realtime/client.ts';
import type { TopicHandle } from '#lib/realtime/topics.ts';

/**
 * The POS's live data. Orders: any change on `restaurant:<id>:orders` refreshes the cached active
 * orders (the list is small; re-reading is simpler and never half-applied). Menu: `menu_changed`
 * patches availability in the cached menu at once (live 86), then the menu is re-read for prices
 * and names. After every (re)join both are re-read, since messages missed while away never come.
 * Call inside a component: the subscriptions end with it.
 */
export function watchOrders(restaurantId: string, presence?: TopicPresence): TopicHandle {
  const refresh = () => void queryClient.invalidateQueries({ queryKey: orderKeys.all(restaurantId) });
  return subscribeTopic(`restaurant:${restaurantId}:orders`, {
    onMessage: refresh,
    onResubscribed: refresh,
    ...(presence ? { presence } : {}),
  });
}

/** How this till shows itself among the devices online (the admin home lists them). */
export type TopicPresence = { key: string; meta: () => Record<string, unknown> };

export interface MenuChange {
  menu_version?: number;
  entity?: string;
  id?: string;
  available?: boolean;
}

/** Applies one `menu_changed` message to a cached menu; unknown shapes change nothing. */
export function applyMenuChange(menu: MenuData, change: MenuChange): MenuData {
  if (typeof change.id !== 'string' || typeof change.available !== 'boolean') return menu;
  const { id, available } = change;
  if (change.entity === 'menu_items' && menu.items.some((row) => row.id === id && row.available !== available)) {
    return { ...menu, items: menu.items.map((row) => (row.id === id ? { ...row, available } : row)) };
  }
  if (
    change.entity === 'modifier_options' &&
    menu.options.some((row) => row.id === id && row.available !== available)
  ) {
    return { ...menu, options: menu.options.map((row) => (row.id === id ? { ...row, available } : row)) };
  }
  return menu;
}

function messagePayload(payload: unknown): MenuChange {
  // Broadcast messages arrive as { event, payload, … } or as the payload itself, by client version.
  if (payload && typeof payload === 'object' && 'payload' in payload) {
    return ((payload as { payload: unknown }).payload ?? {}) as MenuChange;
  }
  return (payload ?? {}) as MenuChange;
}

export function watchMenu(restaurantId: string): TopicHandle {
  const key = menuKeys.menu(restaurantId);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  return subscribeTopic(`restaurant:${restaurantId}:menu`, {
    onMessage: (_event, payload) => {
      const change = messagePayload(payload);
      queryClient.setQueryData<MenuData>(key, (menu) => (menu ? applyMenuChange(menu, change) : menu));
      refresh();
    },
    onResubscribed: refresh,
  });
}
