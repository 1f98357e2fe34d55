import type { Currency } from '#lib/format/money.ts';
import { formatMoney } from '#lib/format/money.ts';
import type { RecordPaymentPayload } from '#lib/payments/commands.ts';
import { methodLabel } from '#lib/payments/methods.ts';
import { discardRefused, recordPayments } from '#lib/payments/send.ts';
import type { Tender, TenderField } from '#lib/payments/validation.ts';
import { checkTender, type TenderInput } from '#lib/payments/validation.ts';
import * as m from '#paraglide/messages.js';

/** What a checkout screen shows once a payment was tried. */
export type TakeResult =
  | { kind: 'invalid'; errors: Partial<Record<TenderField, string>> }
  | { kind: 'done'; tender: Tender; text: string; error: boolean; change?: string };

/**
 * Checks the typed payment against what is due, builds its rows (`rows`: one for an order, one per
 * order of a table's bill) and sends them through the outbox; answers what to say. The describers
 * of refusals load only when one has to be said, outside the screen's first download.
 */
export async function takePayment(options: {
  input: TenderInput;
  due: number;
  currency: Currency;
  locale: string;
  rows: (tender: Tender) => RecordPaymentPayload[] | null;
}): Promise<TakeResult> {
  const { input, due, currency, locale } = options;
  const checked = checkTender(input, due, currency, locale);
  if (!checked.ok) {
    const { describeInputErrors } = await import('#lib/payments/errors.ts');
    return { kind: 'invalid', errors: describeInputErrors(checked.errors, currency, locale) };
  }
  const tender = checked.tender;
  const rows = options.rows(tender);
  if (!rows) {
    const { describeInputErrors } = await import('#lib/payments/errors.ts');
    return {
      kind: 'invalid',
      errors: describeInputErrors({ amount: { code: 'over_due', max: due } }, currency, locale),
    };
  }
  const outcome = await recordPayments(rows);
  if (outcome.kind === 'refused') {
    await discardRefused(outcome);
    const { describePaymentFailure } = await import('#lib/payments/errors.ts');
    return { kind: 'done', tender, text: describePaymentFailure(outcome.failure), error: true };
  }
  if (outcome.kind === 'storage') {
    const text = outcome.reason === 'storage_full' ? m.pos_storage_full() : m.pos_storage_unavailable();
    return { kind: 'done', tender, text, error: true };
  }
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const taken = m.pay_taken({ amount: money(tender.amount), method: methodLabel(tender.method) });
  const change = tender.tendered !== null ? tender.tendered - tender.amount - tender.tip : 0;
  return {
    kind: 'done',
    tender,
    text: outcome.kind === 'queued' ? `${taken} ${m.pay_not_sent_yet()}` : taken,
    error: false,
    ...(change > 0 ? { change: money(change) } : {}),
  };
}
