import { describe, expect, it } from 'vitest';
import { describeCashInputError, describeShiftFailure } from '#lib/shifts/errors.ts';
import { varianceDetails } from '#lib/shifts/variance.ts';

describe('varianceDetails', () => {
  it('reads the database figures from a variance_reason_required refusal', () => {
    const failure = {
      code: 'variance_reason_required',
      detail: '{"expected": 30000, "counted": 29500, "variance": -500}',
    };
    expect(varianceDetails(failure)).toEqual({ expected: 30_000, counted: 29_500, variance: -500 });
  });

  it('answers null for other refusals or unreadable details', () => {
    expect(varianceDetails({ code: 'shift_closed', detail: '{"expected": 1}' })).toBeNull();
    expect(varianceDetails({ code: 'variance_reason_required' })).toBeNull();
    expect(varianceDetails({ code: 'variance_reason_required', detail: 'not json' })).toBeNull();
    expect(varianceDetails({ code: 'variance_reason_required', detail: '{"expected": "x"}' })).toBeNull();
  });
});

describe('describing refusals', () => {
  it('says the shift codes in words and never the bare code', () => {
    expect(describeShiftFailure({ code: 'shift_closed' })).not.toContain('shift_closed');
    expect(describeShiftFailure({ code: 'shift_not_found' })).not.toContain('shift_not_found');
    // A cashier's cash-out above the drawer's expected cash (issue 16): says to ask a manager.
    expect(describeShiftFailure({ code: 'cash_out_exceeds_drawer' })).not.toContain('cash_out_exceeds_drawer');
    expect(describeShiftFailure({ code: 'cash_out_exceeds_drawer' })).toContain('manager');
    expect(describeCashInputError({ code: 'too_many_decimals', allowed: 2 })).toContain('2');
    expect(describeCashInputError({ code: 'too_many_decimals', allowed: 0 })).not.toBe(
      describeCashInputError({ code: 'too_many_decimals', allowed: 2 }),
    );
  });
});
