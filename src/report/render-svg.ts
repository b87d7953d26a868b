/**
 * The report's pictures as static SVG: the map of the period's events and contested places, drawn from the desk's
 * own map geometry (`src/web/map-geometry.ts`: the same projection, shapes, markers and label placement) with
 * the shapes read from local files, and a small timeline chart. No network, no script: the SVG is inlined into
 * the HTML report and printed into the PDF as it is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { placesDataDir } from '../stages/places/load-gazetteer.js';
import {
  baseMapFrom, clusterMarkers, IDENTITY, LABEL_FONT, MAP_HEIGHT, MAP_WIDTH, mapMarkers, placeLabels, prepareBoundaries, shapePaths,
  theatreProjection, type BaseMap, type Box, type LabelRequest, type MapMarker,
} from '../web/map-geometry.js';
import type { Report, TimelineDay } from './model.js';

/** Escapes text for HTML and SVG content and attribute values. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

let base: BaseMap | null = null;

/** The base map from world-atlas (countries) and geoBoundaries (Ukraine's oblasts), read once per process. */
export function loadBaseMapSync(): BaseMap {
  if (base) return base;
  const require = createRequire(import.meta.url);
  const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology;
  const oblasts = JSON.parse(readFileSync(join(placesDataDir(), 'ukraine-adm1.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
  base = baseMapFrom(world, prepareBoundaries(oblasts));
  return base;
}

/**
 * A path with its coordinates rounded to a tenth of a map unit and points closer than `minStep` to the last
 * kept one dropped: at 800 units wide, the oblasts' 100-metre detail is many points per pixel, which a static file
 * would carry for nothing. Rings keep their first and last points, so shapes stay closed.
 */
export function compactPath(d: string, minStep = 0.8): string {
  const out: string[] = [];
  let lastX = NaN;
  let lastY = NaN;
  for (const m of d.matchAll(/([MLZ])([^MLZ]*)/gi)) {
    const cmd = m[1].toUpperCase();
    if (cmd === 'Z') {
      out.push('Z');
      continue;
    }
    const [x, y] = m[2].split(',').map(Number);
    if (cmd === 'L' && Math.abs(x - lastX) < minStep && Math.abs(y - lastY) < minStep) continue;
    out.push(`${cmd}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`);
    lastX = x;
    lastY = y;
  }
  return out.join('');
}

/** Colours of the statuses, as on the desk. */
export const STATUS_COLOURS: Readonly<Record<string, string>> = { contested: '#c0392b', corroborated: '#1e8449', 'single-source': '#7f8c8d' };

const MARK_FILL: Readonly<Record<string, string>> = { ...STATUS_COLOURS, none: '#566573' };
const EVENTS = '#d35400';
/** Marker size by kind, as on the desk. */
const R = { settlement: 4, region: 5, country: 6 } as const;

/** A marker's shape, as on the desk: circle for a settlement, square for a region, triangle for a country. */
function markerShape(m: MapMarker, x: number, y: number): string {
  const r = R[m.kind] + (m.status ? 1 : 0);
  const attrs = `fill="${MARK_FILL[m.status ?? 'none']}" stroke="#fff" stroke-width="1.2" class="mark status-${m.status ?? 'none'}"`;
  const shape = m.kind === 'region'
    ? `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${2 * r}" height="${2 * r}" ${attrs}/>`
    : m.kind === 'country'
      ? `<path d="M${x.toFixed(1)},${(y - r - 1).toFixed(1)}L${(x + r + 1).toFixed(1)},${(y + r).toFixed(1)}L${(x - r - 1).toFixed(1)},${(y + r).toFixed(1)}Z" ${attrs}/>`
      : `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" ${attrs}/>`;
  const halo = m.events.length ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r + 4}" fill="none" stroke="${EVENTS}" stroke-width="2.5" class="event-halo"/>` : '';
  return halo + shape;
}

/**
 * The map of the report's period, in the desk's visual vocabulary: a place's status colours its marker (red
 * contested, green corroborated, grey single-source), an orange halo marks events, a region or country is its
 * outlined area, and places too close to tell apart are one disc with their count (the desk's clustering at its
 * opening zoom).
 */
export function mapSvg(report: Report): string {
  const map = loadBaseMapSync();
  // Clipped to the frame: a static file should not carry the paths of every country off the page.
  const projection = theatreProjection().clipExtent([[0, 0], [MAP_WIDTH, MAP_HEIGHT]]);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" class="map" role="img" aria-label="Map of the period's events and contested places" font-family="sans-serif">`,
    `<rect x="0" y="0" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="#eaf2f8"/>`,
  ];
  for (const p of shapePaths(map, projection)) {
    const style = p.layer === 'country' ? 'fill="#f7f7f2" stroke="#aab" stroke-width="0.6"' : 'fill="#fdfdf8" stroke="#c8c8b8" stroke-width="0.5"';
    out.push(`<path d="${compactPath(p.d)}" ${style}><title>${esc(p.name)}</title></path>`);
  }
  const markers = mapMarkers(map, report.map, projection);
  for (const m of markers) {
    if (!m.area) continue;
    const colour = STATUS_COLOURS[m.status ?? 'single-source'];
    out.push(`<path d="${compactPath(m.area)}" fill="${m.kind === 'country' ? 'none' : colour}" fill-opacity="0.12" stroke="${colour}" stroke-width="2"${m.kind === 'country' ? ' stroke-dasharray="6 3"' : ''} class="area${m.status ? ` status-${m.status}` : ''}"><title>${esc(tipOf(m))}</title></path>`);
  }
  const labels: LabelRequest[] = [];
  const obstacles: Box[] = [];
  for (const c of clusterMarkers(markers, IDENTITY, 16)) {
    const lead = c.members[0];
    if (c.members.length === 1 && lead.area) {
      labels.push({ id: lead.id, text: lead.kind === 'country' ? lead.name.toUpperCase() : lead.name, x: c.x, y: c.y, r: 0, weight: lead.weight, centre: true });
      continue;
    }
    const many = c.members.length > 1;
    const r = many ? 7 + Math.min(6, Math.log2(c.members.length) * 2) : R[lead.kind] + (lead.status ? 1 : 0) + (lead.events.length ? 4 : 0);
    obstacles.push({ x0: c.x - r, y0: c.y - r, x1: c.x + r, y1: c.y + r });
    if (many) {
      const worst = c.members.find((m) => m.status === 'contested')?.status ?? c.members.find((m) => m.status)?.status ?? null;
      out.push(`<g class="cluster" data-count="${c.members.length}"><title>${esc(c.members.map((m) => m.name).join(', '))}</title><circle cx="${c.x.toFixed(1)}" cy="${c.y.toFixed(1)}" r="${r.toFixed(1)}" fill="#1b2631" fill-opacity="0.8" stroke="${worst ? STATUS_COLOURS[worst] : '#fff'}" stroke-width="${worst === 'contested' ? 3 : 1.5}"/><text x="${c.x.toFixed(1)}" y="${(c.y + 3.5).toFixed(1)}" text-anchor="middle" fill="#fff" font-size="10" font-weight="700">${c.members.length}</text></g>`);
    } else {
      out.push(`<g class="place${lead.status ? ` status-${lead.status}` : ''}" data-name="${esc(lead.name)}"><title>${esc(tipOf(lead))}</title>${markerShape(lead, c.x, c.y)}</g>`);
    }
    labels.push({ id: lead.id, text: many ? `${lead.name} +${c.members.length - 1}` : lead.name, x: c.x, y: c.y, r, weight: lead.weight + (many ? 1 : 0) });
  }
  const kindOf = new Map(markers.map((m) => [m.id, m.kind]));
  for (const l of placeLabels(labels, obstacles)) {
    const kind = kindOf.get(l.id);
    const style = kind === 'region' ? ' font-style="italic" fill="#4a235a"' : kind === 'country' ? ' fill="#4d5656"' : ' fill="#1b2631"';
    out.push(`<text x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" text-anchor="${l.anchor}" font-size="${LABEL_FONT}" font-weight="600" paint-order="stroke" stroke="#fff" stroke-width="3"${style}>${esc(l.text)}</text>`);
  }
  // Legend.
  const legend: [string, string][] = [['contested', 'contested'], ['corroborated', 'corroborated'], ['single-source', 'single-source'], ['events reported', 'events'], ['several places', 'cluster']];
  out.push(`<g font-size="11"><rect x="8" y="${MAP_HEIGHT - 110}" width="130" height="102" fill="#fff" fill-opacity="0.85" stroke="#ccc"/>`);
  legend.forEach(([text, key], i) => {
    const y = MAP_HEIGHT - 94 + i * 19;
    out.push(key === 'events'
      ? `<circle cx="24" cy="${y}" r="6" fill="none" stroke="${EVENTS}" stroke-width="2.5"/>`
      : key === 'cluster'
        ? `<circle cx="24" cy="${y}" r="6" fill="#1b2631" fill-opacity="0.8"/>`
        : `<circle cx="24" cy="${y}" r="5" fill="${STATUS_COLOURS[key]}"/>`);
    out.push(`<text x="38" y="${y + 4}">${text}</text>`);
  });
  out.push('</g></svg>');
  return out.join('');
}

function tipOf(m: MapMarker): string {
  return [m.name, m.status ? `${m.propositions} proposition(s), ${m.status}` : '', ...m.events.slice(0, 6).map((e) => `${e.subType} (${e.status}) ${e.from ?? 'undated'}`)].filter(Boolean).join('\n');
}

/** The timeline chart: claims (blue) and events (orange) per day; days outside the period are pale. */
export function timelineSvg(days: readonly TimelineDay[]): string {
  const W = 800;
  const H = 140;
  const pad = { left: 30, right: 8, top: 10, bottom: 28 };
  const n = Math.max(days.length, 1);
  const max = Math.max(1, ...days.map((d) => Math.max(d.claims, d.events)));
  const slot = (W - pad.left - pad.right) / n;
  const bar = Math.max(1, Math.min(14, slot / 2 - 1));
  const y = (v: number) => H - pad.bottom - (v / max) * (H - pad.top - pad.bottom);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" class="timeline-chart" role="img" aria-label="Claims and events per day" font-family="sans-serif" font-size="10">`];
  out.push(`<line x1="${pad.left}" y1="${H - pad.bottom}" x2="${W - pad.right}" y2="${H - pad.bottom}" stroke="#999"/>`);
  out.push(`<text x="${pad.left - 4}" y="${pad.top + 8}" text-anchor="end">${max}</text><text x="${pad.left - 4}" y="${H - pad.bottom}" text-anchor="end">0</text>`);
  const every = Math.ceil(n / 10);
  days.forEach((d, i) => {
    const x = pad.left + i * slot + slot / 2;
    const opacity = d.inPeriod ? 1 : 0.35;
    if (d.claims) out.push(`<rect x="${(x - bar).toFixed(1)}" y="${y(d.claims).toFixed(1)}" width="${bar.toFixed(1)}" height="${(H - pad.bottom - y(d.claims)).toFixed(1)}" fill="#2e86c1" fill-opacity="${opacity}"><title>${esc(`${d.day}: ${d.claims} claims`)}</title></rect>`);
    if (d.events) out.push(`<rect x="${x.toFixed(1)}" y="${y(d.events).toFixed(1)}" width="${bar.toFixed(1)}" height="${(H - pad.bottom - y(d.events)).toFixed(1)}" fill="#d35400" fill-opacity="${opacity}"><title>${esc(`${d.day}: ${d.events} events`)}</title></rect>`);
    if (i % every === 0 || i === n - 1) out.push(`<text x="${x.toFixed(1)}" y="${H - pad.bottom + 14}" text-anchor="middle" fill="${d.inPeriod ? '#000' : '#777'}">${esc(d.day.slice(5))}</text>`);
  });
  out.push(`<rect x="${W - 150}" y="2" width="8" height="8" fill="#2e86c1"/><text x="${W - 138}" y="10">claims</text><rect x="${W - 90}" y="2" width="8" height="8" fill="#d35400"/><text x="${W - 78}" y="10">events</text>`);
  out.push('</svg>');
  return out.join('');
}
