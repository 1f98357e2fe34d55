import type { OutboxFailure } from '#lib/outbox/types.ts';
import * as m from '#paraglide/messages.js';

/**
 * The database's stable error codes (P0001 messages, see supabase/migrations) in the user's
 * language. Listed explicitly rather than looked up by key so unused messages still tree-shake;
 * a code without a translation falls back to a generic sentence that still names the code.
 */
const databaseMessages: Record<string, () => string> = {
  forbidden: m.db_error_forbidden,
  not_authenticated: m.db_error_not_authenticated,
  version_conflict: m.db_error_version_conflict,
  slug_taken: m.db_error_slug_taken,
  invalid_slug: m.db_error_invalid_slug,
  invalid_name: m.db_error_invalid_name,
  network: m.db_error_network,
  client_error: m.db_error_client_error,
  // An offline availability switch for a menu row deleted meanwhile (lib/menu/availability-command.ts).
  row_not_found: m.admin_menu_error_row_not_found,
};

export function describeFailure(failure: Pick<OutboxFailure, 'code'>): string {
  const translated = databaseMessages[failure.code];
  return translated ? translated() : m.db_error_generic({ code: failure.code });
}
