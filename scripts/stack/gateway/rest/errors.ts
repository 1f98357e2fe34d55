/**
 * PostgREST's error body `{code, message, details, hint}` and its HTTP status rules (v14
 * `src/PostgREST/Error.hs`), so supabase-js surfaces the same `error` objects as on hosted.
 */
export interface RestErrorBody {
  code: string;
  message: string;
  details: unknown;
  hint: unknown;
}

export class RestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly hint: unknown;
  readonly headers: Record<string, string>;
  constructor(
    status: number,
    code: string,
    message: string,
    details: unknown = null,
    hint: unknown = null,
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RestError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.hint = hint;
    this.headers = headers;
  }

  body(): RestErrorBody {
    return { code: this.code, details: this.details ?? null, hint: this.hint ?? null, message: this.message };
  }
}

/** PGRST100: the query string did not parse; message/details follow PostgREST's parsec wording. */
export function parseError(what: string, input: string, column: number, details: string): RestError {
  return new RestError(400, 'PGRST100', `"failed to parse ${what} (${input})" (line 1, column ${column})`, details);
}

export function invalidBody(message: string): RestError {
  return new RestError(400, 'PGRST102', message);
}

export function tableNotFound(schema: string, name: string, hint: string | null): RestError {
  return new RestError(404, 'PGRST205', `Could not find the table '${schema}.${name}' in the schema cache`, null, hint);
}

export function columnNotFound(table: string, column: string): RestError {
  return new RestError(400, 'PGRST204', `Could not find the '${column}' column of '${table}' in the schema cache`);
}

/** What Postgres itself answers for an unknown column in a query (PostgREST leaves these to the database). */
export function undefinedColumn(table: string, column: string): RestError {
  return new RestError(400, '42703', `column ${table}.${column} does not exist`);
}

/** Fields of a node-postgres DatabaseError we read. */
interface PgErrorLike {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

export function isPgError(e: unknown): e is PgErrorLike & Error {
  return e instanceof Error && typeof (e as PgErrorLike).code === 'string' && 'severity' in e;
}

/** HTTP status for a SQLSTATE, as PostgREST's mapSQLtoHTTP. `authed` = the role is not anon. */
export function statusForSqlState(code: string, message: string, authed: boolean): number {
  switch (code) {
    case '23503':
    case '23505':
      return 409;
    case '25006':
      return 405;
    case '21000':
      return message.endsWith('requires a WHERE clause') ? 400 : 500;
    case '22023':
      return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
    case '53400':
      return 500;
    case '57P01':
      return 503;
    case 'P0001':
      return 400;
    case '42883':
      return message.startsWith('function xmlagg(') ? 406 : 404;
    case '42P01':
      return 404;
    case '42P17':
      return 500;
    case '42501':
      return authed ? 403 : 401;
  }
  const two = code.slice(0, 2);
  if (two === 'PT') {
    const n = Number(code.slice(2));
    return Number.isInteger(n) && n >= 100 && n <= 599 ? n : 500;
  }
  const serverClasses: Record<string, number> = {
    '08': 503,
    '09': 500,
    '0L': 403,
    '0P': 403,
    '25': 500,
    '28': 403,
    '2D': 500,
    '38': 500,
    '39': 500,
    '3B': 500,
    '40': 500,
    '53': 503,
    '54': 500,
    '55': 500,
    '57': 500,
    '58': 500,
    F0: 500,
    HV: 500,
    P0: 500,
    XX: 500,
  };
  return serverClasses[two] ?? 400;
}

/** Turns a Postgres error into PostgREST's answer, including `RAISE SQLSTATE 'PGRST'` full control. */
export function fromPgError(e: PgErrorLike, authed: boolean): RestError {
  const code = e.code ?? 'XX000';
  if (code === 'PGRST') return fromRaisePgrst(e);
  const status = statusForSqlState(code, e.message, authed);
  const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
  return new RestError(status, code, e.message, e.detail ?? null, e.hint ?? null, headers);
}

function fromRaisePgrst(e: PgErrorLike): RestError {
  let msg: { code?: unknown; message?: unknown; details?: unknown; hint?: unknown };
  try {
    msg = JSON.parse(e.message);
    if (typeof msg !== 'object' || msg === null || typeof msg.code !== 'string' || typeof msg.message !== 'string') {
      throw new Error('shape');
    }
  } catch {
    return new RestError(
      500,
      'PGRST121',
      `Could not parse JSON in the "RAISE SQLSTATE 'PGRST'" error`,
      `Invalid JSON value for MESSAGE: '${e.message}'`,
      "MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'.",
    );
  }
  let det: { status?: unknown; status_text?: unknown; headers?: unknown };
  try {
    if (e.detail === undefined) throw new Error('missing');
    det = JSON.parse(e.detail);
    if (typeof det !== 'object' || det === null || typeof det.status !== 'number') throw new Error('shape');
  } catch {
    return new RestError(
      500,
      'PGRST121',
      `Could not parse JSON in the "RAISE SQLSTATE 'PGRST'" error`,
      e.detail === undefined
        ? 'DETAIL is missing in the RAISE statement'
        : `Invalid JSON value for DETAIL: '${e.detail}'`,
      "DETAIL must be a JSON object with obligatory keys: 'status', 'headers' and optional key: 'status_text'.",
    );
  }
  const headers: Record<string, string> = {};
  if (det.headers && typeof det.headers === 'object') {
    for (const [k, v] of Object.entries(det.headers)) if (typeof v === 'string') headers[k] = v;
  }
  return new RestError(
    det.status as number,
    msg.code as string,
    msg.message as string,
    msg.details ?? null,
    msg.hint ?? null,
    headers,
  );
}

/** JWT refusals (PGRST301/303) carry `WWW-Authenticate` like PostgREST's invalidTokenHeader. */
export function jwtError(code: 'PGRST301' | 'PGRST303', message: string): RestError {
  return new RestError(401, code, message, null, null, {
    'WWW-Authenticate': `Bearer error="invalid_token", error_description=${JSON.stringify(message)}`,
  });
}

export function errorResponse(err: RestError): Response {
  const headers = new Headers({
    'Content-Type': 'application/json; charset=utf-8',
    'Proxy-Status': `PostgREST; error=${err.code}`,
  });
  for (const [k, v] of Object.entries(err.headers)) headers.set(k, v);
  return new Response(JSON.stringify(err.body()), { status: err.status, headers });
}
