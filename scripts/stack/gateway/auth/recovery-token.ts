import { createHash, randomInt } from 'node:crypto';

/** GoTrue's GenerateOtp: `length` random decimal digits. */
export function generateOtp(length: number): string {
  let otp = '';
  for (let i = 0; i < length; i++) otp += String(randomInt(10));
  return otp;
}

/** GoTrue's GenerateTokenHash: hex SHA-224 of the address and the code — what the email link carries. */
export function tokenHash(email: string, otp: string): string {
  return createHash('sha224')
    .update(email + otp)
    .digest('hex');
}

/**
 * What auth.users.recovery_token holds: a SHA-256 of the link's token hash. GoTrue stores the link's
 * value itself; hashing once more means a copy of the database cannot be turned into working
 * reset links, and nothing else reads the column.
 */
export function storedRecoveryToken(linkTokenHash: string): string {
  return createHash('sha256').update(linkTokenHash).digest('hex');
}

/**
 * GoTrue's IsRedirectURLValid: back to the site (same scheme and host; any port on loopback), any
 * loopback address, or an allow-listed URL (`*` matches within a path segment or host label, `**`
 * anything). Anything else falls back to the site URL, so a reset link cannot be made to leak a
 * session to another origin.
 */
export function allowedRedirect(requested: string | undefined, siteUrl: string, allowList: string[]): string {
  if (!requested) return siteUrl;
  let target: URL;
  let site: URL;
  try {
    target = new URL(requested);
    site = new URL(siteUrl);
  } catch {
    return siteUrl;
  }
  const loopback = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(target.hostname);
  const sameSite =
    target.protocol === site.protocol && target.hostname === site.hostname && (target.port === site.port || loopback);
  if (sameSite || (loopback && /^https?:$/.test(target.protocol))) return requested;
  const withoutFragment = requested.split('#')[0] as string;
  for (const pattern of allowList) {
    const source = pattern
      .split('**')
      .map((part) =>
        part
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/.]*'),
      )
      .join('.*');
    if (new RegExp(`^${source}$`).test(withoutFragment)) return requested;
  }
  return siteUrl;
}
