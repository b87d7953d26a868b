/**
 * Exports over the seed articles through the real pipeline: the ACLED CSV read back by a CSV parser (csv-parse)
 * gives every event with its columns intact, the GeoJSON passes an RFC 7946 validator (@placemarkio/check-geojson),
 * JSON Lines parse line by line, and the stream makes rows only as they are read (constant memory).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import { check } from '@placemarkio/check-geojson';
import type { EntitySummary, EventGroup } from '../../src/crossdoc/index.js';
import { ACLED_COLUMNS, exportStream, type ExportDesk, type ExportFormat } from '../../src/export/index.js';
import { seedDesk } from '../report/seed-desk.js';

const { view, admin } = await seedDesk();
const NOW = '2026-01-01T00:00:00Z';

async function text(format: ExportFormat, desk: ExportDesk = view, filter = {}): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of exportStream(desk, filter, format, { admin, now: NOW })) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}

test('the ACLED CSV round-trips through a CSV parser with every event and ACLED\'s columns', async () => {
  const csv = await text('acled');
  const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0]), [...ACLED_COLUMNS]);
  assert.equal(rows.length, view.analysis.events.length);
  const byId = new Map(view.analysis.events.map((e) => [e.id, e]));
  for (const row of rows) {
    const e = byId.get(/sitrep=(\S+);/.exec(row.tags)?.[1] ?? '');
    assert.ok(e, `row ${row.event_id_cnty} names its sitrep event`);
    assert.equal(row.event_type, e.type);
    assert.equal(row.sub_event_type, e.subType);
    assert.equal(row.event_date, e.from ?? '');
    assert.equal(row.location, e.placeName ?? '');
    // Quotes with commas, curly quotes and line breaks survive the round trip.
    assert.ok(row.notes.endsWith(e.reports[0].evidence.text.replace(/\s+/g, ' ').trim()));
    assert.match(row.event_id_cnty, /^[A-Z]{3}\d+$/);
    assert.ok(['Political violence', 'Demonstrations', 'Political violence; Demonstrations', 'Strategic developments'].includes(row.disorder_type));
  }
  const bakhmut = rows.find((r) => /bakhmut/i.test(r.location));
  assert.ok(bakhmut, 'an event at Bakhmut');
  assert.equal(bakhmut.country, 'Ukraine');
  assert.equal(bakhmut.iso, '804');
  assert.equal(bakhmut.admin1, 'Donetsk', 'admin1 from the gazetteer');
  assert.ok(Math.abs(Number(bakhmut.latitude) - 48.59) < 0.05 && Math.abs(Number(bakhmut.longitude) - 38.0) < 0.05);
  assert.equal(bakhmut.timestamp, String(Date.parse(NOW) / 1000));
});

test('the GeoJSON is valid RFC 7946 with propositions (status, sides, sources) and events', async () => {
  const raw = await text('geojson');
  const fc = check(raw) as GeoJSON.FeatureCollection;
  assert.equal(fc.features.length, view.analysis.events.length + view.analysis.propositions.length);
  const control = fc.features.find((f) => f.properties?.featureType === 'proposition' && f.properties.kind === 'control' && /bakhmut/i.test(f.properties.placeName));
  assert.ok(control, 'control of Bakhmut');
  assert.equal(control.properties?.status, 'contested');
  assert.ok(control.properties?.sides.includes('RU') && control.properties.sides.includes('UA'));
  assert.ok(control.properties?.sourcesBySide.RU >= 2 && control.properties.sourcesBySide.UA >= 1);
  assert.equal(control.geometry?.type, 'Point');
  const [lon, lat] = (control.geometry as GeoJSON.Point).coordinates;
  assert.ok(lon > 37 && lon < 39 && lat > 48 && lat < 49, 'longitude first, as RFC 7946 says');
  assert.ok(fc.features.some((f) => f.properties?.featureType === 'event'));
});

test('JSON Lines hold every proposition and event and the entities they name, one JSON object per line', async () => {
  const lines = (await text('jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l) as { record: string; id: string });
  assert.equal(lines.filter((l) => l.record === 'proposition').length, view.analysis.propositions.length);
  assert.equal(lines.filter((l) => l.record === 'event').length, view.analysis.events.length);
  assert.ok(lines.some((l) => l.record === 'entity' && /maliar/.test(l.id)));
});

test('filters select the same items for exports as for the report', async () => {
  const rows = parse(await text('acled', view, { place: 'Bakhmut', since: '2023-05-01' }), { columns: true }) as Record<string, string>[];
  assert.ok(rows.length > 0);
  for (const r of rows) assert.match(r.location, /bakhmut/i);
  assert.equal((parse(await text('acled', view, { date: '2020-01-01' }), { columns: true }) as unknown[]).length, 0);
});

/** A desk of `n` synthetic events at one place, counting how many rows the exporter has asked for. */
function bigDesk(n: number): { desk: ExportDesk; made: () => number } {
  const place: EntitySummary = {
    id: 'geo:713174', kind: 'place', name: 'Bakhmut', side: null, role: null, type: 'city', lat: 48.59, lon: 38.0, country: 'UA',
    geonamesId: 713174, aliases: [], mentions: 1, docIds: [],
  };
  let asked = 0;
  const events: EventGroup[] = Array.from({ length: n }, (_, i) => ({
    id: `event:d${i}#e1`, type: 'Battles', subType: 'Armed clash', place: place.id, placeName: 'Bakhmut', lat: 48.59, lon: 38.0,
    from: '2023-05-25', to: '2023-05-25', sides: ['UA'], fatalities: i % 7, status: 'single-source', sources: { total: 1, bySide: { UA: 1 } },
    reports: [{ eventId: `d${i}#e1`, docId: `d${i}`, outlet: 'Test', date: '2023-05-25', fatalities: i % 7, actors: [], claims: [], evidence: { start: 0, end: 10, text: `Fighting, "heavy", ${i}` } }],
  }));
  const entities = new Map([[place.id, place]]);
  const counting = new Proxy(entities, {
    get(target, key) {
      if (key === 'get') return (id: string) => (asked++, target.get(id));
      const v = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { desk: { docs: [], analysis: { events, propositions: [], entities: counting }, searchEntities: () => [] }, made: () => asked };
}

test('an export makes rows as they are read: reading the start of 50,000 events makes only a few of them', async () => {
  const { desk, made } = bigDesk(50_000);
  const stream = exportStream(desk, {}, 'acled', { admin, now: NOW });
  for await (const _ of stream) break;
  assert.ok(made() > 0 && made() < 2_000, `rows made after the first chunk: ${made()}`);
  // Read to the end, every row comes out.
  const { desk: all } = bigDesk(20_000);
  let lines = 0;
  await pipeline(exportStream(all, {}, 'acled', { admin, now: NOW }), new Writable({
    write(chunk, _enc, done) {
      for (const b of chunk as Buffer) if (b === 10) lines++;
      done();
    },
  }));
  assert.equal(lines, 20_001, 'a header and one line per event');
});
