import { createSignal, For, type JSX, onCleanup, Show } from 'solid-js';
import { moveBy, moveTo } from '#lib/menu/reorder.ts';
import * as m from '#paraglide/messages.js';

export interface ReorderableListProps<T extends { id: string }> {
  items: readonly T[];
  /** Names the list for screen readers ("Categories", "Options of Sauce"…). */
  label: string;
  /** Each row's name, used in the move buttons' accessible names. */
  nameOf: (item: T) => string;
  /** Called with the whole list in its new order. */
  onReorder: (ordered: T[]) => void;
  /**
   * Where "Move up" / "Move down" live: buttons beside each row (default), or only `controls`
   * given to the row, for rows that offer them in their own overflow menu (narrow screens).
   */
  moveButtons?: boolean;
  /** False hides the drag handles and moves (a filtered list, whose order is not the real one). */
  reorderable?: boolean;
  children: (item: T, controls: RowControls) => JSX.Element;
}

/** A row's moves, absent where it cannot go (the first row cannot move up). */
export interface RowControls {
  moveUp: (() => void) | undefined;
  moveDown: (() => void) | undefined;
}

/** The drag under way: which pointer holds which row, and the row it would land on. */
interface Drag {
  pointerId: number;
  id: string;
  over: number;
}

/**
 * The index of this list's row under a point. Lists nest (a group's options inside the groups
 * list), so the nearest row may belong to an inner list: climb until a row is a child of `list`.
 */
export function rowIndexAt(list: HTMLElement, x: number, y: number): number | null {
  let element: Element | null = document.elementFromPoint(x, y);
  while (element) {
    const row: Element | null = element.closest('.reorderable-row');
    if (!row) return null;
    if (row.parentElement === list) return Array.prototype.indexOf.call(list.children, row);
    element = row.parentElement;
  }
  return null;
}

/**
 * A list reordered by dragging a row's handle (mouse, pen or finger, through Pointer Events) or
 * with its "Move up" / "Move down" buttons (keyboard and screen readers).
 */
export function ReorderableList<T extends { id: string }>(props: ReorderableListProps<T>) {
  const [drag, setDrag] = createSignal<Drag | null>(null);
  let list: HTMLOListElement | undefined;

  // Listened for on the window rather than the handle: <For> may replace a row while it is held
  // (the menu refetched), and the pointer's events then no longer reach the old handle.
  const onMove = (event: PointerEvent) => {
    const current = drag();
    if (!current || event.pointerId !== current.pointerId || !list) return;
    const over = rowIndexAt(list, event.clientX, event.clientY);
    if (over !== null && over !== current.over) setDrag({ ...current, over });
  };
  const onUp = (event: PointerEvent) => {
    const current = drag();
    if (!current || event.pointerId !== current.pointerId) return;
    // Released outside the list (past its top or bottom): the last row it was over wins.
    const released = list ? rowIndexAt(list, event.clientX, event.clientY) : null;
    const over = released ?? current.over;
    stop();
    const from = props.items.findIndex((item) => item.id === current.id);
    if (from < 0 || from === over) return;
    props.onReorder(moveTo(props.items, from, over));
  };
  const onCancel = (event: PointerEvent) => {
    if (event.pointerId === drag()?.pointerId) stop();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    stop();
  };
  function stop() {
    setDrag(null);
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    window.removeEventListener('pointercancel', onCancel);
    window.removeEventListener('keydown', onKey);
  }
  onCleanup(stop);

  const start = (event: PointerEvent & { currentTarget: HTMLElement }, item: T, index: number) => {
    // Primary button only (a finger or pen contact is button 0 too); one drag at a time.
    if (event.button !== 0 || drag()) return;
    // No text selection, no emulated mouse events; the handle's touch-action stops scrolling.
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ pointerId: event.pointerId, id: item.id, over: index });
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onCancel);
    window.addEventListener('keydown', onKey);
  };

  return (
    <ol class="reorderable" aria-label={props.label} ref={list}>
      <For each={props.items}>
        {(item, index) => {
          const held = () => drag()?.id === item.id;
          const canMove = () => props.reorderable !== false;
          const controls: RowControls = {
            get moveUp() {
              return canMove() && index() > 0 ? () => props.onReorder(moveBy(props.items, item.id, -1)) : undefined;
            },
            get moveDown() {
              return canMove() && index() < props.items.length - 1
                ? () => props.onReorder(moveBy(props.items, item.id, 1))
                : undefined;
            },
          };
          return (
            <li
              class="reorderable-row"
              classList={{ dragging: held(), 'drop-target': drag()?.over === index() && !held() }}
            >
              {/* Only the handle drags (and only it refuses touch scrolling), so the page still
                  scrolls under a finger elsewhere and text in the row's inputs stays selectable. */}
              <Show when={canMove()}>
                <span class="drag-handle" aria-hidden="true" onPointerDown={(event) => start(event, item, index())}>
                  ⠿
                </span>
              </Show>
              <div class="reorderable-content">{props.children(item, controls)}</div>
              <Show when={canMove() && props.moveButtons !== false}>
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
              </Show>
            </li>
          );
        }}
      </For>
    </ol>
  );
}
