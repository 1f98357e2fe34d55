import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import type { Currency } from '#lib/format/money.ts';
import { formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { itemImageUrl } from '#lib/menu/item-image.ts';
import type { MenuData, MenuItem } from '#lib/menu/types.ts';
import { searchItems } from '#lib/orders/cart.ts';
import * as m from '#paraglide/messages.js';

export interface MenuGridProps {
  menu: MenuData;
  money: Currency;
  /** A tap on an available item. */
  onPick: (item: MenuItem) => void;
  /** Managers and owners may mark items sold out from the till ("86"). */
  onSetAvailable?: ((item: MenuItem, available: boolean) => void) | undefined;
}

/**
 * The till's menu: a search box (focused on open; Enter adds the single match), category
 * chips, and big item buttons. Sold-out items stay visible, greyed, and cannot be added.
 */
export function MenuGrid(props: MenuGridProps) {
  const [query, setQuery] = createSignal('');
  const [category, setCategory] = createSignal<string | null>(null);
  let search: HTMLInputElement | undefined;
  onMount(() => search?.focus());

  const shown = createMemo(() => {
    const inCategory = category()
      ? props.menu.items.filter((item) => item.category_id === category())
      : props.menu.items;
    // A search looks through the whole menu: the cashier types what the customer says.
    return query().trim() ? searchItems(props.menu.items, query()) : inCategory;
  });
  const price = (item: MenuItem) => formatMoney(item.price, props.money, currentLocale());

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const available = shown().filter((item) => item.available);
      const [only] = available;
      if (only && available.length === 1) {
        props.onPick(only);
        setQuery('');
      }
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  return (
    <section class="pos-menu" aria-label={m.pos_menu_label()}>
      <div class="pos-search">
        <label class="visually-hidden" for="pos-search">
          {m.pos_search_label()}
        </label>
        <input
          id="pos-search"
          ref={search}
          type="search"
          enterkeyhint="done"
          autocomplete="off"
          placeholder={m.pos_search_placeholder()}
          value={query()}
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <fieldset class="pos-categories">
        <legend class="visually-hidden">{m.pos_categories_label()}</legend>
        <button
          type="button"
          class="chip"
          aria-pressed={category() === null}
          onClick={() => {
            setCategory(null);
            setQuery('');
          }}
        >
          {m.pos_category_all()}
        </button>
        <For each={props.menu.categories}>
          {(entry) => (
            <button
              type="button"
              class="chip"
              aria-pressed={category() === entry.id}
              onClick={() => {
                setCategory(entry.id);
                setQuery('');
              }}
            >
              {entry.name}
            </button>
          )}
        </For>
      </fieldset>
      <Show when={shown().length > 0} fallback={<p class="notice subtle">{m.pos_search_none()}</p>}>
        <ul class="pos-items">
          <For each={shown()}>
            {(item) => (
              <li class="pos-item" classList={{ unavailable: !item.available }}>
                <button
                  type="button"
                  class="pos-item-button"
                  disabled={!item.available}
                  aria-label={
                    item.available ? undefined : m.pos_item_sold_out_label({ name: item.name, price: price(item) })
                  }
                  onClick={() => props.onPick(item)}
                >
                  <Show when={item.image_path}>
                    {(path) => <img class="pos-item-photo" src={itemImageUrl(path())} alt="" loading="lazy" />}
                  </Show>
                  <span class="pos-item-name">{item.name}</span>
                  <span class="pos-item-price">{price(item)}</span>
                  <Show when={!item.available}>
                    <span class="pos-item-soldout">{m.pos_item_sold_out()}</span>
                  </Show>
                </button>
                <Show when={props.onSetAvailable}>
                  {(setAvailable) => (
                    // One action, so a plain button rather than a menu; the hidden name tells a
                    // screen reader which item it marks.
                    <button
                      type="button"
                      class="secondary pos-item-availability"
                      onClick={() => setAvailable()(item, !item.available)}
                    >
                      {item.available ? m.pos_mark_unavailable() : m.pos_mark_available()}
                      <span class="visually-hidden"> {item.name}</span>
                    </button>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
