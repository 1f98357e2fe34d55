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
  // token: that one method stays, as auth-js writes it and with auth-js's own request and error
  // helpers (the module keeps its path, so its relative imports are the package's).
  'GoTrueAdminApi.js': `${notIncluded('The auth admin API')}
import { _request } from './lib/fetch';
import { resolveFetch } from './lib/helpers';
import { SIGN_OUT_SCOPES } from './lib/types';
import { isAuthError } from './lib/errors';
export default class GoTrueAdminApi {
  constructor({ url = '', headers = {}, fetch } = {}) {
    this.url = url;
    this.headers = headers;
    this.fetch = resolveFetch(fetch);
    return new Proxy(this, { get: (target, name) => (name === 'signOut' ? target.signOut.bind(target) : notIncluded()) });
  }
  async signOut(jwt, scope = SIGN_OUT_SCOPES[0]) {
    if (SIGN_OUT_SCOPES.indexOf(scope) < 0) {
      throw new Error('@supabase/auth-js: Parameter scope must be one of ' + SIGN_OUT_SCOPES.join(', '));
    }
    try {
      await _request(this.fetch, 'POST', this.url + '/logout?scope=' + scope, { headers: this.headers, jwt, noResolveJson: true });
      return { data: null, error: null };
    } catch (error) {
      if (isAuthError(error)) return { data: null, error };
      throw error;
    }
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
