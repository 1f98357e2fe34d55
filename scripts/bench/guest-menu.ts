import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { signJwt } from '../stack/gateway/jwt.ts';
import type { RunningStack } from '../stack/stack.ts';
import { transactional } from './domain.ts';
import { type BenchRow, runLoad } from './measure.ts';

const ITEMS = 150;
const CATEGORIES = 10;
const GROUPS = 6;
const OPTIONS_PER_GROUP = 5;

/**
 * A restaurant with a 150-item menu (10 categories, a photo per item, two of 6 modifier groups of 5
 * options on each) translated into es and fr, and one table; returns its id and QR token. A fresh
 * restaurant per run: guest_menu reads one restaurant, so the rest of the database does not matter.
 */
async function seedGuestMenu(admin: pg.Pool): Promise<{ restaurantId: string; token: string }> {
  const restaurantId = randomUUID();
  await admin.query(
    `insert into public.restaurants (id, slug, name, country, timezone, currency, guest_ordering)
     values ($1, $2, 'Bench bistro', 'FR', 'Europe/Paris', 'EUR', 'draft_first')`,
    [restaurantId, `bench-guest-${restaurantId.slice(0, 8)}`],
  );
  await admin.query(
    `insert into public.menu_categories (restaurant_id, name, position)
     select $1, 'Category ' || g, g from generate_series(1, ${CATEGORIES}) g;
     insert into public.menu_items (restaurant_id, category_id, name, description, price, position, image_path, available)
     select $1, (select id from public.menu_categories c where c.restaurant_id = $1 and c.position = 1 + g % ${CATEGORIES}),
       'Dish ' || g, 'A long enough description of dish ' || g || ' with its ingredients and allergens.', 500 + g * 10, g,
       $1 || '/item-' || g || '.webp', g % 17 <> 0
     from generate_series(1, ${ITEMS}) g;
     insert into public.modifier_groups (restaurant_id, name, min_select, max_select, position)
     select $1, 'Group ' || g, 0, 2, g from generate_series(1, ${GROUPS}) g;
     insert into public.modifier_options (restaurant_id, group_id, name, price_delta, position)
     select $1, mg.id, mg.name || ' option ' || o, o * 50, o
     from public.modifier_groups mg, generate_series(1, ${OPTIONS_PER_GROUP}) o where mg.restaurant_id = $1;
     insert into public.menu_item_modifier_groups (restaurant_id, item_id, group_id, position)
     select $1, i.id, mg.id, mg.position from public.menu_items i join public.modifier_groups mg
       on mg.restaurant_id = i.restaurant_id and mg.position in (1 + i.position % ${GROUPS}, 1 + (i.position + 1) % ${GROUPS})
     where i.restaurant_id = $1;
     insert into public.menu_translations (restaurant_id, entity, entity_id, locale, name, description)
     select $1, x.entity, x.id, l, l || ' ' || x.name, case when x.entity = 'item' then l || ' description' end
     from (select 'category' as entity, id, name from public.menu_categories where restaurant_id = $1
           union all select 'item', id, name from public.menu_items where restaurant_id = $1
           union all select 'modifier_group', id, name from public.modifier_groups where restaurant_id = $1
           union all select 'modifier_option', id, name from public.modifier_options where restaurant_id = $1) x,
          unnest(array['es', 'fr']) l;
     insert into public.dining_tables (restaurant_id, label) values ($1, 'T1');
     analyze public.menu_items, public.menu_translations, public.modifier_options, public.guest_visits;`.replaceAll(
      '$1',
      `'${restaurantId}'::uuid`,
    ),
  );
  const { rows } = await admin.query<{ qr_token: string }>(
    'select qr_token from public.dining_tables where restaurant_id = $1',
    [restaurantId],
  );
  return { restaurantId, token: rows[0]?.qr_token ?? '' };
}

/**
 * Issue 13's guest_menu benchmark: a guest's phone reading a 150-item menu with photos and
 * translations (es), through supabase-js → gateway and straight to Postgres as the guest, beside the
 * same call without a translation (the restaurant's own text) to show what translating costs.
 */
export async function benchGuestMenu(
  stack: RunningStack,
  durationMs = 5000,
  log: (line: string) => void = console.log,
): Promise<BenchRow[]> {
  const admin = new pg.Pool({ connectionString: stack.adminDbUrl, max: 4 });
  const member = new pg.Pool({ connectionString: stack.dbUrl, max: 4 });
  try {
    const { token } = await seedGuestMenu(admin);
    const guestId = randomUUID();
    await admin.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data,
         raw_user_meta_data, created_at, updated_at, is_anonymous)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', null, '', '{}', '{}', now(), now(), true)`,
      [guestId],
    );
    const now = Math.floor(Date.now() / 1000);
    const jwt = await signJwt(
      { sub: guestId, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600, is_anonymous: true },
      stack.jwtSecret,
    );
    const guest = createClient(stack.apiUrl, stack.anonKey, {
      accessToken: async () => jwt,
      auth: { persistSession: false, autoRefreshToken: false },
    });
    const sample = await guest.rpc('guest_menu', { p_qr_token: token, p_locale: 'es' });
    if (sample.error) throw sample.error;
    const body = JSON.stringify(sample.data);
    log(
      `guest_menu: ${(sample.data as { items: unknown[] }).items.length} items, ${Math.round(body.length / 1024)} kB JSON`,
    );

    const rest = (locale: string | null) => async () => {
      const { error } = await guest.rpc('guest_menu', { p_qr_token: token, p_locale: locale });
      if (error) throw error;
    };
    const direct = transactional(member, 'select public.guest_menu($1, $2)', guestId);
    const opts = { concurrency: 1, durationMs };
    const floor = await runLoad(() => direct([token, null]), opts);
    const floorName = 'pg direct as the guest, no translation';
    return [
      { name: 'guest_menu es, supabase-js → gateway', subject: await runLoad(rest('es'), opts), floor, floorName },
      {
        name: 'guest_menu es, pg direct as the guest',
        subject: await runLoad(() => direct([token, 'es']), opts),
        floor,
        floorName,
      },
      {
        name: 'guest_menu es, supabase-js, 4 phones at once',
        subject: await runLoad(rest('es'), { concurrency: 4, durationMs }),
        floor,
        floorName,
      },
    ];
  } finally {
    await admin.end();
    await member.end();
  }
}
