import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DatabaseError } from 'pg';
import { isConnectionLoss } from '../db-errors.ts';

/**
 * An error as Supabase Storage renders it: `{statusCode, code, error, message}` where `statusCode` is
 * the *logical* status as a string. Hosted Storage answers most of them with HTTP 400 (only 500s,
 * and a few deliberate ones such as role enforcement, keep their own status), so clients that read
 * `error.statusCode` see "404"/"403"/"413" while `error.status` is 400 — we copy that exactly.
 */
export class StorageError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly error: string;
  readonly httpStatus: number;

  constructor(opts: { statusCode: number; code: string; error?: string; message: string; httpStatus?: number }) {
    super(opts.message);
    this.name = 'StorageError';
    this.statusCode = opts.statusCode;
    this.code = opts.code;
    this.error = opts.error ?? opts.code;
    this.httpStatus = opts.httpStatus ?? (opts.statusCode >= 500 ? 500 : 400);
  }

  body() {
    return { statusCode: String(this.statusCode), code: this.code, error: this.error, message: this.message };
  }
}

export const errors = {
  noSuchBucket: () =>
    new StorageError({ statusCode: 404, code: 'NoSuchBucket', error: 'Bucket not found', message: 'Bucket not found' }),
  noSuchKey: () =>
    new StorageError({ statusCode: 404, code: 'NoSuchKey', error: 'not_found', message: 'Object not found' }),
  accessDenied: (message = 'Access denied') =>
    new StorageError({ statusCode: 403, code: 'AccessDenied', error: 'Unauthorized', message }),
  invalidJwt: (message = 'Invalid JWT') => new StorageError({ statusCode: 400, code: 'InvalidJWT', message }),
  invalidSignature: (message = 'Invalid signature') =>
    new StorageError({ statusCode: 400, code: 'InvalidSignature', message }),
  invalidRequest: (message: string) => new StorageError({ statusCode: 400, code: 'InvalidRequest', message }),
  invalidParameter: (message: string) => new StorageError({ statusCode: 400, code: 'InvalidParameter', message }),
  /** A request that fails hosted's route schema (Fastify validation): `body/limit must be >= 1`. */
  schemaValidation: (message: string) =>
    new StorageError({ statusCode: 400, code: 'InvalidRequest', error: 'Error', message }),
  invalidKey: (key: string) =>
    new StorageError({ statusCode: 400, code: 'InvalidKey', message: `Invalid key: ${key}` }),
  invalidBucketName: () =>
    new StorageError({
      statusCode: 400,
      code: 'InvalidBucketName',
      error: 'Invalid Input',
      message: 'Bucket name invalid',
    }),
  invalidMimeType: (mimeType: string, message = `mime type ${mimeType} is not supported`) =>
    new StorageError({ statusCode: 415, code: 'InvalidMimeType', error: 'invalid_mime_type', message }),
  invalidFileSizeLimit: () =>
    new StorageError({
      statusCode: 400,
      code: 'InvalidRequest',
      message: 'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B',
    }),
  entityTooLarge: (entity = 'object') =>
    new StorageError({
      statusCode: 413,
      code: 'EntityTooLarge',
      error: 'Payload too large',
      message: `The ${entity} exceeded the maximum allowed size`,
    }),
  noContent: () => new StorageError({ statusCode: 400, code: 'InvalidRequest', message: 'No content provided' }),
  keyAlreadyExists: () =>
    new StorageError({
      statusCode: 409,
      code: 'KeyAlreadyExists',
      error: 'Duplicate',
      message: 'The resource already exists',
    }),
  bucketAlreadyExists: () =>
    new StorageError({
      statusCode: 409,
      code: 'BucketAlreadyExists',
      error: 'Duplicate',
      message: 'The resource already exists',
    }),
  resourceAlreadyExists: () =>
    new StorageError({
      statusCode: 409,
      code: 'ResourceAlreadyExists',
      error: 'Duplicate',
      message: 'The resource already exists',
    }),
  bucketNotEmpty: () =>
    new StorageError({
      statusCode: 409,
      code: 'ResourceNotEmpty',
      message: 'The bucket you tried to delete is not empty',
    }),
  internal: (message = 'Internal server error') =>
    new StorageError({ statusCode: 500, code: 'InternalError', message }),
};

function isPgError(e: unknown): e is DatabaseError {
  return typeof e === 'object' && e !== null && 'code' in e && 'severity' in e;
}

/** Postgres errors mapped the way Storage's DBError does, so RLS refusals read the same as hosted. */
export function fromPgError(e: DatabaseError): StorageError {
  switch (e.code) {
    case '42501':
      return errors.accessDenied(
        e.message.includes('row-level security') ? 'new row violates row-level security policy' : e.message,
      );
    case '23505':
      return errors.resourceAlreadyExists();
    case '23503':
      return new StorageError({
        statusCode: 404,
        code: 'RelatedResourceNotFound',
        message: 'The related resource does not exist',
      });
    case '57014':
      return new StorageError({
        statusCode: 544,
        code: 'DatabaseTimeout',
        message: 'The connection to the database timed out',
        httpStatus: 544,
      });
    case '22P02':
      return errors.invalidParameter(e.message || 'Invalid value format or type conversion failed');
    case '22023':
    case '42704':
      // `set role` to a role that does not exist: the JWT named a role this database does not have.
      return errors.accessDenied(e.message);
    default:
      return new StorageError({ statusCode: 500, code: 'DatabaseError', message: `database error, code: ${e.code}` });
  }
}

export function toStorageError(e: unknown): StorageError | null {
  if (e instanceof StorageError) return e;
  if (isConnectionLoss(e)) {
    return new StorageError({
      statusCode: 503,
      code: 'DatabaseError',
      error: 'Service Unavailable',
      message: 'The database is not reachable; retrying the connection',
      httpStatus: 503,
    });
  }
  if (isPgError(e)) return fromPgError(e);
  return null;
}

/** Renders any thrown value; unexpected ones are logged and become a 500 without internals. */
export function renderError(c: Context, e: unknown, log: (line: string) => void): Response {
  const err = toStorageError(e);
  if (err) return c.json(err.body(), err.httpStatus as ContentfulStatusCode);
  log(`storage: unexpected ${c.req.method} ${c.req.path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return c.json(errors.internal().body(), 500);
}
