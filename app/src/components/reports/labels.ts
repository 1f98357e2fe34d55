import * as m from '#paraglide/messages.js';

/** Payment methods and variance reasons as words; unknown values (a newer database) show as they are. */
const methodLabels: Record<string, () => string> = {
  cash: m.report_method_cash,
  card: m.report_method_card,
  mobile_money: m.report_method_mobile_money,
  other: m.report_method_other,
};

export function methodLabel(method: string): string {
  return methodLabels[method]?.() ?? method;
}

const varianceReasonLabels: Record<string, () => string> = {
  count_error: m.drawer_variance_reason_count_error,
  change_error: m.drawer_variance_reason_change_error,
  unrecorded_sale: m.drawer_variance_reason_unrecorded_sale,
  unrecorded_expense: m.drawer_variance_reason_unrecorded_expense,
  theft: m.drawer_variance_reason_theft,
  other: m.drawer_variance_reason_other,
};

export function varianceReasonLabel(reason: string): string {
  return varianceReasonLabels[reason]?.() ?? reason;
}

const sourceLabels: Record<string, () => string> = {
  pos: m.report_source_pos,
  qr: m.report_source_qr,
  kiosk: m.report_source_kiosk,
};

export function sourceLabel(source: string): string {
  return sourceLabels[source]?.() ?? source;
}

const statusLabels: Record<string, () => string> = {
  cancelled: m.report_status_cancelled,
  rejected: m.report_status_rejected,
};

export function cancellationStatusLabel(status: string): string {
  return statusLabels[status]?.() ?? status;
}
