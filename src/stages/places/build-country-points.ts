/**
 * Regenerates `data/country-points.json`: one representative point per country, the area centroid of the
 * country's largest polygon in Natural Earth's 1:50m shapes (npm `world-atlas`, public domain). The main
 * landmass keeps the United States' point off the Pacific (Alaska, Hawaii) and France's off its overseas
 * departments, as GeoNames' own country points are. A centroid outside its polygon (Vietnam's S, atolls) is
 * replaced by the nearest point inside it. Run: `node --import tsx src/stages/places/build-country-points.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';

/**
 * Area centroid and area of a ring, computed in the sinusoidal projection (x = Δlon·cos lat, y = lat),
 * which is equal-area: a plain degree grid would overweight the high latitudes of Russia or Canada.
 */
export function ringCentroid(input: readonly (readonly number[])[]): { lat: number; lon: number; area: number } {
  // A ring across the antimeridian (Russia's Chukotka) is unwrapped before averaging.
  const lons = input.map((p) => p[0]);
  const wraps = Math.max(...lons) - Math.min(...lons) > 180;
  const ring = wraps ? input.map((p) => [p[0] < 0 ? p[0] + 360 : p[0], p[1]]) : input;
  const lon0 = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const r = Math.PI / 180;
  const xy = ring.map((p) => [(p[0] - lon0) * Math.cos(p[1] * r), p[1]]);
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < xy.length - 1; i++) {
    const [x0, y0] = xy[i];
    const [x1, y1] = xy[i + 1];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) return { lat: ring[0][1], lon: ring[0][0], area: 0 };
  const lat = cy / (3 * a);
  return { lat, lon: lon0 + cx / (3 * a) / Math.cos(lat * r), area: Math.abs(a) / 2 };
}

/**
 * The centroid when it lies inside the polygon, else the inside point nearest to it on a fine grid over the
 * polygon's box (a concave country such as Vietnam, or an atoll, has its centroid outside its land).
 */
export function insidePoint(poly: number[][][], lon: number, lat: number): { lat: number; lon: number } {
  const shape = { type: 'Polygon' as const, coordinates: poly };
  if (geoContains(shape, [lon, lat])) return { lat, lon };
  const ring = poly[0];
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best: { lat: number; lon: number } | undefined;
  let bestD = Infinity;
  const steps = 200;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const x = x0 + ((x1 - x0) * i) / steps;
      const y = y0 + ((y1 - y0) * j) / steps;
      const d = (x - lon) ** 2 * Math.cos((y * Math.PI) / 180) ** 2 + (y - lat) ** 2;
      // Clear of the border by a little, so that rounding the point keeps it inside.
      const m = Math.min(0.02, (x1 - x0) / steps, (y1 - y0) / steps);
      if (d < bestD && [[x, y], [x + m, y], [x - m, y], [x, y + m], [x, y - m]].every((q) => geoContains(shape, q as [number, number]))) {
        bestD = d;
        best = { lat: y, lon: x };
      }
    }
  }
  // A sliver too thin for the grid: the middle of its first edge's neighbours.
  return best ?? { lat: (ring[0][1] + ring[1][1] + ring[2][1]) / 3, lon: (ring[0][0] + ring[1][0] + ring[2][0]) / 3 };
}

function main(): void {
  const here = dirname(fileURLToPath(import.meta.url));
  const require = createRequire(import.meta.url);
  const atlas = join(dirname(require.resolve('world-atlas/package.json')), 'countries-50m.json');
  // Typed loosely: the topology's types package is not installed.
  const topo = JSON.parse(readFileSync(atlas, 'utf8')) as Parameters<typeof feature>[0] & { objects: { countries: Parameters<typeof feature>[1] } };
  const numericToIso = new Map<string, string>();
  for (const line of readFileSync(join(here, 'data', 'countryInfo.txt'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const c = line.split('\t');
    numericToIso.set(c[2].padStart(3, '0'), c[0]);
  }
  const out: Record<string, [number, number]> = {};
  const areas = new Map<string, number>();
  const fc = feature(topo, topo.objects.countries) as unknown as {
    features: { id?: string; geometry: { type: string; coordinates: number[][][] | number[][][][] } | null }[];
  };
  for (const f of fc.features) {
    const iso = f.id ? numericToIso.get(String(f.id).padStart(3, '0')) : undefined;
    if (!iso || !f.geometry) continue;
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
    let best = { lat: 0, lon: 0, area: -1 };
    let bestPoly: number[][][] = [];
    for (const poly of polys) {
      const c = ringCentroid(poly[0]);
      if (c.area > best.area) {
        best = c;
        bestPoly = poly;
      }
    }
    // Natural Earth gives some ISO codes to several features (Australia and the Ashmore and Cartier Islands):
    // the largest wins.
    if (areas.has(iso) && areas.get(iso)! >= best.area) continue;
    areas.set(iso, best.area);
    const lon = best.lon > 180 ? best.lon - 360 : best.lon;
    const inside = insidePoint(bestPoly, lon, best.lat);
    out[iso] = [Math.round(inside.lat * 1e3) / 1e3, Math.round(inside.lon * 1e3) / 1e3];
  }
  const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  const json = {
    _about: 'Country points [lat, lon]: equal-area centroid of each country\'s largest polygon in Natural Earth 1:50m (npm world-atlas, public domain). Generated by build-country-points.ts.',
    points: sorted,
  };
  writeFileSync(join(here, 'data', 'country-points.json'), JSON.stringify(json, null, 0).replace(/\],"/g, '],\n"') + '\n');
  console.log(`${Object.keys(out).length} countries`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
