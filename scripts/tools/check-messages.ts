/**
 * `tsx scripts/tools/check-messages.ts`: fails when any locale in app/project.inlang lacks a message the
 * base locale has, has one it does not, or uses different placeholders ({count} vs {n}). Paraglide
 * silently falls back to the base locale, so without this a missing translation would ship.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface InlangSettings {
  baseLocale: string;
  locales: string[];
  'plugin.inlang.messageFormat': { pathPattern: string };
}

type Messages = Record<string, unknown>;

export async function checkMessages(projectDir: string): Promise<string[]> {
  const settings = JSON.parse(await readFile(path.join(projectDir, 'settings.json'), 'utf8')) as InlangSettings;
  // Like inlang, resolve the pattern against the directory that contains the .inlang project.
  const fileFor = (locale: string) =>
    path.resolve(
      path.dirname(projectDir),
      settings['plugin.inlang.messageFormat'].pathPattern.replace('{locale}', locale),
    );

  const problems: string[] = [];
  const load = async (locale: string): Promise<Messages | null> => {
    try {
      const parsed = JSON.parse(await readFile(fileFor(locale), 'utf8')) as Messages;
      delete parsed.$schema;
      return parsed;
    } catch (error) {
      problems.push(`${locale}: cannot read ${fileFor(locale)}: ${(error as Error).message}`);
      return null;
    }
  };

  const base = await load(settings.baseLocale);
  if (!base) return problems;
  for (const locale of settings.locales.filter((l) => l !== settings.baseLocale)) {
    const messages = await load(locale);
    if (!messages) continue;
    for (const key of Object.keys(base)) {
      if (!(key in messages)) problems.push(`${locale}: missing "${key}"`);
      else {
        const expected = placeholders(base[key]);
        const actual = placeholders(messages[key]);
        if (expected.join() !== actual.join()) {
          problems.push(
            `${locale}: "${key}" uses {${actual.join('}, {')}} but ${settings.baseLocale} uses {${expected.join('}, {')}}`,
          );
        }
      }
    }
    for (const key of Object.keys(messages)) {
      if (!(key in base)) problems.push(`${locale}: extra "${key}" (not in ${settings.baseLocale})`);
    }
  }
  return problems;
}

/** Sorted variable names a message uses, in plain strings and in every plural/select variant. */
function placeholders(message: unknown): string[] {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') collect(Object.values((value as { match?: object }).match ?? {}));
  };
  collect(message);
  const names = new Set(texts.flatMap((t) => [...t.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)].map((m) => m[1] ?? '')));
  return [...names].sort();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const projectDir = fileURLToPath(new URL('../../app/project.inlang', import.meta.url));
  const problems = await checkMessages(projectDir);
  if (problems.length > 0) {
    console.error(`Translation check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log("Translations: every locale has exactly the base locale's messages.");
}
