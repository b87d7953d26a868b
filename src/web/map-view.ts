/**
 * The map: country shapes (world-atlas) and Ukraine's oblasts (geoBoundaries) drawn as SVG, with places, events
 * and propositions on top. The geometry (projection, paths, markers, labels) comes from `map-geometry.ts`;
 * this file only makes DOM of it. Everything is local: no tiles, no CDN, so it works offline.
 */
import type { Topology } from 'topojson-specification';
import { s } from './dom.js';
import {
  baseMapFrom, LABEL_FONT, MAP_HEIGHT, MAP_WIDTH, mapMarkers, placeLabels, shapePaths, theatreProjection,
  type BaseMap, type MapData,
} from './map-geometry.js';
import { entityHref } from './router.js';

export type { BaseMap, MapData } from './map-geometry.js';

/** Loads the shapes the build copied into `data/`. */
export async function loadBaseMap(): Promise<BaseMap> {
  const [world, oblasts] = await Promise.all([
    fetch('data/countries-110m.json').then((r) => r.json() as Promise<Topology>),
    fetch('data/ukraine-adm1.json').then((r) => r.json() as Promise<GeoJSON.FeatureCollection>),
  ]);
  return baseMapFrom(world, oblasts);
}

/** Draws the map. Places named by an event or proposition get a label where it fits; others are small dots. */
export function drawMap(base: BaseMap, data: MapData): SVGElement {
  const projection = theatreProjection();
  const svg = s('svg', { viewBox: `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`, class: 'map', role: 'img', 'aria-label': 'Map of places, events and propositions' });
  svg.appendChild(s('rect', { x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT, class: 'sea' }));
  const shapes = s('g', { class: 'shapes' });
  for (const p of shapePaths(base, projection)) shapes.appendChild(s('path', { d: p.d, class: p.layer }, s('title', {}, p.name)));
  svg.appendChild(shapes);
  const markers = s('g', { class: 'markers' });
  const requests = [];
  for (const m of mapMarkers(base, data, projection)) {
    const notable = !!m.status || m.events.length > 0;
    const tip = [m.name, m.status ? `proposition: ${m.status}` : '', ...m.events.map((e) => `${e.subType} (${e.status}) ${e.from ?? ''}`)].filter(Boolean).join('\n');
    const g = s('a', { href: entityHref(m.id), class: `place${notable ? ' notable' : ''}${m.status ? ` status-${m.status}` : ''}`, 'data-name': m.name, 'data-id': m.id });
    g.appendChild(s('title', {}, tip));
    if (m.status) g.appendChild(s('circle', { cx: m.x, cy: m.y, r: 9, class: `ring status-${m.status}` }));
    if (m.events.length) g.appendChild(s('rect', { x: m.x - 4, y: m.y - 4, width: 8, height: 8, class: 'event-marker', transform: `rotate(45 ${m.x} ${m.y})` }));
    else g.appendChild(s('circle', { cx: m.x, cy: m.y, r: notable ? 4 : 2.5, class: 'dot' }));
    markers.appendChild(g);
    if (notable) requests.push({ id: m.id, text: m.name, x: m.x, y: m.y, r: m.status ? 9 : 5, weight: m.weight });
  }
  svg.appendChild(markers);
  const labels = s('g', { class: 'labels' });
  for (const l of placeLabels(requests, [])) labels.appendChild(s('text', { x: l.x, y: l.y, 'text-anchor': l.anchor, class: 'label', 'font-size': LABEL_FONT }, l.text));
  svg.appendChild(labels);
  return svg;
}
