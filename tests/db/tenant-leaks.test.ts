import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, makeRestaurant, type Restaurant } from './fixtures.ts';
import { type Actor, actAs, db, sql, user, uuid } from './support.ts';
import { JSON_ARGUMENTS, NEW_ROW_IDS, OTHER_ARGUMENTS, TEXT_ARGUMENTS } from './tenant-leaks-args.ts';
import { type Fixture, populate } from './tenant-leaks-fixture.ts';

/**
 * The rule: every RPC answers another restaurant's id exactly as it answers a made-up one — same
 * SQLSTATE, message, hint and detail (where the id the caller sent may be echoed, and nothing else
 * of the other restaurant). It is checked over every function the API exposes, read from pg_proc,
 * so a new RPC is covered the day it lands.
 *
 * Each function is called as every member of restaurant A (and A's guest and kiosk) with arguments
 * built from their types: every id argument names a row of A, except the one under test, which is
 * either B's row of the same table or a random UUID (then all the ids at once). Both answers must be
 * equal. A third call with A's own row shows the probe reached that argument (A's row and a made-up
 * one are answered differently by at least one caller); a probe that cannot tell them apart proves
 * nothing and fails.
 *
 * Which table an id names is read from its name (`p_order_id` → orders, `p_line_id` → order_lines,
 * `p_user_id` → a member); JSON bodies and bearer tokens come from tenant-leaks-args.ts. Ids a
 * client generates for the row it creates (NEW_ROW_IDS there) are the one exception: an existing id
 * there is a conflict by nature, and knowing another restaurant's one means having seen it.
 */

interface Param {
  name: string;
  type: string;
  enum: string[] | null;
}

interface Fn {
  name: string;
  signature: string;
  params: Param[];
  required: number;
}

/** A value to fill in: an id of A or B of some table (`ref`), a new UUID, or a literal. */
type Slot = { ref: string };

let a: Restaurant;
let b: Restaurant;
let fa: Fixture;
let fb: Fixture;
let actors: Record<string, Actor>;
let fns: Fn[];

beforeAll(async () => {
  a = await makeRestaurant();
  b = await makeRestaurant();
  const guestA = await createUser({ anonymous: true });
  const guestB = await createUser({ anonymous: true });
  fa = await populate(a, guestA);
  fb = await populate(b, guestB);
  actors = {
    owner: a.as('owner'),
    manager: a.as('manager'),
    cashier: a.as('cashier'),
    kitchen: a.as('kitchen'),
    waiter: a.as('waiter'),
    print_bridge: a.as('print_bridge'),
    guest: user(guestA, true),
    ...(fa.kiosk_user ? { kiosk: user(fa.kiosk_user, true) } : {}),
  };
  fns = await sql<Fn>(
    `with f as (
       select p.oid, p.proname, p.pronargs, p.pronargdefaults,
         coalesce(p.proallargtypes, p.proargtypes::oid[]) as types,
         coalesce(p.proargmodes, array_fill('i'::"char", array[p.pronargs::int])) as modes,
         p.proargnames as names
       from pg_proc p
       where p.pronamespace = 'public'::regnamespace
         and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
         and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'))
     select f.proname as name, f.oid::regprocedure::text as signature, (f.pronargs - f.pronargdefaults)::int as required,
       coalesce((select json_agg(json_build_object('name', x.name, 'type', format_type(x.type, null),
           'enum', (select array_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = x.type))
           order by x.n)
         from unnest(f.types, f.modes, f.names) with ordinality as x(type, mode, name, n)
         where x.mode in ('i', 'b', 'v')), '[]') as params
     from f order by 1, 2`,
  );
});

/** The table an id argument names: `p_<x>_id` → `<x>s`, or the shortest `…_<x>s`; a user is a member. */
function tableOf(fn: string, param: string, tables: string[]): string | null {
  const m = /^p_(.+)_id$/.exec(param);
  if (!m?.[1]) return null;
  const x = m[1];
  if (x === 'user') return 'members';
  // A guest (a kiosk) reaches its own orders only: guest_* (kiosk_*) RPCs are probed with one of them.
  if (x === 'order' && fn.startsWith('guest_')) return 'guest_orders';
  if (x === 'order' && fn.startsWith('kiosk_')) return 'kiosk_orders';
  if (tables.includes(`${x}s`)) return `${x}s`;
  const ending = tables.filter((t) => t.endsWith(`_${x}s`)).sort((p, q) => p.length - q.length);
  return ending[0] ?? null;
}

