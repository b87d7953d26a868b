import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  adminArea, baseMapFrom, clampTransform, clusterMarkers, IDENTITY, mapMarkers, overlaps, placeKind, placeLabels, prepareBoundaries,
  shapePaths, simplifyRing, theatreProjection, toScreen, zoomAbout, type LabelRequest, type MapMarker,
} from '../../src/web/map-geometry.js';
import { shortQuote, MAX_WORDS } from '../../src/web/evidence.js';

const require = createRequire(import.meta.url);
const base = baseMapFrom(
  JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')),
  prepareBoundaries(JSON.parse(readFileSync(new URL('../../src/stages/places/data/ukraine-adm1.geojson', import.meta.url), 'utf8'))),
);

test('the geometry runs in Node: shape paths, markers with kinds and areas, admin areas', () => {
  const projection = theatreProjection();
  const paths = shapePaths(base, projection);
  assert.ok(paths.filter((p) => p.layer === 'oblast').length >= 27);
  assert.ok(paths.every((p) => p.d.startsWith('M')));
  assert.equal(adminArea(base, 38.0, 48.59), 'Donetsk Oblast', 'Bakhmut lies in Donetsk Oblast');
  assert.equal(placeKind('city'), 'settlement');
  assert.equal(placeKind('admin1'), 'region');
  assert.equal(placeKind('country'), 'country');
  const place = (id: string, name: string, type: string, lat: number, lon: number) =>
    ({ id, kind: 'place', name, side: null, role: null, type, lat, lon, country: 'UA', geonamesId: null, aliases: [], mentions: 3, docIds: [] }) as const;
  const markers = mapMarkers(base, {
    places: [place('b', 'Bakhmut', 'city', 48.59, 38.0), place('d', 'Donetsk Oblast', 'admin1', 48.0, 37.8), place('u', 'Ukraine', 'country', 49, 32), place('q', 'Quiet', 'admin1', 50.5, 30.5)],
    events: [],
    propositions: [
      { place: 'd', status: 'contested' }, { place: 'u', status: 'single-source' }, { place: 'b', status: 'single-source' }, { place: 'b', status: 'contested' },
    ] as never,
  }, projection);
  const byId = new Map(markers.map((m) => [m.id, m]));
  assert.equal(byId.get('b')?.status, 'contested', 'contested outranks single-source');
  assert.equal(byId.get('b')?.area, null, 'a settlement is a point');
  assert.ok(byId.get('d')?.area?.startsWith('M'), 'a region is its area');
  assert.ok(byId.get('u')?.area?.startsWith('M'), 'a country is its area');
  assert.equal(byId.has('q'), false, 'a region where nothing happens is left to the base map');
});

test('labels placed greedily never overlap each other or the markers, and stay on the map', () => {
  const requests: LabelRequest[] = Array.from({ length: 80 }, (_, i) => ({ id: String(i), text: `Place number ${i}`, x: 300 + (i % 10) * 9, y: 200 + Math.floor(i / 10) * 7, r: 4, weight: 80 - i }));
  const obstacles = requests.map((r) => ({ x0: r.x - 4, y0: r.y - 4, x1: r.x + 4, y1: r.y + 4 }));
  const placed = placeLabels(requests, obstacles);
  assert.ok(placed.length > 3 && placed.length < 80, `${placed.length} placed`);
  assert.equal(placed[0].id, '0', 'the heaviest first');
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) assert.equal(overlaps(placed[i].box, placed[j].box), false, `${placed[i].text} / ${placed[j].text}`);
    for (const o of obstacles) assert.equal(overlaps(placed[i].box, o), false);
    assert.ok(placed[i].box.x0 >= 0 && placed[i].box.x1 <= 800);
  }
});

test('clusters gather close markers and split as the map zooms in', () => {
  const m = (id: string, x: number, y: number): MapMarker => ({ id, name: id, kind: 'settlement', x, y, status: null, propositions: 0, events: [], weight: 1, area: null });
  const markers = [m('a', 100, 100), m('b', 105, 100), m('c', 108, 104), m('d', 400, 300)];
  assert.deepEqual(clusterMarkers(markers, IDENTITY).map((c) => c.members.length).sort(), [1, 3]);
  const zoomed = zoomAbout(IDENTITY, 8, 104, 102);
  assert.equal(clusterMarkers(markers, zoomed).filter((c) => c.members.length > 1).length, 0);
});

test('zooming keeps the point under the pointer still; panning stops at the edges', () => {
  const t = zoomAbout(IDENTITY, 3, 200, 150);
  const [x, y] = toScreen(t, 200, 150);
  assert.ok(Math.abs(x - 200) < 1e-9 && Math.abs(y - 150) < 1e-9);
  assert.deepEqual(clampTransform({ k: 2, x: 100, y: -5000 }), { k: 2, x: 0, y: -520 });
  assert.equal(zoomAbout(IDENTITY, 0.1, 0, 0).k, 1, 'never smaller than the theatre');
});

test('simplifying a ring keeps it closed and drops points on straight lines', () => {
  const ring = [[0, 0], [0.5, 0.0001], [1, 0], [1, 1], [0, 1], [0, 0]];
  const out = simplifyRing(ring, 0.01);
  assert.deepEqual(out, [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
});

test('a long quote is cut to the sentence carrying the claim, a long sentence around its predicate', () => {
  const quote = 'The weather was cold. Russian forces captured Soledar after heavy fighting. Many other things happened later.';
  assert.deepEqual(shortQuote(quote, ['captured', 'object "Soledar"']), { short: '… Russian forces captured Soledar after heavy fighting. …', cut: true });
  assert.deepEqual(shortQuote('Short and whole.', ['captured']), { short: 'Short and whole.', cut: false });
  const long = `${'word '.repeat(200)}captured the town ${'word '.repeat(200)}`.trim();
  const { short, cut } = shortQuote(long, ['captured']);
  assert.ok(cut && short.includes('captured'));
  assert.ok(short.split(/\s+/).filter((w) => w !== '…').length <= MAX_WORDS);
});
