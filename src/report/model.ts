/**
 * The situation report as data: what changed in a period (key takeaways), the picture per front area (events by
 * type, each side's claims side by side with their sources), the map and timeline data, and what is not known
 * (contested, single-source, undated). The HTML, Markdown and PDF renderers and the desk's Report view all read
 * this one model, so they cannot tell different stories.
 *
 * "As of" semantics: a proposition's status and claims are those dated up to the period's last day; a claim
 * dated later is left out, so a report of May 21 reads as it would have on May 21.
 */
import {
  judgeStatus, summarize, type ClaimRecord, type EntitySummary, type EventGroup, type PropositionGroup, type SideStance,
  type SourceCounts, type Status,
} from '../crossdoc/index.js';
import { countryOnlyLookup, type AdminLookup } from './admin-areas.js';
import { capitalise, stanceText } from './text.js';
import { inDays, latestDay, placeTest, type BBox, type DeskData, type Filter } from './select.js';

/** One claim as the report quotes it. */
export interface ClaimLine {
  readonly claimId: string;
  readonly docId: string;
  readonly date: string | null;
  readonly side: string;
  /** The speaker's name, or `unattributed`. */
  readonly speaker: string;
  /** True when the speaker could not be resolved: quoted, but no source. */
  readonly unresolved: boolean;
  /** `asserts RU control`, `denies UA advance`. */
  readonly stance: string;
  readonly outlet: string;
  /** The attribution sentence, whitespace collapsed, at most 300 characters. */
  readonly quote: string;
  /** True when dated inside the period (older claims give the context). */
  readonly inPeriod: boolean;
}

/** What one side says about a proposition. */
export interface SideLine {
  readonly side: string;
  /** One line per stance: independent sources and latest date. */
  readonly stances: readonly SideStance[];
  readonly claims: readonly ClaimLine[];
}

/** A proposition as of the period's end. */
export interface PropositionItem {
  readonly id: string;
  readonly kind: string;
  /** `control of Bakhmut`. */
  readonly title: string;
  readonly place: string | null;
  readonly placeName: string | null;
  readonly area: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly status: Status;
  /** The status on the day before the period, or null when nothing had been claimed yet. */
  readonly statusBefore: Status | null;
  /** For control: the one holder the claims before the period, and those in it, assert (null: none, or several). */
  readonly holderBefore: string | null;
  readonly holderNow: string | null;
  readonly sources: SourceCounts;
  readonly acrossSides: boolean;
  readonly confidence: number;
  readonly sides: readonly SideLine[];
}

/** An event reconciled across reports. */
export interface EventItem {
  readonly id: string;
  readonly type: string;
  readonly subType: string;
  readonly place: string | null;
  readonly placeName: string | null;
  readonly area: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly fatalities: number | null;
  readonly status: Status;
  readonly sources: number;
  readonly outlets: readonly string[];
  readonly quote: string;
  readonly docId: string;
  readonly eventId: string;
}

/** Events of one type in an area. */
export interface TypeCount {
  readonly type: string;
  readonly count: number;
  /** Sum over events of the highest count any report gives; null when no report gives one. */
  readonly fatalities: number | null;
}

/** One front area: a first-level division (oblast), else a country, else "place not known". */
export interface AreaSection {
  readonly name: string;
  readonly byType: readonly TypeCount[];
  readonly events: readonly EventItem[];
  readonly propositions: readonly PropositionItem[];
}

/** A key takeaway, in the order an analyst reads them. */
export interface Takeaway {
  readonly kind: 'contested' | 'corroborated' | 'holder' | 'fatalities' | 'new-place';
  readonly text: string;
  /** Id of the proposition or event it is about ('' for the line counting the rest of a kind). */
  readonly ref: string;
}

/** One day of the timeline chart. */
export interface TimelineDay {
  readonly day: string;
  readonly claims: number;
  readonly events: number;
  readonly inPeriod: boolean;
}

/** The report. */
export interface Report {
  readonly title: string;
  /** The days covered, or null when the desk has nothing dated (an empty store). */
  readonly period: { readonly from: string; readonly to: string } | null;
  readonly generated: string;
  readonly filter: { readonly place?: string; readonly bbox?: BBox };
  readonly documents: number;
  /** True when nothing was reported in the period (and place). */
  readonly empty: boolean;
  readonly takeaways: readonly Takeaway[];
  readonly areas: readonly AreaSection[];
  readonly timeline: readonly TimelineDay[];
  readonly unknowns: {
    readonly contested: readonly PropositionItem[];
    readonly singleSource: readonly (PropositionItem | EventItem)[];
    /** Items no date could be given to, apart: they belong to no period. */
    readonly undated: {
      readonly propositions: readonly PropositionItem[];
      readonly events: readonly EventItem[];
      /** How many there are in all (the lists hold the first few). */
      readonly total: number;
    };
  };
  /** What the map draws: the period's places, events and propositions (as the desk's map takes them). */
  readonly map: { readonly places: readonly EntitySummary[]; readonly events: readonly EventGroup[]; readonly propositions: readonly PropositionGroup[] };
}

