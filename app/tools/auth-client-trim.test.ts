import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isAuthApiError } from '@supabase/auth-js';
import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { authClientTrim, trimmedModules } from './auth-client-trim.ts';

const require = createRequire(import.meta.url);
const moduleDir = path.join(path.dirname(require.resolve('@supabase/auth-js/package.json')), 'dist', 'module');

/** The names GoTrueClient.js imports from one of its relative modules (`default` for a default import). */
async function importedNames(specifier: string): Promise<string[]> {
  const source = await readFile(path.join(moduleDir, 'GoTrueClient.js'), 'utf8');
  const names: string[] = [];
  for (const match of source.matchAll(/^import\s+(.+?)\s+from\s+'([^']+)';/gms)) {
    if (match[2] !== specifier) continue;
    const clause = match[1] ?? '';
    const named = /\{([^}]*)\}/s.exec(clause)?.[1] ?? '';
    for (const part of named.split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name) names.push(name);
    }
    if (!clause.trimStart().startsWith('{')) names.push('default');
  }
  return names;
}

/**
 * Bundles one auth-js module the way the app's build does (through the plugin, so its stub's
 * relative imports are the package's own), and answers the bundle's exports.
 */
async function load(file: string): Promise<Record<string, unknown>> {
  const bundle = await rolldown({ input: path.join(moduleDir, file), plugins: [authClientTrim()], logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  const code = output[0].code;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

describe('auth client trim', () => {
  it.each(Object.keys(trimmedModules))(
    '%s exists in the installed auth-js, and its stub exports every name GoTrueClient imports from it',
    async (file) => {
      await expect(readFile(path.join(moduleDir, file), 'utf8')).resolves.toContain('export');
      const wanted = await importedNames(`./${file.replace(/\.js$/, '')}`);
      expect(wanted.length).toBeGreaterThan(0);
      const stub = await load(file);
      for (const name of wanted) expect(Object.keys(stub), `${file} exports ${name}`).toContain(name);
    },
  );

  it('replaces only those modules, whatever the query string or path separators', () => {
    const plugin = authClientTrim();
    const loadHook = plugin.load as (id: string) => string | null;
    expect(loadHook.call({}, `${moduleDir}/GoTrueAdminApi.js?v=123`)).toBe(trimmedModules['GoTrueAdminApi.js']);
    expect(loadHook.call({}, 'C:\\x\\node_modules\\@supabase\\auth-js\\dist\\module\\lib\\webauthn.js')).toBe(
      trimmedModules['lib/webauthn.js'],
    );
    expect(loadHook.call({}, `${moduleDir}/GoTrueClient.js`)).toBeNull();
    expect(loadHook.call({}, `${moduleDir}/lib/helpers.js`)).toBeNull();
  });

  it('constructs what GoTrueClient constructs, and says so loudly when a trimmed part is used', async () => {
    const admin = await load('GoTrueAdminApi.js');
    const AdminApi = admin.default as new (settings: object) => { listUsers(): unknown };
    const api = new AdminApi({ url: 'http://x' });
    expect(() => api.listUsers()).toThrow(/auth admin API is not included in Comanda's browser build/);

    const webauthn = await load('lib/webauthn.js');
    const WebAuthnApi = webauthn.WebAuthnApi as new (client: object) => { register(): unknown };
    expect(() => new WebAuthnApi({}).register()).toThrow(/WebAuthn \(passkeys\) is not included/);
    expect((webauthn.browserSupportsWebAuthn as () => boolean)()).toBe(false);

    const ethereum = await load('lib/web3/ethereum.js');
    expect(() => (ethereum.toHex as (value: string) => string)('x')).toThrow(/Sign in with Ethereum is not included/);
  });

  it("keeps the admin API's signOut, which GoTrueClient's sign-out calls with the user's token", async () => {
    const admin = await load('GoTrueAdminApi.js');
    type Answer = { data: null; error: (Error & { status?: number; code?: string }) | null };
    const AdminApi = admin.default as new (
      settings: object,
    ) => { signOut(jwt: string, scope?: string): Promise<Answer> };
    const calls: Array<{ url: string; init: RequestInit }> = [];
    let answer = new Response(null, { status: 204 });
    const fetcher = async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return answer;
    };
    const api = new AdminApi({ url: 'http://x/auth/v1', headers: { apikey: 'k' }, fetch: fetcher });
    await expect(api.signOut('user-jwt', 'local')).resolves.toEqual({ data: null, error: null });
    expect(calls[0]?.url).toBe('http://x/auth/v1/logout?scope=local');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toMatchObject({ apikey: 'k', Authorization: 'Bearer user-jwt' });

    // As GoTrue answers: with its API version, the body's `code` is the error's code.
    answer = Response.json(
      { code: 'bad_jwt', message: 'gone' },
      { status: 401, headers: { 'X-Supabase-Api-Version': '2024-01-01' } },
    );
    const refused = await api.signOut('user-jwt');
    expect(isAuthApiError(refused.error)).toBe(true);
    expect(refused.error).toMatchObject({ status: 401, code: 'bad_jwt', message: 'gone' });
    await expect(api.signOut('user-jwt', 'everyone')).rejects.toThrow(/scope must be one of/);
  });
});
