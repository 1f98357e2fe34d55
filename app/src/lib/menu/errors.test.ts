import { describe, expect, it } from 'vitest';
import { describeWriteError, fieldOfConstraint } from '#lib/menu/errors.ts';

describe('fieldOfConstraint', () => {
  it('finds the column from Postgres default constraint names', () => {
    expect(fieldOfConstraint('menu_items', 'menu_items_price_check')).toBe('price');
    expect(fieldOfConstraint('dining_tables', 'dining_tables_restaurant_id_label_key')).toBe('label');
    expect(fieldOfConstraint('modifier_groups', 'modifier_groups_check')).toBe('max_select');
    expect(fieldOfConstraint('menu_items', 'printers_name_key')).toBeNull();
  });
});

describe('describeWriteError', () => {
  it('places a check violation next to its field', () => {
    const error = describeWriteError('menu_items', {
      error: {
        code: '23514',
        message: 'new row for relation "menu_items" violates check constraint "menu_items_station_check"',
      },
      status: 400,
    });
    expect(error.field).toBe('station');
    expect(error.code).toBe('23514');
  });

  it('reports a duplicate table name on the label field', () => {
    const error = describeWriteError('dining_tables', {
      error: {
        code: '23505',
        message: 'duplicate key value violates unique constraint "dining_tables_restaurant_id_label_key"',
      },
      status: 409,
    });
    expect(error).toMatchObject({ code: 'duplicate', field: 'label' });
  });

  it('turns RLS refusals and network trouble into their codes', () => {
    expect(
      describeWriteError('printers', {
        error: { code: '42501', message: 'new row violates row-level security policy' },
        status: 403,
      }).code,
    ).toBe('forbidden');
    expect(describeWriteError('printers', { error: { message: 'fetch failed' }, status: 0 }).code).toBe('network');
    expect(
      describeWriteError('printers', { error: { code: 'P0001', message: 'printer_not_found' }, status: 400 }).code,
    ).toBe('printer_not_found');
  });

  it('reports an edit of a menu row deleted meanwhile as such', () => {
    const noRow = {
      error: { code: 'PGRST116', message: 'Cannot coerce the result to a single JSON object' },
      status: 406,
    };
    expect(describeWriteError('modifier_options', noRow)).toMatchObject({ code: 'row_not_found', field: null });
    expect(describeWriteError('printers', noRow).code).toBe('PGRST116');
  });
});
