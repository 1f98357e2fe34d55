import { Show } from 'solid-js';
import { type BadgeStatus, StatusBadge } from '#components/ui/status-badge.tsx';
import type { Enums } from '#lib/database.types.ts';
import { formatDateTime } from '#lib/format/datetime.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import type { Printer } from '#lib/printers/queries.ts';
import * as m from '#paraglide/messages.js';

type Status = Enums<'printer_status'>;

/** Each status in colour and in words: colour alone says nothing to many. */
const statuses: Record<Status, { badge: BadgeStatus; label: () => string }> = {
  ok: { badge: 'synced', label: m.admin_printers_status_ok },
  paper_low: { badge: 'pending', label: m.admin_printers_status_paper_low },
  paper_out: { badge: 'failed', label: m.admin_printers_status_paper_out },
  cover_open: { badge: 'failed', label: m.admin_printers_status_cover_open },
  error: { badge: 'failed', label: m.admin_printers_status_error },
  offline: { badge: 'offline', label: m.admin_printers_status_offline },
  unknown: { badge: 'draft', label: m.admin_printers_status_unknown },
};

export const printerStatusLabel = (status: Status): string => statuses[status].label();

const when = (instant: string) =>
  formatDateTime(instant, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: currentLocale() });

/** What the print bridge last saw of the printer (DLE EOT, or that it could not reach it), and when. */
export function PrinterStatus(props: { printer: Printer }) {
  const status = () => statuses[props.printer.status] ?? statuses.unknown;
  return (
    <p class="printer-queue-line" aria-live="polite">
      <StatusBadge status={status().badge} label={status().label()} />
      <Show when={props.printer.status_at}>
        {(at) => <span class="row-meta">{m.admin_printers_status_checked({ time: when(at()) })}</span>}
      </Show>
      <Show when={props.printer.status !== 'ok' && props.printer.status_error}>
        {(error) => <span class="row-meta">{m.admin_printers_status_error_detail({ error: error() })}</span>}
      </Show>
    </p>
  );
}
