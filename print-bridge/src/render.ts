import * as receiptline from 'receiptline';
import type { VirtualPrint } from './transports/file.ts';

/** Turns a print job's payload into receiptline markup (the shared layouts module). */
export type Layout = (payload: unknown) => string;

export type Encoding = NonNullable<Parameters<typeof receiptline.transform>[1]>['encoding'];

export interface RenderOptions {
  /** The printer's characters per line (printers.chars_per_line). */
  cpl: number;
  /** The code page the layouts' characters are printed in. */
  encoding: Encoding;
  /** Also draw the SVG preview (the virtual printer's; real printers do not need it). */
  preview?: boolean;
}

/**
 * A job's payload → markup → the ESC/POS bytes (initialise, text in the code page, cut) and the same
 * document as plain text (and, on request, an SVG picture) for the virtual printer's readable copies.
 */
/**
 * ESC p 0 25 250: a pulse on drawer pin 2 for 50 ms, then 500 ms off — the kick every ESC/POS
 * printer passes to the cash drawer on its DK port. No ESC @, no text, no cut: nothing is printed.
 */
export const DRAWER_KICK: Uint8Array = Uint8Array.of(0x1b, 0x70, 0x00, 0x19, 0xfa);

export function render(
  layout: Layout,
  payload: unknown,
  { cpl, encoding, preview = false }: RenderOptions,
): VirtualPrint {
  if ((payload as { document?: unknown } | null)?.document === 'drawer_kick') {
    return { bytes: Buffer.from(DRAWER_KICK), text: 'Cash drawer opened (ESC p pulse, nothing printed)\n' };
  }
  const markup = layout(payload);
  const escpos = receiptline.transform(markup, { command: 'escpos', cpl, encoding, cutting: true });
  // receiptline returns ESC/POS as a binary string: one char per byte.
  const bytes = Buffer.from(escpos, 'latin1');
  const text = receiptline.transform(markup, { command: 'text', cpl, encoding });
  if (!preview) return { bytes, text };
  return { bytes, text, svg: receiptline.transform(markup, { command: 'svg', cpl, encoding }) };
}
