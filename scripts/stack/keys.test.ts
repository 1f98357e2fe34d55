import { describe, expect, it } from 'vitest';
import { verifyJwt } from './gateway/jwt.ts';
import { ANON_KEY, JWT_SECRET, SERVICE_ROLE_KEY } from './keys.ts';

describe('the CLI demo keys', () => {
  it('are JWTs signed with the CLI demo secret', async () => {
    expect(await verifyJwt(ANON_KEY, JWT_SECRET)).toMatchObject({ role: 'anon', iss: 'supabase-demo' });
    expect(await verifyJwt(SERVICE_ROLE_KEY, JWT_SECRET)).toMatchObject({ role: 'service_role', iss: 'supabase-demo' });
  });
});
