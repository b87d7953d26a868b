import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { geoArea } from 'd3-geo';
import { prepareBoundaries, rewindPolygon } from '../../src/web/build.js';

test('oblast polygons are wound for d3-geo: none encloses more than a hemisphere', () => {
  const raw = JSON.parse(readFileSync(new URL('../../src/stages/places/data/ukraine-adm1.geojson', import.meta.url), 'utf8')) as GeoJSON.FeatureCollection;
  const prepared = prepareBoundaries(raw);
  assert.equal(prepared.features.length, 27);
  for (const f of prepared.features) {
    const area = geoArea(f);
    assert.ok(area > 0 && area < 0.01, `${f.properties?.shapeName}: ${area} sr`);
  }
  assert.ok(prepared.features.some((f) => f.properties?.shapeName === 'Donetsk Oblast'));
});

test('a counter-clockwise (RFC 7946) ring is reversed, a clockwise one kept', () => {
  const ccw = [[30, 50], [31, 50], [31, 51], [30, 51], [30, 50]];
  const cw = [...ccw].reverse();
  assert.deepEqual(rewindPolygon([ccw]), [cw]);
  assert.deepEqual(rewindPolygon([cw]), [cw]);
});
