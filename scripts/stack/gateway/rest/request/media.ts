import { RestError } from '../errors.ts';

/**
 * Content negotiation as PostgREST's MediaType / Plan.Negotiate: which body the statement renders
 * (JSON array, single object, CSV, nulls stripped) and whether the answer is the EXPLAIN plan.
 */
export type Render = 'json' | 'json-strip' | 'single' | 'single-strip' | 'csv';

export interface PlanRequest {
  format: 'json' | 'text';
  /** EXPLAIN options in PostgREST's fixed order. */
  options: Array<'analyze' | 'verbose' | 'settings' | 'buffers' | 'wal'>;
}

export interface Negotiated {
  render: Render;
  plan: PlanRequest | null;
  /** The Content-Type of the answer (PostgREST's toContentType). */
  contentType: string;
}

type Decoded =
  | { kind: 'render'; render: Render; mime: string }
  | { kind: 'plan'; inner: Decoded; plan: PlanRequest; mime: string }
  | { kind: 'any'; mime: string }
  | { kind: 'other'; mime: string };

const PLAN_OPTIONS = ['analyze', 'verbose', 'settings', 'buffers', 'wal'] as const;

/** `type/sub; k=v; k="v"` → lower-cased type/subtype and parameters (names lower-cased). */
function tokenize(raw: string): { type: string; params: Map<string, string> } {
  const m = /^\s*([A-Za-z0-9.*]+\/[A-Za-z0-9.*+-]+)/.exec(raw);
  const params = new Map<string, string>();
  if (!m) return { type: raw.trim().toLowerCase(), params };
  const re = /\s*;\s*([A-Za-z0-9-]+)\s*=\s*(?:"([^"]*)"|([A-Za-z0-9|-]+))/y;
  re.lastIndex = (m[0] as string).length;
  for (let p = re.exec(raw); p; p = re.exec(raw)) {
    params.set((p[1] as string).toLowerCase(), p[2] ?? p[3] ?? '');
  }
  return { type: (m[1] as string).toLowerCase(), params };
}

function decode(raw: string): Decoded {
  const { type, params } = tokenize(raw);
  const stripped = params.get('nulls') === 'stripped';
  switch (type) {
    case 'application/json':
      return { kind: 'render', render: 'json', mime: 'application/json' };
    case 'text/csv':
      return { kind: 'render', render: 'csv', mime: 'text/csv' };
    case 'application/vnd.pgrst.object+json':
    case 'application/vnd.pgrst.object':
      return stripped
        ? { kind: 'render', render: 'single-strip', mime: 'application/vnd.pgrst.object+json;nulls=stripped' }
        : { kind: 'render', render: 'single', mime: 'application/vnd.pgrst.object+json' };
    case 'application/vnd.pgrst.array+json':
    case 'application/vnd.pgrst.array':
      return stripped
        ? { kind: 'render', render: 'json-strip', mime: 'application/vnd.pgrst.array+json;nulls=stripped' }
        : { kind: 'render', render: 'json', mime: 'application/json' };
    case 'application/vnd.pgrst.plan':
    case 'application/vnd.pgrst.plan+text':
    case 'application/vnd.pgrst.plan+json': {
      const format = type.endsWith('+json') ? 'json' : 'text';
      const opts = (params.get('options') ?? '').split('|');
      const inner = decode(params.get('for') ?? 'application/json');
      const plan: PlanRequest = { format, options: PLAN_OPTIONS.filter((o) => opts.includes(o)) };
      const mime = `application/vnd.pgrst.plan+${format}; for="${inner.mime}"${plan.options.length ? `; options=${plan.options.join('|')}` : ''}`;
      return { kind: 'plan', inner, plan, mime };
    }
    case '*/*':
      return { kind: 'any', mime: '*/*' };
    default:
      // PostgREST names an unknown type by the whole value it was sent.
      return { kind: 'other', mime: raw.trim() };
  }
}

/**
 * The Accept header's types, most preferred first, as wai's parseHttpAccept (which PostgREST uses):
 * by q-value, then fewer `*`, then more parameters, else in order; `q` and what follows it dropped.
 */
function accepted(header: string | null): string[] {
  if (!header?.trim()) return ['*/*'];
  return header
    .split(',')
    .map((raw, i) => {
      const parts = raw.split(';');
      const kept = [(parts[0] ?? '').trim()];
      let q = 1;
      for (const p of parts.slice(1)) {
        const m = /^\s*q\s*=\s*(.*)$/i.exec(p);
        if (m) {
          const n = Number.parseFloat(m[1] ?? '');
          q = Number.isNaN(n) ? 1 : n;
          break;
        }
        kept.push(p);
      }
      const type = kept.join(';');
      return { type, q, stars: (kept[0]?.match(/\*/g) ?? []).length, params: kept.length - 1, i };
    })
    .sort((a, b) => b.q - a.q || a.stars - b.stars || b.params - a.params || a.i - b.i)
    .map((t) => t.type);
}

/** JSON (also for any type, star/star) and CSV are what tables and functions produce. */
function produced(d: Decoded): Render | null {
  if (d.kind === 'render') return d.render;
  if (d.kind === 'any') return 'json';
  return null;
}

const CONTENT_TYPE: Record<Render, string> = {
  json: 'application/json; charset=utf-8',
  'json-strip': 'application/vnd.pgrst.array+json;nulls=stripped; charset=utf-8',
  single: 'application/vnd.pgrst.object+json; charset=utf-8',
  'single-strip': 'application/vnd.pgrst.object+json;nulls=stripped; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * The first acceptable type wins. Plans answer only when `pgrst.db_plan_enabled` is on; otherwise
 * they are skipped like any unavailable type, which ends in 406 PGRST107 when nothing else fits.
 */
export function negotiate(header: string | null, planEnabled: boolean): Negotiated {
  const decoded = accepted(header).map(decode);
  for (const d of decoded) {
    if (d.kind === 'plan') {
      const render = planEnabled ? produced(d.inner) : null;
      if (render) return { render, plan: d.plan, contentType: `${d.mime}; charset=utf-8` };
      continue;
    }
    const render = produced(d);
    if (render) return { render, plan: null, contentType: CONTENT_TYPE[render] };
  }
  throw new RestError(
    406,
    'PGRST107',
    `None of these media types are available: ${decoded.map((d) => d.mime).join(', ')}`,
  );
}

export const isSingular = (r: Render) => r === 'single' || r === 'single-strip';

/**
 * The SQL aggregate that renders rows of `t` (PostgREST's handlerF): `scalar` for functions
 * returning a base type, whose value sits in column `pgrst_scalar`.
 */
export function bodyAggregate(render: Render, t: string, scalar: 'set' | 'one' | null): string {
  if (render === 'csv') {
    // Header: the first row's keys; lines: each record's text form without its parentheses.
    const header = `coalesce((SELECT string_agg(k, ',') FROM json_object_keys(json_agg(${t})->0) k), '')`;
    const lines = `coalesce(string_agg(substring(${t}::text, 2, length(${t}::text) - 2), E'\\n'), '')`;
    return `${header} || E'\\n' || ${lines}`;
  }
  const strip = render === 'json-strip' || render === 'single-strip';
  const wrap = (s: string) => (strip ? `json_strip_nulls(${s})` : s);
  const value = scalar ? `${t}.pgrst_scalar` : t;
  if (isSingular(render) || scalar === 'one') return `coalesce(${wrap(`json_agg(${value})->0`)}, 'null')::text`;
  return `coalesce(${wrap(`json_agg(${value})`)}, '[]')::text`;
}
