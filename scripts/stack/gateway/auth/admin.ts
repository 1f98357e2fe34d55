import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { confirmEmail, deleteSessions, insertEmailIdentity, insertUser } from './accounts.ts';
import { type AdminUserParams, adminUserParams, isBcryptHash, validateUserId } from './admin-params.ts';
import { checkPasswordStrength, hashPassword } from './credentials.ts';
import { inTransaction, type Queryable } from './db.ts';
import { AuthError, badRequest, unprocessable } from './errors.ts';
import { type AuthDeps, isUuid, readJsonObject, requireAdmin } from './request.ts';
import {
  findUserByEmail,
  findUserById,
  type JsonObject,
  type LoadedUser,
  listUsers,
  mergeMetadata,
  userJson,
} from './user-records.ts';

const AUD = 'authenticated';
const DEFAULT_PER_PAGE = 50;

const duplicateEmail = () =>
  unprocessable('email_exists', 'A user with this email address has already been registered');
const duplicatePhone = () => unprocessable('phone_exists', 'Phone number already registered by another user');

/** Unique violations raced past the pre-checks become the answers the pre-checks would have given. */
function translateUniqueViolation(e: unknown): unknown {
  const err = e as { code?: string; constraint?: string };
  if (err.code !== '23505') return e;
  if (err.constraint?.includes('phone')) return duplicatePhone();
  if (err.constraint?.includes('pkey')) return unprocessable('validation_failed', 'A user with this ID already exists');
  return duplicateEmail();
}

/** GET /admin/users?page=&per_page= with GoTrue's X-Total-Count and Link headers. */
export async function adminListUsers(c: Context, deps: AuthDeps): Promise<Response> {
  await requireAdmin(c, deps);
  const page = parsePageParam(c.req.query('page'), 1);
  const perPage = parsePageParam(c.req.query('per_page'), DEFAULT_PER_PAGE);
  const { users, total } = await listUsers(deps.pool, AUD, page, perPage);
  const totalPages = Math.ceil(total / perPage);
  // GoTrue rebuilds the request URL (as GoTrue sees it, without /auth/v1) with `page` replaced; Go
  // sorts query keys, which puts `page` first — auth-js's header parser depends on that.
  const query = new URL(c.req.url).searchParams;
  const linkTo = (p: number) => {
    query.set('page', String(p));
    query.sort();
    return `</admin/users?${query.toString()}>`;
  };
  let link = '';
  if (totalPages > page) link += `${linkTo(page + 1)}; rel="next", `;
  link += `${linkTo(totalPages)}; rel="last"`;
  c.header('Link', link);
  c.header('X-Total-Count', String(total));
  return c.json({ users: users.map(userJson), aud: AUD }, 200);
}

