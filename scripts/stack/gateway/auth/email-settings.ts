import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { GatewayConfig } from '../config.ts';

/** What the recovery endpoints need to know: config.toml's [auth] settings, overridden by the stack's. */
export interface AuthEmailSettings {
  smtp: { host: string; port: number } | null;
  from: string;
  siteUrl: string;
  /** Base of the links in emails (`<externalUrl>/auth/v1/verify?…`). */
  externalUrl: string;
  /** `[auth] additional_redirect_urls`: exact URLs, or patterns with `*` (any run of non-`/`) and `**`. */
  additionalRedirectUrls: string[];
  maxFrequencySeconds: number;
  otpExpirySeconds: number;
  otpLength: number;
}

type Table = Record<string, unknown>;
const table = (v: unknown): Table => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Table) : {});
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const str = (v: unknown, fallback: string) => (typeof v === 'string' && v !== '' ? v : fallback);

/** Go's durations as config.toml writes them ("1s", "60s", "1m30s", "1h"); a bare number is seconds. */
export function durationSeconds(value: unknown, fallback: number): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return fallback;
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(h|m|s|ms)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value) return fallback;
  const unit = { h: 3600, m: 60, s: 1, ms: 0.001 } as const;
  return parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2] as keyof typeof unit], 0);
}

/**
 * Reads config.toml once at start, as the CLI hands GoTrue its environment: GoTrue's defaults where
 * the file says nothing (one mail per 60 s per address, links valid one hour). The request limits
 * are rate-limit-settings.ts'.
 */
export function authEmailSettings(cfg: GatewayConfig): AuthEmailSettings {
  let parsed: Table = {};
  try {
    parsed = parseToml(readFileSync(path.join(cfg.supabaseDir, 'config.toml'), 'utf8')) as Table;
  } catch {
    // A project without config.toml gets GoTrue's defaults.
  }
  const auth = table(parsed.auth);
  const email = table(auth.email);
  const smtpSection = table(email.smtp);
  const o = cfg.authEmail ?? {};
  const redirects = Array.isArray(auth.additional_redirect_urls) ? auth.additional_redirect_urls : [];
  return {
    smtp: o.smtp ?? null,
    from: `${str(smtpSection.sender_name, 'Comanda')} <${str(smtpSection.admin_email, 'no-reply@comanda.local')}>`,
    siteUrl: cfg.siteUrl,
    externalUrl: (o.externalUrl ?? cfg.apiUrl).replace(/\/+$/, ''),
    additionalRedirectUrls: redirects.filter((u): u is string => typeof u === 'string'),
    maxFrequencySeconds: o.maxFrequencySeconds ?? durationSeconds(email.max_frequency, 60),
    otpExpirySeconds: o.otpExpirySeconds ?? num(email.otp_expiry, 3600),
    otpLength: num(email.otp_length, 6),
  };
}
