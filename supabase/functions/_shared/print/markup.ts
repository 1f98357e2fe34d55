/**
 * Receiptline markup building blocks. Every piece of text that comes from data (names, notes,
 * table labels, header and footer) goes through `text()`, so nobody can inject markup (columns,
 * properties, rules, cuts, size changes) or control bytes that a printer would obey as commands.
 */

/** Longest free text printed (a note, a name): longer ones end with "...". */
export const MAX_TEXT = 500;

// C0 and C1 controls and DEL (ESC, line feeds, tabs…), Unicode line/paragraph separators, and the
// bidirectional overrides that could make printed text read differently from what was typed.
const CONTROLS = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// Receiptline's special characters in text (README "Special characters in text").
const SPECIAL = /[\\|{}\-=~_"`^]/g;
// Intl puts (narrow) no-break spaces in money and times; code pages lack the narrow one.
const NO_BREAK_SPACES = /[\u00a0\u202f\u2007]/g;

/** Plain, single-line, length-capped text: controls become spaces, runs of spaces one space. */
export function clean(value: unknown, max = MAX_TEXT): string {
  const raw = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  // Cap before the regexes so a huge payload costs little; 4× leaves room for collapsed spaces.
  const head = raw.length > max * 4 ? raw.slice(0, max * 4) : raw;
  const flat = head.replace(CONTROLS, ' ').replace(NO_BREAK_SPACES, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > max
    ? `${chars
        .slice(0, max - 3)
        .join('')
        .trimEnd()}...`
    : flat;
}

/** Data text as receiptline text: cleaned, then every special character escaped. */
export function text(value: unknown, max = MAX_TEXT): string {
  return clean(value, max).replace(SPECIAL, '\\$&');
}

/** Text that may span several lines (header, footer): one cleaned line each, empty ones dropped. */
export function textLines(value: unknown, maxLines = 10): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => text(line, 200))
    .filter((line) => line !== '')
    .slice(0, maxLines);
}

/** A whole number for quantities and order numbers, whatever the payload holds. */
export function int(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

/** Markup helpers: `left('a')` → `|a` (left-aligned), `pair('a', 'b')` → `a | b` (a left, b right). */
export const left = (markup: string): string => `|${markup}`;
export const pair = (a: string, b: string): string => `${a} | ${b}`;
export const rule = '-';
/** Column widths for the lines that follow; `widths()` resets to automatic. */
export const widths = (...w: (number | '*')[]): string => (w.length === 0 ? '{width:auto}' : `{width:${w.join(',')}}`);
/** Indents with receiptline's space character, which alignment does not swallow. */
export const indent = (n: number): string => '~'.repeat(n);