function parsePageParam(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) === 0) {
    throw badRequest('validation_failed', `Bad Pagination Parameters: invalid value ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

/** GoTrue's loadUser middleware for /admin/users/:id. */
async function loadUser(db: Queryable, id: string, lock = false): Promise<LoadedUser> {
  if (!isUuid(id)) throw new AuthError(404, 'validation_failed', 'user_id must be an UUID');
  const user = await findUserById(db, id, lock);
  if (!user) throw new AuthError(404, 'user_not_found', 'User not found');
  return user;
}

export async function adminGetUser(c: Context, deps: AuthDeps): Promise<Response> {
  await requireAdmin(c, deps);
  return c.json(userJson(await loadUser(deps.pool, c.req.param('id') ?? '')), 200);
}

/** POST /admin/users (GoTrue's adminUserCreate; no password strength check there, as upstream). */
export async function adminCreateUser(c: Context, deps: AuthDeps): Promise<Response> {
  await requireAdmin(c, deps);
  const p = adminUserParams(await readJsonObject(c));
  const aud = p.aud || AUD;
  if (p.email === '' && p.phone === '') {
    throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
  }
  if (p.email !== '' && (await findUserByEmail(deps.pool, p.email, aud))) throw duplicateEmail();
  if (p.phone !== '') {
    const { rowCount } = await deps.pool.query('select 1 from auth.users where phone = $1 and aud = $2', [
      p.phone,
      aud,
    ]);
    if (rowCount) throw duplicatePhone();
  }
  if (p.password !== undefined && p.passwordHash !== '') {
    throw badRequest('validation_failed', 'Only a password or a password hash should be provided');
  }
  if (p.passwordHash !== '' && !isBcryptHash(p.passwordHash)) {
    throw badRequest('validation_failed', 'password_hash must be a bcrypt hash');
  }
  if (p.password !== undefined && Buffer.byteLength(p.password) > 72) {
    throw badRequest('validation_failed', 'bcrypt: password length exceeds 72 bytes');
  }
  if (p.id !== '') validateUserId(p.id);
  // Without a password GoTrue sets a random one, so the account has a password nobody knows.
  const password = p.password || randomBytes(48).toString('base64url');
  const hash = p.passwordHash || (await hashPassword(deps.pool, password, deps.bcryptCost));
  const providers = [...(p.email ? ['email'] : []), ...(p.phone ? ['phone'] : [])];

  const created = await inTransaction(deps.pool, async (tx) => {
    let userId: string;
    try {
      userId = await insertUser(tx, {
        ...(p.id ? { id: p.id } : {}),
        aud,
        role: p.role || 'authenticated',
        email: p.email || null,
        phone: p.phone || null,
        encryptedPassword: hash,
        appMetadata: mergeMetadata({ provider: providers[0], providers }, p.appMetadata ?? {}),
        userMetadata: p.userMetadata ?? {},
        isAnonymous: false,
      });
    } catch (e) {
      throw translateUniqueViolation(e);
    }
    if (p.email) await insertEmailIdentity(tx, userId, p.email, false);
    if (p.phone) await upsertPhoneIdentity(tx, userId, p.phone, false);
    await applyConfirmationsAndBan(tx, userId, p);
    return findUserById(tx, userId);
  });
  if (!created) throw new Error('created user vanished inside its own transaction');
  return c.json(userJson(created), 200);
}

/** PUT /admin/users/:id (GoTrue's adminUserUpdate). */
export async function adminUpdateUser(c: Context, deps: AuthDeps): Promise<Response> {
  await requireAdmin(c, deps);
  const id = c.req.param('id') ?? '';
  await loadUser(deps.pool, id);
  const p = adminUserParams(await readJsonObject(c));
  if (p.password !== undefined) checkPasswordStrength(p.password);
  const hash = p.password !== undefined ? await hashPassword(deps.pool, p.password, deps.bcryptCost) : undefined;

  const updated = await inTransaction(deps.pool, async (tx) => {
    const user = await loadUser(tx, id, true);
    if (p.role) await tx.query('update auth.users set role = $2, updated_at = now() where id = $1', [id, p.role]);
    if (hash !== undefined) {
      await tx.query('update auth.users set encrypted_password = $2, updated_at = now() where id = $1', [id, hash]);
      // Without a session of its own, an admin password change signs the user out everywhere.
      await deleteSessions(tx, id);
    }
    try {
      if (p.email) await setEmail(tx, user, p.email, p.emailConfirm);
      if (p.phone) {
        await upsertPhoneIdentity(tx, id, p.phone, p.phoneConfirm);
        await tx.query(
          `update auth.users set phone = $2, updated_at = now(),
             is_anonymous = case when $3::boolean then false else is_anonymous end where id = $1`,
          [id, p.phone, p.phoneConfirm],
        );
      }
    } catch (e) {
      throw translateUniqueViolation(e);
    }
    const current = (await findUserById(tx, id)) ?? user;
    if (p.appMetadata) {
      await tx.query('update auth.users set raw_app_meta_data = $2::jsonb, updated_at = now() where id = $1', [
        id,
        JSON.stringify(mergeMetadata(current.row.raw_app_meta_data, p.appMetadata)),
      ]);
    }
    await applyConfirmationsAndBan(tx, id, p);
    if (p.userMetadata) {
      const latest = (await findUserById(tx, id)) ?? current;
      await tx.query('update auth.users set raw_user_meta_data = $2::jsonb, updated_at = now() where id = $1', [
        id,
        JSON.stringify(mergeMetadata(latest.row.raw_user_meta_data, p.userMetadata)),
      ]);
    }
    return findUserById(tx, id);
  });
  if (!updated) throw new AuthError(404, 'user_not_found', 'User not found');
  return c.json(userJson(updated), 200);
}

async function setEmail(tx: Queryable, user: LoadedUser, email: string, confirmed: boolean): Promise<void> {
  const { rowCount } = await tx.query(
    `update auth.identities
       set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', $3::boolean),
           updated_at = now()
     where provider = 'email' and provider_id = $1::text`,
    [user.row.id, email, confirmed],
  );
  if (!rowCount) await insertEmailIdentity(tx, user.row.id, email, confirmed);
  await tx.query(
    `update auth.users set email = $2, updated_at = now(),
       is_anonymous = case when $3::boolean then false else is_anonymous end where id = $1`,
    [user.row.id, email, confirmed],
  );
}

async function upsertPhoneIdentity(tx: Queryable, userId: string, phone: string, verified: boolean): Promise<void> {
  const { rowCount } = await tx.query(
    `update auth.identities
       set identity_data = identity_data || jsonb_build_object('phone', $2::text, 'phone_verified', $3::boolean),
           updated_at = now()
     where provider = 'phone' and provider_id = $1::text`,
    [userId, phone, verified],
  );
  if (rowCount) return;
  const data = { sub: userId, phone, email_verified: false, phone_verified: verified };
  await tx.query(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values (gen_random_uuid(), $1::text, $2::uuid, $3::jsonb, 'phone', now(), now(), now())`,
    [userId, userId, JSON.stringify(data)],
  );
}

