import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.ts';
import { makeRestaurant, type Restaurant } from './fixtures.ts';
import { expectCode, probe, rpc, sql, stack, tx, uuid } from './support.ts';

let r: Restaurant;

beforeAll(async () => {
  r = await makeRestaurant();
});

const stationsOf = async (restaurantId: string) =>
  (
    await sql<{ name: string; position: number; active: boolean }>(
      'select name, position, active from public.stations where restaurant_id = $1 order by position, name',
      [restaurantId],
    )
  ).map((s) => s.name);

const addStation = (name: string, position = 10) =>
  tx(r.as('owner'), (c) =>
    c.query('insert into public.stations (restaurant_id, name, position) values ($1, $2, $3) returning id', [
      r.id,
      name,
      position,
    ]),
  );

describe('default stations', () => {
  it.each([
    ['en', ['Kitchen', 'Bar']],
    ['fr', ['Cuisine', 'Bar']],
    ['fr-CI', ['Cuisine', 'Bar']],
    ['es', ['Cocina', 'Barra']],
    ['id', ['Dapur', 'Bar']],
    ['de', ['Kitchen', 'Bar']],
  ])('a new restaurant in %s starts with %j', async (locale, names) => {
    const owner = (
      await sql<{ id: string }>(
        `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
         raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
         gen_random_uuid() || '@test.comanda', '', now(), '{}', '{}', now(), now()) returning id`,
      )
    )[0]?.id as string;
    const created = await rpc<{ id: string }>({ kind: 'user', id: owner, anonymous: false }, 'create_restaurant', {
      p_slug: `st-${uuid().slice(0, 8)}`,
      p_name: 'Stations',
      p_country: 'FR',
      p_timezone: 'Europe/Paris',
      p_currency: 'EUR',
      p_locale: locale,
    });
    expect(await stationsOf(created.id)).toEqual(names);
  });

  it("the fixture's lower-case station names were taken as the restaurant's own spelling", async () => {
    const items = await sql<{ station: string }>(
      'select distinct station from public.menu_items where restaurant_id = $1 order by station',
      [r.id],
    );
    expect(items.map((i) => i.station)).toEqual(['Bar', 'Kitchen']);
    const printers = await sql<{ stations: string[] }>(
      `select stations from public.printers where restaurant_id = $1 and kind = 'kitchen' order by name`,
      [r.id],
    );
    expect(printers.map((p) => p.stations)).toEqual([['Bar'], ['Kitchen']]);
  });
});

describe('station names', () => {
  it('are unique per restaurant ignoring case, and 1 to 40 characters once trimmed', async () => {
    await expectCode(addStation('kitchen'), 'station_name_taken');
    await expectCode(addStation(' BAR '), 'station_name_taken');
    await expectCode(addStation('   '), 'invalid_station_name');
    await expectCode(addStation('x'.repeat(41)), 'invalid_station_name');
    const other = await makeRestaurant();
    await expect(
      sql(`insert into public.stations (restaurant_id, name) values ($1, 'Grill') returning id`, [other.id]),
    ).resolves.toHaveLength(1);
    await expect(addStation('  Grill  ')).resolves.toBeDefined();
    expect(await stationsOf(r.id)).toContain('Grill');
  });

  it('items and printers cannot name a station the restaurant does not have', async () => {
    await expectCode(
      tx(r.as('owner'), (c) => c.query(`update public.menu_items set station = 'Pastry' where id = $1`, [r.burger])),
      'station_not_found',
    );
    await expectCode(
      tx(r.as('owner'), (c) =>
        c.query(
          `insert into public.menu_items (restaurant_id, name, price, station) values ($1, 'Cake', 500, 'Pastry')`,
          [r.id],
        ),
      ),
      'station_not_found',
    );
    await expectCode(
      tx(r.as('owner'), (c) =>
        c.query(`update public.printers set stations = '{Kitchen,Pastry}' where id = $1`, [r.kitchenPrinter]),
      ),
      'station_not_found',
    );
  });

  it("an item without a station goes to the first active one; names are stored in the station's spelling", async () => {
    const rows = await tx(
      r.as('owner'),
      async (c) => {
        const a = await c.query(
          `insert into public.menu_items (restaurant_id, name, price) values ($1, 'Water', 100) returning station`,
          [r.id],
        );
        const b = await c.query(
          `insert into public.menu_items (restaurant_id, name, price, station) values ($1, 'Tea', 100, ' bar ') returning station`,
          [r.id],
        );
        const p = await c.query(
          `update public.printers set stations = '{bar,KITCHEN,Bar}' where id = $1 returning stations`,
          [r.kitchenPrinter],
        );
        return [a.rows[0].station, b.rows[0].station, p.rows[0].stations];
      },
      { rollback: true },
    );
    expect(rows).toEqual(['Kitchen', 'Bar', ['Bar', 'Kitchen']]);
  });
});

