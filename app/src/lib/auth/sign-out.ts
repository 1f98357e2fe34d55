import { clearQueryCache } from '#lib/query.ts';
import { supabase } from '#lib/supabase.ts';
import { outbox } from '#lib/sync.ts';

export type SignOutResult =
  | { ok: true }
  | { ok: false; reason: 'unsynced'; unsynced: number }
  | { ok: false; reason: 'failed' };

/**
 * Signs out only when this device has no unsent work: the outbox's commands run with the signed-in
 * user's token, so signing out would strand them. Reads the store itself rather than the UI signal
 * so a command enqueued a moment ago still counts.
 */
export async function signOutIfSynced(): Promise<SignOutResult> {
  const { unsynced } = await outbox.snapshot();
  if (unsynced > 0) return { ok: false, reason: 'unsynced', unsynced };
  const { error } = await supabase.auth.signOut();
  if (error) return { ok: false, reason: 'failed' };
  await clearQueryCache();
  return { ok: true };
}
