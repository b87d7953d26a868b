/**
 * The map's geometry, with no DOM: projection, SVG path strings, markers (where, what kind, what status),
 * clustering and label placement. The browser map (`map-view.ts`) and the report's static SVG both draw from it,
 * so this module imports nothing that needs a browser and runs in Node as it is.
 *
 * Coordinates: `projection` maps lon/lat to map units (0..width, 0..height); a {@link ViewTransform} (zoom `k`,
 * pan `x`/`y`) maps map units to screen units. Clustering and labels work in screen units, because what collides
 * is what the reader sees at the current zoom.
 */
import { geoArea, geoBounds, geoContains, geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { EntitySummary, EventGroup, PropositionGroup } from '../crossdoc/index.js';

/** The map's size in map units (the SVG viewBox). */
export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 520;
/** The theatre the map opens on: Ukraine and the Russian border regions. */
export const THEATRE: GeoJSON.MultiPoint = { type: 'MultiPoint', coordinates: [[22, 44], [41, 53]] };

/** Base geometry: country shapes and Ukraine's oblasts, as GeoJSON wound for d3-geo. */
export interface BaseMap {
  readonly countries: GeoJSON.FeatureCollection;
  readonly oblasts: GeoJSON.FeatureCollection;
}

/**
 * The base map from its two files: world-atlas's `countries-110m.json` (TopoJSON) and the oblasts as
 * {@link prepareBoundaries} wrote them (`web-dist/data/ukraine-adm1.json`, or prepare
 * `src/stages/places/data/ukraine-adm1.geojson` with it).
 */
export function baseMapFrom(world: Topology, oblasts: GeoJSON.FeatureCollection): BaseMap {
  const countries = feature(world, world.objects.countries as GeometryCollection) as unknown as GeoJSON.FeatureCollection;
  return { countries, oblasts };
}

type Ring = number[][];

/** Rounds coordinates to 0.001° (about 100 m): the map is drawn at country scale, so finer is only bytes. */
function round(ring: Ring): Ring {
  return ring.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
}

/**
 * Orients polygon rings as d3-geo expects. GeoJSON (RFC 7946) winds exterior rings counter-clockwise, but d3-geo
 * works on the sphere, where that ring encloses everything except the oblast: such a polygon would paint the
 * whole globe. A polygon whose area exceeds a hemisphere is the wrong way round and is reversed.
 */
export function rewindPolygon(rings: Ring[]): Ring[] {
  const polygon: GeoJSON.Polygon = { type: 'Polygon', coordinates: rings };
  return geoArea(polygon) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
}

/** Squared distance from p to the segment a–b (planar, in degrees: fine at the tolerance used). */
function segmentDistance2(p: number[], a: number[], b: number[]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len)) : 0;
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/**
 * Douglas–Peucker simplification of a closed ring (iterative, so long rings do not recurse deeply). Points closer
 * than `tolerance` degrees to the simplified line are dropped; a ring keeps at least its first, farthest and last
 * points so it stays a polygon.
 */
export function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  // Split at the point farthest from the start, so a closed ring (first = last) has a real segment to measure from.
  let far = 1;
  for (let i = 1; i < ring.length - 1; i++) if (segmentDistance2(ring[i], ring[0], ring[0]) > segmentDistance2(ring[far], ring[0], ring[0])) far = i;
  keep[far] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, far], [far, ring.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    let best = -1;
    let bestD = tol2;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance2(ring[i], ring[a], ring[b]);
      if (d > bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  const out = ring.filter((_, i) => keep[i]);
  return out.length >= 4 ? out : ring;
}

/**
 * Tolerance of the oblast outlines: 0.005° (about 500 m), a fifth of a pixel on the theatre map and a few pixels at
 * the deepest zoom; it drops 60 % of the points (500 KB of path strings to 170 KB) and the drawing time with them.
 */
export const BOUNDARY_TOLERANCE = 0.005;

/** Prepares the oblast boundaries for d3-geo: rings simplified and rewound, coordinates rounded, properties trimmed. */
export function prepareBoundaries(fc: GeoJSON.FeatureCollection, tolerance = BOUNDARY_TOLERANCE): GeoJSON.FeatureCollection {
  const ring = (r: Ring) => round(simplifyRing(r, tolerance));
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const g = f.geometry;
      const geometry: GeoJSON.Geometry =
        g.type === 'Polygon'
          ? { type: 'Polygon', coordinates: rewindPolygon(g.coordinates.map(ring)) }
          : g.type === 'MultiPolygon'
            ? { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => rewindPolygon(p.map(ring))) }
            : g;
      return { type: 'Feature', properties: { shapeName: f.properties?.shapeName, shapeISO: f.properties?.shapeISO }, geometry };
    }),
  };
}

