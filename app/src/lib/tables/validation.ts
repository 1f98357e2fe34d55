import { describeAdminFieldError } from '#lib/menu/errors.ts';
import { checkName, readWholeNumber } from '#lib/menu/validation.ts';

/** The table form's fields, as the database names them (for `fieldErrorFor`). */
export const tableFields = ['label', 'seats'] as const;

export type TableErrors = Partial<Record<(typeof tableFields)[number] | 'form', string>>;

/** A label of at most 40 characters and 1 to 100 seats, as dining_tables checks them. */
export function readTable(
  label: string,
  seats: string,
): { values?: { label: string; seats: number }; errors: TableErrors } {
  const errors: TableErrors = {};
  const labelError = checkName(label, 40);
  if (labelError) errors.label = describeAdminFieldError(labelError);
  const seatsRead = readWholeNumber(seats, 1, 100);
  if (!seatsRead.ok) errors.seats = describeAdminFieldError(seatsRead.error);
  if (labelError || !seatsRead.ok) return { errors };
  return { values: { label: label.trim(), seats: seatsRead.value }, errors };
}
