import { ANON_KEY, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from '../stack/keys.ts';

/**
 * The bearer a request carries once API keys are translated, as the CLI's Kong does it: services
 * only understand JWTs, so the opaque `sb_publishable_…` / `sb_secret_…` keys become the anon /
 * service_role JWTs, and a signed-out client's `Authorization: Bearer <apikey>` is read the same way.
 */
export function effectiveBearer(headers: { authorization?: string | null; apikey?: string | null }): string | null {
  const auth = headers.authorization ?? '';
  if (auth.toLowerCase().startsWith('bearer ')) {
    const token = auth.slice(7).trim();
    if (token && !token.startsWith('sb_')) return token;
  }
  return translateApiKey(headers.apikey ?? null);
}

/** Maps an API key (query parameter or header) to the JWT it stands for. */
export function translateApiKey(apikey: string | null): string | null {
  if (!apikey) return null;
  if (apikey === SECRET_KEY) return SERVICE_ROLE_KEY;
  if (apikey === PUBLISHABLE_KEY) return ANON_KEY;
  return apikey;
}
