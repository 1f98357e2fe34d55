import type { DbFailure } from '#lib/db.ts';
import { describeOrderFailure } from '#lib/orders/errors.ts';
import * as m from '#paraglide/messages.js';

/**
 * A refused kitchen command (`set_line_status`; the order steps are transition_order's) in the
 * cook's language: a line changed or cancelled at the counter while the cook was offline is parked
 * with this sentence, never dropped.
 */
const kitchenCodes: Record<string, () => string> = {
  line_not_found: m.db_error_line_not_found,
  invalid_transition: m.db_error_invalid_transition,
  version_conflict: m.db_error_version_conflict,
};

export function describeKitchenFailure(failure: Pick<DbFailure, 'code'>): string {
  const translated = kitchenCodes[failure.code];
  return translated ? translated() : describeOrderFailure(failure);
}