async function applyConfirmationsAndBan(tx: Queryable, userId: string, p: AdminUserParams): Promise<void> {
  if (p.emailConfirm) await confirmEmail(tx, userId);
  if (p.phoneConfirm) {
    await tx.query('update auth.users set phone_confirmed_at = now(), updated_at = now() where id = $1', [userId]);
  }
  if (p.banMs !== undefined) {
    await tx.query(
      `update auth.users set updated_at = now(),
         banned_until = case when $2::float8 is null or $2::float8 = 0 then null
                             else now() + make_interval(secs => $2::float8 / 1000) end
       where id = $1`,
      [userId, p.banMs],
    );
  }
}

/** DELETE /admin/users/:id, hard by default; `should_soft_delete` keeps an anonymised row. */
export async function adminDeleteUser(c: Context, deps: AuthDeps): Promise<Response> {
  await requireAdmin(c, deps);
  const id = c.req.param('id') ?? '';
  await loadUser(deps.pool, id);
  const body: JsonObject = await readJsonObject(c, { optional: true });
  const soft = body.should_soft_delete;
  if (soft !== undefined && soft !== null && typeof soft !== 'boolean') {
    throw badRequest('bad_json', 'Could not parse request body as JSON: should_soft_delete must be a boolean');
  }
  await inTransaction(deps.pool, async (tx) => {
    const user = await loadUser(tx, id, true);
    await deleteSessions(tx, id);
    if (soft === true) {
      if (user.row.deleted_at) return;
      await tx.query('delete from auth.identities where user_id = $1::uuid', [id]);
      await tx.query(
        `update auth.users set deleted_at = now(), updated_at = now(), email = null, phone = null,
           email_change = '', phone_change = '', encrypted_password = '',
           raw_user_meta_data = '{}'::jsonb, raw_app_meta_data = '{}'::jsonb
         where id = $1`,
        [id],
      );
    } else {
      await tx.query('delete from auth.identities where user_id = $1::uuid', [id]);
      await tx.query('delete from auth.users where id = $1', [id]);
    }
  });
  return c.json({}, 200);
}
