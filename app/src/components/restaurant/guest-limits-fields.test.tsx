// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { GuestLimitsFields } from '#components/restaurant/guest-limits-fields.tsx';
import type { GuestLimitField } from '#lib/restaurant/validation.ts';

const value: Record<GuestLimitField, number> = {
  guestOrdersPerGuest: 5,
  guestLinesPerOrder: 30,
  guestOpenDraftsPerTable: 20,
  guestOrdersPerHour: 300,
  guestRequestsPerGuest: 6,
};

afterEach(cleanup);

describe('GuestLimitsFields', () => {
  it('lets the owner change each limit as a number, with its range said beside it', () => {
    const changes: unknown[] = [];
    render(() => (
      <GuestLimitsFields
        idPrefix="s"
        value={value}
        owner
        errors={{ guestLinesPerOrder: 'A whole number from 1 to 100.' }}
        onChange={(patch) => changes.push(patch)}
      />
    ));
    const lines = screen.getByLabelText('Lines per guest order') as HTMLInputElement;
    expect(lines.disabled).toBe(false);
    expect(lines.value).toBe('30');
    expect([lines.min, lines.max]).toEqual(['1', '100']);
    expect(lines.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Guest orders per hour, whole restaurant').getAttribute('max')).toBe('5000');
    fireEvent.input(screen.getByLabelText('Orders per guest in 10 minutes'), { target: { value: '8' } });
    expect(changes).toEqual([{ guestOrdersPerGuest: 8 }]);
  });

  it('shows a manager the limits, read-only, and why', () => {
    render(() => <GuestLimitsFields idPrefix="s" value={value} owner={false} errors={{}} onChange={() => undefined} />);
    expect(screen.getByText('Only the owner changes these limits.')).toBeTruthy();
    for (const input of screen.getAllByRole('spinbutton')) expect((input as HTMLInputElement).disabled).toBe(true);
    expect(screen.getAllByRole('spinbutton')).toHaveLength(5);
  });
});
