/** The flags `sitrep report` and `sitrep export` share: the period and the place, checked into a {@link Filter}. */
import { parseBBox, type Filter } from '../report/index.js';
import { UsageError } from './command.js';
import { parseDateFlag } from './options.js';

/** The shared flags, for `parseArgs`. */
export const FILTER_FLAGS = {
  date: { type: 'string' },
  since: { type: 'string' },
  place: { type: 'string' },
  bbox: { type: 'string' },
  db: { type: 'string' },
} as const;

/** Help lines for {@link FILTER_FLAGS}; `dateDefault` says what the period is without `--date`. */
export function filterFlagsHelp(dateDefault: string): string {
  return `  --date YYYY-MM-DD   last day of the period (${dateDefault})
  --since YYYY-MM-DD  first day of the period (default: the same as --date)
  --place NAME        only this place (any spelling or alias, or an entity id)
  --bbox W,S,E,N      only what lies in this box, in degrees (e.g. 36,47,39,49.5)
  --db DIR            PGlite folder (default: $SITREP_DB or ./.sitrep; DATABASE_URL selects PostgreSQL)`;
}

/** Checks the shared flags. */
export function parseFilter(values: { date?: string; since?: string; place?: string; bbox?: string }): Filter {
  const date = parseDateFlag('date', values.date);
  const since = parseDateFlag('since', values.since);
  if (date && since && since > date) throw new UsageError(`--since (${since}) is after --date (${date})`);
  let bbox;
  if (values.bbox !== undefined) {
    bbox = parseBBox(values.bbox);
    if (!bbox) throw new UsageError(`--bbox must be west,south,east,north in degrees (e.g. 36,47,39,49.5), got "${values.bbox}"`);
  }
  const place = values.place?.trim() || undefined;
  return { ...(date && { date }), ...(since && { since }), ...(place && { place }), ...(bbox && { bbox }) };
}
