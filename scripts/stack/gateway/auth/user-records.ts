import { isoTimestamp, type Queryable } from './db.ts';

/** GoTrue's single-tenant instance id: every auth row carries the nil UUID. */
export const INSTANCE_ID = '00000000-0000-0000-0000-000000000000';

export type JsonObject = Record<string, unknown>;

/** The auth.users columns the gateway reads (timestamps as UTC text, see db.ts). */
export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: string | null;
  invited_at: string | null;
  phone: string | null;
  phone_confirmed_at: string | null;
  confirmation_sent_at: string | null;
  confirmed_at: string | null;
  recovery_sent_at: string | null;
  email_change: string | null;
  email_change_sent_at: string | null;
  phone_change: string | null;
  phone_change_sent_at: string | null;
  reauthentication_sent_at: string | null;
  last_sign_in_at: string | null;
  raw_app_meta_data: JsonObject | null;
  raw_user_meta_data: JsonObject | null;
  created_at: string | null;
  updated_at: string | null;
  banned_until: string | null;
  deleted_at: string | null;
  is_anonymous: boolean;
}

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: JsonObject | null;
  provider: string;
  last_sign_in_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  email: string | null;
}

export interface LoadedUser {
  row: UserRow;
  identities: IdentityRow[];
}

const USER_COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, invited_at, phone,
  phone_confirmed_at, confirmation_sent_at, confirmed_at, recovery_sent_at, email_change,
  email_change_sent_at, phone_change, phone_change_sent_at, reauthentication_sent_at, last_sign_in_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until, deleted_at, is_anonymous`;

const IDENTITY_COLUMNS =
  'id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email';

/** `lock` takes a row lock so read-modify-write of metadata inside a transaction is not lost. */
export async function findUserById(db: Queryable, id: string, lock = false): Promise<LoadedUser | null> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where id = $1${lock ? ' for update' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  return { row, identities: await identitiesOf(db, [id]).then((m) => m.get(id) ?? []) };
}

/** GoTrue's FindUserByEmailAndAudience: case-insensitive, SSO users excluded. */
export async function findUserByEmail(db: Queryable, email: string, aud: string): Promise<LoadedUser | null> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users
     where instance_id = $1 and lower(email) = lower($2) and aud = $3 and is_sso_user = false
     limit 1`,
    [INSTANCE_ID, email, aud],
  );
  const row = rows[0];
  if (!row) return null;
  return { row, identities: (await identitiesOf(db, [row.id])).get(row.id) ?? [] };
}

/** A page of users, newest first, as GoTrue's admin list orders them by default. */
export async function listUsers(
  db: Queryable,
  aud: string,
  page: number,
  perPage: number,
): Promise<{ users: LoadedUser[]; total: number }> {
  const count = await db.query<{ n: string }>(
    'select count(*) as n from auth.users where instance_id = $1 and aud = $2',
    [INSTANCE_ID, aud],
  );
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where instance_id = $1 and aud = $2
     order by created_at desc, id desc limit $3 offset $4`,
    [INSTANCE_ID, aud, perPage, (page - 1) * perPage],
  );
  const identities = await identitiesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    users: rows.map((row) => ({ row, identities: identities.get(row.id) ?? [] })),
    total: Number(count.rows[0]?.n ?? 0),
  };
}

async function identitiesOf(db: Queryable, userIds: string[]): Promise<Map<string, IdentityRow[]>> {
  const byUser = new Map<string, IdentityRow[]>();
  if (userIds.length === 0) return byUser;
  const { rows } = await db.query<IdentityRow>(
    `select ${IDENTITY_COLUMNS} from auth.identities where user_id = any($1::uuid[]) order by created_at, id`,
    [userIds],
  );
  for (const r of rows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push(r);
    byUser.set(r.user_id, list);
  }
  return byUser;
}

/** True when the user is banned right now (GoTrue's User.IsBanned). */
export function isBanned(row: UserRow): boolean {
  return row.banned_until != null && Date.parse(isoTimestamp(row.banned_until) ?? '') > Date.now();
}

function withoutUndefined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** The User JSON GoTrue serialises (field order and omitempty behaviour of models.User). */
export function userJson({ row, identities }: LoadedUser): Record<string, unknown> {
  return withoutUndefined({
    id: row.id,
    aud: row.aud ?? '',
    role: row.role ?? '',
    email: row.email ?? '',
    email_confirmed_at: isoTimestamp(row.email_confirmed_at),
    invited_at: isoTimestamp(row.invited_at),
    phone: row.phone ?? '',
    phone_confirmed_at: isoTimestamp(row.phone_confirmed_at),
    confirmation_sent_at: isoTimestamp(row.confirmation_sent_at),
    confirmed_at: isoTimestamp(row.confirmed_at),
    recovery_sent_at: isoTimestamp(row.recovery_sent_at),
    new_email: row.email_change || undefined,
    email_change_sent_at: isoTimestamp(row.email_change_sent_at),
    new_phone: row.phone_change || undefined,
    phone_change_sent_at: isoTimestamp(row.phone_change_sent_at),
    reauthentication_sent_at: isoTimestamp(row.reauthentication_sent_at),
    last_sign_in_at: isoTimestamp(row.last_sign_in_at),
    app_metadata: row.raw_app_meta_data ?? {},
    user_metadata: row.raw_user_meta_data ?? {},
    identities: identities.map(identityJson),
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    banned_until: isoTimestamp(row.banned_until),
    deleted_at: isoTimestamp(row.deleted_at),
    is_anonymous: row.is_anonymous,
  });
}

function identityJson(i: IdentityRow): Record<string, unknown> {
  return withoutUndefined({
    identity_id: i.id,
    id: i.provider_id,
    user_id: i.user_id,
    identity_data: i.identity_data && Object.keys(i.identity_data).length > 0 ? i.identity_data : undefined,
    provider: i.provider,
    last_sign_in_at: isoTimestamp(i.last_sign_in_at),
    created_at: isoTimestamp(i.created_at),
    updated_at: isoTimestamp(i.updated_at),
    email: i.email || undefined,
  });
}

/** GoTrue's metadata update: shallow merge where a `null` value deletes the key. */
export function mergeMetadata(current: JsonObject | null, updates: JsonObject): JsonObject {
  const next: JsonObject = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(updates)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}
