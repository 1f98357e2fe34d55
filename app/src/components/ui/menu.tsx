import { createSignal, createUniqueId, For, type JSX, onCleanup, Show } from 'solid-js';
import './ui.css';

export interface MenuAction {
  label: string;
  onSelect: () => void;
  tone?: 'danger' | 'default';
  disabled?: boolean;
}

/**
 * A button opening a short list of actions on one thing (a menu row's edit, delete, move), when a
 * row has no room for all its buttons. The WAI-ARIA menu button: arrow keys, Home and End move,
 * Enter or Space picks, Escape closes and Tab leaves; items are 44 px tall. Hand-rolled rather
 * than Kobalte's DropdownMenu, which with its positioning engine would add ~30 kB gzip to every
 * screen with a long list (the menu editor has one per row).
 */
export function Menu(props: {
  trigger: JSX.Element;
  label: string;
  actions: readonly MenuAction[];
  /** Lets a screen give focus back to the trigger after the row it sits in was re-drawn. */
  triggerId?: string;
  /** `icon` for a square 44 px "⋯" button. */
  triggerClass?: string;
}) {
  const [open, setOpen] = createSignal(false);
  const menuId = createUniqueId();
  let trigger: HTMLButtonElement | undefined;
  let list: HTMLDivElement | undefined;

  const items = () => [...(list?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
  const focusItem = (index: number) => {
    const all = items();
    if (all.length === 0) return;
    all[(index + all.length) % all.length]?.focus();
  };
  const onOutside = (event: PointerEvent) => {
    const target = event.target as Node | null;
    if (target && (list?.contains(target) || trigger?.contains(target))) return;
    close(false);
  };
  function close(returnFocus: boolean) {
    setOpen(false);
    document.removeEventListener('pointerdown', onOutside, true);
    if (returnFocus) trigger?.focus();
  }
  const show = (focusAt: number) => {
    setOpen(true);
    document.addEventListener('pointerdown', onOutside, true);
    focusItem(focusAt);
  };
  onCleanup(() => document.removeEventListener('pointerdown', onOutside, true));

  const onTriggerKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 0 : -1);
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(at + 1),
      ArrowUp: () => focusItem(at - 1),
      Home: () => focusItem(0),
      End: () => focusItem(-1),
      Escape: () => close(true),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    } else if (event.key === 'Tab') close(false);
  };
  const pick = (action: MenuAction) => {
    // Focus goes back to the trigger first, so an action that opens a form can take it from there.
    close(true);
    action.onSelect();
  };

  return (
    <span class="menu-anchor">
      <button
        type="button"
        ref={trigger}
        id={props.triggerId}
        class={props.triggerClass ? `secondary ${props.triggerClass}` : 'secondary'}
        aria-label={props.label}
        title={props.label}
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-controls={open() ? menuId : undefined}
        onClick={() => (open() ? close(false) : show(0))}
        onKeyDown={onTriggerKey}
      >
        {props.trigger}
      </button>
      <Show when={open()}>
        <div
          id={menuId}
          ref={list}
          role="menu"
          aria-label={props.label}
          class="popover menu-popover"
          onKeyDown={onMenuKey}
        >
          <For each={props.actions}>
            {(action) => (
              <button
                type="button"
                role="menuitem"
                tabindex="-1"
                class={action.tone === 'danger' ? 'popover-item danger' : 'popover-item'}
                disabled={action.disabled ?? false}
                onClick={() => pick(action)}
              >
                {action.label}
              </button>
            )}
          </For>
        </div>
      </Show>
    </span>
  );
}
