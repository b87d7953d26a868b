/**
 * What a report or an export covers: a period and a place (a name with its aliases, or a bounding box), and the
 * propositions and events of the desk that fall inside. The report and every export read the desk through this
 * one selection, so `sitrep report` and `sitrep export` with the same flags speak of the same items.
 */
import type { Analysis, EntitySummary, EventGroup, PropositionGroup } from '../crossdoc/index.js';

/** A bounding box in degrees. */
export interface BBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** The filters `sitrep report`, `sitrep export` and their endpoints take. */
export interface Filter {
  /** First day, `YYYY-MM-DD` (inclusive). */
  readonly since?: string;
  /** Last day, `YYYY-MM-DD` (inclusive). */
  readonly date?: string;
  /** A place name, alias or entity id. */
  readonly place?: string;
  readonly bbox?: BBox;
}

/** What the selection reads: the desk's cross-document picture and its entity search. */
export interface DeskData {
  readonly docs: readonly unknown[];
  readonly analysis: Pick<Analysis, 'propositions' | 'events' | 'entities'>;
  searchEntities(q: string): EntitySummary[];
}

/** Parses `west,south,east,north`; null when malformed or out of range. */
export function parseBBox(text: string): BBox | null {
  const parts = text.split(',').map((p) => Number(p.trim()));
  const [west, south, east, north] = parts;
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) return null;
  if (west < -180 || east > 180 || south < -90 || north > 90 || south > north || west > east) return null;
  return { west, south, east, north };
}

/** The latest day anything in the desk is dated (a claim, an event), or null for an undated or empty desk. */
export function latestDay(desk: DeskData): string | null {
  let latest: string | null = null;
  for (const p of desk.analysis.propositions) if (p.to && (!latest || p.to > latest)) latest = p.to;
  for (const e of desk.analysis.events) if (e.to && (!latest || e.to > latest)) latest = e.to;
  return latest;
}

/** Tests whether an item lies in the filter's place: one of the named place's ids, or inside the box. */
export type PlaceTest = (item: { place: string | null; lat: number | null; lon: number | null }) => boolean;

/** The place test of a filter (everything when the filter names no place and no box). */
export function placeTest(desk: DeskData, filter: Filter): PlaceTest {
  const ids = filter.place
    ? new Set([filter.place, ...desk.searchEntities(filter.place).filter((e) => e.kind === 'place').map((e) => e.id)])
    : null;
  const box = filter.bbox;
  return (item) =>
    (!ids || (item.place !== null && ids.has(item.place))) &&
    (!box || (item.lat !== null && item.lon !== null && item.lon >= box.west && item.lon <= box.east && item.lat >= box.south && item.lat <= box.north));
}

/** True when `[from, to]` overlaps the filter's days; undated items match only a filter without days. */
export function inDays(from: string | null, to: string | null, since?: string, until?: string): boolean {
  if (!since && !until) return true;
  if (!from || !to) return false;
  return (!since || to >= since) && (!until || from <= until);
}

/** The events and propositions a filter selects, in the desk's order (newest first). */
export interface Selection {
  readonly events: readonly EventGroup[];
  readonly propositions: readonly PropositionGroup[];
}

/** Selects the events and propositions in the filter's days and place. Without days, everything matches. */
export function select(desk: DeskData, filter: Filter): Selection {
  const at = placeTest(desk, filter);
  return {
    events: desk.analysis.events.filter((e) => at(e) && inDays(e.from, e.to, filter.since, filter.date)),
    propositions: desk.analysis.propositions.filter((p) => at(p) && inDays(p.from, p.to, filter.since, filter.date)),
  };
}