/** Options of {@link buildReport}. */
export interface ReportOptions {
  /** Administrative areas of places (default: countries only). */
  readonly admin?: AdminLookup;
  /** The time the report is made (ISO), for its header. */
  readonly now?: string;
  /** Most events listed per area (the counts by type cover all). */
  readonly eventsPerArea?: number;
}

/** Event types that are fighting, for "new places of fighting". */
const FIGHTING = new Set(['Battles', 'Explosions/Remote violence']);
/** Days the timeline shows at least, ending on the period's last day. */
const TIMELINE_MIN_DAYS = 14;
const TIMELINE_MAX_DAYS = 92;
const UNDATED_LISTED = 10;
/** Most takeaways of one kind; more are counted in one line. */
const TAKEAWAYS_PER_KIND = 6;
const TAKEAWAY_NAMES: Readonly<Record<Takeaway['kind'], string>> = {
  contested: 'propositions that became contested', holder: 'changes of holder', corroborated: 'propositions that became corroborated',
  fatalities: 'deadly events', 'new-place': 'new places of fighting',
};
const QUOTE_CHARS = 300;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > QUOTE_CHARS ? `${t.slice(0, QUOTE_CHARS - 1)}…` : t;
}

/**
 * The one holder the claims assert, or null when they assert none or several: a period whose claims disagree
 * about the holder is contested, not a change of holder.
 */
function agreedHolder(records: readonly ClaimRecord[]): string | null {
  const holders = new Set(records.filter((r) => r.polarity === 'asserts' && r.holder && !r.unresolved).map((r) => r.holder));
  return holders.size === 1 ? [...holders][0] : null;
}

