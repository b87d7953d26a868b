/**
 * The timeline's bins, with no DOM: the unit (day, week, month, year) follows the range of the dates, and the
 * few dates far outside the bulk (a 1914 anniversary among 2023 reports) go to an "earlier" or "later" bin
 * instead of stretching the axis until every real day is a sliver.
 */

export type BinUnit = 'day' | 'week' | 'month' | 'year';

/** One bin: the dates `from`..`to` (ISO, inclusive) and how many items fall in it. */
export interface TimeBin {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /** `range` for the regular bins; `earlier`/`later` for the outliers. */
  readonly kind: 'range' | 'earlier' | 'later';
  readonly count: number;
}

export interface Binning {
  readonly unit: BinUnit;
  /** In time order, earlier first, later last; regular bins contiguous, empty ones included (a linear axis). */
  readonly bins: readonly TimeBin[];
}

const DAY = 86_400_000;

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The first day of the unit that contains `t` (weeks start on Monday). */
function floor(t: number, unit: BinUnit): number {
  const d = new Date(t);
  if (unit === 'day') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (unit === 'week') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return Date.UTC(d.getUTCFullYear(), 0, 1);
}

/** The first day of the next unit. */
function next(t: number, unit: BinUnit): number {
  const d = new Date(t);
  if (unit === 'day') return t + DAY;
  if (unit === 'week') return t + 7 * DAY;
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
}

function labelOf(t: number, unit: BinUnit): string {
  const s = iso(t);
  return unit === 'month' ? s.slice(0, 7) : unit === 'year' ? s.slice(0, 4) : unit === 'week' ? `week of ${s}` : s;
}

/** The unit for a span of `days`: at most about 60–100 bins. */
export function unitFor(days: number): BinUnit {
  if (days <= 62) return 'day';
  if (days <= 430) return 'week';
  if (days <= 8 * 366) return 'month';
  return 'year';
}

/**
 * Bins ISO dates (`YYYY-MM-DD`, repeated once per item). The bulk is the 2nd–98th percentile of the items; a date
 * more than the bulk's own span (at least 30 days) outside it is an outlier and is counted in the earlier/later bin.
 */
export function binDates(dates: readonly string[]): Binning {
  const times = dates.map((d) => Date.parse(d)).filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
  if (!times.length) return { unit: 'day', bins: [] };
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * (times.length - 1)))];
  const lo = q(0.02);
  const hi = q(0.98);
  const margin = Math.max(30 * DAY, hi - lo);
  const start = times.find((t) => t >= lo - margin)!;
  const end = [...times].reverse().find((t) => t <= hi + margin)!;
  const unit = unitFor((end - start) / DAY + 1);
  const regular: { from: number; to: number; count: number }[] = [];
  const index = new Map<number, number>();
  for (let t = floor(start, unit); t <= end; t = next(t, unit)) {
    index.set(t, regular.length);
    regular.push({ from: t, to: next(t, unit) - DAY, count: 0 });
  }
  let earlier = 0;
  let later = 0;
  let earliest = Infinity;
  let latest = -Infinity;
  let lastEarly = -Infinity;
  let firstLate = Infinity;
  for (const t of times) {
    if (t < start) {
      earlier++;
      earliest = Math.min(earliest, t);
      lastEarly = Math.max(lastEarly, t);
    } else if (t > end) {
      later++;
      latest = Math.max(latest, t);
      firstLate = Math.min(firstLate, t);
    } else regular[index.get(floor(t, unit))!].count++;
  }
  const bins: TimeBin[] = [];
  if (earlier) bins.push({ from: iso(earliest), to: iso(lastEarly), label: `earlier (${iso(earliest).slice(0, 4)}–)`, kind: 'earlier', count: earlier });
  for (const b of regular) bins.push({ from: iso(b.from), to: iso(b.to), label: labelOf(b.from, unit), kind: 'range', count: b.count });
  if (later) bins.push({ from: iso(firstLate), to: iso(latest), label: `later (–${iso(latest).slice(0, 4)})`, kind: 'later', count: later });
  return { unit, bins };
}
