/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`, UTC): shifting by a unit and the first day of the week
 * (ISO Monday), month or year an expression of that precision names.
 */
import type { DatePrecision } from '../../../core/index.js';

const DAY_MS = 86_400_000;

function parse(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `iso` moved by `n` units (a month from 31 January ends on the last day of February). */
export function shiftDate(iso: string, unit: DatePrecision, n: number): string {
  const d = parse(iso);
  if (unit === 'day') return format(new Date(d.getTime() + n * DAY_MS));
  if (unit === 'week') return format(new Date(d.getTime() + 7 * n * DAY_MS));
  const months = unit === 'month' ? n : 12 * n;
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return format(target);
}

/** The ISO Monday of the week that holds `iso`. */
export function isoMonday(iso: string): string {
  const d = parse(iso);
  const back = (d.getUTCDay() + 6) % 7;
  return format(new Date(d.getTime() - back * DAY_MS));
}

/** The first day of the month or year holding `iso` (`month` / `year`), else `iso` itself. */
export function startOf(iso: string, precision: DatePrecision): string {
  if (precision === 'month') return `${iso.slice(0, 7)}-01`;
  if (precision === 'year') return `${iso.slice(0, 4)}-01-01`;
  return iso;
}
