import { validateEmail } from './credentials.ts';
import { badRequest } from './errors.ts';
import { field, isUuid } from './request.ts';
import type { JsonObject } from './user-records.ts';

/** GoTrue's AdminUserParams after validation (empty strings mean "not given", as in Go). */
export interface AdminUserParams {
  id: string;
  aud: string;
  role: string;
  email: string;
  phone: string;
  /** undefined = not given; GoTrue distinguishes a given empty password from none. */
  password: string | undefined;
  passwordHash: string;
  emailConfirm: boolean;
  phoneConfirm: boolean;
  userMetadata: JsonObject | undefined;
  appMetadata: JsonObject | undefined;
  /** undefined = unchanged; null = lift the ban ("none"); else milliseconds. */
  banMs: number | null | undefined;
}

export function adminUserParams(body: JsonObject): AdminUserParams {
  const banDuration = field(body, 'ban_duration', 'string') ?? '';
  const params: AdminUserParams = {
    id: field(body, 'id', 'string') ?? '',
    aud: field(body, 'aud', 'string') ?? '',
    role: field(body, 'role', 'string') ?? '',
    email: field(body, 'email', 'string') ?? '',
    phone: field(body, 'phone', 'string') ?? '',
    password: field(body, 'password', 'string'),
    passwordHash: field(body, 'password_hash', 'string') ?? '',
    emailConfirm: field(body, 'email_confirm', 'boolean') ?? false,
    phoneConfirm: field(body, 'phone_confirm', 'boolean') ?? false,
    userMetadata: field(body, 'user_metadata', 'object'),
    appMetadata: field(body, 'app_metadata', 'object'),
    banMs: banDuration === '' ? undefined : banDuration === 'none' ? null : parseGoDuration(banDuration),
  };
  if (params.email !== '') params.email = validateEmail(params.email);
  if (params.phone !== '') params.phone = validatePhone(params.phone);
  return params;
}

/** GoTrue's validatePhone: punctuation stripped, then E.164 digits without the plus. */
export function validatePhone(phone: string): string {
  const digits = phone.replace(/[\s+\-()]/g, '');
  if (!/^[1-9]\d{7,14}$/.test(digits)) {
    throw badRequest('validation_failed', 'Invalid phone number format (E.164 required)');
  }
  return digits;
}

/** A custom user id for admin create: a UUID that is not the nil UUID. */
export function validateUserId(id: string): void {
  if (!isUuid(id)) throw badRequest('validation_failed', 'ID must conform to the uuid v4 format');
  if (/^[0-]+$/.test(id)) throw badRequest('validation_failed', 'ID cannot be a nil uuid');
}

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's time.ParseDuration (what GoTrue applies to `ban_duration`, e.g. "24h", "1h30m"). */
export function parseGoDuration(text: string): number {
  const invalid = () =>
    badRequest('validation_failed', `invalid format for ban duration: time: invalid duration "${text}"`);
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (!m && text !== '0') throw invalid();
  if (text === '0') return 0;
  let total = 0;
  for (const part of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * (UNIT_MS[part[2] as string] ?? Number.NaN);
  }
  if (!Number.isFinite(total)) throw invalid();
  return text.startsWith('-') ? -total : total;
}

/** True for the bcrypt hashes pgcrypto can verify (GoTrue also accepts argon2/scrypt; we do not). */
export function isBcryptHash(hash: string): boolean {
  return /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(hash);
}
