/**
 * The project's API keys, as the stack hands them to the gateway: the legacy JWT keys (anon,
 * service_role) and the opaque keys of the new format that stand for them.
 */
export interface ApiKeys {
  anon: string;
  serviceRole: string;
  publishable: string;
  secret: string;
}

/**
 * The bearer a request carries once API keys are translated, as the CLI's Kong does it: services
 * only understand JWTs, so the opaque `sb_publishable_…` / `sb_secret_…` keys become the anon /
 * service_role JWTs, and a signed-out client's `Authorization: Bearer <apikey>` is read the same way.
 */
export function effectiveBearer(
  headers: { authorization?: string | null; apikey?: string | null },
  keys: ApiKeys,
): string | null {
  const auth = headers.authorization ?? '';
  if (auth.toLowerCase().startsWith('bearer ')) {
    const token = auth.slice(7).trim();
    if (token && !token.startsWith('sb_')) return token;
  }
  return translateApiKey(headers.apikey ?? null, keys);
}

/** Maps an API key (query parameter or header) to the JWT it stands for. */
export function translateApiKey(apikey: string | null, keys: ApiKeys): string | null {
  if (!apikey) return null;
  if (apikey === keys.secret) return keys.serviceRole;
  if (apikey === keys.publishable) return keys.anon;
  return apikey;
}

/** True for the opaque keys this project issued (any other `sb_` key is refused). */
export const isOpaqueProjectKey = (apikey: string, keys: ApiKeys): boolean =>
  apikey === keys.publishable || apikey === keys.secret;
