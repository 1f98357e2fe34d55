/**
 * The app's own words, read from app/messages: the e2e tests find controls by the label a person
 * sees in that language, so a renamed label fails here exactly as it would confuse a person.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/stack/paths.ts';

export type Locale = 'en' | 'fr' | 'es' | 'id';

const catalogs = new Map<Locale, Record<string, unknown>>();

function catalog(locale: Locale): Record<string, unknown> {
  let messages = catalogs.get(locale);
  if (!messages) {
    messages = JSON.parse(readFileSync(path.join(repoRoot, 'app', 'messages', `${locale}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    catalogs.set(locale, messages);
  }
  return messages;
}

/** A simple message with its `{name}` placeholders filled; plural messages are not looked up here. */
export function text(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const message = catalog(locale)[key];
  if (typeof message !== 'string') throw new Error(`app/messages/${locale}.json has no simple message "${key}"`);
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** `text` for exact matching in getByRole/getByLabel, which otherwise match substrings. */
export function exactly(locale: Locale, key: string, params?: Record<string, string | number>): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text(locale, key, params))}\\s*$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
