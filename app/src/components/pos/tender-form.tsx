import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { Field } from '#components/ui/field.tsx';
import { type Currency, formatMoney, formatMoneyForInput } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { methodLabel, paymentMethods } from '#lib/payments/methods.ts';
import { quickCashAmounts } from '#lib/payments/notes.ts';
import { changeFor } from '#lib/payments/split.ts';
import { parseAmount, parseOptionalAmount, type TenderField, type TenderInput } from '#lib/payments/validation.ts';
import * as m from '#paraglide/messages.js';

export interface TenderFormProps {
  /** What this payment may cover at most (the order's or the table's remaining due). */
  due: number;
  currency: Currency;
  input: TenderInput;
  onInput: (input: TenderInput) => void;
  /** Each field's mistake in words (lib/payments/errors.ts, loaded when there is one). */
  errors: Partial<Record<TenderField, string>>;
  /** Cash goes into this device's open drawer; without one, cash is refused here (undefined: not known yet). */
  hasShift: boolean | undefined;
  busy: boolean;
  onSubmit: () => void;
}

/**
 * One payment: the method (cash, card, mobile money with its reference, other), the amount (the
 * whole due by default; less for split tender), for cash the money handed over with quick-cash
 * buttons from the currency's notes and the change shown large, and an optional tip.
 */
export function TenderForm(props: TenderFormProps) {
  const locale = () => currentLocale();
  const money = (minor: number) => formatMoney(minor, props.currency, locale());
  const forInput = (minor: number) => formatMoneyForInput(minor, props.currency, locale());
  const set = (patch: Partial<TenderInput>) => props.onInput({ ...props.input, ...patch });
  const amount = createMemo(() => {
    const parsed = parseAmount(props.input.amount, props.currency, locale());
    return parsed.ok ? parsed.minor : null;
  });
  const tip = createMemo(() => {
    const parsed = parseOptionalAmount(props.input.tip, props.currency, locale());
    return parsed.ok ? parsed.minor : 0;
  });
  const owed = () => (amount() ?? 0) + tip();
  const tendered = createMemo(() => {
    if (props.input.tendered.trim() === '') return null;
    const parsed = parseAmount(props.input.tendered, props.currency, locale());
    return parsed.ok ? parsed.minor : null;
  });
  const change = () => {
    const given = tendered();
    return given === null || amount() === null || given < owed() ? null : changeFor(given, amount() ?? 0, tip());
  };
  const error = (field: TenderField) => props.errors[field];
  const cashBlocked = () => props.input.method === 'cash' && props.hasShift !== true;

  return (
    <form
      class="pay-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!cashBlocked()) props.onSubmit();
      }}
    >
      <fieldset class="pay-methods">
        <legend>{m.pay_method_label()}</legend>
        <For each={paymentMethods}>
          {(entry) => (
            <button
              type="button"
              class="chip"
              aria-pressed={props.input.method === entry.value}
              onClick={() => set({ method: entry.value })}
            >
              {entry.label()}
            </button>
          )}
        </For>
      </fieldset>
      <Field
        id="pay-amount"
        label={m.pay_amount_label()}
        hint={m.pay_amount_hint({ due: money(props.due) })}
        inputMode="decimal"
        autocomplete="off"
        value={props.input.amount}
        error={error('amount')}
        onInput={(event) => set({ amount: event.currentTarget.value })}
      />
      <Show when={props.input.method === 'cash' && props.hasShift === false}>
        <p class="notice error pay-no-shift" role="alert">
          {m.pay_no_shift()} <A href="/pos/drawer">{m.pay_open_drawer()}</A>
        </p>
      </Show>
      <Show when={props.input.method === 'cash' && !cashBlocked()}>
        <Field
          id="pay-tendered"
          label={m.pay_tendered_label()}
          hint={m.pay_tendered_hint()}
          inputMode="decimal"
          autocomplete="off"
          value={props.input.tendered}
          error={error('tendered')}
          onInput={(event) => set({ tendered: event.currentTarget.value })}
        />
        <fieldset class="pay-quick">
          <legend class="visually-hidden">{m.pay_quick_label()}</legend>
          <button
            type="button"
            class="secondary"
            disabled={amount() === null}
            onClick={() => set({ tendered: forInput(owed()) })}
          >
            {m.pay_exact()}
          </button>
          <For each={quickCashAmounts(owed(), props.currency.code, props.currency.exponent)}>
            {(note) => (
              <button type="button" class="secondary" onClick={() => set({ tendered: forInput(note) })}>
                {money(note)}
              </button>
            )}
          </For>
        </fieldset>
        <output class="pay-change" for="pay-tendered pay-amount pay-tip" aria-live="polite">
          <span class="pay-change-label">{m.pay_change()}</span>
          <span class="pay-change-amount">{change() === null ? '—' : money(change() ?? 0)}</span>
        </output>
      </Show>
      <Show when={props.input.method === 'mobile_money' || props.input.method === 'other'}>
        <Field
          id="pay-reference"
          label={props.input.method === 'mobile_money' ? m.pay_reference_mobile() : m.pay_reference_other()}
          autocomplete="off"
          maxLength={200}
          value={props.input.reference}
          error={error('reference')}
          onInput={(event) => set({ reference: event.currentTarget.value })}
        />
      </Show>
      <Field
        id="pay-tip"
        label={m.pay_tip_label()}
        hint={m.pay_tip_hint()}
        inputMode="decimal"
        autocomplete="off"
        value={props.input.tip}
        error={error('tip')}
        onInput={(event) => set({ tip: event.currentTarget.value })}
      />
      <button type="submit" class="pos-primary pay-submit" disabled={props.busy || cashBlocked()}>
        {m.pay_submit({ amount: money(amount() ?? 0), method: methodLabel(props.input.method) })}
      </button>
    </form>
  );
}
