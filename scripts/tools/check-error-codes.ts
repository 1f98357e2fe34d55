/**
 * `tsx scripts/tools/check-error-codes.ts`: fails when a stable error code the database raises
 * (`private.raise_error('<code>', …)` or `raise exception using message = '<code>'` in
 * supabase/migrations) has no `db_error_<code>` message in every locale of app/project.inlang, and is
 * not listed in error-codes-generic.json (codes no person should meet, each with its reason). Without
 * it a new RPC error would reach a cashier as `refund_exceeds_payment`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The message key the app uses for a database error code. */
export const messageKeyFor = (code: string): string => `db_error_${code}`;

const CODE = /^[a-z][a-z0-9_]*$/;

/** SQL without `--` comments (string literals kept, so a `--` inside quotes survives). */
function stripComments(sql: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (inString) {
      out += ch;
      if (ch === "'") inString = false;
    } else if (ch === "'") {
      inString = true;
      out += ch;
    } else if (ch === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      out += '\n';
    } else out += ch;
  }
  return out;
}

/** String literals of the first argument of the call that opens at `start` (just after its `(`). */
function firstArgumentLiterals(sql: string, start: number): string[] {
  const literals: string[] = [];
  let depth = 0;
  for (let i = start; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'") {
      const end = sql.indexOf("'", i + 1);
      if (end < 0) break;
      literals.push(sql.slice(i + 1, end));
      i = end;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (ch === ',' && depth === 0) break;
  }
  return literals;
}

/**
 * The error codes a migration raises. The first argument of raise_error may be an expression
 * (`case when … then 'a' else 'b' end`): every code-shaped literal in it counts.
 */
export function codesInSql(sql: string): string[] {
  const text = stripComments(sql);
  const codes = new Set<string>();
  for (const match of text.matchAll(/\braise_error\s*\(/g)) {
    for (const literal of firstArgumentLiterals(text, (match.index ?? 0) + match[0].length)) {
      if (CODE.test(literal)) codes.add(literal);
    }
  }
  for (const match of text.matchAll(/\braise\s+exception\b[^;]*?\bmessage\s*=\s*'([^']*)'/gi)) {
    const code = match[1] ?? '';
    if (CODE.test(code)) codes.add(code);
  }
  return [...codes].sort();
}

/** Every code raised in the folder's .sql files, with the first file that raises it. */
export async function codesInMigrations(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const codes = new Map<string, string>();
  for (const file of files) {
    for (const code of codesInSql(await readFile(path.join(dir, file), 'utf8'))) {
      if (!codes.has(code)) codes.set(code, file);
    }
  }
  return new Map([...codes].sort(([a], [b]) => a.localeCompare(b)));
}

interface InlangSettings {
  baseLocale: string;
  locales: string[];
  'plugin.inlang.messageFormat': { pathPattern: string };
}

export interface ErrorCodePaths {
  migrationsDir: string;
  /** The app/project.inlang directory. */
  projectDir: string;
  /** JSON object: deliberately untranslated code → why no person meets it. */
  genericFile: string;
}

export async function checkErrorCodes(paths: ErrorCodePaths): Promise<string[]> {
  const settings = JSON.parse(await readFile(path.join(paths.projectDir, 'settings.json'), 'utf8')) as InlangSettings;
  const messages = new Map<string, Record<string, unknown>>();
  for (const locale of settings.locales) {
    const file = path.resolve(
      path.dirname(paths.projectDir),
      settings['plugin.inlang.messageFormat'].pathPattern.replace('{locale}', locale),
    );
    messages.set(locale, JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>);
  }
  const generic = JSON.parse(await readFile(paths.genericFile, 'utf8')) as Record<string, unknown>;
  delete generic.$comment;
  const codes = await codesInMigrations(paths.migrationsDir);

  const problems: string[] = [];
  for (const [code, file] of codes) {
    const key = messageKeyFor(code);
    if (code in generic) {
      const reason = generic[code];
      if (typeof reason !== 'string' || reason.trim() === '')
        problems.push(`${code}: listed as generic without a reason`);
      if (settings.locales.some((l) => key in (messages.get(l) ?? {})))
        problems.push(`${code}: listed as generic but has "${key}" messages; keep one or the other`);
      continue;
    }
    for (const locale of settings.locales) {
      const message = messages.get(locale)?.[key];
      if (message === undefined || (typeof message === 'string' && message.trim() === '')) {
        problems.push(`${locale}: no "${key}" for the code ${code} raised in ${file}`);
      }
    }
  }
  for (const code of Object.keys(generic)) {
    if (!codes.has(code)) problems.push(`${code}: listed as generic but no migration raises it any more`);
  }
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const problems = await checkErrorCodes({
    migrationsDir: path.join(root, 'supabase/migrations'),
    projectDir: path.join(root, 'app/project.inlang'),
    genericFile: fileURLToPath(new URL('./error-codes-generic.json', import.meta.url)),
  });
  if (problems.length > 0) {
    console.error(`Database error codes without messages (${problems.length}):\n  ${problems.join('\n  ')}`);
    console.error(
      'Add a db_error_<code> message to every app/messages/<locale>.json, or list the code with a reason in scripts/tools/error-codes-generic.json.',
    );
    process.exit(1);
  }
  console.log('Database error codes: every code has a message in every locale, or is listed as generic.');
}
