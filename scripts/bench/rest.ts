import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import type { RunningStack } from '../stack/stack.ts';
import { type BenchRow, runLoad } from './measure.ts';

const ROWS = 10_000;

/**
 * Gateway overhead: a primary-key select and a small RPC through supabase-js → gateway → Postgres,
 * as a signed-in user under RLS, beside the same statements sent straight to Postgres with `pg`.
 */
export async function benchRest(stack: RunningStack, durationMs: number): Promise<BenchRow[]> {
  const owner = new pg.Client({ connectionString: stack.dbUrl });
  await owner.connect();
  await owner.query(`
    create table if not exists public.bench_items (id int primary key, name text not null, price int not null);
    alter table public.bench_items enable row level security;
    drop policy if exists "Signed-in users can read bench items" on public.bench_items;
    create policy "Signed-in users can read bench items" on public.bench_items for select to authenticated using (true);
    insert into public.bench_items select g, 'item ' || g, g * 10 from generate_series(1, ${ROWS}) g on conflict do nothing;
    create or replace function public.bench_price_with_tax(item_id int, rate_pct int) returns int
      language sql stable set search_path = '' as
      $$ select (price * (100 + rate_pct) / 100) from public.bench_items where id = item_id $$;
    notify pgrst, 'reload schema';
  `);
  await owner.end();
  await new Promise((r) => setTimeout(r, 500));

  const supabase = createClient(stack.apiUrl, stack.anonKey, { auth: { persistSession: false } });
  const email = `bench-${Date.now()}@example.com`;
  const { error } = await supabase.auth.signUp({ email, password: 'bench-password-1' });
  if (error) throw error;

  const direct = new pg.Pool({ connectionString: stack.dbUrl, max: 16 });
  const id = () => 1 + Math.floor(Math.random() * ROWS);
  const viaGatewaySelect = async () => {
    const { error } = await supabase.from('bench_items').select('*').eq('id', id()).single();
    if (error) throw error;
  };
  const viaGatewayRpc = async () => {
    const { error } = await supabase.rpc('bench_price_with_tax', { item_id: id(), rate_pct: 18 });
    if (error) throw error;
  };
  const directSelect = () => direct.query('select * from public.bench_items where id = $1', [id()]);
  const directRpc = () => direct.query('select public.bench_price_with_tax($1, $2)', [id(), 18]);

  const rows: BenchRow[] = [];
  for (const concurrency of [1, 16]) {
    const opts = { concurrency, durationMs };
    rows.push({
      name: 'select by primary key',
      subject: await runLoad(viaGatewaySelect, opts),
      floor: await runLoad(directSelect, opts),
      floorName: 'pg direct',
    });
    rows.push({
      name: 'small RPC',
      subject: await runLoad(viaGatewayRpc, opts),
      floor: await runLoad(directRpc, opts),
      floorName: 'pg direct',
    });
  }
  await direct.end();
  return rows;
}

/**
 * Issue 17's two gateway figures from the table's rows: the primary-key select's median overhead
 * over `pg` at concurrency 1 and its throughput at concurrency 16, beside the floor's.
 */
export function restSummary(rows: BenchRow[]): string[] {
  const pk = (c: number) => rows.find((r) => r.name === 'select by primary key' && r.subject.concurrency === c);
  const one = pk(1);
  const sixteen = pk(16);
  const lines: string[] = [];
  if (one?.floor) {
    const overhead = one.subject.medianMs - one.floor.medianMs;
    lines.push(
      `- gateway overhead, primary-key select at concurrency 1: ${overhead.toFixed(2)} ms median (${one.subject.medianMs.toFixed(2)} ms vs pg direct ${one.floor.medianMs.toFixed(2)} ms; target ≤ 1.5 ms)`,
    );
  }
  if (sixteen?.floor) {
    lines.push(
      `- gateway throughput, primary-key select at concurrency 16: ${sixteen.subject.perSecond.toFixed(0)} req/s (pg direct ${sixteen.floor.perSecond.toFixed(0)} req/s; target ≥ 1,500 req/s)`,
    );
  }
  return lines;
}
