import { For, Show } from 'solid-js';
import { Field } from '#components/ui/field.tsx';
import type { ItemGroup } from '#lib/menu/browse.ts';
import * as m from '#paraglide/messages.js';

/**
 * Stays at the top of the screen while the list scrolls: the search, and one button per category
 * that unfolds it and jumps to it (a row that scrolls sideways on a phone, not the page).
 */
export function ItemsToolbar(props: {
  query: string;
  onQuery: (query: string) => void;
  groups: readonly ItemGroup[];
  onJump: (id: string) => void;
  /** False for a category the search has emptied: there is nothing to jump to. */
  jumpable: (id: string) => boolean;
}) {
  return (
    <div class="menu-toolbar">
      <Field
        id="menu-item-search"
        type="search"
        label={m.admin_menu_search_label()}
        hint={m.admin_menu_search_hint()}
        autocomplete="off"
        value={props.query}
        onInput={(e) => props.onQuery(e.currentTarget.value)}
      />
      <Show when={props.groups.length > 1}>
        <nav class="menu-jump" aria-label={m.admin_menu_jump_label()}>
          <For each={props.groups}>
            {(group) => (
              <button
                type="button"
                class="secondary"
                disabled={!props.jumpable(group.id)}
                onClick={() => props.onJump(group.id)}
              >
                {group.name}
              </button>
            )}
          </For>
        </nav>
      </Show>
    </div>
  );
}
