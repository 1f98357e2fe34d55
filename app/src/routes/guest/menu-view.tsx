import { For, Show } from 'solid-js';
import { type GuestItem, type GuestMenu, photoUrl } from '#lib/guest/api.ts';
import * as m from '#paraglide/messages.js';
import type { Money } from './money.ts';

// Other surfaces showing the same photos (the kiosk) import it from here.
export { photoUrl };

/** The menu by category: a row per dish (photo, name, description, price); sold-out dishes greyed. */
export function MenuView(props: {
  menu: GuestMenu;
  money: Money;
  ordering: boolean;
  onOpen: (item: GuestItem) => void;
}) {
  const sections = () =>
    [...props.menu.categories]
      .sort((a, b) => a.position - b.position)
      .map((category) => ({ category, items: props.menu.items.filter((item) => item.category_id === category.id) }))
      .filter((section) => section.items.length > 0);
  const uncategorised = () =>
    props.menu.items.filter((item) => !props.menu.categories.some((c) => c.id === item.category_id));

  return (
    <>
      <Show when={!props.ordering}>
        <p class="guest-notice">{m.guest_ordering_off()}</p>
      </Show>
      <Show when={sections().length > 1}>
        <nav class="guest-categories" aria-label={m.guest_categories()}>
          <For each={sections()}>
            {(section) => <a href={`#category-${section.category.id}`}>{section.category.name}</a>}
          </For>
        </nav>
      </Show>
      <Show when={props.menu.items.length === 0}>
        <p class="guest-notice">{m.guest_menu_empty()}</p>
      </Show>
      <For each={sections()}>
        {(section) => (
          <section
            class="guest-section"
            id={`category-${section.category.id}`}
            aria-labelledby={`h-${section.category.id}`}
          >
            <h2 id={`h-${section.category.id}`}>{section.category.name}</h2>
            <ItemList items={section.items} money={props.money} onOpen={props.onOpen} />
          </section>
        )}
      </For>
      <Show when={uncategorised().length > 0}>
        <section class="guest-section">
          <h2>{m.guest_other_items()}</h2>
          <ItemList items={uncategorised()} money={props.money} onOpen={props.onOpen} />
        </section>
      </Show>
    </>
  );
}

function ItemList(props: { items: GuestItem[]; money: Money; onOpen: (item: GuestItem) => void }) {
  return (
    <ul class="guest-items">
      <For each={props.items}>
        {(item) => {
          const soldOut = () => item.available === false;
          return (
            <li>
              <button
                type="button"
                class="guest-item"
                classList={{ 'sold-out': soldOut() }}
                disabled={soldOut()}
                onClick={() => props.onOpen(item)}
              >
                <span class="guest-item-text">
                  <span class="guest-item-name">{item.name}</span>
                  <Show when={item.description}>
                    <span class="guest-item-description">{item.description}</span>
                  </Show>
                  <span class="guest-item-price">
                    <Show when={soldOut()} fallback={props.money(item.price)}>
                      <span class="guest-sold-out">{m.guest_sold_out()}</span>
                    </Show>
                  </span>
                </span>
                <Show when={item.image_path}>
                  {(path) => (
                    // Fixed box (width/height and CSS): the row's height is known before the photo arrives.
                    <img
                      class="guest-item-photo"
                      src={photoUrl(path(), { width: 88, height: 88 })}
                      alt=""
                      width="88"
                      height="88"
                      loading="lazy"
                      decoding="async"
                    />
                  )}
                </Show>
              </button>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
