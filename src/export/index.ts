/**
 * Exports of the desk for the tools analysts already use: ACLED-shaped CSV (Excel, ACLED pipelines), RFC 7946
 * GeoJSON of events and propositions (QGIS, kepler.gl), and JSON Lines of everything. Each export is a stream
 * made item by item from the selection (see `report/select.ts`), with backpressure: writing 100,000 events holds
 * one row at a time, not the file.
 */
import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Doc } from '../core/index.js';
import type { EntitySummary, EventGroup, PropositionGroup } from '../crossdoc/index.js';
import { countryOnlyLookup, select, stanceText, type AdminLookup, type DeskData, type Filter } from '../report/index.js';
import { ACLED_COLUMNS, acledRow } from './acled.js';

export { ACLED_COLUMNS, acledRow, type AcledContext, type AcledRow } from './acled.js';

/** The export formats. */
export const EXPORT_FORMATS = ['acled', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Content type and file name extension of each format. */
export const EXPORT_FILES: Readonly<Record<ExportFormat, { readonly type: string; readonly ext: string }>> = {
  acled: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  geojson: { type: 'application/geo+json', ext: 'geojson' },
  jsonl: { type: 'application/x-ndjson', ext: 'jsonl' },
};

/** What an export reads: the desk's picture and, optionally, its documents by id (for ACLED's time precision). */
export interface ExportDesk extends DeskData {
  readonly byId?: ReadonlyMap<string, Pick<Doc, 'events'>>;
}

/** Options of {@link exportStream}. */
export interface ExportOptions {
  readonly admin?: AdminLookup;
  /** The export's time (ISO), written as ACLED's `timestamp`. */
  readonly now?: string;
}

/** A GeoJSON point at a place's coordinates, or null when it has none. */
function pointAt(x: { readonly lat: number | null; readonly lon: number | null }): GeoJSON.Point | null {
  return x.lat !== null && x.lon !== null ? { type: 'Point', coordinates: [x.lon, x.lat] } : null;
}

/** An event as a GeoJSON feature: a point at its place (null geometry when it has none), its status and sources as properties. */
export function eventFeature(e: EventGroup): GeoJSON.Feature<GeoJSON.Geometry | null> {
  return {
    type: 'Feature',
    id: e.id,
    geometry: pointAt(e),
    properties: {
      featureType: 'event', id: e.id, eventType: e.type, subEventType: e.subType, place: e.place, placeName: e.placeName,
      from: e.from, to: e.to, fatalities: e.fatalities, status: e.status, sides: e.sides, sources: e.sources.total,
      sourcesBySide: e.sources.bySide, outlets: [...new Set(e.reports.map((r) => r.outlet))], reports: e.reports.length,
      evidence: e.reports[0]?.evidence.text.replace(/\s+/g, ' ').trim() ?? null, docId: e.reports[0]?.docId ?? null,
    },
  };
}

/** A proposition as a GeoJSON feature: a point at its place, its status, sides, sources and each side's stance as properties. */
export function propositionFeature(p: PropositionGroup): GeoJSON.Feature<GeoJSON.Geometry | null> {
  return {
    type: 'Feature',
    id: p.id,
    geometry: pointAt(p),
    properties: {
      featureType: 'proposition', id: p.id, kind: p.kind, place: p.place, placeName: p.placeName, from: p.from, to: p.to,
      status: p.status, acrossSides: p.acrossSides, sides: p.sides, sources: p.sources.total, sourcesBySide: p.sources.bySide,
      summary: p.summary.map((s) => `${s.side}: ${stanceText(s.stance, p.kind)} (${s.sources} source${s.sources === 1 ? '' : 's'}, latest ${s.latest ?? 'undated'})`),
      outlets: p.outlets, claims: p.claims.length, confidence: p.confidence,
    },
  };
}

async function* geojsonText(events: readonly EventGroup[], propositions: readonly PropositionGroup[]): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for (const f of [...propositions.map((p) => () => propositionFeature(p)), ...events.map((e) => () => eventFeature(e))]) {
    yield `${first ? '' : ',\n'}${JSON.stringify(f())}`;
    first = false;
  }
  yield '\n]}\n';
}

async function* jsonlText(desk: DeskData, events: readonly EventGroup[], propositions: readonly PropositionGroup[]): AsyncGenerator<string> {
  const referenced = new Set<string>();
  for (const p of propositions) {
    yield JSON.stringify({ record: 'proposition', ...p }) + '\n';
    if (p.place) referenced.add(p.place);
    for (const c of p.claims) if (c.speaker) referenced.add(c.speaker);
  }
  for (const e of events) {
    yield JSON.stringify({ record: 'event', ...e }) + '\n';
    if (e.place) referenced.add(e.place);
    for (const r of e.reports) for (const a of r.actors) referenced.add(a);
  }
  for (const id of referenced) {
    const entity: EntitySummary | undefined = desk.analysis.entities.get(id);
    if (entity) yield JSON.stringify({ record: 'entity', ...entity }) + '\n';
  }
}

/**
 * The export of a filter's events and propositions as a readable stream of text. Rows are made as the reader
 * asks for them, so memory stays flat however many events there are.
 */
export function exportStream(desk: ExportDesk, filter: Filter, format: ExportFormat, options: ExportOptions = {}): Readable {
  const { events, propositions } = select(desk, filter);
  switch (format) {
    case 'acled': {
      const ctx = {
        entities: desk.analysis.entities, admin: options.admin ?? countryOnlyLookup(), docs: desk.byId,
        timestamp: Math.floor(Date.parse(options.now ?? new Date().toISOString()) / 1000),
      };
      const rows = Readable.from((function* () {
        for (const e of events) yield acledRow(e, ctx);
      })(), { highWaterMark: 64 });
      const csv = stringify({ header: true, columns: [...ACLED_COLUMNS] });
      return pipeline(rows, csv, () => {});
    }
    case 'geojson':
      return Readable.from(geojsonText(events, propositions), { objectMode: false });
    case 'jsonl':
      return Readable.from(jsonlText(desk, events, propositions), { objectMode: false });
  }
}
