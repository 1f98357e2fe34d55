import { describe, expect, it } from 'vitest';
import { JwtError, signJwt, verifyJwt } from './jwt.ts';

const JWT_SECRET = 'jwt-test-secret-that-is-at-least-32-characters';
// Shaped like the CLI's demo anon key (scripts/stack/keys.test.ts checks the real one).
const ANON_KEY = await signJwt({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 }, JWT_SECRET);

describe('jwt', () => {
  it('verifies an anon key and round-trips signed claims', async () => {
    expect(await verifyJwt(ANON_KEY, JWT_SECRET)).toMatchObject({ role: 'anon', iss: 'supabase-demo' });
    const now = Math.floor(Date.now() / 1000);
    const token = await signJwt({ sub: 'u1', role: 'authenticated', iat: now, exp: now + 60 }, JWT_SECRET);
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
    expect(await verifyJwt(token, JWT_SECRET)).toEqual({ sub: 'u1', role: 'authenticated', iat: now, exp: now + 60 });
  });

  it('tells expired tokens from invalid ones', async () => {
    const expired = await signJwt({ sub: 'u1', exp: 1000, iat: 0 }, JWT_SECRET);
    await expect(verifyJwt(expired, JWT_SECRET)).rejects.toMatchObject({ kind: 'expired', expiredAt: 1000 });
    for (const bad of ['garbage', 'a.b.c', `${ANON_KEY}x`, '']) {
      const err = await verifyJwt(bad, JWT_SECRET).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(JwtError);
      expect((err as JwtError).kind).toBe('invalid');
    }
    const otherSecret = await signJwt({ sub: 'u1' }, 'another-secret-that-is-long-enough-to-use');
    await expect(verifyJwt(otherSecret, JWT_SECRET)).rejects.toMatchObject({ kind: 'invalid' });
  });
});
