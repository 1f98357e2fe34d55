/**
 * Money is an integer count of the currency's minor units (ISO 4217 exponent as the database's
 * `currencies.exponent` says). Formatting goes through Intl with the fraction digits forced to the
 * exponent, because CLDR's defaults differ from ours (it shows IDR with 2 decimals).
 */
export interface Currency {
  code: string;
  exponent: number;
  /**
   * The restaurant's country (ISO 3166 alpha-2), when known: amounts are written the way that
   * country writes them in the person's language ("es" in "AR" → es-AR, "$ 4.500,00").
   */
  region?: string;
}

/** Exponents of the currencies the app knows offline; the database row is the authority. */
export const knownCurrencyExponents: Readonly<Record<string, number>> = { XOF: 0, IDR: 0, EUR: 2, ARS: 2, USD: 2 };

export function currency(code: string, exponent = knownCurrencyExponents[code]): Currency {
  if (exponent === undefined) throw new Error(`Unknown currency exponent for ${code}`);
  return { code, exponent };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "es" + "AR" → "es-AR"; the language alone when the region is missing or malformed. */
export function moneyLocale(locale: string, region?: string): string {
  if (!region || !/^[A-Z]{2}$/.test(region)) return locale;
  try {
    return Intl.getCanonicalLocales(`${locale.split('-')[0]}-${region}`)[0] ?? locale;
  } catch {
    return locale;
  }
}

function formatter(locale: string, { code, exponent, region }: Currency): Intl.NumberFormat {
  const key = `${locale}|${code}|${exponent}|${region ?? ''}`;
  let cached = formatters.get(key);
  if (!cached) {
    // The local symbol ("$", "Rp"), never the ISO code CLDR shows for a foreign currency
    // ("4500,00 ARS" in plain Spanish), and thousands always grouped: Spanish CLDR leaves four-digit
    // amounts ungrouped, so "4500,00" stood beside "12.500,00" in the same list.
    cached = new Intl.NumberFormat(moneyLocale(locale, region), {
      style: 'currency',
      currency: code,
      currencyDisplay: 'narrowSymbol',
      useGrouping: 'always',
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, cached);
  }
  return cached;
}

/** "12,50 €", "Rp 15.000", "2 500 F CFA", "$ 4.500,00"… Exact for any integer, however large. */
export function formatMoney(minor: number | bigint, money: Currency, locale: string): string {
  return formatter(locale, money).format(toDecimalString(BigInt(minor), money.exponent));
}

/** The amount without symbol, as a person would type it back into a price field. */
export function formatMoneyForInput(minor: number | bigint, money: Currency, locale: string): string {
  const plain = new Intl.NumberFormat(locale, {
    minimumFractionDigits: money.exponent,
    maximumFractionDigits: money.exponent,
    useGrouping: false,
  });
  return plain.format(toDecimalString(BigInt(minor), money.exponent));
}

function toDecimalString(minor: bigint, exponent: number): `${number}` {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}` as `${number}`;
}

export type MoneyParseError =
  | { code: 'empty' }
  | { code: 'not_a_number' }
  | { code: 'too_many_decimals'; allowed: number }
  | { code: 'negative' }
  | { code: 'too_large' };

export type MoneyParseResult = { ok: true; minor: number } | { ok: false; error: MoneyParseError };

export interface ParseMoneyOptions {
  /** Modifier price deltas may be negative; prices may not. */
  allowNegative?: boolean;
  /** Largest accepted amount in minor units. */
  maxMinor?: number;
}

/**
 * Reads a typed price into minor units. Accepts the locale's separators ("12,50" in French,
 * "15.000" as fifteen thousand in Indonesian) and either "." or "," as the decimal mark when it
 * cannot be a thousands separator. More decimals than the currency has is refused, not rounded:
 * "12.5" for XOF or "1.000" for EUR is a typing mistake to show, not a price to guess.
 */
export function parseMoney(
  input: string,
  money: Currency,
  locale: string,
  options: ParseMoneyOptions = {},
): MoneyParseResult {
  const fail = (error: MoneyParseError): MoneyParseResult => ({ ok: false, error });
  let text = stripDecorations(input, money, locale);
  if (text === '') return fail({ code: 'empty' });

  let negative = false;
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  if (!/^[0-9][0-9.,]*$/.test(text) || /[.,]$/.test(text)) {
    return /^[.,][0-9]+$/.test(text) ? parseDigits(`0${text}`) : fail({ code: 'not_a_number' });
  }
  return parseDigits(text);

  function parseDigits(digits: string): MoneyParseResult {
    const split = splitDecimal(digits, groupSeparator(locale));
    if (!split) return fail({ code: 'not_a_number' });
    const { whole, fraction } = split;
    if (fraction.length > money.exponent) return fail({ code: 'too_many_decimals', allowed: money.exponent });
    const minor = BigInt(whole) * 10n ** BigInt(money.exponent) + BigInt(fraction.padEnd(money.exponent, '0') || '0');
    const max = BigInt(options.maxMinor ?? Number.MAX_SAFE_INTEGER);
    if (minor > max) return fail({ code: 'too_large' });
    if (negative && minor !== 0n && !options.allowNegative) return fail({ code: 'negative' });
    return { ok: true, minor: Number(negative ? -minor : minor) };
  }
}

/** Splits "1.234,5" into whole "1234" and fraction "5", deciding which mark is the decimal one. */
function splitDecimal(text: string, localeGroup: string): { whole: string; fraction: string } | null {
  const marks = [...text.matchAll(/[.,]/g)].map((m) => ({ mark: m[0], index: m.index }));
  if (marks.length === 0) return { whole: text, fraction: '' };
  const last = marks[marks.length - 1];
  if (!last) return null;
  const kinds = new Set(marks.map((m) => m.mark));
  let decimal: { mark: string; index: number } | null;
  if (kinds.size === 2) {
    decimal = last;
  } else if (marks.length > 1) {
    decimal = null; // "1.000.000": the only mark repeats, so it groups thousands
  } else {
    const digitsAfter = text.length - last.index - 1;
    decimal = digitsAfter === 3 && last.mark === localeGroup ? null : last;
  }
  const wholePart = decimal ? text.slice(0, decimal.index) : text;
  const fraction = decimal ? text.slice(decimal.index + 1) : '';
  const groupMark = decimal ? marks.find((m) => m.mark !== decimal.mark)?.mark : last.mark;
  if (groupMark && !validGrouping(wholePart, groupMark)) return null;
  if (decimal && marks.filter((m) => m.mark === decimal.mark).length > 1) return null;
  return { whole: groupMark ? wholePart.split(groupMark).join('') : wholePart, fraction };
}

/** Thousands groups must be of three digits after the first: "1.000" yes, "10.00.0" no. */
function validGrouping(whole: string, mark: string): boolean {
  const groups = whole.split(mark);
  if (groups.length === 1) return true;
  const [first, ...rest] = groups;
  return !!first && first.length <= 3 && rest.every((g) => g.length === 3);
}

function groupSeparator(locale: string): string {
  const part = new Intl.NumberFormat(locale).formatToParts(1_000_000).find((p) => p.type === 'group');
  return part?.value ?? ',';
}

/** Removes spaces (incl. the no-break spaces Intl puts in), the currency symbol or code. */
function stripDecorations(input: string, money: Currency, locale: string): string {
  const squeeze = (s: string) => s.replace(/[\s\u00a0\u202f'’]/g, '');
  let text = squeeze(input);
  const symbols = [money.code, ...currencySymbols(money.code, locale)].map(squeeze).filter(Boolean);
  for (const symbol of symbols.sort((a, b) => b.length - a.length)) text = text.split(symbol).join('');
  return text;
}

function currencySymbols(code: string, locale: string): string[] {
  return (['symbol', 'narrowSymbol'] as const).flatMap((currencyDisplay) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay })
      .formatToParts(1)
      .filter((p) => p.type === 'currency')
      .map((p) => p.value),
  );
}
