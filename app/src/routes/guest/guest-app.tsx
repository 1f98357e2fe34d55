import { createEffect, createResource, createSignal, For, lazy, Match, onCleanup, Show, Switch } from 'solid-js';
import type { DbFailure } from '#lib/db.ts';
import type { GuestItem, ServiceKind } from '#lib/guest/api.ts';
import { addLine as addToCart, itemCount, totals } from '#lib/guest/cart.ts';
import { createGuestVisit } from '#lib/guest/visit.ts';
import { changeLocale, currentLocale, localeNames, locales } from '#lib/i18n/locale.ts';
import * as m from '#paraglide/messages.js';
import { MenuView } from './menu-view.tsx';
import { moneyFormatter } from './money.ts';
import { type GuestPath, guestHref, parseGuestPath } from './path.ts';
import { ServiceBar } from './service-bar.tsx';

// The menu is what a phone must show first; the sheets and the orders page load right after it
// (prefetched once the menu is up), so the first download stays small on a slow network.
const loadItemSheet = () => import('./item-sheet.tsx');
const loadCartSheet = () => import('./cart-sheet.tsx');
const loadOrdersView = () => import('./orders-view.tsx');
const ItemSheet = lazy(() => loadItemSheet().then((module) => ({ default: module.ItemSheet })));
const CartSheet = lazy(() => loadCartSheet().then((module) => ({ default: module.CartSheet })));
const OrdersView = lazy(() => loadOrdersView().then((module) => ({ default: module.OrdersView })));

export function GuestApp() {
  const [path, setPath] = createSignal<GuestPath | null>(parseGuestPath(location.pathname));
  const onPop = () => setPath(parseGuestPath(location.pathname));
  window.addEventListener('popstate', onPop);
  onCleanup(() => window.removeEventListener('popstate', onPop));
  const navigate = (next: GuestPath) => {
    history.pushState(null, '', guestHref(next));
    setPath(next);
    window.scrollTo(0, 0);
  };
  return (
    <Show when={path()} fallback={<InvalidCode />}>
      {(current) => <Visit path={current()} navigate={navigate} />}
    </Show>
  );
}