/**
 * The projection that fits the theatre into `width` × `height` (10 units margin), clipped to the map: zoom and pan
 * never show beyond it (see {@link clampTransform}), so shapes outside are not drawn at all.
 */
export function theatreProjection(width = MAP_WIDTH, height = MAP_HEIGHT): GeoProjection {
  return geoMercator().fitExtent([[10, 10], [width - 10, height - 10]], THEATRE).clipExtent([[0, 0], [width, height]]).precision(0);
}

/** A base shape as an SVG path. */
export interface ShapePath {
  readonly layer: 'country' | 'oblast';
  readonly name: string;
  readonly d: string;
}

/** Shapes of the base map as path strings, countries first, then oblasts. Shapes outside the view are skipped. */
export function shapePaths(base: BaseMap, projection: GeoProjection): ShapePath[] {
  const path = geoPath(projection);
  const out: ShapePath[] = [];
  const add = (layer: ShapePath['layer'], fc: GeoJSON.FeatureCollection, nameKey: string) => {
    for (const f of fc.features) {
      const d = path(f as GeoPermissibleObjects);
      if (d) out.push({ layer, name: String(f.properties?.[nameKey] ?? ''), d });
    }
  };
  add('country', base.countries, 'name');
  add('oblast', base.oblasts, 'shapeName');
  return out;
}

/** How a place is drawn: a settlement is a point, a region or a country an area. */
export type PlaceKind = 'settlement' | 'region' | 'country';

/** The drawing kind of a gazetteer type (`country`, `admin1`, `admin2`, `city`, `region`, `continent`). */
export function placeKind(type: string | null): PlaceKind {
  if (type === 'country' || type === 'continent') return 'country';
  if (type === 'admin1' || type === 'admin2' || type === 'region') return 'region';
  return 'settlement';
}

/** Proposition status, worst first: what a place's marker shows when several propositions concern it. */
const STATUS_RANK: Readonly<Record<string, number>> = { contested: 3, corroborated: 2, 'single-source': 1 };

/** A place on the map, in map units. */
export interface MapMarker {
  readonly id: string;
  readonly name: string;
  readonly kind: PlaceKind;
  readonly x: number;
  readonly y: number;
  /** The most pressing status of the propositions about it (contested > corroborated > single-source), or null. */
  readonly status: string | null;
  readonly propositions: number;
  readonly events: readonly EventGroup[];
  /** How much a label for it matters: status, events, propositions, mentions. Higher is placed first. */
  readonly weight: number;
  /** For regions and countries: the outline of the area (SVG path in map units) when the base map has it. */
  readonly area: string | null;
}

const boundsOf = new WeakMap<GeoJSON.Feature, [[number, number], [number, number]]>();

/** The base shape that contains a point, among the features of one layer (bounding boxes first: cheap). */
function containing(fc: GeoJSON.FeatureCollection, lon: number, lat: number): GeoJSON.Feature | null {
  for (const f of fc.features) {
    let b = boundsOf.get(f);
    if (!b) boundsOf.set(f, (b = geoBounds(f as GeoPermissibleObjects)));
    const [[w, s], [e, n]] = b;
    // A box crossing the antimeridian (w > e) is not pre-filtered.
    if (w <= e && (lon < w || lon > e || lat < s || lat > n)) continue;
    if (geoContains(f as GeoPermissibleObjects, [lon, lat])) return f;
  }
  return null;
}

/** The name of the first-level division (an oblast) that contains a point, or null outside the shapes the base map has. */
export function adminArea(base: BaseMap, lon: number, lat: number): string | null {
  const f = containing(base.oblasts, lon, lat);
  return f ? String(f.properties?.shapeName ?? '') || null : null;
}

