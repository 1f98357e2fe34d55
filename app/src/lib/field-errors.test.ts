import { describe, expect, it } from 'vitest';
import { fieldErrorFor } from '#lib/field-errors.ts';

const optionFields = ['name', 'price_delta'] as const;

describe('fieldErrorFor', () => {
  it('puts a database refusal on its field, or above the form', () => {
    expect(fieldErrorFor({ code: '23514', field: 'price_delta' }, optionFields, () => 'Out of range')).toEqual({
      price_delta: 'Out of range',
    });
    expect(fieldErrorFor({ code: 'network', field: null }, optionFields, () => 'Offline')).toEqual({ form: 'Offline' });
    expect(fieldErrorFor({ code: '23503', field: 'group_id' }, optionFields, () => 'Gone')).toEqual({ form: 'Gone' });
  });

  it('renames a column to the form field that shows it', () => {
    const fields = { tax_rate: 'taxRate', name: 'name' } as const;
    expect(fieldErrorFor({ code: 'invalid_tax_rate', field: 'tax_rate' }, fields, (f) => f.code)).toEqual({
      taxRate: 'invalid_tax_rate',
    });
    expect(fieldErrorFor({ code: 'slug_taken', field: 'slug' }, fields, (f) => f.code)).toEqual({ form: 'slug_taken' });
  });
});