/** Builds the report of the filter's period (default: the latest day anything in the desk is dated). */
export function buildReport(desk: DeskData, filter: Filter = {}, options: ReportOptions = {}): Report {
  const admin = options.admin ?? countryOnlyLookup();
  const entities = desk.analysis.entities;
  // Without a last day: the latest dated day, or the first day asked for when that is later (an empty period).
  const latest = latestDay(desk);
  const to = filter.date ?? (filter.since && (!latest || filter.since > latest) ? filter.since : latest);
  const period = to ? { from: filter.since && filter.since <= to ? filter.since : to, to } : null;
  const at = placeTest(desk, filter);
  const areaNames = new Map<string, string>();
  const areaOf = (place: string | null): string => {
    if (!place) return 'Place not known';
    let name = areaNames.get(place);
    if (name === undefined) {
      const e = entities.get(place);
      const a = e ? admin(e) : null;
      name = a?.admin1 ? `${a.admin1}${a.country ? ` (${a.country.name})` : ''}` : a?.country ? a.country.name : 'Place not known';
      areaNames.set(place, name);
    }
    return name;
  };

  const propositionItem = (p: PropositionGroup): PropositionItem | null => {
    const upTo = period ? p.claims.filter((c) => c.date === null || c.date <= period.to) : p.claims;
    if (!upTo.length) return null;
    const before = period ? upTo.filter((c) => c.date !== null && c.date < period.from) : [];
    const during = period ? upTo.filter((c) => c.date !== null && c.date >= period.from) : upTo;
    const judged = judgeStatus(p.kind, upTo);
    const bySide = new Map<string, ClaimRecord[]>();
    for (const c of upTo) bySide.set(c.side ?? 'unknown', [...(bySide.get(c.side ?? 'unknown') ?? []), c]);
    const sides: SideLine[] = [...bySide.entries()]
      .sort(([a], [b]) => Number(a === 'unknown') - Number(b === 'unknown') || a.localeCompare(b))
      .map(([side, claims]) => ({
        side,
        stances: summarize(claims),
        claims: claims.map((c) => ({
          claimId: c.claimId, docId: c.docId, date: c.date, side, speaker: c.speakerName ?? 'unattributed', unresolved: c.unresolved,
          stance: `${c.polarity} ${c.holder ?? '?'} ${p.kind}`, outlet: c.outlet, quote: quote(c.evidence.text),
          inPeriod: !!period && c.date !== null && c.date >= period.from,
        })),
      }));
    const dates = upTo.map((c) => c.date).filter((d): d is string => d !== null).sort();
    return {
      id: p.id, kind: p.kind, title: `${p.kind} of ${p.placeName ?? p.place ?? 'an unknown place'}`, place: p.place, placeName: p.placeName,
      area: areaOf(p.place), from: dates[0] ?? null, to: dates[dates.length - 1] ?? null,
      status: judged.status, statusBefore: before.length ? judgeStatus(p.kind, before).status : null,
      holderBefore: p.kind === 'control' ? agreedHolder(before) : null, holderNow: p.kind === 'control' ? agreedHolder(during) : null,
      sources: judged.sources, acrossSides: judged.acrossSides, confidence: p.confidence, sides,
    };
  };

  const eventItem = (e: EventGroup): EventItem => ({
    id: e.id, type: e.type, subType: e.subType, place: e.place, placeName: e.placeName, area: areaOf(e.place),
    from: e.from, to: e.to, fatalities: e.fatalities, status: e.status, sources: e.sources.total,
    outlets: [...new Set(e.reports.map((r) => r.outlet))], quote: quote(e.reports[0].evidence.text),
    docId: e.reports[0].docId, eventId: e.reports[0].eventId,
  });

  const placed = {
    propositions: desk.analysis.propositions.filter((p) => at(p)),
    events: desk.analysis.events.filter((e) => at(e)),
  };
  // A proposition belongs to the period when one of its claims is dated in it.
  const periodProps = period ? placed.propositions.filter((p) => p.claims.some((c) => c.date !== null && c.date >= period.from && c.date <= period.to)) : [];
  const periodEvents = period ? placed.events.filter((e) => inDays(e.from, e.to, period.from, period.to)) : [];
  const propositions = periodProps.map(propositionItem).filter((p): p is PropositionItem => p !== null);
  const events = periodEvents.map(eventItem);

  // Key takeaways: status changes, holder changes, the deadliest events, new places of fighting.
  const takeaways: Takeaway[] = [];
  const sideText = (p: PropositionItem) =>
    p.sides.filter((s) => s.stances.length).map((s) => `${s.side} ${s.stances.map((st) => `${stanceText(st.stance, p.kind)} (${st.sources} source${st.sources === 1 ? '' : 's'})`).join(', ')}`).join('; ');
  for (const p of propositions) {
    if (p.status !== p.statusBefore && (p.status === 'contested' || p.status === 'corroborated')) {
      takeaways.push({ kind: p.status, ref: p.id, text: `${capitalise(p.title)} ${p.statusBefore ? 'became' : 'is'} ${p.status}: ${sideText(p)}.` });
    }
    if (p.holderBefore && p.holderNow && p.holderBefore !== p.holderNow) {
      takeaways.push({ kind: 'holder', ref: p.id, text: `${capitalise(p.title)}: now claimed by ${p.holderNow}, before the period by ${p.holderBefore}.` });
    }
  }
  const deadliest = events.filter((e) => (e.fatalities ?? 0) > 0).sort((a, b) => (b.fatalities ?? 0) - (a.fatalities ?? 0)).slice(0, 3);
  for (const e of deadliest) {
    takeaways.push({ kind: 'fatalities', ref: e.id, text: `${e.subType} at ${e.placeName ?? 'an unknown place'} (${e.from ?? 'undated'}): ${e.fatalities} killed according to ${e.outlets.join(', ')}${e.status === 'single-source' ? ' (single source)' : ''}.` });
  }
  if (period) {
    const foughtBefore = new Set(placed.events.filter((e) => FIGHTING.has(e.type) && e.place && e.from !== null && e.from < period.from).map((e) => e.place));
    const seen = new Set<string>();
    for (const e of events) {
      if (!FIGHTING.has(e.type) || !e.place || foughtBefore.has(e.place) || seen.has(e.place)) continue;
      seen.add(e.place);
      const where = e.placeName ?? e.place;
      takeaways.push({ kind: 'new-place', ref: e.id, text: `New place of fighting: ${where}${e.area.startsWith(where) ? '' : ` (${e.area})`} — ${e.subType.toLowerCase()}, ${e.from}.` });
    }
  }
  const order: Takeaway['kind'][] = ['contested', 'holder', 'corroborated', 'fatalities', 'new-place'];
  takeaways.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  // Takeaways are what to read first: a few of each kind, the rest counted (the areas list them all).
  const kept: Takeaway[] = [];
  for (const kind of order) {
    const all = takeaways.filter((t) => t.kind === kind);
    kept.push(...all.slice(0, TAKEAWAYS_PER_KIND));
    if (all.length > TAKEAWAYS_PER_KIND) {
      kept.push({ kind, ref: '', text: `… and ${all.length - TAKEAWAYS_PER_KIND} more ${TAKEAWAY_NAMES[kind]} (see the areas below).` });
    }
  }

  // Front areas, busiest first.
  const areas = new Map<string, { events: EventItem[]; propositions: PropositionItem[] }>();
  const slot = (name: string) => {
    let a = areas.get(name);
    if (!a) areas.set(name, (a = { events: [], propositions: [] }));
    return a;
  };
  for (const e of events) slot(e.area).events.push(e);
  for (const p of propositions) slot(p.area).propositions.push(p);
  const statusRank = (s: Status) => (s === 'contested' ? 0 : s === 'corroborated' ? 1 : 2);
  const perArea = options.eventsPerArea ?? 25;
  const sections: AreaSection[] = [...areas.entries()]
    .map(([name, a]) => {
      const byType = new Map<string, { count: number; fatalities: number | null }>();
      for (const e of a.events) {
        const t = byType.get(e.type) ?? { count: 0, fatalities: null };
        t.count++;
        if (e.fatalities !== null) t.fatalities = (t.fatalities ?? 0) + e.fatalities;
        byType.set(e.type, t);
      }
      return {
        name,
        byType: [...byType.entries()].map(([type, t]) => ({ type, ...t })).sort((x, y) => y.count - x.count || x.type.localeCompare(y.type)),
        events: [...a.events].sort((x, y) => (y.fatalities ?? -1) - (x.fatalities ?? -1) || (y.to ?? '').localeCompare(x.to ?? '')).slice(0, perArea),
        propositions: [...a.propositions].sort((x, y) => statusRank(x.status) - statusRank(y.status) || (y.to ?? '').localeCompare(x.to ?? '')),
      };
    })
    .sort((x, y) => Number(x.name === 'Place not known') - Number(y.name === 'Place not known') ||
      (y.events.length + 2 * y.propositions.length) - (x.events.length + 2 * x.propositions.length) || x.name.localeCompare(y.name));

  // Timeline: claims and events per day, at least two weeks back so a day's report shows its context.
  const timeline: TimelineDay[] = [];
  if (period) {
    let first = period.from < addDays(period.to, -(TIMELINE_MIN_DAYS - 1)) ? period.from : addDays(period.to, -(TIMELINE_MIN_DAYS - 1));
    if (first < addDays(period.to, -(TIMELINE_MAX_DAYS - 1))) first = addDays(period.to, -(TIMELINE_MAX_DAYS - 1));
    const claims = new Map<string, number>();
    const evs = new Map<string, number>();
    for (const p of placed.propositions) for (const c of p.claims) if (c.date && c.date >= first && c.date <= period.to) claims.set(c.date, (claims.get(c.date) ?? 0) + 1);
    for (const e of placed.events) if (e.from && e.from >= first && e.from <= period.to) evs.set(e.from, (evs.get(e.from) ?? 0) + 1);
    for (let d = first; d <= period.to; d = addDays(d, 1)) {
      timeline.push({ day: d, claims: claims.get(d) ?? 0, events: evs.get(d) ?? 0, inPeriod: d >= period.from });
    }
  }

  const undatedProps = placed.propositions.filter((p) => p.from === null).map(propositionItem).filter((p): p is PropositionItem => p !== null);
  const undatedEvents = placed.events.filter((e) => e.from === null).map(eventItem);
  const mapPlaces = new Set([...periodProps.map((p) => p.place), ...periodEvents.map((e) => e.place)].filter((x): x is string => !!x));
  const filterEcho: { place?: string; bbox?: BBox } = {};
  if (filter.place) filterEcho.place = filter.place;
  if (filter.bbox) filterEcho.bbox = filter.bbox;
  return {
    title: `Situation report${period ? ` — ${period.from === period.to ? period.to : `${period.from} to ${period.to}`}` : ''}${filter.place ? ` — ${filter.place}` : ''}`,
    period,
    generated: options.now ?? new Date().toISOString(),
    filter: filterEcho,
    documents: desk.docs.length,
    empty: propositions.length === 0 && events.length === 0,
    takeaways: kept,
    areas: sections,
    timeline,
    unknowns: {
      contested: propositions.filter((p) => p.status === 'contested'),
      singleSource: [...propositions.filter((p) => p.status === 'single-source'), ...events.filter((e) => e.status === 'single-source')],
      undated: { propositions: undatedProps.slice(0, UNDATED_LISTED), events: undatedEvents.slice(0, UNDATED_LISTED), total: undatedProps.length + undatedEvents.length },
    },
    map: {
      places: [...mapPlaces].map((id) => entities.get(id)).filter((e): e is EntitySummary => !!e),
      events: periodEvents,
      propositions: periodProps,
    },
  };
}

