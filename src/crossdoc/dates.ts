/** ISO calendar-date arithmetic for time windows; dates are `YYYY-MM-DD` strings and compare as strings. */

const DAY_MS = 86_400_000;

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date: parse once, then compare numbers. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/**
 * Orders strings by code unit, as Postgres's `COLLATE "C"` orders them, so that a listing sorted in memory and the
 * same listing sorted by the store's SQL agree (ids, names as tie-breakers).
 */
export function compareCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders nullable dates with unknown dates last, so that dated items read as a timeline. */
export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
