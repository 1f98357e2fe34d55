import { createSignal, For, Show } from 'solid-js';
import { type BadgeStatus, StatusBadge } from '#components/ui/status-badge.tsx';
import { formatDateTime } from '#lib/format/datetime.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { retryPrintJob } from '#lib/printers/commands.ts';
import { describePrintersFailure } from '#lib/printers/errors.ts';
import type { FailedJob, PrinterHealth, PrinterJobsSummary } from '#lib/printers/jobs.ts';
import { type Printer, printerKeys } from '#lib/printers/queries.ts';
import { invalidate } from '#lib/query.ts';
import * as m from '#paraglide/messages.js';
import './printer-queue.css';

const badge: Record<PrinterHealth, { status: BadgeStatus; label: () => string }> = {
  failed: { status: 'failed', label: m.admin_printers_state_failed },
  waiting: { status: 'pending', label: m.admin_printers_state_waiting },
  idle: { status: 'synced', label: m.admin_printers_state_idle },
};

const documentNames: Record<FailedJob['document'], () => string> = {
  kitchen_ticket: m.admin_printers_doc_kitchen_ticket,
  cancel_ticket: m.admin_printers_doc_cancel_ticket,
  receipt: m.admin_printers_doc_receipt,
  test: m.admin_printers_doc_test,
  drawer_kick: m.admin_printers_doc_drawer_kick,
};

/** "Kitchen ticket, order 12": what a failed job was printing. */
export function jobName(job: FailedJob): string {
  const name = documentNames[job.document]();
  return job.order_number === null ? name : `${name}, ${m.admin_printers_job_order({ number: job.order_number })}`;
}

// The admin reads times on its own device, in its own zone.
const when = (instant: string) =>
  formatDateTime(instant, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: currentLocale() });

/** One printer's queue on the admin printers page: its state in colour and words, depth, last print, failures to retry. */
export function PrinterQueue(props: {
  printer: Printer;
  jobs: PrinterJobsSummary | null;
  loadFailed: boolean;
  notify: (text: string, error?: boolean) => void;
}) {
  const [retrying, setRetrying] = createSignal<string | null>(null);
  const retry = async (job: FailedJob) => {
    setRetrying(job.id);
    const result = await retryPrintJob(job.id);
    setRetrying(null);
    if (!result.ok && result.failure.code === 'network') return;
    props.notify(result.ok ? m.admin_printers_retried() : describePrintersFailure(result.failure), !result.ok);
    await invalidate(printerKeys.jobs(props.printer.restaurant_id));
  };
  return (
    <Show
      when={props.jobs}
      fallback={
        <Show when={props.loadFailed}>
          <p class="notice error">{m.admin_printers_jobs_load_failed()}</p>
        </Show>
      }
    >
      {(jobs) => (
        <div class="printer-queue stack">
          <p class="row-meta printer-queue-line">
            <StatusBadge status={badge[jobs().health].status} label={badge[jobs().health].label()} />
            <span>{m.admin_printers_queue({ queued: jobs().queued, printing: jobs().printing })}</span>
            <span>
              {jobs().lastPrintedAt
                ? m.admin_printers_last_printed({ time: when(jobs().lastPrintedAt ?? '') })
                : m.admin_printers_never_printed()}
            </span>
          </p>
          <Show when={jobs().failed.length > 0}>
            <ul class="printer-failed" aria-label={m.admin_printers_failed_title({ name: props.printer.name })}>
              <For each={jobs().failed}>
                {(job) => (
                  <li class="printer-failed-job">
                    <span>
                      <strong>{jobName(job)}</strong> · {when(job.updated_at)}
                      <br />
                      <span class="field-error">
                        {job.last_error
                          ? m.admin_printers_job_error({ error: job.last_error })
                          : m.admin_printers_job_no_error()}
                      </span>
                    </span>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={m.admin_printers_retry_named({ job: jobName(job) })}
                      disabled={retrying() === job.id}
                      onClick={() => void retry(job)}
                    >
                      {m.admin_printers_retry()}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      )}
    </Show>
  );
}
