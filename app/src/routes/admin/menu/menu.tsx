import { useQuery } from '@tanstack/solid-query';
import { createSignal, lazy, Show, Suspense } from 'solid-js';
import { CategoriesSection } from '#components/menu/categories-section.tsx';
import { ItemsSection } from '#components/menu/items-section.tsx';
import { createReorder, type MenuEditor, MenuEditorProvider } from '#components/menu/menu-context.tsx';
import { ModifierGroupsSection } from '#components/menu/modifier-groups-section.tsx';
import type { DbFailure } from '#lib/db.ts';
import { refreshMenu } from '#lib/menu/cache.ts';
import { describeMenuError } from '#lib/menu/errors.ts';
import { menuQueryOptions, moneyQueryOptions } from '#lib/menu/queries.ts';
import type { TranslationTarget } from '#lib/menu/translations.ts';
import type { MenuData, RestaurantMoney } from '#lib/menu/types.ts';
import { useAdminRestaurant } from '#lib/restaurant/admin-context.ts';
import * as m from '#paraglide/messages.js';
import './menu.css';

// Guest-language names: loaded when someone opens them, outside the editor's first download.
const TranslationsDialog = lazy(() => import('#components/menu/translations-dialog.tsx'));

/** The menu editor: categories, items (with photos and modifier groups), modifier groups. */
export default function AdminMenu() {
  const restaurant = useAdminRestaurant();
  return (
    <main id="main" class="admin-main">
      <h1>{m.admin_menu_title()}</h1>
      {/* Keyed: switching restaurant starts a fresh editor instead of mixing two menus. */}
      <Show when={restaurant().restaurantId} keyed>
        {(restaurantId) => <MenuScreen restaurantId={restaurantId} />}
      </Show>
    </main>
  );
}

function MenuScreen(props: { restaurantId: string }) {
  // Re-read on every visit, fresh or not: the copy restored from the device may predate the last
  // edit (it is written at most every few seconds), and an editor must not show an old order.
  const menu = useQuery(() => ({ ...menuQueryOptions(props.restaurantId), refetchOnMount: 'always' as const }));
  const money = useQuery(() => moneyQueryOptions(props.restaurantId));
  const [notice, setNotice] = createSignal<string | null>(null);
  const showError = (error: DbFailure | string | null) =>
    setNotice(error === null ? null : typeof error === 'string' ? error : describeMenuError(error));

  return (
    <Show
      when={menu.data && money.data ? { menu: menu.data, money: money.data } : undefined}
      fallback={
        <Show when={menu.isError || money.isError} fallback={<p class="loading">{m.common_loading()}</p>}>
          <p class="notice error" role="alert">
            {m.common_load_failed()}
          </p>
          <button type="button" onClick={() => void Promise.all([menu.refetch(), money.refetch()])}>
            {m.common_retry()}
          </button>
        </Show>
      }
    >
      {(loaded) => (
        <Editor
          restaurantId={props.restaurantId}
          money={loaded().money}
          menu={() => menu.data ?? loaded().menu}
          notice={notice()}
          showError={showError}
        />
      )}
    </Show>
  );
}

function Editor(props: {
  restaurantId: string;
  money: RestaurantMoney;
  menu: () => MenuData;
  notice: string | null;
  showError: MenuEditor['showError'];
}) {
  const [translating, setTranslating] = createSignal<TranslationTarget | null>(null);
  const editor: MenuEditor = {
    restaurantId: props.restaurantId,
    money: props.money,
    menu: props.menu,
    showError: props.showError,
    refresh: () => refreshMenu(props.restaurantId),
    reorder: createReorder(props.restaurantId, props.showError),
    translate: setTranslating,
  };
  return (
    <MenuEditorProvider value={editor}>
      <div role="status" aria-live="polite">
        <Show when={props.notice}>
          <p class="notice error">
            {props.notice}{' '}
            <button type="button" class="secondary" onClick={() => props.showError(null)}>
              {m.common_dismiss()}
            </button>
          </p>
        </Show>
      </div>
      <CategoriesSection />
      <ItemsSection />
      <ModifierGroupsSection />
      <Show when={translating()} keyed>
        {(target) => (
          <Suspense>
            <TranslationsDialog
              restaurantId={props.restaurantId}
              target={target}
              onClose={() => {
                setTranslating(null);
                document.getElementById(`menu-${actionKind[target.entity]}-actions-${target.id}`)?.focus();
              }}
            />
          </Suspense>
        )}
      </Show>
    </MenuEditorProvider>
  );
}

// The rows' "⋯" ids (actionsTriggerId), where focus goes back when the dialog closes.
const actionKind = { category: 'category', item: 'item', modifier_group: 'group', modifier_option: 'option' } as const;
