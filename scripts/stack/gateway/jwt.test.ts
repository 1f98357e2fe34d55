import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JwtError, jwtKeysFrom, signJwt, verifyJwt } from './jwt.ts';

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

describe('jwt with asymmetric signing keys', () => {
  const jwkOf = (type: 'ec' | 'rsa', kid: string) => {
    const { privateKey } =
      type === 'ec'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
    return { ...privateKey.export({ format: 'jwk' }), kid, alg: type === 'ec' ? 'ES256' : 'RS256' };
  };
  const keys = jwtKeysFrom(JWT_SECRET, [jwkOf('ec', 'es-1'), jwkOf('rsa', 'rs-1')], 'keys.json');

  it('signs with the first key, verifies every key by kid and the legacy secret too', async () => {
    const token = await signJwt({ sub: 'u1', role: 'authenticated' }, keys);
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toEqual({
      alg: 'ES256',
      kid: 'es-1',
      typ: 'JWT',
    });
    expect(await verifyJwt(token, keys)).toEqual({ sub: 'u1', role: 'authenticated' });
    expect(await verifyJwt(ANON_KEY, keys)).toMatchObject({ role: 'anon' });
    // A verifier that only knows the secret refuses the asymmetric token.
    await expect(verifyJwt(token, JWT_SECRET)).rejects.toMatchObject({ kind: 'invalid' });
    expect(keys.jwks.keys.map((k) => [k.kid, k.alg, k.kty, 'd' in k])).toEqual([
      ['es-1', 'ES256', 'EC', false],
      ['rs-1', 'RS256', 'RSA', false],
    ]);
  });

  it('refuses unknown kids and keys of other projects', async () => {
    const stranger = jwtKeysFrom(JWT_SECRET, [jwkOf('ec', 'es-1')], 'other.json');
    const forged = await signJwt({ sub: 'u1' }, stranger);
    await expect(verifyJwt(forged, keys)).rejects.toMatchObject({ kind: 'invalid' });
    const unknown = jwtKeysFrom(JWT_SECRET, [jwkOf('ec', 'es-9')], 'other.json');
    await expect(verifyJwt(await signJwt({ sub: 'u1' }, unknown), keys)).rejects.toThrow(/invalid kid: es-9/);
    expect(() => jwtKeysFrom(JWT_SECRET, [{ kty: 'oct', k: 'x', kid: 'h' }], 'bad.json')).toThrow(/only ES256/);
    expect(() => jwtKeysFrom(JWT_SECRET, {}, 'bad.json')).toThrow(/JSON array/);
  });
});
