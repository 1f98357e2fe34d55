import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkErrorCodes, codesInSql } from './check-error-codes.ts';

describe('codesInSql', () => {
  it('finds the first argument of raise_error, including both branches of a case expression', () => {
    const sql = `
      perform private.raise_error('order_not_found', 'No such order', pg_catalog.jsonb_build_object('id', p_id));
      perform private.raise_error(
        case when v_bad.chosen < v_bad.min_select then 'modifier_min_not_met' else 'modifier_max_exceeded' end,
        pg_catalog.format('Choose %s options', v_bad.min_select), '{}');
      perform private.raise_error('forbidden', 'Your role may not', '{}', '42501');`;
    expect(codesInSql(sql)).toEqual(['forbidden', 'modifier_max_exceeded', 'modifier_min_not_met', 'order_not_found']);
  });

  it('finds raise exception … message = code and skips comments, hints and the helper itself', () => {
    const sql = `
      -- perform private.raise_error('commented_out', 'x');
      --   raise exception using errcode = 'P0001', message = '<code>', hint = '<English sentence>';
      create function private.raise_error(p_code text, p_hint text) returns void as $$
      begin
        raise exception using errcode = p_state, message = p_code, hint = p_hint;
      end $$;
      grant execute on function private.raise_error(text, text, jsonb, text) to authenticated;
      raise exception using errcode = 'P0001', message = 'legacy_code', hint = 'it''s here -- not a comment';`;
    expect(codesInSql(sql)).toEqual(['legacy_code']);
  });
});

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A throw-away repo: one migration, an inlang project with the given messages, a generic list. */
async function repo(opts: {
  sql: string;
  messages: Record<string, Record<string, string>>;
  generic?: Record<string, string>;
}) {
  const root = await mkdtemp(path.join(tmpdir(), 'error-codes-'));
  dir = root;
  for (const sub of ['migrations', 'project.inlang', 'messages']) await mkdir(path.join(root, sub));
  await writeFile(path.join(root, 'migrations', '20260101000000_x.sql'), opts.sql);
  await writeFile(
    path.join(root, 'project.inlang', 'settings.json'),
    JSON.stringify({
      baseLocale: 'en',
      locales: Object.keys(opts.messages),
      'plugin.inlang.messageFormat': { pathPattern: './messages/{locale}.json' },
    }),
  );
  for (const [locale, messages] of Object.entries(opts.messages)) {
    await writeFile(path.join(root, 'messages', `${locale}.json`), JSON.stringify(messages));
  }
  await writeFile(path.join(root, 'generic.json'), JSON.stringify({ $comment: 'why', ...opts.generic }));
  return {
    migrationsDir: path.join(root, 'migrations'),
    projectDir: path.join(root, 'project.inlang'),
    genericFile: path.join(root, 'generic.json'),
  };
}

const raises = `perform private.raise_error('refund_exceeds_payment', 'You cannot refund more than was paid', '{}');
perform private.raise_error('invalid_payload', 'The order must be a JSON object', '{}');`;

describe('checkErrorCodes', () => {
  it('passes when every code has a message in every locale or is generic with a reason', async () => {
    const problems = await checkErrorCodes(
      await repo({
        sql: raises,
        messages: {
          en: { db_error_refund_exceeds_payment: 'You can’t refund more than what was paid.' },
          fr: { db_error_refund_exceeds_payment: 'Vous ne pouvez pas rembourser plus que ce qui a été payé.' },
        },
        generic: { invalid_payload: 'Request shape' },
      }),
    );
    expect(problems).toEqual([]);
  });

  it('fails on a translation missing (or empty) in one locale and on an unlisted code', async () => {
    const problems = await checkErrorCodes(
      await repo({
        sql: raises,
        messages: {
          en: { db_error_refund_exceeds_payment: 'You can’t refund more than what was paid.' },
          fr: { db_error_refund_exceeds_payment: ' ' },
          id: {},
        },
      }),
    );
    expect(problems).toEqual([
      'en: no "db_error_invalid_payload" for the code invalid_payload raised in 20260101000000_x.sql',
      'fr: no "db_error_invalid_payload" for the code invalid_payload raised in 20260101000000_x.sql',
      'id: no "db_error_invalid_payload" for the code invalid_payload raised in 20260101000000_x.sql',
      'fr: no "db_error_refund_exceeds_payment" for the code refund_exceeds_payment raised in 20260101000000_x.sql',
      'id: no "db_error_refund_exceeds_payment" for the code refund_exceeds_payment raised in 20260101000000_x.sql',
    ]);
  });

  it('fails on a generic entry without a reason, with messages anyway, or no longer raised', async () => {
    const problems = await checkErrorCodes(
      await repo({
        sql: raises,
        messages: { en: { db_error_refund_exceeds_payment: 'x', db_error_invalid_payload: 'y' } },
        generic: { invalid_payload: '', refund_exceeds_payment: 'no person meets it', gone: 'removed RPC' },
      }),
    );
    expect(problems).toEqual([
      'invalid_payload: listed as generic without a reason',
      'invalid_payload: listed as generic but has "db_error_invalid_payload" messages; keep one or the other',
      'refund_exceeds_payment: listed as generic but has "db_error_refund_exceeds_payment" messages; keep one or the other',
      'gone: listed as generic but no migration raises it any more',
    ]);
  });

  it('passes on the repository', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const problems = await checkErrorCodes({
      migrationsDir: path.join(root, 'supabase/migrations'),
      projectDir: path.join(root, 'app/project.inlang'),
      genericFile: fileURLToPath(new URL('./error-codes-generic.json', import.meta.url)),
    });
    expect(problems).toEqual([]);
  });
});
