import { createSignal, For, type JSX } from 'solid-js';
import { moveBy, moveTo } from '../../lib/menu/reorder.ts';
import * as m from '../../paraglide/messages.js';

export interface ReorderableListProps<T extends { id: string }> {
  items: readonly T[];
  /** Names the list for screen readers ("Categories", "Options of Sauce"…). */
  label: string;
  /** Each row's name, used in the move buttons' accessible names. */
  nameOf: (item: T) => string;
  /** Called with the whole list in its new order. */
  onReorder: (ordered: T[]) => void;
  children: (item: T) => JSX.Element;
}

/**
 * A list reordered by dragging a row (mouse, pen) or with its "Move up" / "Move down" buttons
 * (keyboard, screen readers, touch screens where drag-and-drop is unreliable).
 */
export function ReorderableList<T extends { id: string }>(props: ReorderableListProps<T>) {
  const [dragged, setDragged] = createSignal<number | null>(null);
  const [over, setOver] = createSignal<number | null>(null);
  const drop = (index: number) => {
    const from = dragged();
    setDragged(null);
    setOver(null);
    if (from === null || from === index) return;
    props.onReorder(moveTo(props.items, from, index));
  };
  return (
    <ol class="reorderable" aria-label={props.label}>
      <For each={props.items}>
        {(item, index) => (
          <li
            class="reorderable-row"
            classList={{ 'drop-target': over() === index() && dragged() !== index() }}
            onDragOver={(event) => {
              if (dragged() === null) return;
              event.preventDefault();
              setOver(index());
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(event) => {
              event.preventDefault();
              drop(index());
            }}
            onDragEnd={() => {
              setDragged(null);
              setOver(null);
            }}
          >
            {/* Only the handle drags, so text in the row's inputs stays selectable. */}
            <span
              class="drag-handle"
              aria-hidden="true"
              draggable={true}
              onDragStart={(event) => {
                setDragged(index());
                const row = event.currentTarget.parentElement;
                if (event.dataTransfer) {
                  event.dataTransfer.setData('text/plain', item.id);
                  event.dataTransfer.effectAllowed = 'move';
                  if (row) event.dataTransfer.setDragImage(row, 16, 16);
                }
              }}
            >
              ⠿
            </span>
            <div class="reorderable-content">{props.children(item)}</div>
            <div class="move-buttons">
              <button
                type="button"
                class="secondary icon"
                aria-label={m.admin_menu_move_up({ name: props.nameOf(item) })}
                title={m.admin_menu_move_up({ name: props.nameOf(item) })}
                disabled={index() === 0}
                onClick={() => props.onReorder(moveBy(props.items, item.id, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                class="secondary icon"
                aria-label={m.admin_menu_move_down({ name: props.nameOf(item) })}
                title={m.admin_menu_move_down({ name: props.nameOf(item) })}
                disabled={index() === props.items.length - 1}
                onClick={() => props.onReorder(moveBy(props.items, item.id, 1))}
              >
                ↓
              </button>
            </div>
          </li>
        )}
      </For>
    </ol>
  );
}
