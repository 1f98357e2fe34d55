import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { verifyJwt } from './gateway/jwt.ts';
import { ANON_KEY, DEFAULT_PORTS, JWT_SECRET, SERVICE_ROLE_KEY } from './keys.ts';
import { repoRoot } from './paths.ts';

describe('the CLI demo keys', () => {
  it('are JWTs signed with the CLI demo secret', async () => {
    expect(await verifyJwt(ANON_KEY, JWT_SECRET)).toMatchObject({ role: 'anon', iss: 'supabase-demo' });
    expect(await verifyJwt(SERVICE_ROLE_KEY, JWT_SECRET)).toMatchObject({ role: 'service_role', iss: 'supabase-demo' });
  });

  it('are what the app is built with for the local stack (app/.env)', () => {
    const appEnv = parseEnv(readFileSync(path.join(repoRoot, 'app', '.env'), 'utf8'));
    expect(appEnv).toEqual({
      VITE_SUPABASE_URL: `http://127.0.0.1:${DEFAULT_PORTS.api}`,
      VITE_SUPABASE_ANON_KEY: ANON_KEY,
    });
  });
});
