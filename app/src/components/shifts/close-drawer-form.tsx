import { createEffect, createSignal, on, Show } from 'solid-js';
import { varianceReasonLabel } from '#components/reports/labels.ts';
import { Figures } from '#components/reports/report-table.tsx';
import { Variance } from '#components/reports/variance.tsx';
import { DenominationHelper } from '#components/shifts/denomination-helper.tsx';
import type { DrawerContext } from '#components/shifts/drawer-context.ts';
import { type DrawerMessage, messageFor } from '#components/shifts/outcome.ts';
import { Field } from '#components/ui/field.tsx';
import { SelectField } from '#components/ui/select-field.tsx';
import { TextAreaField } from '#components/ui/text-area-field.tsx';
import { formatMoneyForInput } from '#lib/format/money.ts';
import { closeShift } from '#lib/shifts/drawer.ts';
import { describeCashInputError } from '#lib/shifts/errors.ts';
import type { ShiftReport } from '#lib/shifts/queries.ts';
import {
  checkVarianceNote,
  isVarianceReason,
  maxVarianceNoteLength,
  parseCashInput,
  varianceReasons,
} from '#lib/shifts/validation.ts';
import { type VarianceDetails, varianceDetails } from '#lib/shifts/variance.ts';
import { outbox } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';

/**
 * Closes the drawer with the counted cash. The database computes the expected cash: when the count
 * differs and no reason was given it answers `variance_reason_required` with its expected, counted
 * and variance, which this form shows before asking for the reason. Offline the close is queued
 * (the reason may be given in advance, for a count that turns out short or over).
 */
export function CloseDrawerForm(props: {
  context: DrawerContext;
  shiftId: string;
  online: boolean;
  /** A queued close the database refused for want of a reason (sent after reconnecting). */
  refused: { details: VarianceDetails; commandId: string } | null;
  onClosed: (report: ShiftReport) => void;
  onQueued: () => void;
  onMessage: (message: DrawerMessage) => void;
}) {
  const [counted, setCounted] = createSignal('');
  const [countedError, setCountedError] = createSignal<string | undefined>();
  const [details, setDetails] = createSignal<VarianceDetails | null>(null);
  const [reason, setReason] = createSignal('');
  const [reasonError, setReasonError] = createSignal<string | undefined>();
  const [note, setNote] = createSignal('');
  const [noteError, setNoteError] = createSignal<string | undefined>();
  const [busy, setBusy] = createSignal(false);
  const input = (minor: number) => formatMoneyForInput(minor, props.context.currency, props.context.locale);

  // A close refused after reconnecting: show the database's figures and ask for the reason.
  createEffect(
    on(
      () => props.refused,
      (refused) => {
        if (!refused) return;
        setDetails(refused.details);
        setCounted(input(refused.details.counted));
      },
    ),
  );

  const submit = async () => {
    const parsed = parseCashInput(counted(), props.context.currency, props.context.locale);
    if (!parsed.ok) return setCountedError(describeCashInputError(parsed.error));
    setCountedError(undefined);
    // A different count: the database's figures for the old one no longer apply.
    const known = details();
    const asking = known !== null && known.counted === parsed.minor;
    if (known && !asking) setDetails(null);
    const picked = reason();
    const chosen = isVarianceReason(picked) ? picked : null;
    if (asking && !chosen) return setReasonError(m.drawer_error_variance_reason());
    setReasonError(undefined);
    const noteProblem = checkVarianceNote(note());
    if (noteProblem) return setNoteError(m.db_error_note_too_long());
    setNoteError(undefined);
    setBusy(true);
    if (props.refused) await outbox.discard(props.refused.commandId);
    const outcome = await closeShift(props.context.restaurantId, props.shiftId, {
      countedCash: parsed.minor,
      varianceReason: chosen,
      varianceNote: chosen ? note() : '',
    });
    setBusy(false);
    if (outcome.kind === 'stored') return props.onClosed(outcome.data);
    if (outcome.kind === 'queued') {
      props.onMessage({ text: m.drawer_close_queued(), error: false });
      return props.onQueued();
    }
    if (outcome.kind === 'refused') {
      const figures = varianceDetails(outcome.failure);
      if (figures) {
        await outbox.discard(outcome.commandId);
        setDetails(figures);
        return props.onMessage({ text: m.drawer_variance_ask(), error: true });
      }
    }
    props.onMessage(await messageFor(outcome, '', ''));
  };

  const showReason = () => details() !== null || !props.online;

  return (
    <form
      class="drawer-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{m.drawer_close_title()}</h2>
      <p class="field-hint">{props.online ? m.drawer_close_hint() : m.drawer_close_hint_offline()}</p>
      <Field
        id="drawer-counted"
        label={m.drawer_counted_label({ currency: props.context.currency.code })}
        type="text"
        inputMode="decimal"
        autocomplete="off"
        value={counted()}
        error={countedError()}
        onInput={(event) => setCounted(event.currentTarget.value)}
      />
      <DenominationHelper
        id="drawer-counted-count"
        currency={props.context.currency.code}
        money={props.context.money}
        onUse={(total) => setCounted(input(total))}
      />
      <Show when={details()}>
        {(figures) => (
          <div class="drawer-variance" aria-live="polite">
            <h3>{m.drawer_variance_title()}</h3>
            <Figures
              items={[
                { label: m.report_cash_expected(), value: props.context.money(figures().expected) },
                { label: m.report_cash_counted(), value: props.context.money(figures().counted) },
                {
                  label: m.report_cash_variance(),
                  value: (
                    <span class="variance-value">
                      <span data-testid="drawer-variance-amount">{props.context.money(figures().variance)}</span>
                      <Variance variance={figures().variance} money={props.context.money} />
                    </span>
                  ),
                  strong: true,
                },
              ]}
            />
          </div>
        )}
      </Show>
      <Show when={showReason()}>
        <SelectField
          id="drawer-variance-reason"
          label={details() ? m.drawer_variance_reason_label() : m.drawer_variance_reason_label_offline()}
          placeholder={m.drawer_variance_reason_placeholder()}
          options={varianceReasons.map((value) => ({ value, label: varianceReasonLabel(value) }))}
          value={reason()}
          error={reasonError()}
          onChange={setReason}
        />
        <TextAreaField
          id="drawer-variance-note"
          label={m.drawer_variance_note_label()}
          rows={2}
          maxLength={maxVarianceNoteLength}
          value={note()}
          error={noteError()}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </Show>
      <div class="actions">
        <button type="submit" class="pos-primary" disabled={busy()}>
          {busy() ? m.common_submitting() : details() ? m.drawer_close_with_reason() : m.drawer_close_submit()}
        </button>
      </div>
    </form>
  );
}
