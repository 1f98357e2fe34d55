// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Menu } from '#components/ui/menu.tsx';

afterEach(cleanup);

function renderMenu() {
  const edit = vi.fn();
  const remove = vi.fn();
  render(() => (
    <div>
      <Menu
        trigger="⋯"
        label="Actions for Tea"
        triggerId="tea-actions"
        actions={[
          { label: 'Edit', onSelect: edit },
          { label: 'Disabled', onSelect: vi.fn(), disabled: true },
          { label: 'Delete', tone: 'danger', onSelect: remove },
        ]}
      />
      <button type="button">Elsewhere</button>
    </div>
  ));
  const trigger = screen.getByRole('button', { name: 'Actions for Tea' });
  return { edit, remove, trigger };
}

describe('Menu (menu button)', () => {
  it('opens on click with focus on the first action, says it is open, and is found by its id', () => {
    const { trigger } = renderMenu();
    expect(trigger.id).toBe('tea-actions');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('menu', { name: 'Actions for Tea' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Edit' }));
  });

  it('moves with the arrow keys past disabled actions, wraps, and picks with a click (Enter)', () => {
    const { remove, edit, trigger } = renderMenu();
    fireEvent.keyDown(trigger, { key: 'ArrowDown' });
    const menu = screen.getByRole('menu');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Delete' }));
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Edit' }));
    fireEvent.keyDown(menu, { key: 'End' });
    fireEvent.click(document.activeElement as HTMLElement);
    expect(remove).toHaveBeenCalledOnce();
    expect(edit).not.toHaveBeenCalled();
    // Closed, focus back on the trigger.
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('closes on Escape (focus back on the trigger) and on a press outside', () => {
    const { trigger } = renderMenu();
    fireEvent.click(trigger);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    fireEvent.click(trigger);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