/** What the map shows. */
export interface MapData {
  readonly places: readonly EntitySummary[];
  readonly events: readonly EventGroup[];
  readonly propositions: readonly PropositionGroup[];
}

/**
 * The markers of the places that fall inside the map. A place with neither events nor propositions is kept as a
 * plain marker if it is a settlement; regions and countries are kept only when something happens there (their
 * shape is on the map already). A country gets the outline of the country shape containing its point, a region
 * the oblast shape of its name (see `regionShape`), so it is drawn as an area, not a dot.
 */
export function mapMarkers(base: BaseMap, data: MapData, projection: GeoProjection, width = MAP_WIDTH, height = MAP_HEIGHT): MapMarker[] {
  const path = geoPath(projection);
  const status = new Map<string, string>();
  const propositions = new Map<string, number>();
  for (const p of data.propositions) {
    if (!p.place) continue;
    propositions.set(p.place, (propositions.get(p.place) ?? 0) + 1);
    const was = status.get(p.place);
    if (!was || (STATUS_RANK[p.status] ?? 0) > (STATUS_RANK[was] ?? 0)) status.set(p.place, p.status);
  }
  const events = new Map<string, EventGroup[]>();
  for (const e of data.events) if (e.place) events.set(e.place, [...(events.get(e.place) ?? []), e]);
  const out: MapMarker[] = [];
  for (const place of data.places) {
    if (place.lat === null || place.lon === null) continue;
    const at = projection([place.lon, place.lat]);
    if (!at || at[0] < 0 || at[0] > width || at[1] < 0 || at[1] > height) continue;
    const kind = placeKind(place.type);
    const st = status.get(place.id) ?? null;
    const ev = events.get(place.id) ?? [];
    const props = propositions.get(place.id) ?? 0;
    if (kind !== 'settlement' && !st && !ev.length) continue;
    let area: string | null = null;
    if (kind === 'country') {
      const shape = containing(base.countries, place.lon, place.lat);
      if (shape) area = path(shape as GeoPermissibleObjects);
    } else if (kind === 'region') {
      // A region outside the oblast shapes (a Russian oblast, a district) stays a marker, drawn as a region.
      const shape = regionShape(base.oblasts, place.name, place.lon, place.lat);
      if (shape) area = path(shape as GeoPermissibleObjects);
    }
    const weight = (st ? 100 + 20 * (STATUS_RANK[st] ?? 0) : 0) + 10 * Math.min(ev.length, 5) + 5 * Math.min(props, 5) + Math.min(place.mentions, 20) / 4;
    out.push({ id: place.id, name: place.name, kind, x: at[0], y: at[1], status: st, propositions: props, events: ev, weight, area });
  }
  return out.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
}

/** Whether a shape's name names the region: the first words agree, allowing a spelling variant (Zaporizhia/Zaporizhzhia). */
function regionMatches(shape: GeoJSON.Feature, name: string): boolean {
  const a = fold(String(shape.properties?.shapeName ?? '')).split(/\s+/)[0] ?? '';
  const b = fold(name).split(/\s+/)[0] ?? '';
  if (!a || !b) return false;
  return a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));
}

/**
 * The oblast shape a region stands for: the shape containing its point when that shape carries its name, else a
 * shape of its name whose bounding box (widened by 0.25°) holds the point — a region's point may be its capital
 * on the coast or on a border, just outside the simplified outline. Never a shape of another name.
 */
function regionShape(fc: GeoJSON.FeatureCollection, name: string, lon: number, lat: number): GeoJSON.Feature | null {
  const inside = containing(fc, lon, lat);
  if (inside && regionMatches(inside, name)) return inside;
  for (const f of fc.features) {
    if (!regionMatches(f, name)) continue;
    let b = boundsOf.get(f);
    if (!b) boundsOf.set(f, (b = geoBounds(f as GeoPermissibleObjects)));
    const [[w, s], [e, n]] = b;
    if (lon >= w - 0.25 && lon <= e + 0.25 && lat >= s - 0.25 && lat <= n + 0.25) return f;
  }
  return null;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’ʼ]/g, '').trim();
}

/** Zoom `k` and pan `x`, `y`: screen = map × k + (x, y). */
export interface ViewTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

