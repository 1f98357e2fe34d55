import { describe, expect, it } from 'vitest';
import { clean, text, textLines } from './markup.ts';
import { wordsFor } from './words.ts';

describe('print markup sanitising', () => {
  it("escapes every one of receiptline's special characters", () => {
    expect(text('a\\b|c{d}e-f=g~h_i"j`k^l')).toBe('a\\\\b\\|c\\{d\\}e\\-f\\=g\\~h\\_i\\"j\\`k\\^l');
    expect(text('-')).toBe('\\-');
    expect(text('===')).toBe('\\=\\=\\=');
  });

  it('turns C0 and C1 controls, line breaks and bidi overrides into single spaces', () => {
    expect(clean('a\x1b@b\x00c\x7fd\x9be\tf\r\ng\u2028h\u202ei')).toBe('a @b c d e f g h i');
    expect(clean('  12\u202f000\u00a0F  ')).toBe('12 000 F');
    expect(clean(null)).toBe('');
    expect(clean({ toString: () => '{' })).toBe('');
  });

  it('caps long text without splitting a character', () => {
    expect(clean('é'.repeat(10_000), 10)).toBe('ééééééé...');
    expect(clean('😀'.repeat(20), 5)).toBe('😀😀...');
  });

  it('keeps header and footer lines apart, each sanitised', () => {
    expect(textLines('Rue 10\n\n{code:1}\r\nTél.')).toEqual(['Rue 10', '\\{code:1\\}', 'Tél.']);
    expect(textLines(undefined)).toEqual([]);
  });

  it('picks the words by language and falls back to English', () => {
    expect(wordsFor('fr-SN').takeaway).toBe('À emporter');
    expect(wordsFor('es').cancelled).toBe('CANCELADO');
    expect(wordsFor('id').table).toBe('Meja');
    expect(wordsFor('de').total).toBe('Total');
    expect(wordsFor('').table).toBe('Table');
  });
});
