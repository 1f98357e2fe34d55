import { DropdownMenu } from '@kobalte/core/dropdown-menu';
import { For, type JSX } from 'solid-js';
import './ui.css';

export interface MenuAction {
  label: string;
  onSelect: () => void;
  tone?: 'danger' | 'default';
  disabled?: boolean;
}

/**
 * A button opening a short list of actions on one thing (a ticket's "more" actions), when a row
 * has no room for all its buttons. Arrow keys move, Enter picks, Escape closes; items are 44 px tall.
 */
export function Menu(props: { trigger: JSX.Element; label: string; actions: readonly MenuAction[] }) {
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger class="secondary" aria-label={props.label}>
        {props.trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content class="popover">
          <For each={props.actions}>
            {(action) => (
              <DropdownMenu.Item
                class={action.tone === 'danger' ? 'popover-item danger' : 'popover-item'}
                disabled={action.disabled ?? false}
                onSelect={() => action.onSelect()}
              >
                {action.label}
              </DropdownMenu.Item>
            )}
          </For>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu>
  );
}
