import { describe, expect, it } from 'vitest';
import { resolveSupabaseUrl, siteUrl } from '#lib/env.ts';

describe('resolveSupabaseUrl', () => {
  it('keeps an absolute API URL', () => {
    expect(resolveSupabaseUrl('http://127.0.0.1:54321', 'https://192.168.1.20:5173')).toBe('http://127.0.0.1:54321');
  });

  it('is the page origin when the API is proxied on it (npm start -- --lan)', () => {
    expect(resolveSupabaseUrl('same-origin', 'https://192.168.1.20:5173')).toBe('https://192.168.1.20:5173');
  });

  it('refuses same-origin with no page to take it from', () => {
    expect(() => resolveSupabaseUrl('same-origin', undefined)).toThrow(/same-origin/);
  });
});

describe('siteUrl', () => {
  it('prefers the configured site URL over the page origin, without a trailing slash', () => {
    expect(siteUrl('https://192.168.1.20:5173/', 'https://127.0.0.1:5173')).toBe('https://192.168.1.20:5173');
  });

  it('falls back to the page origin', () => {
    expect(siteUrl(undefined, 'http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(siteUrl('', 'http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
  });
});