describe('renaming and deleting stations', () => {
  it('a rename reaches items and printers in the same transaction, and the menu version moves', async () => {
    const s = await makeRestaurant();
    const [before] = await sql<{ menu_version: number }>('select menu_version from public.restaurants where id = $1', [
      s.id,
    ]);
    await tx(s.as('manager'), (c) =>
      c.query(`update public.stations set name = 'Hot kitchen' where restaurant_id = $1 and name = 'Kitchen'`, [s.id]),
    );
    const items = await sql<{ name: string; station: string }>(
      'select name, station from public.menu_items where restaurant_id = $1 order by name',
      [s.id],
    );
    expect(items.filter((i) => i.station === 'Hot kitchen').map((i) => i.name)).toEqual(['Burger', 'Fries', 'Lobster']);
    const [printer] = await sql<{ stations: string[] }>('select stations from public.printers where id = $1', [
      s.kitchenPrinter,
    ]);
    expect(printer?.stations).toEqual(['Hot kitchen']);
    const [after] = await sql<{ menu_version: number }>('select menu_version from public.restaurants where id = $1', [
      s.id,
    ]);
    expect(Number(after?.menu_version)).toBeGreaterThan(Number(before?.menu_version));
    // Orders placed after the rename still reach the printer: the line carries the new name.
    const order = await rpc<{ id: string }>(s.as('cashier'), 'place_order', {
      p_order: { id: uuid(), restaurant_id: s.id, type: 'takeaway', lines: [{ item_id: s.fries, qty: 1 }] },
    });
    const jobs = await sql<{ printer_id: string }>('select printer_id from public.print_jobs where order_id = $1', [
      order.id,
    ]);
    expect(jobs.map((j) => j.printer_id)).toEqual([s.kitchenPrinter]);
  });

  it('a station in use cannot be deleted; an unused one can, and so can an archived one be kept', async () => {
    const err = await expectCode(
      tx(r.as('owner'), (c) =>
        c.query(`delete from public.stations where restaurant_id = $1 and name = 'Bar' returning id`, [r.id]),
      ),
      'station_in_use',
    );
    expect(JSON.parse(err.detail ?? '{}')).toMatchObject({ station: 'Bar', items: 1, printers: 1 });
    await tx(r.as('owner'), (c) =>
      c.query(`update public.stations set active = false where restaurant_id = $1 and name = 'Bar'`, [r.id]),
    );
    await tx(r.as('owner'), (c) =>
      c.query(`insert into public.stations (restaurant_id, name) values ($1, 'Terrace')`, [r.id]),
    );
    const deleted = await tx(r.as('owner'), (c) =>
      c.query(`delete from public.stations where restaurant_id = $1 and name = 'Terrace' returning id`, [r.id]),
    );
    expect(deleted.rowCount).toBe(1);
  });

  it('deleting a restaurant takes its stations with it', async () => {
    const s = await makeRestaurant();
    await sql('delete from public.restaurants where id = $1', [s.id]);
    expect(await stationsOf(s.id)).toEqual([]);
  });
});

describe('who may do what', () => {
  it('cashiers, cooks and waiters read the list but cannot change it (the RLS matrix covers the rest)', async () => {
    for (const role of ['cashier', 'kitchen', 'waiter'] as const) {
      const read = `select count(*)::int as n from public.stations where restaurant_id = $1`;
      expect(await probe(r.as(role), read, [r.id], 'select')).toBe(true);
      const rename = `update public.stations set name = 'Renamed' where restaurant_id = $1 and name = 'Kitchen'`;
      expect(await probe(r.as(role), rename, [r.id], 'update')).toBe(false);
    }
    const rename = `update public.stations set name = 'Renamed' where restaurant_id = $1 and name = 'Kitchen'`;
    expect(await probe(r.as('manager'), rename, [r.id], 'update')).toBe(true);
  });
});

// The backfill: a database migrated up to just before the stations, with a restaurant that uses
// free-text stations, then the stations migration.
describe('existing restaurants', () => {
  let scratch: ScratchDatabase;
  let client: pg.Client;
  const dir = path.join(import.meta.dirname, '../../supabase/migrations');

  beforeAll(async () => {
    scratch = await createScratchDatabase(stack.adminDbUrl, 'stations_backfill');
    client = new pg.Client({ connectionString: scratch.postgresUrl });
    await client.connect();
    const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
    for (const f of files.filter((f) => f < '20261202000700'))
      await client.query(await readFile(path.join(dir, f), 'utf8'));
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await scratch?.drop();
  });

  it('get the names their items and printers use, or the defaults when they use none', async () => {
    const used = uuid();
    const unused = uuid();
    await client.query(
      `insert into public.restaurants (id, slug, name, country, timezone, currency, locale) values
         ($1, 'used', 'Used', 'FR', 'Europe/Paris', 'EUR', 'fr'), ($2, 'unused', 'Unused', 'ES', 'Europe/Madrid', 'EUR', 'es');
       insert into public.menu_items (restaurant_id, name, price, station) values
         ($1, 'A', 1, 'kitchen'), ($1, 'B', 1, 'kitchen'), ($1, 'C', 1, 'bar');
       insert into public.printers (restaurant_id, name, kind, stations) values
         ($1, 'P1', 'kitchen', '{kitchen,grill}'), ($1, 'P2', 'kitchen', '{Bar}');`.replace(
        /\$(\d)/g,
        (_, n) => `'${[used, unused][Number(n) - 1]}'`,
      ),
    );
    await client.query(await readFile(path.join(dir, '20261202000700_stations.sql'), 'utf8'));
    const names = async (id: string) =>
      (
        await client.query<{ name: string }>(
          'select name from public.stations where restaurant_id = $1 order by position, name',
          [id],
        )
      ).rows.map((s) => s.name);
    expect(await names(used)).toEqual(['kitchen', 'Bar', 'grill']);
    expect(await names(unused)).toEqual(['Cocina', 'Barra']);
    const items = await client.query<{ station: string }>(
      'select station from public.menu_items where restaurant_id = $1 order by name',
      [used],
    );
    expect(items.rows.map((i) => i.station)).toEqual(['kitchen', 'kitchen', 'Bar']);
  });
});
