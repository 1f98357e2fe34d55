// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import type { JSX } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReorderableList, type RowControls } from '#components/ui/reorderable-list.tsx';

interface Row {
  id: string;
  name: string;
}

const rows: Row[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: `Row ${id}` }));
const rowHeight = 50;

/**
 * happy-dom has no layout, so "what is under the pointer" is stubbed: the outer list's rows are
 * stacked `rowHeight` px apart from y = 0, and the point answers the row's name (a descendant, as
 * a real hit test would), or an inner list's row when `inner` says so.
 */
function stubLayout(inner?: { y: number; element: () => Element }) {
  vi.spyOn(document, 'elementFromPoint').mockImplementation((_x, y) => {
    if (inner && y === inner.y) return inner.element();
    const outer = document.querySelector('ol.reorderable');
    const row = outer?.children[Math.floor(y / rowHeight)];
    return row?.querySelector('.name') ?? null;
  });
}

function renderList(children?: (row: Row) => JSX.Element) {
  const onReorder = vi.fn<(ordered: Row[]) => void>();
  render(() => (
    <ReorderableList items={rows} label="Rows" nameOf={(row) => row.name} onReorder={onReorder}>
      {(row) => children?.(row) ?? <span class="name">{row.name}</span>}
    </ReorderableList>
  ));
  const outer = screen.getByRole('list', { name: 'Rows' });
  const handles = [...outer.querySelectorAll(':scope > li > .drag-handle')] as HTMLElement[];
  return { onReorder, outer, handles };
}

const at = (row: number, pointerId = 1) => ({
  pointerId,
  button: 0,
  clientX: 10,
  clientY: row * rowHeight + rowHeight / 2,
});
const ids = (ordered: Row[] | undefined) => ordered?.map((row) => row.id).join('');

beforeEach(() => stubLayout());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ReorderableList dragging by pointer (mouse, pen, touch)', () => {
  it('moves the held row to the row it is released over', () => {
    const { onReorder, outer, handles } = renderList();
    fireEvent.pointerDown(handles[0] as HTMLElement, { ...at(0), pointerType: 'touch' });
    fireEvent.pointerMove(handles[0] as HTMLElement, at(1));
    fireEvent.pointerMove(handles[0] as HTMLElement, at(2));

    expect(outer.children[0]?.classList.contains('dragging')).toBe(true);
    expect(outer.children[2]?.classList.contains('drop-target')).toBe(true);
    expect(onReorder).not.toHaveBeenCalled();

    fireEvent.pointerUp(handles[0] as HTMLElement, at(2));
    expect(onReorder).toHaveBeenCalledTimes(1);
    expect(ids(onReorder.mock.calls[0]?.[0])).toBe('bcad');
    expect(outer.querySelector('.dragging, .drop-target')).toBeNull();
  });

  it('moves a row up, and keeps the last row it was over when released outside the list', () => {
    const { onReorder, handles } = renderList();
    fireEvent.pointerDown(handles[3] as HTMLElement, at(3));
    fireEvent.pointerMove(handles[3] as HTMLElement, at(0));
    fireEvent.pointerUp(handles[3] as HTMLElement, { ...at(0), clientY: -500 });
    expect(ids(onReorder.mock.calls[0]?.[0])).toBe('dabc');
  });

  it('changes nothing when the browser cancels the pointer or Escape is pressed', () => {
    const { onReorder, outer, handles } = renderList();
    fireEvent.pointerDown(handles[0] as HTMLElement, at(0));
    fireEvent.pointerMove(handles[0] as HTMLElement, at(2));
    fireEvent.pointerCancel(handles[0] as HTMLElement, at(2));
    fireEvent.pointerUp(handles[0] as HTMLElement, at(2));

    fireEvent.pointerDown(handles[1] as HTMLElement, at(1));
    fireEvent.pointerMove(handles[1] as HTMLElement, at(3));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(outer.querySelector('.dragging, .drop-target')).toBeNull();
    fireEvent.pointerUp(handles[1] as HTMLElement, at(3));

    expect(onReorder).not.toHaveBeenCalled();
  });

  it('ignores a second finger while one row is held', () => {
    const { onReorder, handles } = renderList();
    fireEvent.pointerDown(handles[0] as HTMLElement, at(0, 1));
    fireEvent.pointerDown(handles[3] as HTMLElement, at(3, 2));
    fireEvent.pointerMove(handles[3] as HTMLElement, at(2, 2));
    fireEvent.pointerUp(handles[3] as HTMLElement, at(2, 2));
    expect(onReorder).not.toHaveBeenCalled();
    fireEvent.pointerUp(handles[0] as HTMLElement, at(1, 1));
    expect(ids(onReorder.mock.calls[0]?.[0])).toBe('bacd');
  });

  it('counts a row of a list nested in a row as that outer row', () => {
    const onInnerReorder = vi.fn();
    const { onReorder, handles } = renderList((row) => (
      <>
        <span class="name">{row.name}</span>
        <ReorderableList
          items={[{ id: `${row.id}1` }]}
          label={`Inner ${row.id}`}
          nameOf={(r) => r.id}
          onReorder={onInnerReorder}
        >
          {(inner) => <span class="inner-name">{inner.id}</span>}
        </ReorderableList>
      </>
    ));
    // The point below row c's name lands on its inner list's only row.
    stubLayout({ y: 999, element: () => screen.getByText('c1') });
    fireEvent.pointerDown(handles[0] as HTMLElement, at(0));
    fireEvent.pointerMove(handles[0] as HTMLElement, { ...at(0), clientY: 999 });
    fireEvent.pointerUp(handles[0] as HTMLElement, { ...at(0), clientY: 999 });
    expect(ids(onReorder.mock.calls[0]?.[0])).toBe('bcad');
    expect(onInnerReorder).not.toHaveBeenCalled();
  });
});

