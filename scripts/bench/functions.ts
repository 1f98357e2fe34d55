import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { signJwt } from '../stack/gateway/jwt.ts';
import type { RunningStack } from '../stack/stack.ts';
import { type BenchRow, runLoad } from './measure.ts';

/**
 * Issue 13's QR and table-card edge functions through the gateway, beside the same function's
 * refusal of a bad query (gateway → Deno host → JSON error, nothing drawn) as the floor: the
 * difference is what drawing costs. One caller at a time: a card is printed, not served to crowds.
 */
export async function benchFunctions(stack: RunningStack, durationMs = 5000): Promise<BenchRow[]> {
  const admin = new pg.Pool({ connectionString: stack.adminDbUrl, max: 2 });
  try {
    const ownerId = randomUUID();
    const restaurantId = randomUUID();
    const tableId = randomUUID();
    await admin.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data,
         raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated',
         $1 || '@bench.comanda.test', '', '{}', '{}', now(), now());
       insert into public.restaurants (id, slug, name, country, timezone, currency, locale)
       values ($2, 'bench-cards-' || left($2::text, 8), 'Bench bistro', 'FR', 'Europe/Paris', 'EUR', 'fr');
       insert into public.memberships (restaurant_id, user_id, role) values ($2, $1, 'owner');
       insert into public.dining_tables (id, restaurant_id, label) values ($3, $2, 'Terrasse 12');`
        .replaceAll('$1', `'${ownerId}'::uuid`)
        .replaceAll('$2', `'${restaurantId}'::uuid`)
        .replaceAll('$3', `'${tableId}'::uuid`),
    );
    const now = Math.floor(Date.now() / 1000);
    const jwt = await signJwt(
      { sub: ownerId, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600 },
      stack.jwtSecret,
    );
    const fn = `${stack.apiUrl}/functions/v1`;
    const get =
      (path: string, status: number, headers: Record<string, string> = {}) =>
      async () => {
        const res = await fetch(`${fn}/${path}`, { headers });
        await res.arrayBuffer();
        if (res.status !== status) throw new Error(`${path}: HTTP ${res.status}`);
      };
    const url = encodeURIComponent('https://order.example/t/Zx8_k2-QpL0aBcDeFgHi');
    const card = (size: string) =>
      get(
        `table-card?restaurant_id=${restaurantId}&table_id=${tableId}&size=${size}&base_url=https%3A%2F%2Forder.example`,
        200,
        { Authorization: `Bearer ${jwt}` },
      );
    const opts = { concurrency: 1, durationMs, warmupMs: 1000 };
    const qrFloor = await runLoad(get(`qr?url=${url}&size=1`, 400), opts);
    const cardFloor = await runLoad(
      get(`table-card?restaurant_id=${restaurantId}&base_url=x`, 400, { Authorization: `Bearer ${jwt}` }),
      opts,
    );
    const qrFloorName = 'qr refusing a bad size';
    const cardFloorName = 'table-card refusing a bad base_url';
    return [
      {
        name: 'qr SVG 512 px',
        subject: await runLoad(get(`qr?url=${url}`, 200), opts),
        floor: qrFloor,
        floorName: qrFloorName,
      },
      {
        name: 'qr PNG 512 px',
        subject: await runLoad(get(`qr?url=${url}&format=png`, 200), opts),
        floor: qrFloor,
        floorName: qrFloorName,
      },
      {
        name: 'table-card PNG A6 (1260 × 1776)',
        subject: await runLoad(card('a6'), opts),
        floor: cardFloor,
        floorName: cardFloorName,
      },
      {
        name: 'table-card PNG 80 mm (576 × 768)',
        subject: await runLoad(card('80mm'), opts),
        floor: cardFloor,
        floorName: cardFloorName,
      },
    ];
  } finally {
    await admin.end();
  }
}
