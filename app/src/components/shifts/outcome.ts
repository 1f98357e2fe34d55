import type { DrawerOutcome } from '#lib/shifts/drawer.ts';
import { describeShiftFailure } from '#lib/shifts/errors.ts';
import { outbox } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';

export interface DrawerMessage {
  text: string;
  error: boolean;
}

/**
 * What the screen says after a drawer command. A refusal answered while the person watches is
 * said here and its parked command dropped (nothing was written), rather than left for the
 * "needs attention" list.
 */
export async function messageFor(
  outcome: DrawerOutcome<unknown>,
  done: string,
  queued: string,
): Promise<DrawerMessage> {
  switch (outcome.kind) {
    case 'stored':
      return { text: done, error: false };
    case 'queued':
      return { text: queued, error: false };
    case 'refused':
      await outbox.discard(outcome.commandId);
      return { text: describeShiftFailure(outcome.failure), error: true };
    case 'storage':
      return {
        text: outcome.reason === 'storage_full' ? m.pos_storage_full() : m.pos_storage_unavailable(),
        error: true,
      };
  }
}