describe('ReorderableList buttons (keyboard, screen readers)', () => {
  it('moves a row one place with its Move buttons and disables them at the ends', () => {
    const { onReorder } = renderList();
    fireEvent.click(screen.getByRole('button', { name: 'Move Row c up' }));
    expect(ids(onReorder.mock.calls[0]?.[0])).toBe('acbd');
    expect(screen.getByRole('button', { name: 'Move Row a up' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Move Row d down' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('ReorderableList moves given to the row (its own "⋯" menu)', () => {
  function renderWithControls(reorderable: boolean) {
    const onReorder = vi.fn<(ordered: Row[]) => void>();
    const seen = new Map<string, RowControls>();
    render(() => (
      <ReorderableList
        items={rows}
        label="Rows"
        nameOf={(row) => row.name}
        onReorder={onReorder}
        moveButtons={false}
        reorderable={reorderable}
      >
        {(row, controls) => {
          seen.set(row.id, controls);
          return <span class="name">{row.name}</span>;
        }}
      </ReorderableList>
    ));
    return { onReorder, seen };
  }

  it('draws no ↑/↓ buttons and hands each row the moves it can make', () => {
    const { onReorder, seen } = renderWithControls(true);
    expect(screen.queryByRole('button', { name: /Move/ })).toBeNull();
    expect(document.querySelectorAll('.drag-handle')).toHaveLength(4);
    expect(seen.get('a')?.moveUp).toBeUndefined();
    expect(seen.get('d')?.moveDown).toBeUndefined();
    seen.get('b')?.moveUp?.();
    expect(ids(onReorder.mock.calls[0]?.[0])).toBe('bacd');
    seen.get('c')?.moveDown?.();
    expect(ids(onReorder.mock.calls[1]?.[0])).toBe('abdc');
  });

  it('offers no move and no handle while the list is not the real order (a search)', () => {
    const { seen } = renderWithControls(false);
    expect(document.querySelectorAll('.drag-handle')).toHaveLength(0);
    for (const controls of seen.values()) {
      expect(controls.moveUp).toBeUndefined();
      expect(controls.moveDown).toBeUndefined();
    }
  });
});
