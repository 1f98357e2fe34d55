import type { SchemaCache } from '../schema/schema-cache.ts';

export function locationOf(table: string, pk: string[], body: string): string | null {
  if (!pk.length || !body) return null;
  const rows = JSON.parse(body) as Array<Record<string, unknown>>;
  const row = rows[0];
  if (!row) return null;
  return `/${table}?${pk.map((k) => `${encodeURIComponent(k)}=eq.${encodeURIComponent(String(row[k]))}`).join('&')}`;
}

/** PostgREST's fuzzy hint: the closest table scoring at least 0.75 (1 - edit distance / length). */
export function suggestTable(cache: SchemaCache, name: string): string | null {
  let best: { table: string; score: number } | null = null;
  for (const t of cache.relations.keys()) {
    const score = 1 - editDistance(t, name) / Math.max(t.length, name.length);
    if (score >= 0.75 && (!best || score > best.score)) best = { table: t, score };
  }
  return best ? `Perhaps you meant the table '${cache.schema}.${best.table}'` : null;
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
