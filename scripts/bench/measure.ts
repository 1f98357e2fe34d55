/** Latency samples and throughput under a fixed concurrency, for `npm run bench`. */
export interface LoadResult {
  concurrency: number;
  requests: number;
  medianMs: number;
  p95Ms: number;
  perSecond: number;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i] ?? Number.NaN;
}

/**
 * Runs `op` from `concurrency` loops for `durationMs` after a warm-up, recording each call's latency.
 * Bounded in time and count so a stuck server cannot make the benchmark run forever.
 */
export async function runLoad(
  op: () => Promise<unknown>,
  opts: { concurrency: number; durationMs: number; warmupMs?: number; maxRequests?: number },
): Promise<LoadResult> {
  const warmupEnd = performance.now() + (opts.warmupMs ?? 300);
  while (performance.now() < warmupEnd) await op();
  const samples: number[] = [];
  const max = opts.maxRequests ?? 1_000_000;
  const start = performance.now();
  const end = start + opts.durationMs;
  const worker = async () => {
    while (performance.now() < end && samples.length < max) {
      const t = performance.now();
      await op();
      samples.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsed = (performance.now() - start) / 1000;
  samples.sort((a, b) => a - b);
  return {
    concurrency: opts.concurrency,
    requests: samples.length,
    medianMs: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    perSecond: samples.length / elapsed,
  };
}

export interface BenchRow {
  name: string;
  subject: LoadResult;
  floor?: LoadResult;
  floorName?: string;
}

const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');

/** One table: subject vs the floor measured in the same run, with the ratio and the overhead. */
export function printTable(title: string, rows: BenchRow[]): void {
  console.log(`\n## ${title}\n`);
  console.log(
    '| case | conc | median ms | p95 ms | req/s | floor | floor median | floor p95 | floor req/s | median ratio | overhead ms |',
  );
  console.log('|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const s = r.subject;
    const fl = r.floor;
    console.log(
      `| ${r.name} | ${s.concurrency} | ${f(s.medianMs)} | ${f(s.p95Ms)} | ${f(s.perSecond, 0)} | ${r.floorName ?? '—'} | ${
        fl ? f(fl.medianMs) : '—'
      } | ${fl ? f(fl.p95Ms) : '—'} | ${fl ? f(fl.perSecond, 0) : '—'} | ${fl ? f(s.medianMs / fl.medianMs) : '—'} | ${
        fl ? f(s.medianMs - fl.medianMs) : '—'
      } |`,
    );
  }
}
