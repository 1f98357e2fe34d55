import { describe, expect, it } from 'vitest';
import { fieldOfConstraint } from '#lib/db.ts';
import { describePrintersFailure } from '#lib/printers/errors.ts';
import { draftOf, isPrinterHost, readPrinter, toggleStation } from '#lib/printers/validation.ts';
import * as m from '#paraglide/messages.js';

describe('printer form', () => {
  it('builds a TCP kitchen printer', () => {
    const read = readPrinter({
      ...draftOf(null),
      name: ' Grill ',
      stations: ['Cuisine', 'Grill 2'],
      host: '192.168.1.50',
    });
    expect(read).toEqual({
      ok: true,
      values: {
        name: 'Grill',
        kind: 'kitchen',
        stations: ['Cuisine', 'Grill 2'],
        connection: { type: 'tcp', host: '192.168.1.50', port: 9100 },
        chars_per_line: 48,
      },
    });
  });

  it('refuses more than 20 stations, a missing host, a port out of range and an odd line width', () => {
    const read = readPrinter({
      ...draftOf(null),
      name: 'X',
      stations: Array.from({ length: 21 }, (_, i) => `S${i}`),
      host: '',
      port: '70000',
      charsPerLine: '40',
    });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(Object.keys(read.errors).sort()).toEqual(['chars_per_line', 'host', 'port', 'stations']);
      expect(read.errors).toMatchObject({
        stations: { code: 'too_many_stations' },
        host: { code: 'invalid_host' },
        port: { code: 'whole_number', min: 1, max: 65535 },
        chars_per_line: { code: 'invalid_chars_per_line' },
      });
    }
  });

  it('requires a station for kitchen printers only', () => {
    const base = { ...draftOf(null), name: 'Caisse', stations: [], host: 'printer.local' };
    expect(readPrinter(base).ok).toBe(false);
    expect(readPrinter({ ...base, kind: 'receipt' }).ok).toBe(true);
  });

  it('reads back a stored file printer', () => {
    const draft = draftOf({
      id: 'p',
      restaurant_id: 'r',
      name: 'Bar',
      kind: 'kitchen',
      stations: ['bar'],
      connection: { type: 'file', path: 'bar' },
      chars_per_line: 32,
      active: true,
      created_at: '',
      updated_at: '',
      status: 'unknown',
      status_error: null,
      status_at: null,
      last_printed_at: null,
    });
    expect(draft).toMatchObject({ connectionType: 'file', path: 'bar', stations: ['bar'], charsPerLine: '32' });
  });

  it('ticks and unticks stations without duplicates', () => {
    expect(toggleStation(['Bar'], 'Cuisine', true)).toEqual(['Bar', 'Cuisine']);
    expect(toggleStation(['Bar', 'Cuisine'], 'Bar', true)).toEqual(['Cuisine', 'Bar']);
    expect(toggleStation(['Bar', 'Cuisine'], 'Bar', false)).toEqual(['Cuisine']);
  });

  it.each([
    '192.168.1.50',
    '0.0.0.0',
    '255.255.255.255',
    'kitchen-printer.local',
    'localhost',
    'printer1',
    '::1',
    'fe80::1',
  ])('accepts the host %s', (host) => {
    expect(isPrinterHost(host)).toBe(true);
    expect(readPrinter({ ...draftOf(null), name: 'Grill', stations: ['Grill'], host }).ok).toBe(true);
  });

  // The same list as tests/db/printer-address.test.ts: the form refuses what the database refuses.
  it.each([
    '192.168.1.500',
    '256.1.1.1',
    '1.2.3',
    '1.2.3.4.5',
    '192.168.01.5',
    '',
    'printer; reboot',
    'http://printer',
    '-printer',
    'printer-.local',
    'printer..local',
    `${'a'.repeat(64)}.local`,
    '[::1]',
  ])('refuses the host %j', (host) => {
    expect(isPrinterHost(host)).toBe(false);
    const read = readPrinter({ ...draftOf(null), name: 'Grill', stations: ['Grill'], host });
    expect(read).toEqual({ ok: false, errors: { host: { code: 'invalid_host' } } });
  });

  it('explains the database refusing the address (printers_connection_check)', () => {
    expect(fieldOfConstraint('printers', 'printers_connection_check')).toBe('connection');
    expect(describePrintersFailure({ code: '23514', field: 'connection' })).toBe(m.admin_printers_error_connection());
  });
});
