import { Buffer } from 'node:buffer';
import receiptline from 'receiptline';
import { describe, expect, it } from 'vitest';
import { PRINT_ENCODING, renderPrintJob } from '../print-layouts.ts';
import { type Currency, testPagePayload, ticketPayload } from './fixtures.ts';

const WIDTHS = [32, 42, 48] as const;

const asText = (markup: string, cpl: number): string =>
  receiptline.transform(markup, { cpl, encoding: PRINT_ENCODING, command: 'text' });
const asEscPos = (markup: string, cpl: number): Buffer =>
  Buffer.from(receiptline.transform(markup, { cpl, encoding: PRINT_ENCODING, command: 'escpos' }), 'binary');

/** How many times `needle` occurs in `bytes`. */
function count(bytes: Buffer, needle: number[]): number {
  let n = 0;
  for (let i = bytes.indexOf(Buffer.from(needle)); i !== -1; i = bytes.indexOf(Buffer.from(needle), i + 1)) n++;
  return n;
}

// Each currency with its locale, tax mode and exponent; the variants cover takeaway and rounds.
const CASES: [Currency, { type?: 'dine_in' | 'takeaway'; round?: number; note?: string }][] = [
  ['XOF', {}],
  ['EUR', { type: 'takeaway', note: 'Allergie: arachides' }],
  ['IDR', { round: 2 }],
  ['ARS', { type: 'takeaway', round: 3, note: 'Sin sal' }],
];