let publicTables: string[] | undefined;
async function tables(): Promise<string[]> {
  publicTables ??= (await sql<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public'`)).map(
    (r) => r.t,
  );
  return publicTables;
}

/** A function's arguments with `{ ref }` slots where ids go; undefined means "leave the default". */
async function template(fn: Fn): Promise<{ args: Record<string, unknown>; problems: string[] }> {
  const args: Record<string, unknown> = {};
  const problems: string[] = [];
  const all = await tables();
  fn.params.forEach((p, i) => {
    const optional = i >= fn.required;
    const json = JSON_ARGUMENTS[fn.name]?.[p.name];
    const other = OTHER_ARGUMENTS[fn.name]?.[p.name];
    const text = TEXT_ARGUMENTS[p.name];
    if (json !== undefined) args[p.name] = json;
    else if (other !== undefined) args[p.name] = other;
    else if (p.type === 'uuid') {
      if (NEW_ROW_IDS[fn.name]?.includes(p.name)) args[p.name] = '@new';
      else {
        const t = tableOf(fn.name, p.name, all);
        if (t) args[p.name] = { ref: t } satisfies Slot;
        else problems.push(`${fn.signature}: which table does ${p.name} name? (tenant-leaks.test.ts tableOf)`);
      }
    } else if (optional) return;
    else if (text !== undefined && p.type === 'text') args[p.name] = text;
    else if (p.enum) args[p.name] = p.enum[0];
    else if (p.type === 'text') args[p.name] = 'probe';
    else if (['integer', 'bigint', 'smallint', 'numeric'].includes(p.type)) args[p.name] = 1;
    else if (p.type === 'boolean') args[p.name] = true;
    else if (p.type === 'date') args[p.name] = new Date().toISOString().slice(0, 10);
    else problems.push(`${fn.signature}: give ${p.name} (${p.type}) a value in tenant-leaks-args.ts`);
  });
  return { args, problems };
}

/** The paths of every `{ ref }` slot in a template (top-level arguments and inside JSON bodies). */
function slots(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; table: string }[] {
  if (typeof value === 'string' && value.startsWith('@ref:')) return [{ path, table: value.slice(5) }];
  if (value && typeof value === 'object') {
    if ('ref' in value && typeof (value as Slot).ref === 'string') return [{ path, table: (value as Slot).ref }];
    return Object.entries(value).flatMap(([k, v]) => slots(v, [...path, Array.isArray(value) ? Number(k) : k]));
  }
  return [];
}

type Path = (string | number)[];

/**
 * The template filled in: each `{ ref }` slot gets `pick(table, path)`; `@new` a new UUID, `@a:<key>`
 * A's fixture value.
 */
function fill(value: unknown, pick: (table: string, path: Path) => string, path: Path = []): unknown {
  if (typeof value === 'string') {
    if (value === '@new') return uuid();
    if (value.startsWith('@a:')) return fa[value.slice(3)];
    if (value.startsWith('@ref:')) return pick(value.slice(5), path);
    return value;
  }
  if (value && typeof value === 'object') {
    if ('ref' in value && typeof (value as Slot).ref === 'string') return pick((value as Slot).ref, path);
    if (Array.isArray(value)) return value.map((v, i) => fill(v, pick, [...path, i]));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, pick, [...path, k])]));
  }
  return value;
}

interface Answer {
  /** Rows returned, when the call succeeded. */
  rows?: number;
  code?: string;
  message?: string;
  hint?: string;
  detail?: string;
}

