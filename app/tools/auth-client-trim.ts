import type { Plugin } from 'vite';

/**
 * Vite plugin: the browser's auth client without three parts of auth-js that Comanda never uses and
 * that GoTrueClient imports unconditionally, so every screen downloaded them with the shell
 * (~21 kB of JavaScript, ~6 kB gzip):
 * - `GoTrueAdminApi` (`auth.admin`): the admin API needs the service-role key, which never reaches
 *   a browser (but for `signOut`, which GoTrueClient's own sign-out calls with the user's token);
 * - `lib/webauthn` (`auth.mfa.webauthn`, passkey sign-in): Comanda signs in with a password;
 * - `lib/web3/ethereum` (sign in with Ethereum).
 * Each is replaced by a module of the same exports that answers "not in this build" if it is ever
 * reached, so a future use fails loudly in development rather than silently. Tests (vitest) and
 * Node scripts use the real package.
 */
const moduleDir = '/@supabase/auth-js/dist/module/';

const notIncluded = (what: string) =>
  `const notIncluded = () => { throw new Error(${JSON.stringify(`${what} is not included in Comanda's browser build (app/tools/auth-client-trim.ts)`)}); };`;

export const trimmedModules: Record<string, string> = {
  // GoTrueClient.signOut revokes the session through the admin API's signOut, with the person's own
  // token: that one method stays, written against fetch as auth-js's is (errors in AuthError's shape).
  'GoTrueAdminApi.js': `${notIncluded('The auth admin API')}
const authError = (name, message, status, code) =>
  Object.assign(new Error(message), { __isAuthError: true, name, status, code });
export default class GoTrueAdminApi {
  constructor({ url = '', headers = {}, fetch: fetcher } = {}) {
    this.url = url;
    this.headers = headers;
    this.fetch = fetcher ?? ((...args) => fetch(...args));
    return new Proxy(this, { get: (target, name) => (name === 'signOut' ? target.signOut.bind(target) : notIncluded()) });
  }
  async signOut(jwt, scope = 'global') {
    if (!['global', 'local', 'others'].includes(scope)) {
      throw new Error('@supabase/auth-js: Parameter scope must be one of global, local, others');
    }
    let response;
    try {
      response = await this.fetch(this.url + '/logout?scope=' + scope, {
        method: 'POST',
        headers: { ...this.headers, Authorization: 'Bearer ' + jwt, 'X-Supabase-Api-Version': '2024-01-01' },
      });
    } catch (e) {
      return { data: null, error: authError('AuthRetryableFetchError', String(e && e.message ? e.message : e), 0) };
    }
    if (response.ok) return { data: null, error: null };
    const body = await response.json().catch(() => ({}));
    const retryable = [502, 503, 504].includes(response.status) || (response.status >= 520 && response.status <= 530);
    const message = body.msg || body.message || body.error_description || body.error || 'HTTP ' + response.status;
    return {
      data: null,
      error: authError(retryable ? 'AuthRetryableFetchError' : 'AuthApiError', message, response.status, body.code || body.error_code),
    };
  }
}
`,
  'lib/webauthn.js': `${notIncluded('WebAuthn (passkeys)')}
export class WebAuthnApi { constructor() { return new Proxy(this, { get: notIncluded }); } }
export const webAuthnAbortService = { createNewAbortSignal: notIncluded, cancelCeremony() {} };
export const browserSupportsWebAuthn = () => false;
export const createCredential = notIncluded;
export const getCredential = notIncluded;
export const deserializeCredentialCreationOptions = notIncluded;
export const deserializeCredentialRequestOptions = notIncluded;
export const serializeCredentialCreationResponse = notIncluded;
export const serializeCredentialRequestResponse = notIncluded;
`,
  'lib/web3/ethereum.js': `${notIncluded('Sign in with Ethereum')}
export const getAddress = notIncluded;
export const fromHex = notIncluded;
export const toHex = notIncluded;
export const createSiweMessage = notIncluded;
`,
};

export function authClientTrim(): Plugin {
  return {
    name: 'comanda:auth-client-trim',
    enforce: 'pre',
    load(id) {
      const path = id.split('?')[0]?.replaceAll('\\', '/') ?? '';
      const at = path.lastIndexOf(moduleDir);
      if (at === -1) return null;
      return trimmedModules[path.slice(at + moduleDir.length)] ?? null;
    },
  };
}
