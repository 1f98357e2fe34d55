import { createSignal, For, lazy, Show } from 'solid-js';
import type { GuestItem } from '#lib/guest/api.ts';
import { photoUrl } from '#lib/guest/api.ts';
import { addLine, type CartLine, itemCount } from '#lib/guest/cart.ts';
import { changeLocale, currentLocale, localeNames, locales } from '#lib/i18n/locale.ts';
import type { KioskMenu } from '#lib/kiosk/api.ts';
import { cartTotals } from '#lib/orders/cart.ts';
import * as m from '#paraglide/messages.js';
import { kioskMoney } from './money.ts';

// The guests' item sheet (photo, options with their min/max rules, note, quantity), as it is.
const ItemSheet = lazy(() => import('../guest/item-sheet.tsx').then((module) => ({ default: module.ItemSheet })));

/** Categories and dishes with large photos; a dish opens its sheet; the bar below leads to the review. */
export function MenuScreen(props: {
  menu: KioskMenu;
  cart: CartLine[];
  largeText: boolean;
  onLargeText: (on: boolean) => void;
  onAdd: (lines: CartLine[]) => void;
  onReview: () => void;
  onStartOver: () => void;
}) {
  const money = kioskMoney(props.menu);
  const [open, setOpen] = createSignal<GuestItem | null>(null);
  const sections = () =>
    [...props.menu.categories]
      .sort((a, b) => a.position - b.position)
      // A dish the kitchen ran out of (86) leaves the kiosk's menu as soon as menu_changed says so.
      .map((category) => ({
        category,
        items: props.menu.items.filter((item) => item.category_id === category.id && item.available !== false),
      }))
      .filter((section) => section.items.length > 0);
  const count = () => itemCount(props.cart);

  return (
    <>
      <header class="kiosk-header">
        <h1 class="kiosk-header-name">{props.menu.restaurant.name}</h1>
        <label class="kiosk-select">
          <span class="visually-hidden">{m.kiosk_choose_language()}</span>
          <select value={currentLocale()} onChange={(e) => changeLocale(e.currentTarget.value)}>
            <For each={locales}>
              {(locale) => (
                <option value={locale} lang={locale}>
                  {localeNames[locale]}
                </option>
              )}
            </For>
          </select>
        </label>
        <button
          type="button"
          class="kiosk-button"
          aria-pressed={props.largeText}
          onClick={() => props.onLargeText(!props.largeText)}
        >
          {m.kiosk_larger_text()}
        </button>
        <button type="button" class="kiosk-button" onClick={() => props.onStartOver()}>
          {m.kiosk_start_over()}
        </button>
      </header>
      <div class="kiosk-menu-layout">
        <nav class="kiosk-categories" aria-label={m.kiosk_categories()}>
          <For each={sections()}>
            {(section) => (
              <button
                type="button"
                class="kiosk-button"
                onClick={() =>
                  document.getElementById(`kiosk-category-${section.category.id}`)?.scrollIntoView({ block: 'start' })
                }
              >
                {section.category.name}
              </button>
            )}
          </For>
        </nav>
        <main id="main" class="kiosk-menu">
          <For each={sections()}>
            {(section) => (
              <section id={`kiosk-category-${section.category.id}`} aria-labelledby={`kh-${section.category.id}`}>
                <h2 id={`kh-${section.category.id}`} class="kiosk-section-title">
                  {section.category.name}
                </h2>
                <ul class="kiosk-items">
                  <For each={section.items}>
                    {(item) => {
                      const soldOut = () => item.available === false;
                      return (
                        <li>
                          <button
                            type="button"
                            class="kiosk-item"
                            disabled={soldOut()}
                            onClick={() => setOpen(item)}
                            aria-label={`${item.name}, ${soldOut() ? m.guest_sold_out() : money(item.price)}`}
                          >
                            <Show when={item.image_path}>
                              {(path) => (
                                <img
                                  class="kiosk-item-photo"
                                  src={photoUrl(path(), { width: 400, height: 300 })}
                                  alt=""
                                  width="400"
                                  height="300"
                                  loading="lazy"
                                  decoding="async"
                                />
                              )}
                            </Show>
                            <span class="kiosk-item-name">{item.name}</span>
                            <span class="kiosk-item-price">{soldOut() ? m.guest_sold_out() : money(item.price)}</span>
                          </button>
                        </li>
                      );
                    }}
                  </For>
                </ul>
              </section>
            )}
          </For>
        </main>
      </div>
      <footer class="kiosk-bar">
        <span class="kiosk-bar-total">
          {m.kiosk_total()}{' '}
          {money(cartTotals(props.cart, props.menu.restaurant.tax_mode, props.menu.restaurant.tax_rate_bp).total)}
        </span>
        <button type="button" class="kiosk-button primary" disabled={count() === 0} onClick={() => props.onReview()}>
          {m.kiosk_view_order({ count: count() })}
        </button>
      </footer>
      <span class="visually-hidden" aria-live="polite">
        {m.kiosk_view_order({ count: count() })}
      </span>
      <Show when={open()}>
        {(item) => (
          <ItemSheet
            item={item()}
            money={money}
            ordering={true}
            onAdd={(line) => {
              props.onAdd(addLine(props.cart, line));
              setOpen(null);
            }}
            onClose={() => setOpen(null)}
          />
        )}
      </Show>
    </>
  );
}
