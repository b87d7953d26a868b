/**
 * ACLED-shaped rows: one per event reconciled across reports, in the column set of ACLED's public data, with the
 * administrative levels from the gazetteer. What sitrep cannot know is left empty (associated actors, the
 * source's scale, admin3), never guessed; sitrep's own id, status and source count travel in `tags`.
 */
import type { ConflictEvent, Doc } from '../core/index.js';
import type { EntitySummary, EventGroup } from '../crossdoc/index.js';
import type { AdminLookup } from '../report/index.js';
import acled from './data/acled.json' with { type: 'json' };

/** ACLED's public column set, in its order. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1',
  'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source',
  'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

/** One ACLED row. */
export type AcledRow = Record<(typeof ACLED_COLUMNS)[number], string | number>;

const DISORDER: Readonly<Record<string, string>> = acled.disorderType;
const INTER: Readonly<Record<string, string>> = acled.inter;
const REGION: Readonly<Record<string, string>> = acled.region;

/** What a row needs besides the event. */
export interface AcledContext {
  readonly entities: ReadonlyMap<string, EntitySummary>;
  readonly admin: AdminLookup;
  /** Documents by id, to read each event's date precision (absent: precision from the dates alone). */
  readonly docs?: ReadonlyMap<string, Pick<Doc, 'events'>>;
  /** Seconds since the epoch written as `timestamp`. */
  readonly timestamp: number;
}

/** FNV-1a of a string as a decimal number: a stable numeric part of `event_id_cnty`. */
function stableNumber(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** ACLED's time precision: 1 the day, 2 the week, 3 the month or coarser. */
function timePrecision(raw: ConflictEvent | undefined): number {
  if (!raw) return 1;
  // A date taken from the publication day only says the event happened around then.
  if (!raw.date) return 2;
  return raw.datePrecision === 'week' ? 2 : raw.datePrecision === 'month' || raw.datePrecision === 'year' ? 3 : 1;
}

/** The actor category ACLED would give an entity in an event in `country`. */
function interOf(actor: EntitySummary | undefined, country: string | null): string {
  if (!actor?.type) return '';
  const inter = INTER[actor.type] ?? '';
  if (inter === 'State forces' && country && actor.side && actor.side !== country) return 'External/Other forces';
  return inter;
}

/** The ACLED row of one event. */
export function acledRow(e: EventGroup, ctx: AcledContext): AcledRow {
  const place = e.place ? ctx.entities.get(e.place) : undefined;
  const area = place ? ctx.admin(place) : { country: null, admin1: null, admin2: null };
  const cc = area.country?.iso2 ?? null;
  const actors = [...new Set(e.reports.flatMap((r) => r.actors))].map((id) => ctx.entities.get(id)).filter((a): a is EntitySummary => !!a);
  const [a1, a2] = actors;
  const inter1 = interOf(a1, cc);
  const inter2 = interOf(a2, cc);
  const first = e.reports[0];
  const raw = ctx.docs?.get(first.docId)?.events.find((x) => x.id === first.eventId);
  const tags = [`sitrep=${e.id}`, `status=${e.status}`, `independent sources=${e.sources.total}`, `reports=${e.reports.length}`];
  if (e.fatalities === null) tags.push('fatalities=no report');
  return {
    event_id_cnty: `${area.country?.iso3 ?? 'XXX'}${stableNumber(e.id)}`,
    event_date: e.from ?? '',
    year: e.from ? Number(e.from.slice(0, 4)) : '',
    time_precision: timePrecision(raw),
    disorder_type: DISORDER[e.type] ?? '',
    event_type: e.type,
    sub_event_type: e.subType,
    actor1: a1?.name ?? '',
    assoc_actor_1: '',
    inter1,
    actor2: a2?.name ?? '',
    assoc_actor_2: '',
    inter2,
    interaction: inter1 && inter2 ? `${inter1}-${inter2}` : inter1 ? `${inter1} only` : '',
    civilian_targeting: e.type === 'Violence against civilians' ? 'Civilian targeting' : '',
    iso: area.country?.numeric ?? '',
    region: area.country ? REGION[area.country.continent] ?? '' : '',
    country: area.country?.name ?? '',
    admin1: area.admin1 ?? '',
    admin2: area.admin2 ?? '',
    admin3: '',
    location: e.placeName ?? '',
    latitude: e.lat ?? '',
    longitude: e.lon ?? '',
    geo_precision: raw?.geoPrecision ?? (!place ? '' : place.type === 'admin1' || place.type === 'country' || place.type === 'region' ? 3 : place.type === 'admin2' ? 2 : 1),
    source: [...new Set(e.reports.map((r) => r.outlet))].join('; '),
    source_scale: '',
    notes: `On ${e.from ?? 'an unknown date'}: ${first.evidence.text.replace(/\s+/g, ' ').trim()}`,
    fatalities: e.fatalities ?? 0,
    tags: tags.join('; '),
    timestamp: ctx.timestamp,
  };
}
