/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF; a field holding a comma,
 * a quote, a line break or leading/trailing spaces is quoted, with its quotes doubled. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
 * apostrophe: an item named "=HYPERLINK(…)" stays text. Numbers are written as given.
 */
export type CsvCell = string | number | null | undefined | CsvDecimal;

/** An exact decimal written as a number (never taken for a formula, even when negative). */
export interface CsvDecimal {
  decimal: string;
}

const formulaStart = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'object') return /^-?\d+(\.\d+)?$/.test(value.decimal) ? value.decimal : '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}

/**
 * An amount in minor units as the plain decimal a spreadsheet reads ("1250" → "12.50" for EUR,
 * "2500" for XOF): a dot, no grouping, no symbol, exact for any integer.
 */
export function decimalAmount(minor: number | bigint, exponent: number): CsvDecimal {
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return { decimal: `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}` };
}

/** Offers `csv` as a file download; a BOM first so spreadsheet programs read it as UTF-8. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
