import type { Json } from '#lib/database.types.ts';
import { type AdminFieldError, checkName, readWholeNumber } from '#lib/menu/validation.ts';
import type { Printer, PrinterKind } from '#lib/printers/queries.ts';

/** Line widths of the usual thermal printers: 58 mm (32), 76 mm (42), 80 mm (48). */
export const charsPerLineChoices = [32, 42, 48] as const;

export type ConnectionType = 'tcp' | 'usb' | 'file';

/** The printer form as typed. */
export interface PrinterDraft {
  name: string;
  kind: PrinterKind;
  /** The ticked stations (names from the restaurant's list). */
  stations: string[];
  connectionType: ConnectionType;
  host: string;
  port: string;
  device: string;
  path: string;
  charsPerLine: string;
}

export type PrinterField = 'name' | 'stations' | 'host' | 'port' | 'device' | 'path' | 'chars_per_line';

/** Why a printer field is refused: the admin's shared codes, or one of the printer's own. */
export type PrinterFieldError =
  | AdminFieldError
  | { code: 'too_many_stations' }
  | { code: 'no_station' }
  | { code: 'invalid_host' }
  | { code: 'invalid_path' }
  | { code: 'invalid_chars_per_line' };

export type PrinterValues = {
  name: string;
  kind: PrinterKind;
  stations: string[];
  connection: { [key: string]: Json };
  chars_per_line: number;
};

export function draftOf(printer: Printer | null): PrinterDraft {
  const connection = (printer?.connection ?? {}) as Record<string, unknown>;
  const type = connection.type === 'tcp' || connection.type === 'usb' ? connection.type : 'file';
  const text = (value: unknown, fallback = '') =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
  return {
    name: printer?.name ?? '',
    kind: printer?.kind ?? 'kitchen',
    stations: [...(printer?.stations ?? [])],
    connectionType: printer ? type : 'tcp',
    host: text(connection.host),
    port: text(connection.port, '9100'),
    device: text(connection.device, '/dev/usb/lp0'),
    path: text(connection.path),
    charsPerLine: String(printer?.chars_per_line ?? 48),
  };
}

/** Ticks or unticks one station, keeping the others in the order they were ticked. */
export function toggleStation(stations: readonly string[], name: string, ticked: boolean): string[] {
  const others = stations.filter((s) => s !== name);
  return ticked ? [...others, name] : others;
}

const octet = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const ipv4Pattern = new RegExp(`^(${octet}\\.){3}${octet}$`);
const label = '[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const hostNamePattern = new RegExp(`^(${label}\\.)*${label}$`);
const ipv6Pattern = /^[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}$/;

/**
 * A host the print bridge can reach, the rule of the database's printers_connection_check: an IPv4
 * address with four numbers 0 to 255 (no leading zeros), an RFC 1123 host name whose last label is
 * not all digits ("1.2.3" and "192.168.1.500" are neither), or an IPv6 address ("::1").
 */
export function isPrinterHost(host: string): boolean {
  if (ipv4Pattern.test(host) || ipv6Pattern.test(host)) return true;
  return host.length <= 253 && hostNamePattern.test(host) && !/(^|\.)[0-9]+$/.test(host);
}

/** Validates the whole form; the values to store, or the code for each wrong field (printers/errors.ts). */
export function readPrinter(
  draft: PrinterDraft,
): { ok: true; values: PrinterValues } | { ok: false; errors: Partial<Record<PrinterField, PrinterFieldError>> } {
  const errors: Partial<Record<PrinterField, PrinterFieldError>> = {};
  const nameError = checkName(draft.name, 60);
  if (nameError) errors.name = nameError;
  // The names come from the restaurant's list; the database checks they still exist.
  const stations = [...new Set(draft.stations)];
  if (stations.length > 20) errors.stations = { code: 'too_many_stations' };
  else if (draft.kind === 'kitchen' && stations.length === 0) errors.stations = { code: 'no_station' };
  let connection: PrinterValues['connection'] = { type: 'file', path: draft.path.trim() };
  if (draft.connectionType === 'tcp') {
    const host = draft.host.trim();
    if (!isPrinterHost(host)) errors.host = { code: 'invalid_host' };
    const port = readWholeNumber(draft.port, 1, 65535);
    if (!port.ok) errors.port = port.error;
    connection = { type: 'tcp', host, port: port.ok ? port.value : 0 };
  } else if (draft.connectionType === 'usb') {
    if (draft.device.trim() === '') errors.device = { code: 'required' };
    connection = { type: 'usb', device: draft.device.trim() };
  } else if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(draft.path.trim())) {
    errors.path = { code: 'invalid_path' };
  }
  const chars = Number(draft.charsPerLine);
  if (!charsPerLineChoices.includes(chars as (typeof charsPerLineChoices)[number])) {
    errors.chars_per_line = { code: 'invalid_chars_per_line' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: { name: draft.name.trim(), kind: draft.kind, stations, connection, chars_per_line: chars },
  };
}
