/** Anything with an id and a position column (categories, items, groups, options, tables). */
export interface Positioned {
  id: string;
  position: number;
}

/** Sorts by position, then id so rows with equal positions keep a stable order. */
export function byPosition<T extends Positioned>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The list with the element at `from` moved to `to` (both clamped into range). Returns the same
 * order when nothing moves, so callers can skip the write.
 */
export function moveTo<T>(rows: readonly T[], from: number, to: number): T[] {
  const next = [...rows];
  if (from < 0 || from >= rows.length) return next;
  const target = Math.max(0, Math.min(rows.length - 1, to));
  if (target === from) return next;
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(target, 0, moved);
  return next;
}

/** Moves the row with `id` one place up (-1) or down (+1); the keyboard alternative to dragging. */
export function moveBy<T extends { id: string }>(rows: readonly T[], id: string, delta: -1 | 1): T[] {
  const from = rows.findIndex((row) => row.id === id);
  return from < 0 ? [...rows] : moveTo(rows, from, from + delta);
}

/**
 * The position writes that make the stored order match `ordered`: positions become 0, 1, 2…, and
 * only rows whose position changes are written, so a move of one row next to its neighbour costs
 * two updates rather than one per row.
 */
export function positionUpdates(ordered: readonly Positioned[]): { id: string; position: number }[] {
  return ordered.flatMap((row, index) => (row.position === index ? [] : [{ id: row.id, position: index }]));
}

/** The position for a row appended at the end of a list. */
export function nextPosition(rows: readonly Positioned[]): number {
  return rows.reduce((max, row) => Math.max(max, row.position + 1), 0);
}
