import type { DbFailure } from '#lib/db.ts';

/**
 * Places a refusal next to the form field it concerns. `fields` maps the failure's `field` (the
 * column a constraint guards, or the field `runDb`'s `fieldOf` named) to the form's own field
 * name — a list when they are the same; anything else, or no field, goes above the form (`form`).
 *
 *   setErrors(fieldErrorFor(result.failure, { name: 'name', tax_rate: 'taxRate' }, describeRestaurantError));
 */
export function fieldErrorFor<F extends string>(
  failure: Pick<DbFailure, 'code' | 'field'>,
  fields: readonly F[] | Readonly<Partial<Record<string, F>>>,
  describe: (failure: Pick<DbFailure, 'code' | 'field'>) => string,
): Partial<Record<F | 'form', string>> {
  const column = failure.field ?? null;
  let target: F | 'form' = 'form';
  if (column !== null) {
    if (isList(fields)) target = fields.find((f) => f === column) ?? 'form';
    else target = (Object.hasOwn(fields, column) ? fields[column] : undefined) ?? 'form';
  }
  return { [target]: describe(failure) } as Partial<Record<F | 'form', string>>;
}

function isList<F extends string>(fields: readonly F[] | Readonly<Partial<Record<string, F>>>): fields is readonly F[] {
  return Array.isArray(fields);
}
