import type { LineStatus, OrderLine, OrderStatus, OrderWithLines } from '#lib/orders/queries.ts';

/**
 * The kitchen display's model, as pure functions of the active orders: tickets (one per order and
 * round, so a table's dessert is its own ticket), the station filter, all-day counts, the expo's
 * per-station progress, and how a Realtime message changes the orders held.
 */

/** Orders the kitchen cooks; a `ready` order has been bumped and sits in the recall drawer. */
const cookingStatuses: readonly OrderStatus[] = ['placed', 'preparing'];
const openLineStatuses: readonly LineStatus[] = ['pending', 'queued', 'preparing'];
const doneLineStatuses: readonly LineStatus[] = ['ready', 'served'];
/** How many bumped tickets the drawer keeps, newest first. */
export const RECENTLY_BUMPED_LIMIT = 12;

export interface Ticket {
  /** `<order id>:<round>`. */
  key: string;
  order: OrderWithLines;
  round: number;
  /** This round's lines for the chosen station (cancelled lines left out). */
  lines: OrderLine[];
  /** Whether the order is still waiting to be started. */
  started: boolean;
}

export const isOpenLine = (line: OrderLine) => openLineStatuses.includes(line.kitchen_status);
export const isDoneLine = (line: OrderLine) => doneLineStatuses.includes(line.kitchen_status);
const roundOf = (line: OrderLine) => line.round ?? 1;
const inStation = (station: string | null) => (line: OrderLine) => station === null || line.station === station;

/** When the ticket's clock starts: when the customer ordered (device time), else when it was placed. */
export function ticketStart(order: OrderWithLines): number {
  return Date.parse(order.ordered_at ?? order.placed_at ?? order.created_at);
}

/** The tickets still to cook, oldest first; `station` null means every station. */
export function openTickets(orders: readonly OrderWithLines[], station: string | null): Ticket[] {
  const tickets: Ticket[] = [];
  for (const order of orders) {
    if (!cookingStatuses.includes(order.status)) continue;
    const rounds = new Set(order.lines.map(roundOf));
    for (const round of [...rounds].sort((a, b) => a - b)) {
      const lines = order.lines.filter(
        (line) => roundOf(line) === round && line.kitchen_status !== 'cancelled' && inStation(station)(line),
      );
      // A round whose lines are all done has been bumped; the next round stays on the rail.
      if (!lines.some(isOpenLine)) continue;
      tickets.push({ key: `${order.id}:${round}`, order, round, lines, started: order.status !== 'placed' });
    }
  }
  return tickets.sort(
    (a, b) => ticketStart(a.order) - ticketStart(b.order) || (a.order.number ?? 0) - (b.order.number ?? 0),
  );
}

/** Bumped (ready) orders, most recently bumped first, bounded. */
export function recentlyBumped(orders: readonly OrderWithLines[]): OrderWithLines[] {
  return orders
    .filter((order) => order.status === 'ready')
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at))
    .slice(0, RECENTLY_BUMPED_LIMIT);
}

/** The stations present on the active orders, sorted. */
export function stationsOf(orders: readonly OrderWithLines[]): string[] {
  const stations = new Set<string>();
  for (const order of orders) for (const line of order.lines) if (line.station) stations.add(line.station);
  return [...stations].sort();
}

/** How many of each item are still to cook across the open tickets, most first. */
export function allDayCounts(tickets: readonly Ticket[]): { name: string; qty: number }[] {
  const counts = new Map<string, number>();
  for (const ticket of tickets)
    for (const line of ticket.lines)
      if (isOpenLine(line)) counts.set(line.name, (counts.get(line.name) ?? 0) + line.qty);
  return [...counts]
    .map(([name, qty]) => ({ name, qty }))
    .sort((a, b) => b.qty - a.qty || a.name.localeCompare(b.name));
}

export interface StationProgress {
  station: string;
  done: number;
  total: number;
}

/** The expo's view of one order: per station, how many lines are done. */
export function stationProgress(order: OrderWithLines): StationProgress[] {
  const byStation = new Map<string, StationProgress>();
  for (const line of order.lines) {
    if (line.kitchen_status === 'cancelled') continue;
    const entry = byStation.get(line.station) ?? { station: line.station, done: 0, total: 0 };
    entry.total += line.qty;
    if (isDoneLine(line)) entry.done += line.qty;
    byStation.set(line.station, entry);
  }
  return [...byStation.values()].sort((a, b) => a.station.localeCompare(b.station));
}

export type AgeTone = 'fresh' | 'warn' | 'late';

export function ageTone(ageMs: number, warnMinutes: number, lateMinutes: number): AgeTone {
  if (ageMs >= lateMinutes * 60_000) return 'late';
  if (ageMs >= warnMinutes * 60_000) return 'warn';
  return 'fresh';
}

/** "4:07" or "1:02:03": a timer read at a glance. */
export function formatAge(ageMs: number): string {
  const total = Math.max(0, Math.floor(ageMs / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A Broadcast-from-Database message on `restaurant:<id>:orders`. */
export interface OrderChange {
  table: 'orders' | 'order_lines';
  record: Record<string, unknown> | null;
}

export function parseOrderChange(payload: unknown): OrderChange | null {
  if (!payload || typeof payload !== 'object') return null;
  const { table, record } = payload as { table?: unknown; record?: unknown };
  if (table !== 'orders' && table !== 'order_lines') return null;
  return { table, record: record && typeof record === 'object' ? (record as Record<string, unknown>) : null };
}

const activeStatuses: readonly OrderStatus[] = ['placed', 'preparing', 'ready'];

/**
 * The orders after a message. `needsRead` is true when the message cannot be applied alone (a line
 * of an order not held yet): the screen then re-reads the active set. Orders leaving the kitchen
 * (completed, cancelled) are dropped, so the list stays as long as the day's open orders.
 */
export function applyOrderChange(
  orders: readonly OrderWithLines[],
  change: OrderChange,
): { orders: OrderWithLines[]; needsRead: boolean } {
  const record = change.record;
  if (!record || typeof record.id !== 'string') return { orders: [...orders], needsRead: true };
  if (change.table === 'orders') {
    const next = record as unknown as OrderWithLines;
    const existing = orders.find((order) => order.id === next.id);
    if (existing && (existing.version ?? 0) > (next.version ?? 0)) return { orders: [...orders], needsRead: false };
    const rest = orders.filter((order) => order.id !== next.id);
    if (!activeStatuses.includes(next.status)) return { orders: rest, needsRead: false };
    const { payload_hash: _hash, ...row } = record as { payload_hash?: unknown };
    // A new order's lines follow as their own messages (same transaction, in order).
    const merged = { ...(row as unknown as OrderWithLines), lines: existing?.lines ?? [] };
    return { orders: [...rest, merged], needsRead: false };
  }
  const line = record as unknown as OrderLine;
  const order = orders.find((candidate) => candidate.id === line.order_id);
  if (!order) return { orders: [...orders], needsRead: true };
  const current = order.lines.find((candidate) => candidate.id === line.id);
  if (current && current.version > line.version) return { orders: [...orders], needsRead: false };
  const lines = current
    ? order.lines.map((candidate) => (candidate.id === line.id ? line : candidate))
    : [...order.lines, line].sort((a, b) => roundOf(a) - roundOf(b) || a.position - b.position);
  return {
    orders: orders.map((candidate) => (candidate === order ? { ...order, lines } : candidate)),
    needsRead: false,
  };
}
