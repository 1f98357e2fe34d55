/** The `Prefer` header preferences PostgREST understands (several headers or `, `-joined). */
export interface Preferences {
  return?: 'minimal' | 'representation' | 'headers-only';
  count?: 'exact' | 'planned' | 'estimated';
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  missing?: 'default' | 'null';
  tx?: 'commit' | 'rollback';
  handling?: 'lenient' | 'strict';
  maxAffected?: number;
  timezone?: string;
  /** Preferences we did not recognise (for handling=strict). */
  invalid: string[];
}

const ALLOWED: Record<string, readonly string[]> = {
  return: ['minimal', 'representation', 'headers-only'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  tx: ['commit', 'rollback'],
  handling: ['lenient', 'strict'],
};

/**
 * `allowTx`: `tx=` is honoured only when `pgrst.db_tx_end` ends in `-allow-override`; otherwise it
 * is still a known preference (not invalid) but ignored, as PostgREST's fromHeaders.
 */
export function parsePrefer(header: string | null | undefined, allowTx = true): Preferences {
  const prefs: Preferences = { invalid: [] };
  if (!header) return prefs;
  for (const raw of header.split(',')) {
    const token = raw.trim();
    if (!token) continue;
    const eq = token.indexOf('=');
    const key = (eq < 0 ? token : token.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : token.slice(eq + 1).trim();
    if (key === 'max-affected' && /^\d+$/.test(value)) {
      prefs.maxAffected = Number(value);
    } else if (key === 'timezone' && value) {
      prefs.timezone = value;
    } else if (key === 'tx' && !allowTx && ALLOWED.tx?.includes(value)) {
      // Recognised, not applied.
    } else if (ALLOWED[key]?.includes(value)) {
      // The first occurrence wins, as in PostgREST.
      const k = key as 'return' | 'count' | 'resolution' | 'missing' | 'tx' | 'handling';
      if (prefs[k] === undefined) (prefs as unknown as Record<string, string>)[k] = value;
    } else {
      prefs.invalid.push(token);
    }
  }
  return prefs;
}

/**
 * The `Preference-Applied` value for what this request honoured, in PostgREST's order
 * (prefAppliedHeader); max-affected only with handling=strict.
 */
export function appliedPreferences(p: Preferences, honoured: Array<keyof Preferences>): string | null {
  const order: Array<keyof Preferences> = [
    'resolution',
    'missing',
    'return',
    'count',
    'tx',
    'handling',
    'timezone',
    'maxAffected',
  ];
  const parts: string[] = [];
  for (const k of order) {
    const v = p[k];
    if (v === undefined || !honoured.includes(k)) continue;
    if (k === 'maxAffected') {
      if (p.handling === 'strict') parts.push(`max-affected=${v}`);
    } else parts.push(`${k}=${v}`);
  }
  return parts.length ? parts.join(', ') : null;
}

/** `pgrst.db_tx_end`: how transactions end by default and whether `Prefer: tx=` may change it. */
export function txEndSetting(value: string | undefined): { rollbackAll: boolean; allowOverride: boolean } {
  const v = (value ?? 'commit').trim().toLowerCase();
  return { rollbackAll: v.startsWith('rollback'), allowOverride: v.endsWith('-allow-override') };
}
