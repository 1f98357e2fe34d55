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

export function parsePrefer(header: string | null | undefined): Preferences {
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

/** The `Preference-Applied` value for what this request honoured. */
export function appliedPreferences(p: Preferences, honoured: Array<keyof Preferences>): string | null {
  const parts: string[] = [];
  for (const k of honoured) {
    const v = p[k];
    if (v === undefined || k === 'invalid') continue;
    parts.push(k === 'maxAffected' ? `max-affected=${v}` : `${k}=${v}`);
  }
  return parts.length ? parts.join(', ') : null;
}
