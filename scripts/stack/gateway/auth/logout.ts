import type { Context } from 'hono';
import { deleteSessions } from './accounts.ts';
import { inTransaction } from './db.ts';
import { badRequest } from './errors.ts';
import { type AuthDeps, requireUser } from './request.ts';

/**
 * POST /logout?scope=global|local|others (GoTrue's Logout): deletes sessions and their refresh
 * tokens. Access tokens stay valid until `exp`, but /user then answers session_not_found.
 */
export async function logout(c: Context, deps: AuthDeps): Promise<Response> {
  const auth = await requireUser(c, deps);
  const scope = c.req.query('scope') ?? '';
  if (!['', 'global', 'local', 'others'].includes(scope)) {
    throw badRequest('validation_failed', `Unsupported logout scope ${JSON.stringify(scope)}`);
  }
  await inTransaction(deps.pool, async (tx) => {
    const userId = auth.user.row.id;
    if (scope === 'local' && auth.sessionId) await deleteSessions(tx, userId, { only: auth.sessionId });
    else if (scope === 'others' && auth.sessionId) await deleteSessions(tx, userId, { except: auth.sessionId });
    // Without a session in the token there is no "this session" to keep: GoTrue ends them all.
    else await deleteSessions(tx, userId);
  });
  return c.body(null, 204);
}
