import { describe, expect, it } from 'vitest';
import { ticketPayload } from '../../supabase/functions/_shared/print/fixtures.ts';
import { layout, printEncoding } from './layouts.ts';
import { render } from './render.ts';

describe('render (payload → receiptline → ESC/POS)', () => {
  it.each([32, 42, 48])(
    'a kitchen ticket at %i columns: ESC @ first, the order number, accents in the code page, a cut',
    (cpl) => {
      const payload = ticketPayload('EUR', 'kitchen_ticket', cpl, { lineNote: 'bien cuit \x1bp\x00\x19\xfa' });
      const { bytes, text } = render(layout, payload, { cpl, encoding: printEncoding });
      expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
      const latin = Buffer.from(bytes).toString('latin1');
      expect(latin).toContain(`#${payload.order.number}\n`);
      // é in CP858 is 0x82 (not UTF-8's C3 A9).
      expect(bytes.includes(0x82)).toBe(true);
      expect(latin).not.toContain('\xc3\xa9');
      // GS V (cut) near the end.
      expect(latin.lastIndexOf('\x1dV')).toBeGreaterThan(bytes.length - 16);
      // The note's ESC p (open the drawer) never reaches the printer as a command.
      expect(latin).not.toContain('\x1bp\x00');
      expect(text.split('\n').every((l) => [...l].length <= cpl)).toBe(true);
      expect(text).toContain('Crème brûlée');
    },
  );
});