export const IDENTITY: ViewTransform = { k: 1, x: 0, y: 0 };
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 16;

/** Map units to screen units. */
export function toScreen(t: ViewTransform, x: number, y: number): [number, number] {
  return [x * t.k + t.x, y * t.k + t.y];
}

/** Keeps the map covering the view: no panning past its edges, zoom within [MIN_ZOOM, MAX_ZOOM]. */
export function clampTransform(t: ViewTransform, width = MAP_WIDTH, height = MAP_HEIGHT): ViewTransform {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, t.k));
  const x = Math.min(0, Math.max(width - width * k, t.x));
  const y = Math.min(0, Math.max(height - height * k, t.y));
  return { k, x, y };
}

/** Zooms by `factor` about the screen point (`cx`, `cy`), which stays where it is. */
export function zoomAbout(t: ViewTransform, factor: number, cx: number, cy: number, width = MAP_WIDTH, height = MAP_HEIGHT): ViewTransform {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, t.k * factor));
  const f = k / t.k;
  return clampTransform({ k, x: cx - (cx - t.x) * f, y: cy - (cy - t.y) * f }, width, height);
}

/** Pans by (`dx`, `dy`) screen units. */
export function panBy(t: ViewTransform, dx: number, dy: number, width = MAP_WIDTH, height = MAP_HEIGHT): ViewTransform {
  return clampTransform({ k: t.k, x: t.x + dx, y: t.y + dy }, width, height);
}

/** The transform that shows the box (map units) as large as fits, centred. */
export function fitBox(x0: number, y0: number, x1: number, y1: number, width = MAP_WIDTH, height = MAP_HEIGHT, pad = 40): ViewTransform {
  const w = Math.max(x1 - x0, 1);
  const hgt = Math.max(y1 - y0, 1);
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min((width - 2 * pad) / w, (height - 2 * pad) / hgt)));
  return clampTransform({ k, x: width / 2 - ((x0 + x1) / 2) * k, y: height / 2 - ((y0 + y1) / 2) * k }, width, height);
}

/** Markers that sit closer than the cluster radius on screen, drawn as one with a count. */
export interface MarkerCluster {
  /** Screen position (of the heaviest member). */
  readonly x: number;
  readonly y: number;
  /** Heaviest first. */
  readonly members: readonly MapMarker[];
}

/**
 * Groups markers closer than `radius` screen units at the given transform. Markers are taken heaviest first;
 * each joins the first cluster whose centre lies within the radius, found through a grid of radius-sized cells
 * (so the work grows with the number of markers, not its square). Areas (regions, countries with an outline)
 * are never clustered: they are drawn as shapes. Markers off screen are dropped.
 */
export function clusterMarkers(markers: readonly MapMarker[], t: ViewTransform, radius = 14, width = MAP_WIDTH, height = MAP_HEIGHT): MarkerCluster[] {
  const clusters: { x: number; y: number; members: MapMarker[] }[] = [];
  const grid = new Map<string, number[]>();
  const key = (gx: number, gy: number) => `${gx},${gy}`;
  const sorted = [...markers].sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  for (const m of sorted) {
    const [x, y] = toScreen(t, m.x, m.y);
    if (x < 0 || x > width || y < 0 || y > height) continue;
    if (m.area) {
      clusters.push({ x, y, members: [m] });
      continue;
    }
    const gx = Math.floor(x / radius);
    const gy = Math.floor(y / radius);
    let joined = -1;
    for (let dx = -1; dx <= 1 && joined < 0; dx++) {
      for (let dy = -1; dy <= 1 && joined < 0; dy++) {
        for (const i of grid.get(key(gx + dx, gy + dy)) ?? []) {
          const c = clusters[i];
          if (Math.hypot(c.x - x, c.y - y) < radius) {
            joined = i;
            break;
          }
        }
      }
    }
    if (joined >= 0) {
      clusters[joined].members.push(m);
      continue;
    }
    const cell = key(gx, gy);
    grid.set(cell, [...(grid.get(cell) ?? []), clusters.length]);
    clusters.push({ x, y, members: [m] });
  }
  return clusters;
}

