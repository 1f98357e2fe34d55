import { describe, expect, it } from 'vitest';
import { ticketPayload } from '../../supabase/functions/_shared/print/fixtures.ts';
import { layout, printEncoding } from './layouts.ts';
import { DRAWER_KICK, render } from './render.ts';

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

  it('a receipt: control characters in a note (ESC p, GS V, ESC @) reach the printer as text at most, never as commands', () => {
    const payload = ticketPayload('XOF', 'receipt', 42, { lineNote: 'x\x1bp\x00\x19\xfa\x1dVA\x00\x1b@y' });
    const latin = Buffer.from(render(layout, payload, { cpl: 42, encoding: printEncoding }).bytes).toString('latin1');
    expect(latin).not.toContain('\x1bp');
    expect(latin.indexOf('\x1dVA\x00')).toBe(-1);
    // ESC @ only where receiptline initialises the printer, at the start.
    expect(latin.lastIndexOf('\x1b@')).toBe(0);
  });

  it('draws an SVG preview only when asked (the virtual printer), with the order number', () => {
    const payload = ticketPayload('IDR', 'receipt', 32);
    expect(render(layout, payload, { cpl: 32, encoding: printEncoding }).svg).toBeUndefined();
    const { svg } = render(layout, payload, { cpl: 32, encoding: printEncoding, preview: true });
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain(String(payload.order.number));
  });

  it('a drawer kick is ESC p on pin 2 and nothing else: no paper', () => {
    const { bytes, text } = render(
      () => {
        throw new Error('no layout for a drawer kick');
      },
      { document: 'drawer_kick', payment: { id: 'p', amount: 500 } },
      { cpl: 42, encoding: printEncoding },
    );
    expect([...bytes]).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa]);
    expect([...bytes]).toEqual([...DRAWER_KICK]);
    expect(text).toMatch(/drawer/);
  });
});
