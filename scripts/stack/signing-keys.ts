import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { type JwtKeys, jwtKeysFrom } from './gateway/jwt.ts';

/**
 * The project's asymmetric JWT signing keys, as the Supabase CLI reads them: `[auth]
 * signing_keys_path` in config.toml, relative to the supabase/ folder, naming a JSON array of JWKs
 * (`supabase gen signing-key --algorithm ES256 | RS256`). Null when the path is not set; a set path
 * that cannot be read is a start-up error, as with the CLI.
 */
export function signingKeysFor(supabaseDir: string, secret: string): JwtKeys | null {
  const configFile = path.join(supabaseDir, 'config.toml');
  if (!existsSync(configFile)) return null;
  const config = parseToml(readFileSync(configFile, 'utf8')) as { auth?: { signing_keys_path?: unknown } };
  const keysPath = config.auth?.signing_keys_path;
  if (keysPath === undefined || keysPath === '') return null;
  if (typeof keysPath !== 'string') throw new Error(`${configFile}: [auth] signing_keys_path must be a string`);
  const file = path.resolve(supabaseDir, keysPath);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`[auth] signing_keys_path: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return jwtKeysFrom(secret, parsed, file);
}
