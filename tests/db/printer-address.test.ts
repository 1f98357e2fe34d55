import { beforeAll, describe, expect, it } from 'vitest';
import { makeRestaurant, type Restaurant } from './fixtures.ts';
import { failure, sql, tx, uuid } from './support.ts';

let r: Restaurant;

beforeAll(async () => {
  r = await makeRestaurant();
});

/** Adds a receipt printer with this connection as the owner; rolled back either way. */
const addPrinter = (connection: unknown) =>
  tx(
    r.as('owner'),
    (c) =>
      c.query(
        `insert into public.printers (id, restaurant_id, name, kind, stations, connection)
         values ($1, $2, $3, 'receipt', '{}', $4)`,
        [uuid(), r.id, `P ${uuid()}`, JSON.stringify(connection)],
      ),
    { rollback: true },
  );

describe('printer connection address', () => {
  it.each([
    ['192.168.1.50', 9100],
    ['0.0.0.0', 1],
    ['255.255.255.255', 65535],
    ['kitchen-printer.local', 9100],
    ['localhost', 9100],
    ['printer1', 9100],
    ['::1', 9100],
    ['fe80::1', 9100],
  ])('stores host %s port %s', async (host, port) => {
    await expect(addPrinter({ type: 'tcp', host, port })).resolves.toBeDefined();
  });

  it('stores a TCP printer without a port (the bridge uses 9100) and file and USB printers', async () => {
    await expect(addPrinter({ type: 'tcp', host: '10.0.0.2' })).resolves.toBeDefined();
    await expect(addPrinter({ type: 'file', path: 'kitchen' })).resolves.toBeDefined();
    await expect(addPrinter({ type: 'usb', device: '/dev/usb/lp0' })).resolves.toBeDefined();
  });

  it.each([
    ['an octet above 255', { type: 'tcp', host: '192.168.1.500', port: 9100 }],
    ['256 first', { type: 'tcp', host: '256.1.1.1', port: 9100 }],
    ['three numbers', { type: 'tcp', host: '1.2.3', port: 9100 }],
    ['five numbers', { type: 'tcp', host: '1.2.3.4.5', port: 9100 }],
    ['a leading zero', { type: 'tcp', host: '192.168.01.5', port: 9100 }],
    ['an empty host', { type: 'tcp', host: '', port: 9100 }],
    ['no host', { type: 'tcp', port: 9100 }],
    ['a numeric host', { type: 'tcp', host: 42, port: 9100 }],
    ['a shell command', { type: 'tcp', host: 'printer; reboot', port: 9100 }],
    ['a URL', { type: 'tcp', host: 'http://printer', port: 9100 }],
    ['a label starting with a hyphen', { type: 'tcp', host: '-printer', port: 9100 }],
    ['a label ending with a hyphen', { type: 'tcp', host: 'printer-.local', port: 9100 }],
    ['an empty label', { type: 'tcp', host: 'printer..local', port: 9100 }],
    ['a label of 64 characters', { type: 'tcp', host: `${'a'.repeat(64)}.local`, port: 9100 }],
    ['port 0', { type: 'tcp', host: 'printer', port: 0 }],
    ['port 65536', { type: 'tcp', host: 'printer', port: 65536 }],
    ['a fractional port', { type: 'tcp', host: 'printer', port: 9100.5 }],
    ['a port as text', { type: 'tcp', host: 'printer', port: '9100' }],
    ['a connection that is not an object', ['tcp']],
  ])('refuses %s', async (_, connection) => {
    const err = await failure(addPrinter(connection));
    expect(err.code).toBe('23514');
    expect(err.message).toContain('printers_connection_check');
  });

  it('checks an edit too', async () => {
    const err = await failure(
      tx(r.as('owner'), (c) =>
        c.query(`update public.printers set connection = $2 where id = $1`, [
          r.receiptPrinter,
          JSON.stringify({ type: 'tcp', host: '192.168.1.500', port: 9100 }),
        ]),
      ),
    );
    expect(err.code).toBe('23514');
    const [row] = await sql<{ connection: unknown }>(`select connection from public.printers where id = $1`, [
      r.receiptPrinter,
    ]);
    expect(row?.connection).not.toMatchObject({ host: '192.168.1.500' });
  });
});
