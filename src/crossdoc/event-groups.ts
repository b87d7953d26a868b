/**
 * Events across documents: reports of the same event (type, sub-type, place, within a few days) from
 * different articles grouped into one, with their independent sources counted and a status.
 */
import type { ConflictEvent, Entity } from '../core/index.js';
import { compareCode, compareDates, daysBetween } from './dates.js';
import { sourceKey } from './independence.js';
import type { SourceDoc } from './source-doc.js';
import { countSources, judgeStatus, type SourceCounts, type Status, type StanceRecord } from './status.js';
import { stanceOf } from './stance.js';

/** One report of an event in one document. */
export interface EventReport {
  readonly eventId: string;
  readonly docId: string;
  readonly outlet: string;
  readonly date: string | null;
  readonly fatalities: number | null;
  readonly actors: readonly string[];
  readonly claims: readonly string[];
  readonly evidence: { readonly start: number; readonly end: number; readonly text: string };
}

/** An event reconciled across documents. */
export interface EventGroup {
  readonly id: string;
  readonly type: string;
  readonly subType: string;
  readonly place: string | null;
  readonly placeName: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly from: string | null;
  readonly to: string | null;
  /** Sides of the actors and of the speakers that report it. */
  readonly sides: readonly string[];
  /** Highest fatality count any report gives (reports disagree; the analyst sees all in `reports`). */
  readonly fatalities: number | null;
  readonly reports: readonly EventReport[];
  readonly status: Status;
  readonly sources: SourceCounts;
}

/** Options of {@link groupEvents}. */
export interface EventGroupOptions {
  /** Largest gap in days between reports of one event (default 2: "overnight", "on Monday" drift by a day). */
  readonly windowDays?: number;
}

/** One report with what grouping needs of it: its independent sources, sides and place. */
export interface EventRaw {
  readonly report: EventReport;
  readonly sources: readonly StanceRecord[];
  readonly sides: readonly string[];
  readonly place?: Pick<Entity, 'name' | 'lat' | 'lon'>;
}

/** A report with the key of the events it may be grouped with (type, sub-type, place). */
export interface KeyedEventRaw {
  readonly key: string;
  readonly type: string;
  readonly subType: string;
  readonly place: string | null;
  readonly raw: EventRaw;
}

/** The reports of one document's events, each with its grouping key. */
export function eventRaws(doc: SourceDoc): KeyedEventRaw[] {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const claims = new Map(doc.claims.map((c) => [c.id, c]));
  return doc.events.map((e) => {
    const date = e.date ?? doc.published;
    const linked = (e.claims ?? []).map((id) => claims.get(id)).filter((c) => c !== undefined);
    // An event nobody is quoted about is vouched for by the outlet that reports it.
    const sources: StanceRecord[] = linked.length
      ? linked.map((c) => ({
          source: sourceKey(c, doc.outlet),
          side: c.side ?? (c.speaker ? entities.get(c.speaker)?.side : undefined) ?? null,
          ...(c.proposition ? stanceOf(c.proposition) : { holder: null, polarity: 'asserts' as const }),
        }))
      : [{ source: `outlet:${doc.outlet}`, side: null, holder: null, polarity: 'asserts' }];
    const sides = [
      ...e.actors.map((a) => entities.get(a)?.side),
      ...sources.map((s) => s.side),
    ].filter((s): s is string => !!s);
    const start = Math.max(0, Math.min(e.start, doc.input.length));
    const end = Math.max(start, Math.min(e.end, doc.input.length));
    const report: EventReport = {
      eventId: e.id,
      docId: doc.id,
      outlet: doc.outlet,
      date,
      fatalities: e.fatalities,
      actors: e.actors,
      claims: e.claims ?? [],
      evidence: { start, end, text: doc.input.slice(start, end) },
    };
    const place = e.place ? entities.get(e.place) : undefined;
    return {
      key: eventKey(e), type: e.type, subType: e.subType, place: e.place,
      raw: { report, sources, sides, ...(place && { place: { name: place.name, lat: place.lat, lon: place.lon } }) },
    };
  });
}

/** The grouping key of an event: type, sub-type and place. */
export function eventKey(e: Pick<ConflictEvent, 'type' | 'subType' | 'place'>): string {
  return `${e.type}\u0000${e.subType}\u0000${e.place ?? ''}`;
}

