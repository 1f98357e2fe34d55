/** Sales by hour as the chart and the CSV show them. */

/** "14:00–15:00" for hour 14. */
export function hourRange(hour: number): string {
  const pad = (value: number) => String(value % 24).padStart(2, '0');
  return `${pad(hour)}:00–${pad(hour + 1)}:00`;
}

/** Every hour from the first to the last with sales, quiet hours as zero, so the day keeps its shape. */
export function hourSlots(
  hours: readonly { hour: number; orders: number; total: number }[],
): { hour: number; orders: number; total: number }[] {
  if (hours.length === 0) return [];
  const byHour = new Map(hours.map((row) => [row.hour, row]));
  const first = Math.min(...hours.map((row) => row.hour));
  const last = Math.max(...hours.map((row) => row.hour));
  const slots = [];
  for (let hour = first; hour <= last; hour += 1) slots.push(byHour.get(hour) ?? { hour, orders: 0, total: 0 });
  return slots;
}