function Visit(props: { path: GuestPath; navigate: (next: GuestPath) => void }) {
  // The token of a page never changes: another token is another page load.
  const token = props.path.token;
  const visit = createGuestVisit(token, currentLocale);
  const [openItem, setOpenItem] = createSignal<GuestItem | null>(null);
  const [cartOpen, setCartOpen] = createSignal(false);
  const money = moneyFormatter(visit.menu);

  const switchLanguage = (next: string) => {
    changeLocale(next);
    // Item names come translated from the database: ask again in the new language.
    void visit.loadMenu();
  };
  const ordering = () => visit.menu()?.restaurant.guest_ordering !== 'off';
  let prefetched = false;
  createEffect(() => {
    if (visit.state() !== 'ready' || prefetched) return;
    prefetched = true;
    setTimeout(() => void Promise.all([loadItemSheet(), loadCartSheet(), loadOrdersView()]).catch(() => undefined), 0);
  });
  const activeOrders = () => visit.orders().filter((o) => !['completed', 'rejected', 'cancelled'].includes(o.status));

  return (
    <Switch>
      <Match when={visit.state() === 'invalid'}>
        <InvalidCode />
      </Match>
      <Match when={visit.state() === 'failed'}>
        <main class="guest-page guest-centered">
          <p class="guest-notice" role="alert">
            <FailureText failure={visit.failure() ?? { code: 'network', transient: true, message: '' }} />
          </p>
          <button type="button" class="guest-button primary" onClick={() => void visit.refresh()}>
            {m.guest_try_again()}
          </button>
        </main>
      </Match>
      <Match when={visit.menu()}>
        {(menu) => (
          <>
            <header class="guest-header">
              <div class="guest-title">
                <h1>{menu().restaurant.name}</h1>
                <p>{menu().table.label}</p>
              </div>
              <label class="guest-language">
                <span class="visually-hidden">{m.guest_language()}</span>
                <select value={currentLocale()} onChange={(e) => switchLanguage(e.currentTarget.value)}>
                  <For each={locales}>{(locale) => <option value={locale}>{localeNames[locale]}</option>}</For>
                </select>
              </label>
            </header>
            <nav class="guest-tabs" aria-label={m.guest_sections()}>
              <a
                href={guestHref({ token, view: 'menu', orderId: null })}
                aria-current={props.path.view === 'menu' ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  props.navigate({ token, view: 'menu', orderId: null });
                }}
              >
                {m.guest_tab_menu()}
              </a>
              <a
                href={guestHref({ token, view: 'orders', orderId: null })}
                aria-current={props.path.view === 'orders' ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  props.navigate({ token, view: 'orders', orderId: null });
                }}
              >
                {m.guest_tab_orders()}
                <Show when={activeOrders().length > 0}>
                  <span class="guest-count">{activeOrders().length}</span>
                </Show>
              </a>
            </nav>
            <main class="guest-page" id="main">
              <ServiceBar
                requests={visit.requests()}
                disabled={!ordering()}
                ask={(kind: ServiceKind, id: string) => visit.ask(kind, id)}
              />
              <Show
                when={props.path.view === 'orders'}
                fallback={<MenuView menu={menu()} money={money} ordering={ordering()} onOpen={setOpenItem} />}
              >
                <OrdersView
                  orders={visit.orders()}
                  highlight={props.path.orderId}
                  money={money}
                  cancel={(id) => visit.cancel(id)}
                  backToMenu={() => props.navigate({ token, view: 'menu', orderId: null })}
                />
              </Show>
            </main>
            <Show when={visit.cart().lines.length > 0 && props.path.view === 'menu'}>
              <div class="guest-cart-bar">
                <button type="button" class="guest-button primary wide" onClick={() => setCartOpen(true)}>
                  <span>{m.guest_view_cart({ count: itemCount(visit.cart().lines) })}</span>
                  <span>{money(totals(visit.cart().lines, menu()).total)}</span>
                </button>
              </div>
            </Show>
            <Show when={openItem()}>
              {(item) => (
                <ItemSheet
                  item={menu().items.find((i) => i.id === item().id) ?? item()}
                  money={money}
                  ordering={ordering()}
                  onAdd={(line) => {
                    visit.setLines(addToCart(visit.cart().lines, line));
                    setOpenItem(null);
                  }}
                  onClose={() => setOpenItem(null)}
                />
              )}
            </Show>
            <Show when={cartOpen()}>
              <CartSheet
                visit={visit}
                money={money}
                onClose={() => setCartOpen(false)}
                onSent={(order) => {
                  setCartOpen(false);
                  props.navigate({ token, view: 'orders', orderId: order.id });
                }}
              />
            </Show>
          </>
        )}
      </Match>
      <Match when={visit.state() === 'loading'}>
        <MenuSkeleton />
      </Match>
    </Switch>
  );
}

/** A failure in words; the sentences load when one has to be said. */
function FailureText(props: { failure: DbFailure }) {
  const [errors] = createResource(() => import('#lib/guest/errors.ts'));
  return <>{errors()?.describeGuestFailure(props.failure) ?? ''}</>;
}

/** The page a rotated, removed or mistyped code leads to. */
function InvalidCode() {
  return (
    <main class="guest-page guest-centered">
      <div class="guest-invalid" role="alert">
        <h1>{m.guest_invalid_title()}</h1>
        <p>{m.guest_invalid_body()}</p>
      </div>
    </main>
  );
}

/** Grey shapes of the header and a few rows while the menu loads: nothing jumps when it arrives. */
function MenuSkeleton() {
  return (
    <div aria-busy="true">
      <p class="visually-hidden">{m.guest_loading()}</p>
      <div class="guest-header skeleton-header" />
      <div class="guest-page">
        <For each={[1, 2, 3, 4, 5]}>{() => <div class="guest-item skeleton-row" />}</For>
      </div>
    </div>
  );
}
