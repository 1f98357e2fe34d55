import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { supabaseDir } from '../../paths.ts';
import { authRateLimits, GOTRUE_RATE_LIMITS } from './rate-limit-settings.ts';

const dirs: string[] = [];
function project(toml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'comanda-limits-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'config.toml'), toml);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('auth rate limits from config.toml', () => {
  it("reads the project's [auth.rate_limit] as the CLI hands it to GoTrue", () => {
    expect(authRateLimits({ supabaseDir })).toEqual({
      ...GOTRUE_RATE_LIMITS,
      signInSignUps: 30,
      anonymousUsers: 30,
      tokenRefresh: 150,
      tokenVerifications: 30,
      // config.toml says 2, but its SMTP section is off: the CLI leaves GoTrue's default.
      emailSent: 30,
    });
  });

  it('takes email_sent only with [auth.email.smtp] enabled, and lets the stack override', () => {
    const dir = project(`
[auth.rate_limit]
email_sent = 4
sign_in_sign_ups = 12
[auth.email.smtp]
enabled = true
`);
    expect(authRateLimits({ supabaseDir: dir })).toMatchObject({ emailSent: 4, signInSignUps: 12, tokenRefresh: 150 });
    expect(authRateLimits({ supabaseDir: dir, authRateLimits: { signInSignUps: 1000 } })).toMatchObject({
      emailSent: 4,
      signInSignUps: 1000,
    });
  });

  it("falls back to GoTrue's defaults without a file or with nonsense in it", () => {
    expect(authRateLimits({ supabaseDir: path.join(tmpdir(), 'no-such-project') })).toEqual(GOTRUE_RATE_LIMITS);
    const dir = project(`[auth.rate_limit]\ntoken_refresh = "many"\nanonymous_users = -3\n`);
    expect(authRateLimits({ supabaseDir: dir })).toEqual(GOTRUE_RATE_LIMITS);
  });
});
