import type { DbFailure } from '#lib/db.ts';
import { describeFailure } from '#lib/i18n/errors.ts';
import * as m from '#paraglide/messages.js';

/** A refused acknowledge_service_request (parked in the outbox) in the user's language. */
export function describeServiceRequestFailure(failure: Pick<DbFailure, 'code'>): string {
  return failure.code === 'service_request_not_found'
    ? m.db_error_service_request_not_found()
    : describeFailure(failure);
}
