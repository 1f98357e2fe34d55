import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { durationSeconds } from './email-settings.ts';
import { WindowLimiter } from './rate-limit.ts';
import { allowedRedirect, generateOtp, storedRecoveryToken, tokenHash } from './recovery-token.ts';
import { emailLanguage, recoveryEmail } from './templates.ts';

describe('recovery tokens', () => {
  it("hashes as GoTrue's GenerateTokenHash does, and stores a hash of that", () => {
    const hash = tokenHash('ada@example.com', '123456');
    expect(hash).toBe(createHash('sha224').update('ada@example.com123456').digest('hex'));
    expect(storedRecoveryToken(hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(storedRecoveryToken(hash)).not.toContain(hash);
    expect(generateOtp(6)).toMatch(/^\d{6}$/);
  });
});

describe('allowedRedirect (GoTrue IsRedirectURLValid)', () => {
  const site = 'https://comanda.example';
  it('keeps the site, loopback on any port, and allow-listed patterns', () => {
    expect(allowedRedirect('https://comanda.example/reset-password', site, [])).toBe(
      'https://comanda.example/reset-password',
    );
    expect(allowedRedirect('http://127.0.0.1:41234/reset-password', site, [])).toBe(
      'http://127.0.0.1:41234/reset-password',
    );
    expect(allowedRedirect('https://preview-7.comanda.example/x', site, ['https://*.comanda.example/**'])).toBe(
      'https://preview-7.comanda.example/x',
    );
  });

  it('falls back to the site for anything else', () => {
    expect(allowedRedirect(undefined, site, [])).toBe(site);
    expect(allowedRedirect('https://evil.example/reset-password', site, [])).toBe(site);
    expect(allowedRedirect('http://comanda.example/reset-password', site, [])).toBe(site);
    expect(allowedRedirect('https://a.b.comanda.example/x', site, ['https://*.comanda.example/**'])).toBe(site);
    expect(allowedRedirect('not a url', site, [])).toBe(site);
  });
});

describe('WindowLimiter', () => {
  it('allows `limit` hits per key per window, then again once the window has passed', () => {
    let now = 0;
    const limiter = new WindowLimiter(2, 1000, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    now = 400;
    expect(limiter.retryAfterSeconds('a')).toBe(1);
    now = 1000;
    expect(limiter.take('a')).toBe(true);
  });
});

describe('email settings and templates', () => {
  it('reads Go durations as config.toml writes them', () => {
    expect(durationSeconds('60s', 1)).toBe(60);
    expect(durationSeconds('1m30s', 1)).toBe(90);
    expect(durationSeconds('1h', 1)).toBe(3600);
    expect(durationSeconds('soon', 7)).toBe(7);
    expect(durationSeconds(undefined, 7)).toBe(7);
  });

  it("writes in the person's language, else English, with the link and code in text and HTML", () => {
    expect(emailLanguage({ locale: 'es-AR' })).toBe('es');
    expect(emailLanguage({ locale: 'de' })).toBe('en');
    expect(emailLanguage(null)).toBe('en');
    const mail = recoveryEmail('id', {
      link: 'http://x/verify?token=a&type=recovery',
      code: '123456',
      email: 'a@b.co',
      expiresInMinutes: 60,
    });
    expect(mail.subject).toBe('Atur ulang kata sandi Comanda Anda');
    expect(mail.text).toContain('http://x/verify?token=a&type=recovery');
    expect(mail.text).toContain('123456');
    expect(mail.html).toContain('href="http://x/verify?token=a&amp;type=recovery"');
  });
});