/** An axis-aligned box in screen units. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** A label to place: its anchor point on screen, how far the marker reaches around it, and its weight. */
export interface LabelRequest {
  readonly id: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** Radius of the marker the label must not cover. */
  readonly r: number;
  readonly weight: number;
  /** Try centred on the point first (the name of an area, written inside it). */
  readonly centre?: boolean;
}

/** A placed label: text baseline origin, anchor and the box it covers. */
export interface PlacedLabel {
  readonly id: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly box: Box;
}

/** Label font size in screen units, and the average glyph width as a share of it (sans-serif, mixed case). */
export const LABEL_FONT = 11;
const GLYPH = 0.6;

/** Estimated width of a label (no DOM to measure with; the estimate errs wide, so estimated boxes contain drawn ones). */
export function labelWidth(text: string, size = LABEL_FONT): number {
  return text.length * size * GLYPH + 2;
}

/**
 * Places labels greedily, heaviest first: each tries right, left, above, below and the four diagonals of its
 * marker and takes the first position whose box overlaps no placed label, no marker (the `obstacles`) and stays
 * on screen. Widths come from `measure` (the browser passes a canvas measurement; the default estimates).
 * A label with no free position is not placed (the marker keeps its tooltip). Collision tests go
 * through a grid of cells, so the cost grows with the number of labels, not its square.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  width = MAP_WIDTH,
  height = MAP_HEIGHT,
  size = LABEL_FONT,
  measure: (text: string, size: number) => number = labelWidth,
): PlacedLabel[] {
  const CELL = 32;
  const grid = new Map<string, Box[]>();
  const cells = (b: Box): string[] => {
    const out: string[] = [];
    for (let gx = Math.floor(b.x0 / CELL); gx <= Math.floor(b.x1 / CELL); gx++) for (let gy = Math.floor(b.y0 / CELL); gy <= Math.floor(b.y1 / CELL); gy++) out.push(`${gx},${gy}`);
    return out;
  };
  const add = (b: Box) => {
    for (const c of cells(b)) grid.set(c, [...(grid.get(c) ?? []), b]);
  };
  const free = (b: Box) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= width && b.y1 <= height && cells(b).every((c) => !(grid.get(c) ?? []).some((o) => overlaps(o, b)));
  for (const o of obstacles) add(o);
  const placed: PlacedLabel[] = [];
  const ascent = size * 0.8;
  const descent = size * 0.25;
  const sorted = [...requests].sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text));
  for (const r of sorted) {
    const w = measure(r.text, size);
    const gap = r.r + 2;
    // Baseline origin and anchor for each candidate position.
    const candidates: [number, number, PlacedLabel['anchor']][] = [
      ...(r.centre ? [[r.x, r.y + ascent / 2 - descent / 2, 'middle'] as [number, number, PlacedLabel['anchor']]] : []),
      [r.x + gap, r.y + ascent / 2 - descent / 2, 'start'],
      [r.x - gap, r.y + ascent / 2 - descent / 2, 'end'],
      [r.x, r.y - gap - descent, 'middle'],
      [r.x, r.y + gap + ascent, 'middle'],
      [r.x + gap * 0.7, r.y - gap * 0.7 - descent, 'start'],
      [r.x - gap * 0.7, r.y - gap * 0.7 - descent, 'end'],
      [r.x + gap * 0.7, r.y + gap * 0.7 + ascent, 'start'],
      [r.x - gap * 0.7, r.y + gap * 0.7 + ascent, 'end'],
    ];
    for (const [x, y, anchor] of candidates) {
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      const box: Box = { x0, y0: y - ascent - 1, x1: x0 + w, y1: y + descent + 1 };
      if (!free(box)) continue;
      add(box);
      placed.push({ id: r.id, text: r.text, x, y, anchor, box });
      break;
    }
  }
  return placed;
}

/** The bounding box (map units) of a GeoJSON object under a projection, for "zoom to". */
export function projectedBounds(projection: GeoProjection, object: GeoPermissibleObjects): Box | null {
  const [[w, s], [e, n]] = geoBounds(object);
  const a = projection([w, n]);
  const b = projection([e, s]);
  if (!a || !b) return null;
  return { x0: Math.min(a[0], b[0]), y0: Math.min(a[1], b[1]), x1: Math.max(a[0], b[0]), y1: Math.max(a[1], b[1]) };
}
