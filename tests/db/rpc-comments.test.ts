import { beforeAll, describe, expect, it } from 'vitest';
import { codesInMigrations, codesInSql } from '../../scripts/tools/check-error-codes.ts';
import { sql } from './support.ts';

/**
 * Every RPC the API exposes carries a `comment on function` (…20261201000200_rpc_comments.sql) that
 * Studio and the OpenAPI output show: what it does, who may call it, and its error codes. These
 * checks keep a new RPC, or a new error in an old one, from going undocumented.
 */

interface Rpc {
  name: string;
  comment: string | null;
  source: string;
}

let rpcs: Rpc[];
let raised: Set<string>;

beforeAll(async () => {
  rpcs = await sql<Rpc>(
    `select p.oid::regprocedure::text as name, obj_description(p.oid, 'pg_proc') as comment, p.prosrc as source
     from pg_proc p
     where p.pronamespace = 'public'::regnamespace
       and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute')
         or has_function_privilege('service_role', p.oid, 'execute'))
     order by 1`,
  );
  raised = new Set((await codesInMigrations(new URL('../../supabase/migrations', import.meta.url).pathname)).keys());
});

/** The lower-case words of a comment's "Errors:" paragraph: its codes among a few plain words. */
function errorWords(comment: string): Set<string> {
  const errors = comment.slice(comment.indexOf('Errors:') + 'Errors:'.length);
  return new Set([...errors.matchAll(/\b[a-z]+(?:_[a-z]+)*\b/g)].map((m) => m[0]));
}

/** The snake_case codes a comment names (plain words have no underscore). */
const documentedCodes = (comment: string): string[] => [...errorWords(comment)].filter((w) => w.includes('_'));

describe('RPC comments', () => {
  it('finds the RPCs', () => {
    expect(rpcs.map((r) => r.name)).toEqual(
      expect.arrayContaining(['place_order(jsonb)', 'claim_print_jobs(uuid,integer,integer)']),
    );
  });

  it('every RPC has a summary, its callers and its errors', () => {
    const missing = rpcs
      .filter((r) => !r.comment || !/^\S.*\n\nCallers: .+\nErrors: /s.test(r.comment))
      .map((r) => r.name);
    expect(missing).toEqual([]);
  });

  it('every code an RPC raises itself is in its comment', () => {
    const undocumented = rpcs.flatMap((r) => {
      const documented = errorWords(r.comment ?? '');
      return codesInSql(r.source)
        .filter((code) => !documented.has(code))
        .map((code) => `${r.name}: ${code}`);
    });
    expect(undocumented).toEqual([]);
  });

  it('every code a comment names is one the database raises', () => {
    const unknown = rpcs.flatMap((r) =>
      documentedCodes(r.comment ?? '')
        .filter((code) => !raised.has(code) && code !== 'place_order')
        .map((code) => `${r.name}: ${code}`),
    );
    expect(unknown).toEqual([]);
  });
});