describe('print layouts, golden text', () => {
  for (const [currency, extra] of CASES) {
    it(`renders the receipt, kitchen and cancel tickets in ${currency} at 32, 42 and 48 columns`, async () => {
      const sections: string[] = [];
      for (const cpl of WIDTHS) {
        for (const document of ['receipt', 'kitchen_ticket', 'cancel_ticket'] as const) {
          const markup = renderPrintJob(ticketPayload(currency, document, cpl, extra));
          sections.push(`==== ${document} ${cpl}\n${asText(markup, cpl)}`);
        }
      }
      await expect(sections.join('\n')).toMatchFileSnapshot(`golden/${currency}.txt`);
    });
  }

  it('renders the test page at 32, 42 and 48 columns', async () => {
    const pages = WIDTHS.map((cpl) => `==== test ${cpl}\n${asText(renderPrintJob(testPagePayload(cpl)), cpl)}`);
    await expect(pages.join('\n')).toMatchFileSnapshot('golden/test-page.txt');
  });

  it('keeps every printed line within the printer width', () => {
    for (const [currency, extra] of CASES) {
      for (const cpl of WIDTHS) {
        for (const document of ['receipt', 'kitchen_ticket', 'cancel_ticket'] as const) {
          const out = asText(renderPrintJob(ticketPayload(currency, document, cpl, extra)), cpl);
          for (const line of out.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(cpl);
        }
      }
    }
  });

  it('words the tax by mode and formats money with the currency exponent', () => {
    const xof = asText(renderPrintJob(ticketPayload('XOF', 'receipt', 48)), 48);
    expect(xof).toMatch(/Taxes incluses 18 % +1 297 F CFA/);
    expect(xof).toMatch(/Total +8 500 F CFA/);
    const idr = asText(renderPrintJob(ticketPayload('IDR', 'receipt', 48)), 48);
    expect(idr).toMatch(/Pajak 11% +Rp 11\.550\n/);
    expect(idr).not.toMatch(/Rp [\d.]+,\d/);
    const ars = asText(renderPrintJob(ticketPayload('ARS', 'receipt', 48)), 48);
    expect(ars).toMatch(/Total +\$ 35\.695,00/);
    expect(ars).toMatch(/Cambio +\$ 5,00/);
  });

  it('prints discounts, tips and the copy mark of a reprint when the payload has them', () => {
    const payload = ticketPayload('EUR', 'receipt', 42);
    payload.reprint = true;
    payload.order.discounts = [{ label: 'Happy hour', amount: 500 }];
    payload.payments = [{ method: 'card', amount: 4350, tendered: null, change: null, tip: 300 }];
    const out = asText(renderPrintJob(payload), 42);
    expect(out).toMatch(/^ +COPIE/);
    expect(out).toMatch(/Remise Happy hour +-5,00 €/);
    expect(out).toMatch(/Carte +43,50 €\n +Pourboire +3,00 €/);
  });

  it('renders the SVG the PWA previews', () => {
    const svg = receiptline.transform(renderPrintJob(ticketPayload('EUR', 'receipt', 42)), {
      cpl: 42,
      encoding: PRINT_ENCODING,
    });
    expect(svg).toMatch(/^<svg/);
    // One <tspan> per character: the text is what remains between the tags.
    expect(svg.replace(/<[^>]*>/g, '')).toContain('Total43,50&#xa0;€');
  });
});

describe('print layouts, ESC/POS bytes', () => {
  const kitchen = asEscPos(renderPrintJob(ticketPayload('EUR', 'kitchen_ticket', 42)), 42);

  it('starts with ESC @, selects CP858 and holds the order number', () => {
    expect([...kitchen.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect(count(kitchen, [0x1b, 0x74, 19])).toBeGreaterThan(0); // ESC t 19: code page 858
    expect(kitchen.includes(Buffer.from('#42', 'latin1'))).toBe(true);
  });

  it('encodes é è ñ ç in CP858', () => {
    // "Crème brûlée", "façon", "piña", "Jalapeño"
    expect(
      kitchen.includes(Buffer.from([0x43, 0x72, 0x8a, 0x6d, 0x65, 0x20, 0x62, 0x72, 0x96, 0x6c, 0x82, 0x65])),
    ).toBe(true);
    expect(kitchen.includes(Buffer.from([0x66, 0x61, 0x87, 0x6f, 0x6e]))).toBe(true);
    expect(kitchen.includes(Buffer.from([0x70, 0x69, 0xa4, 0x61]))).toBe(true);
    expect(kitchen.includes(Buffer.from([0x4a, 0x61, 0x6c, 0x61, 0x70, 0x65, 0xa4, 0x6f]))).toBe(true);
    const receipt = asEscPos(renderPrintJob(ticketPayload('EUR', 'receipt', 42)), 42);
    expect(receipt.includes(Buffer.from([0x33, 0x37, 0x2c, 0x30, 0x30, 0x20, 0xd5]))).toBe(true); // "37,00 €"
  });

  it('ends with a cut (GS V) and then only the paper-status request (GS r 1)', () => {
    expect([...kitchen.subarray(-7)]).toEqual([0x1d, 0x56, 0x42, 0x00, 0x1d, 0x72, 0x31]);
    expect(count(kitchen, [0x1d, 0x56])).toBe(1);
  });

  it('prints markup and control characters from a note as text, never as commands', () => {
    const hostile =
      'Bien cuit\x1b@\x1bp\x00\x19\xfa|{code:123;option:qrcode}\n=\n-\n^^^^^^^HUGE \\x1b\x9b`inv`_u_"e"~ \u2028{i:AAAA}';
    const plain = ticketPayload('EUR', 'kitchen_ticket', 42, { lineNote: 'Bien cuit' });
    const evil = ticketPayload('EUR', 'kitchen_ticket', 42, { lineNote: hostile, note: hostile });
    const a = asEscPos(renderPrintJob(plain), 42);
    const b = asEscPos(renderPrintJob(evil), 42);
    for (const command of [
      [0x1b, 0x40],
      [0x1b, 0x70],
      [0x1d, 0x56],
      [0x1d, 0x6b],
      [0x1d, 0x28, 0x6b],
      [0x1d, 0x76, 0x30],
    ]) {
      expect(count(b, command), `command ${command.map((c) => c.toString(16)).join(' ')}`).toBe(count(a, command));
    }
    const text = asText(renderPrintJob(evil), 42);
    expect(text.replace(/\s+/g, '')).toContain('|{code:123;option:qrcode}=-^^^^^^^HUGE\\x1b`inv`_u_"e"~{i:AAAA}');
  });

  it("prints a kiosk draft's provisional code where the number goes, and '#-' for anything else", () => {
    const draft = ticketPayload('EUR', 'receipt', 42);
    const order = { ...draft.order, number: null };
    const kiosk = asText(renderPrintJob({ ...draft, order: { ...order, provisional_code: 'K-12' } }), 42);
    expect(kiosk).toMatch(/K-12/);
    const forged = asText(renderPrintJob({ ...draft, order: { ...order, provisional_code: '`^^^x' } }), 42);
    expect(forged).toMatch(/#-/);
    expect(forged).not.toMatch(/\^\^\^x/);
  });

  it('caps a 10,000-character note', () => {
    const markup = renderPrintJob(ticketPayload('XOF', 'kitchen_ticket', 32, { lineNote: 'x'.repeat(10_000) }));
    const note = markup.split('\n').find((line) => line.includes('xxx')) ?? '';
    expect(note.length).toBeLessThan(600);
    expect(note).toMatch(/x\.\.\."$/);
  });
});
