import { describe, expect, it } from 'vitest';
import { validateCredentials, validateDisplayName, validateEmail, validatePassword } from '#lib/auth/validation.ts';

describe('validateEmail', () => {
  it('accepts an address, ignoring surrounding spaces', () => {
    expect(validateEmail('  chef@example.com ')).toBeNull();
  });

  it('requires an address', () => {
    expect(validateEmail('')).toEqual({ code: 'required' });
    expect(validateEmail('   ')).toEqual({ code: 'required' });
  });

  it('refuses what is not an address', () => {
    for (const value of ['chef', 'chef@', '@example.com', 'chef@example', 'a b@example.com']) {
      expect(validateEmail(value), value).toEqual({ code: 'invalid_email' });
    }
  });

  it('refuses an oversize address', () => {
    expect(validateEmail(`${'a'.repeat(250)}@example.com`)).toEqual({ code: 'too_long', max: 254 });
  });
});

describe('validatePassword', () => {
  it('only requires presence on sign-in', () => {
    expect(validatePassword('', 'sign-in')).toEqual({ code: 'required' });
    expect(validatePassword('abc', 'sign-in')).toBeNull();
  });

  it('enforces length on sign-up, counting bytes for the upper bound', () => {
    expect(validatePassword('short', 'sign-up')).toEqual({ code: 'too_short', min: 8 });
    expect(validatePassword('long enough', 'sign-up')).toBeNull();
    expect(validatePassword('x'.repeat(73), 'sign-up')).toEqual({ code: 'too_long', max: 72 });
    expect(validatePassword('é'.repeat(40), 'sign-up')).toEqual({ code: 'too_long', max: 72 });
  });
});

describe('validateCredentials', () => {
  it('returns null when both fields are fine, else an error per field', () => {
    expect(validateCredentials({ email: 'a@b.co', password: 'secret-enough' }, 'sign-up')).toBeNull();
    expect(validateCredentials({ email: 'nope', password: '' }, 'sign-in')).toEqual({
      email: { code: 'invalid_email' },
      password: { code: 'required' },
    });
  });
});

describe('validateDisplayName', () => {
  it('requires a name once trimmed', () => {
    expect(validateDisplayName('  Amina Diallo ')).toBeNull();
    expect(validateDisplayName('')).toEqual({ code: 'required' });
    expect(validateDisplayName(' \t\u00a0')).toEqual({ code: 'required' });
  });

  it('allows 100 characters, counting each accented letter or emoji once', () => {
    expect(validateDisplayName('é'.repeat(100))).toBeNull();
    expect(validateDisplayName('🍲'.repeat(100))).toBeNull();
    expect(validateDisplayName(` ${'a'.repeat(100)} `)).toBeNull();
    expect(validateDisplayName('a'.repeat(101))).toEqual({ code: 'too_long', max: 100 });
  });
});
