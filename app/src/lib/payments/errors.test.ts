import { describe, expect, it } from 'vitest';
import { describeOrderFailure } from '#lib/orders/errors.ts';
import { describePaymentFailure } from '#lib/payments/errors.ts';

describe('the money ceiling in words', () => {
  it('says a payment, tip or cash tendered above the ceiling without the bare code', () => {
    const said = describePaymentFailure({ code: 'amount_too_large' });
    expect(said).not.toContain('amount_too_large');
    expect(said).toContain('too large');
  });

  it('says an order above the ceiling without the bare code', () => {
    const said = describeOrderFailure({ code: 'order_too_large' });
    expect(said).not.toContain('order_too_large');
    expect(said).toContain('too large');
  });
});
