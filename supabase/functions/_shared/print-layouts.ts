/**
 * Print layouts: kitchen tickets, cancel tickets, receipts and the test page as receiptline
 * markup, from the print job payloads the database queues. Dependency-free and import-free but for
 * relative `.ts` files, so the `receipt` edge function (Deno), the print bridge (Node) and the
 * PWA's preview (browser) render the same tickets. Render the markup with receiptline's
 * `transform(markup, { cpl: charsPerLine(printer), encoding: PRINT_ENCODING, command })`.
 */

import { cancelTicket, charsPerLine, kitchenTicket, receipt, testPage } from './print/documents.ts';
import type { PrintPayload } from './print/types.ts';

export { clean as cleanPrintText, text as escapePrintText } from './print/markup.ts';
export type * from './print/types.ts';
export { type Words as PrintWords, wordsFor as printWordsFor } from './print/words.ts';
export { cancelTicket, charsPerLine, kitchenTicket, receipt, testPage };

/**
 * Receiptline's code page for every printer: CP858 (Western European with €) holds the letters of
 * English, French, Spanish and Indonesian in one page (é 0x82, è 0x8A, ñ 0xA4, ç 0x87, € 0xD5).
 */
export const PRINT_ENCODING = 'cp858';

/** The markup for any print job payload, by its `document`. */
export function renderPrintJob(payload: PrintPayload): string {
  switch (payload.document) {
    case 'kitchen_ticket':
      return kitchenTicket(payload);
    case 'cancel_ticket':
      return cancelTicket(payload);
    case 'receipt':
      return receipt(payload);
    case 'test':
      return testPage(payload);
    default:
      throw new Error(`unknown print document: ${String((payload as { document?: unknown }).document)}`);
  }
}