/** Groups events of all documents; newest first. */
export function groupEvents(docs: readonly SourceDoc[], options: EventGroupOptions = {}): EventGroup[] {
  const byKey = new Map<string, { e: KeyedEventRaw; raws: EventRaw[] }>();
  for (const doc of docs) {
    for (const keyed of eventRaws(doc)) {
      const slot = byKey.get(keyed.key) ?? { e: keyed, raws: [] };
      slot.raws.push(keyed.raw);
      byKey.set(keyed.key, slot);
    }
  }
  const out: EventGroup[] = [];
  for (const { e, raws } of byKey.values()) out.push(...eventGroupsOfKey(e, raws, options.windowDays));
  return out.sort(compareEventGroups);
}

/** The order of events in a listing: latest report first, then by id. */
export function compareEventGroups(a: EventGroup, b: EventGroup): number {
  return compareDates(b.to, a.to) || compareCode(a.id, b.id);
}

/**
 * The events of one key (type, sub-type, place; `e` is the first report's) from its reports in the documents' order:
 * by date, split where reports lie more than `windowDays` apart. The store keeps these per key as documents arrive.
 */
export function eventGroupsOfKey(e: Pick<KeyedEventRaw, 'type' | 'subType' | 'place'>, reports: readonly EventRaw[], windowDays = 2): EventGroup[] {
  const raws = [...reports].sort((a, b) => compareDates(a.report.date, b.report.date) || a.report.docId.localeCompare(b.report.docId));
  const out: EventGroup[] = [];
  let current: EventRaw[] = [];
  const flush = () => {
    if (current.length) out.push(makeGroup(e, current));
    current = [];
  };
  for (const raw of raws) {
    const last = current[current.length - 1];
    const gap = last && (last.report.date === null) !== (raw.report.date === null);
    if (last && (gap || (last.report.date && raw.report.date && daysBetween(last.report.date, raw.report.date) > windowDays))) flush();
    current.push(raw);
  }
  flush();
  return out;
}

function makeGroup(e: Pick<KeyedEventRaw, 'type' | 'subType' | 'place'>, raws: EventRaw[]): EventGroup {
  const reports = raws.map((r) => r.report);
  const sources = raws.flatMap((r) => r.sources);
  const judged = judgeStatus('event', sources);
  // Two outlets reporting the same event count as corroboration even without quoted speakers.
  const counts = countSources(sources);
  const status: Status = judged.status === 'contested' ? 'contested' : counts.total >= 2 ? 'corroborated' : 'single-source';
  const place = raws.find((r) => r.place)?.place;
  const fatalities = reports.reduce<number | null>((m, r) => (r.fatalities === null ? m : Math.max(m ?? 0, r.fatalities)), null);
  return {
    id: `event:${reports[0].eventId}`,
    type: e.type,
    subType: e.subType,
    place: e.place,
    placeName: place?.name ?? null,
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
    from: reports[0].date,
    to: reports[reports.length - 1].date,
    sides: [...new Set(raws.flatMap((r) => r.sides))].sort(),
    fatalities,
    reports,
    status,
    sources: counts,
  };
}

/** Reports an event's listing item keeps: the latest ones (an event of a large store has thousands). */
export const LISTING_REPORTS = 10;

/**
 * An event as a listing shows it: everything of the event (status, sources, place, dates and fatalities over every
 * report), but only its latest {@link LISTING_REPORTS} reports (in date order); `reportCount` and `docCount` count them
 * all and `reportDates` gives every report's date as `[date, reports]` pairs (date order, undated last), which is what a
 * timeline bins. The whole event is one request away (`GET /api/events/{id}`, or `full=1`).
 */
export interface EventListing extends EventGroup {
  readonly reportCount: number;
  readonly docCount: number;
  readonly reportDates: readonly (readonly [string | null, number])[];
}

/** The listing item of an event (see {@link EventListing}). */
export function eventListing(e: EventGroup): EventListing {
  const dates = new Map<string | null, number>();
  for (const r of e.reports) dates.set(r.date, (dates.get(r.date) ?? 0) + 1);
  return {
    ...e,
    reports: e.reports.slice(-LISTING_REPORTS),
    reportCount: e.reports.length,
    docCount: new Set(e.reports.map((r) => r.docId)).size,
    reportDates: [...dates],
  };
}
