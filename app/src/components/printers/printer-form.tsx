import { createSignal, For, onMount, Show } from 'solid-js';
import { Field } from '#components/ui/field.tsx';
import { FormActions, FormError } from '#components/ui/form-parts.tsx';
import { isConnectionFailure } from '#components/ui/needs-connection.tsx';
import { SelectField } from '#components/ui/select-field.tsx';
import type { DbResult } from '#lib/db.ts';
import { fieldErrorFor } from '#lib/field-errors.ts';
import { describePrinterFieldErrors, describePrintersFailure } from '#lib/printers/errors.ts';
import type { Printer } from '#lib/printers/queries.ts';
import {
  charsPerLineChoices,
  draftOf,
  type PrinterDraft,
  type PrinterField,
  type PrinterValues,
  readPrinter,
  toggleStation,
} from '#lib/printers/validation.ts';
import { stationChoices } from '#lib/stations/coverage.ts';
import type { Station } from '#lib/stations/queries.ts';
import * as m from '#paraglide/messages.js';

export interface PrinterFormProps {
  idPrefix: string;
  printer: Printer | null;
  /** The restaurant's stations: the active ones are offered, plus any archived one the printer still serves. */
  stations: readonly Station[];
  submitLabel: string;
  onSave: (values: PrinterValues) => Promise<DbResult<unknown>>;
  onCancel?: () => void;
}

const fields: readonly PrinterField[] = ['name', 'stations', 'host', 'port', 'device', 'path', 'chars_per_line'];

/** Name, kind, stations served, how the print bridge reaches it, and its line width. */
export function PrinterForm(props: PrinterFormProps) {
  const [draft, setDraft] = createSignal<PrinterDraft>(draftOf(props.printer));
  const [errors, setErrors] = createSignal<Partial<Record<PrinterField | 'form', string>>>({});
  const [busy, setBusy] = createSignal(false);
  const set = <K extends keyof PrinterDraft>(key: K, value: PrinterDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const id = (name: string) => `${props.idPrefix}-${name}`;
  // Names, not objects, so ticking a box keeps the list's DOM (and the keyboard focus) in place.
  const active = (name: string) => props.stations.some((s) => s.active && s.name === name);
  const choices = () => [
    ...stationChoices(props.stations, null).map((c) => c.name),
    ...(props.printer?.stations.filter((name) => !active(name)) ?? []),
  ];
  // Opened by a button: the keyboard goes straight into the form (and back to the button after).
  onMount(() => document.getElementById(id('name'))?.focus());

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const read = readPrinter(draft());
    if (!read.ok) {
      setErrors(describePrinterFieldErrors(read.errors));
      const first = fields.find((f) => read.errors[f]);
      if (first) document.getElementById(id(first))?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await props.onSave(read.values);
    setBusy(false);
    if (!result.ok) {
      // Unreached, not refused: the form says it needs a connection (FormActions) until it is back.
      if (isConnectionFailure(result.failure)) return;
      return setErrors(fieldErrorFor(result.failure, fields, describePrintersFailure));
    }
    if (!props.printer) setDraft(draftOf(null));
  };

  return (
    <form class="stack editor-panel" onSubmit={submit} noValidate aria-busy={busy()}>
      <FormError message={errors().form} />
      <Field
        id={id('name')}
        label={m.admin_printers_name()}
        value={draft().name}
        maxLength={60}
        onInput={(e) => set('name', e.currentTarget.value)}
        error={errors().name}
      />
      <SelectField
        id={id('kind')}
        label={m.admin_printers_kind()}
        value={draft().kind}
        onChange={(value) => set('kind', value === 'receipt' ? 'receipt' : 'kitchen')}
        options={[
          { value: 'kitchen', label: m.admin_printers_kind_kitchen() },
          { value: 'receipt', label: m.admin_printers_kind_receipt() },
        ]}
      />
      <fieldset
        class="checks"
        id={id('stations')}
        tabindex="-1"
        aria-describedby={`${id('stations')}-hint${errors().stations ? ` ${id('stations')}-error` : ''}`}
      >
        <legend>{m.admin_printers_stations()}</legend>
        <For each={choices()} fallback={<p class="field-hint">{m.admin_stations_none()}</p>}>
          {(name) => (
            <label class="check">
              <input
                type="checkbox"
                name={id('stations')}
                value={name}
                checked={draft().stations.includes(name)}
                onChange={(e) => set('stations', toggleStation(draft().stations, name, e.currentTarget.checked))}
              />
              {active(name) ? name : m.admin_stations_archived_option({ name })}
            </label>
          )}
        </For>
        <p id={`${id('stations')}-hint`} class="field-hint">
          {m.admin_printers_stations_hint()}
        </p>
        <Show when={errors().stations}>
          <p id={`${id('stations')}-error`} class="field-error">
            {errors().stations}
          </p>
        </Show>
      </fieldset>
      <SelectField
        id={id('connection')}
        label={m.admin_printers_connection()}
        value={draft().connectionType}
        onChange={(value) => set('connectionType', value === 'usb' || value === 'file' ? value : 'tcp')}
        options={[
          { value: 'tcp', label: m.admin_printers_connection_tcp() },
          { value: 'usb', label: m.admin_printers_connection_usb() },
          { value: 'file', label: m.admin_printers_connection_file() },
        ]}
      />
      <Show when={draft().connectionType === 'tcp'}>
        <Field
          id={id('host')}
          label={m.admin_printers_host()}
          autocapitalize="none"
          value={draft().host}
          onInput={(e) => set('host', e.currentTarget.value)}
          error={errors().host}
          hint={m.admin_printers_host_hint()}
        />
        <Field
          id={id('port')}
          label={m.admin_printers_port()}
          inputmode="numeric"
          value={draft().port}
          onInput={(e) => set('port', e.currentTarget.value)}
          error={errors().port}
        />
      </Show>
      <Show when={draft().connectionType === 'usb'}>
        <Field
          id={id('device')}
          label={m.admin_printers_device()}
          autocapitalize="none"
          value={draft().device}
          onInput={(e) => set('device', e.currentTarget.value)}
          error={errors().device}
        />
      </Show>
      <Show when={draft().connectionType === 'file'}>
        <Field
          id={id('path')}
          label={m.admin_printers_path()}
          autocapitalize="none"
          value={draft().path}
          onInput={(e) => set('path', e.currentTarget.value)}
          error={errors().path}
          hint={m.admin_printers_path_hint()}
        />
      </Show>
      <SelectField
        id={id('chars_per_line')}
        label={m.admin_printers_chars_per_line()}
        value={draft().charsPerLine}
        onChange={(value) => set('charsPerLine', value)}
        options={charsPerLineChoices.map((n) => ({
          value: String(n),
          label: m.admin_printers_chars_choice({ count: n }),
        }))}
        error={errors().chars_per_line}
      />
      <FormActions submitText={props.submitLabel} busy={busy()} onCancel={props.onCancel} needsConnection />
    </form>
  );
}
