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
  baseMapFrom, LABEL_FONT, MAP_HEIGHT, MAP_WIDTH, mapMarkers, placeLabels, prepareBoundaries, shapePaths, theatreProjection,
  type BaseMap, type LabelRequest,
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

/** The map of the report's period: shapes, a ring per place with a proposition (by status), a diamond per place with events. */
export function mapSvg(report: Report): string {
  const map = loadBaseMapSync();
  // Clipped to the frame: a static file should not carry the paths of every country off the page.
  const projection = theatreProjection().clipExtent([[0, 0], [MAP_WIDTH, MAP_HEIGHT]]);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" class="map" role="img" aria-label="Map of the period's events and contested places">`,
    `<rect x="0" y="0" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="#eaf2f8"/>`,
  ];
  for (const p of shapePaths(map, projection)) {
    const style = p.layer === 'country' ? 'fill="#f7f7f2" stroke="#aab" stroke-width="0.6"' : 'fill="#fdfdf8" stroke="#c8c8b8" stroke-width="0.5"';
    out.push(`<path d="${compactPath(p.d)}" ${style}><title>${esc(p.name)}</title></path>`);
  }
  const labels: LabelRequest[] = [];
  for (const m of mapMarkers(map, report.map, projection)) {
    const tip = [m.name, m.status ? `proposition: ${m.status}` : '', ...m.events.map((e) => `${e.subType} (${e.status}) ${e.from ?? ''}`)].filter(Boolean).join('\n');
    out.push(`<g class="place" data-name="${esc(m.name)}"><title>${esc(tip)}</title>`);
    if (m.area) out.push(`<path d="${compactPath(m.area)}" fill="${m.status ? STATUS_COLOURS[m.status] : '#d35400'}" fill-opacity="0.12" stroke="none"/>`);
    if (m.status) out.push(`<circle cx="${m.x.toFixed(1)}" cy="${m.y.toFixed(1)}" r="9" fill="none" stroke="${STATUS_COLOURS[m.status]}" stroke-width="3" class="ring status-${m.status}"/>`);
    if (m.events.length) {
      out.push(`<rect x="${(m.x - 4).toFixed(1)}" y="${(m.y - 4).toFixed(1)}" width="8" height="8" fill="#d35400" stroke="#fff" stroke-width="1" transform="rotate(45 ${m.x.toFixed(1)} ${m.y.toFixed(1)})" class="event-marker"/>`);
    } else out.push(`<circle cx="${m.x.toFixed(1)}" cy="${m.y.toFixed(1)}" r="4" fill="#1b2631"/>`);
    out.push('</g>');
    labels.push({ id: m.id, text: m.name, x: m.x, y: m.y, r: m.status ? 9 : 5, weight: m.weight });
  }
  for (const l of placeLabels(labels, [])) {
    out.push(`<text x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" text-anchor="${l.anchor}" font-size="${LABEL_FONT}" font-weight="600" paint-order="stroke" stroke="#fff" stroke-width="3" font-family="sans-serif">${esc(l.text)}</text>`);
  }
  // Legend.
  const legend: [string, string][] = [['contested', 'ring'], ['corroborated', 'ring'], ['single-source', 'ring'], ['events', 'diamond']];
  out.push(`<g font-family="sans-serif" font-size="11"><rect x="8" y="${MAP_HEIGHT - 92}" width="130" height="84" fill="#fff" fill-opacity="0.85" stroke="#ccc"/>`);
  legend.forEach(([name, shape], i) => {
    const y = MAP_HEIGHT - 76 + i * 19;
    out.push(shape === 'ring'
      ? `<circle cx="24" cy="${y}" r="6" fill="none" stroke="${STATUS_COLOURS[name]}" stroke-width="3"/>`
      : `<rect x="20" y="${y - 4}" width="8" height="8" fill="#d35400" transform="rotate(45 24 ${y})"/>`);
    out.push(`<text x="38" y="${y + 4}">${name}</text>`);
  });
  out.push('</g></svg>');
  return out.join('');
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
