import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkMessages } from './check-messages.ts';

let dir: string;

async function project(files: Record<string, object>): Promise<string> {
  dir = await mkdtemp(path.join(tmpdir(), 'messages-'));
  await mkdir(path.join(dir, 'project.inlang'));
  await mkdir(path.join(dir, 'messages'));
  const settings = {
    baseLocale: 'en',
    locales: Object.keys(files),
    'plugin.inlang.messageFormat': { pathPattern: './messages/{locale}.json' },
  };
  await writeFile(path.join(dir, 'project.inlang', 'settings.json'), JSON.stringify(settings));
  for (const [locale, messages] of Object.entries(files)) {
    await writeFile(path.join(dir, 'messages', `${locale}.json`), JSON.stringify(messages));
  }
  return path.join(dir, 'project.inlang');
}

afterEach(() => rm(dir, { recursive: true, force: true }));

describe('checkMessages', () => {
  it('accepts locales with the same keys and placeholders', async () => {
    const plural = (one: string, other: string) => [{ selectors: ['n'], match: { 'n=one': one, 'n=other': other } }];
    const problems = await checkMessages(
      await project({
        en: { $schema: 'x', hi: 'Hi {name}', items: plural('{count} item', '{count} items') },
        fr: { hi: 'Salut {name}', items: plural('{count} article', '{count} articles') },
      }),
    );
    expect(problems).toEqual([]);
  });

  it('reports missing and extra keys and different placeholders', async () => {
    const problems = await checkMessages(
      await project({
        en: { hi: 'Hi {name}', bye: 'Bye' },
        es: { hi: 'Hola {nombre}', extra: 'x' },
      }),
    );
    expect(problems).toEqual([
      'es: "hi" uses {nombre} but en uses {name}',
      'es: missing "bye"',
      'es: extra "extra" (not in en)',
    ]);
  });

  it('reports a locale file that is missing', async () => {
    const projectDir = await project({ en: { hi: 'Hi' } });
    const settingsPath = path.join(projectDir, 'settings.json');
    await writeFile(
      settingsPath,
      JSON.stringify({
        baseLocale: 'en',
        locales: ['en', 'id'],
        'plugin.inlang.messageFormat': { pathPattern: './messages/{locale}.json' },
      }),
    );
    const problems = await checkMessages(projectDir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^id: cannot read/);
  });
});