/** Calls `fn` as `actor` in a transaction rolled back; the answer with the probed ids masked. */
async function call(fn: Fn, actor: Actor, args: Record<string, unknown>, probed: string[]): Promise<Answer> {
  const names = Object.keys(args);
  const types = Object.fromEntries(fn.params.map((p) => [p.name, p.type]));
  const text = `select 1 from public.${fn.name}(${names.map((n, i) => `${n} => $${i + 1}::${types[n]}`).join(', ')})`;
  const values = names.map((n) => {
    const v = args[n];
    return v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
  });
  const client = await db().connect();
  const mask = (s: string | undefined) => probed.reduce((out, id) => out?.split(id).join('<probed id>'), s);
  try {
    await client.query('begin');
    await actAs(client, actor);
    return { rows: (await client.query(text, values)).rowCount ?? 0 };
  } catch (e) {
    const err = e as { code?: string; message?: string; hint?: string; detail?: string };
    return { code: err.code, message: err.message, hint: mask(err.hint), detail: mask(err.detail) };
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
}

describe('another restaurant’s ids are answered like made-up ones', () => {
  it('finds the RPCs', () => {
    expect(fns.map((f) => f.name)).toEqual(
      expect.arrayContaining(['rotate_table_token', 'close_shift', 'place_order']),
    );
  });

  it('every argument named in tenant-leaks-args.ts still exists', () => {
    const named = [JSON_ARGUMENTS, OTHER_ARGUMENTS].flatMap((table) =>
      Object.entries(table).flatMap(([fn, args]) => Object.keys(args).map((arg) => `${fn}.${arg}`)),
    );
    named.push(...Object.entries(NEW_ROW_IDS).flatMap(([fn, args]) => args.map((arg) => `${fn}.${arg}`)));
    const existing = new Set(fns.flatMap((f) => f.params.map((p) => `${f.name}.${p.name}`)));
    expect(named.filter((n) => !existing.has(n))).toEqual([]);
  });

  it('every RPC, every id argument, every member of A', async () => {
    const leaks: string[] = [];
    const unreached: string[] = [];
    const probed: string[] = [];
    const problems: string[] = [];
    // B's ids (UUIDs; its QR token is a secret of B's too).
    const bIds = new Set(Object.values(fb).filter((v) => /^[0-9a-f-]{36}$/.test(v) || v === fb.qr));
    for (const fn of fns) {
      const t = await template(fn);
      problems.push(...t.problems);
      if (t.problems.length) continue;
      const found = slots(t.args);
      for (const table of new Set(found.map((s) => s.table))) {
        if (!fa[table] || !fb[table]) problems.push(`${fn.signature}: no ${table} row in the fixture (populate)`);
      }
      if (problems.length) continue;
      // Each id alone (the others A's own), and all of them at once.
      const cases = found.map((slot) => ({ label: `${fn.name}(${slot.path.join('.')})`, probes: [slot] }));
      if (found.length > 1) cases.push({ label: `${fn.name}(every id)`, probes: found });
      for (const { label, probes } of cases) {
        let reached = false;
        for (const [who, actor] of Object.entries(actors)) {
          const run = (value: (table: string) => string) => {
            const chosen = new Map(probes.map((p) => [p.path.join('.'), value(p.table)]));
            const args = fill(t.args, (table, path) => chosen.get(path.join('.')) ?? (fa[table] as string));
            return call(fn, actor, args as Record<string, unknown>, [...chosen.values()]);
          };
          const withOther = await run((table) => fb[table] as string);
          const withMadeUp = await run(() => uuid());
          const withOwn = await run((table) => fa[table] as string);
          if (JSON.stringify(withOwn) !== JSON.stringify(withMadeUp)) reached = true;
          if (JSON.stringify(withOther) !== JSON.stringify(withMadeUp)) {
            leaks.push(
              `${label} as ${who}: B's id → ${JSON.stringify(withOther)}; made-up → ${JSON.stringify(withMadeUp)}`,
            );
          }
          const told = [...bIds].filter((id) => `${withOther.hint} ${withOther.detail}`.includes(id));
          if (told.length) leaks.push(`${label} as ${who}: names B's ${told.join(', ')}`);
        }
        if (!reached) unreached.push(label);
        probed.push(label);
      }
    }
    expect({ problems, leaks, unreached }).toEqual({ problems: [], leaks: [], unreached: [] });
    // The RPCs issue 16 found leaking and the guest ones of issue 13, among everything probed.
    expect(probed).toEqual(
      expect.arrayContaining([
        'guest_cancel_order(p_order_id)',
        'acknowledge_service_request(p_request_id)',
        'rotate_table_token(p_table_id)',
        'revoke_invite(p_invite_id)',
        'record_cash_movement(p_shift_id)',
        'close_shift(p_shift_id)',
        'shift_report(p_shift_id)',
        'print_test_page(p_printer_id)',
      ]),
    );
  });
});
