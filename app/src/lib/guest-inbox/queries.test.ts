import { describe, expect, it } from 'vitest';
import { actedOn, arrivalTracker, type GuestInbox, inboxCount, inboxIds } from './queries.ts';

const inbox = (drafts: string[], requests: string[]) =>
  ({
    drafts: drafts.map((id) => ({ id })),
    requests: requests.map((id) => ({ id })),
  }) as unknown as GuestInbox;

describe('guest inbox', () => {
  it('counts each draft and each open request once', () => {
    expect(inboxCount(undefined)).toBe(0);
    expect(inboxCount(inbox(['a', 'b'], ['r']))).toBe(3);
    expect(inboxIds(inbox(['a'], ['r']))).toEqual(['a', 'r']);
  });

  it('rings for an id never seen, not for what was waiting when the POS opened', () => {
    const arrived = arrivalTracker();
    expect(arrived(['a', 'b'])).toBe(false);
    expect(arrived(['a', 'b'])).toBe(false);
    expect(arrived(['b'])).toBe(false);
    expect(arrived(['b', 'c'])).toBe(true);
    expect(arrived(['b', 'c'])).toBe(false);
    // One that left and comes back (re-read after a reconnect) is not new.
    expect(arrived(['a', 'c'])).toBe(false);
    expect(arrived(['a', 'c', 'r'])).toBe(true);
  });

  it('an empty first reading still learns, then rings for the first arrival', () => {
    const arrived = arrivalTracker();
    expect(arrived([])).toBe(false);
    expect(arrived(['x'])).toBe(true);
  });

  it('knows what this device already accepted, rejected or marked done', () => {
    expect(
      actedOn([
        { kind: 'transition_order', payload: { p_order_id: 'o1', p_to: 'placed' } },
        { kind: 'acknowledge_service_request', payload: { p_request_id: 'r1' } },
        { kind: 'place_order', payload: { id: 'o2' } },
        { kind: 'acknowledge_service_request', payload: null },
      ]),
    ).toEqual(new Set(['o1', 'r1']));
  });
});
