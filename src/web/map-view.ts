/**
 * The map: country shapes (world-atlas) and Ukraine's oblasts (geoBoundaries) drawn as SVG with d3-geo, with
 * places, events and propositions on top. Everything is local: no tiles, no CDN, so it works offline.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { EntitySummary, EventGroup, PropositionGroup } from '../crossdoc/index.js';
import { s } from './dom.js';
import { entityHref } from './router.js';

/** Base geometry, loaded once. */
export interface BaseMap {
  readonly countries: GeoJSON.FeatureCollection;
  readonly oblasts: GeoJSON.FeatureCollection;
}

/** Loads the shapes the build copied into `data/`. */
export async function loadBaseMap(): Promise<BaseMap> {
  const [world, oblasts] = await Promise.all([
    fetch('data/countries-110m.json').then((r) => r.json() as Promise<Topology>),
    fetch('data/ukraine-adm1.json').then((r) => r.json() as Promise<GeoJSON.FeatureCollection>),
  ]);
  const countries = feature(world, world.objects.countries as GeometryCollection) as unknown as GeoJSON.FeatureCollection;
  return { countries, oblasts };
}

/** What the map shows. */
export interface MapData {
  readonly places: readonly EntitySummary[];
  readonly events: readonly EventGroup[];
  readonly propositions: readonly PropositionGroup[];
}

const WIDTH = 800;
const HEIGHT = 520;
/** The theatre the map opens on: Ukraine and the Russian border regions. */
const THEATRE: GeoJSON.MultiPoint = { type: 'MultiPoint', coordinates: [[22, 44], [41, 53]] };

/** Draws the map. Places named by an event or proposition get a label; others are small dots. */
export function drawMap(base: BaseMap, data: MapData): SVGElement {
  const projection = geoMercator().fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], THEATRE);
  const path = geoPath(projection);
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'map', role: 'img', 'aria-label': 'Map of places, events and propositions' });
  svg.appendChild(s('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'sea' }));
  const shapes = s('g', { class: 'shapes' });
  for (const f of base.countries.features) {
    shapes.appendChild(s('path', { d: path(f as GeoPermissibleObjects) ?? '', class: 'country' }, s('title', {}, String(f.properties?.name ?? ''))));
  }
  for (const f of base.oblasts.features) {
    shapes.appendChild(s('path', { d: path(f as GeoPermissibleObjects) ?? '', class: 'oblast' }, s('title', {}, String(f.properties?.shapeName ?? ''))));
  }
  svg.appendChild(shapes);

  const visible = (lon: number, lat: number): [number, number] | null => {
    const p = projection([lon, lat]);
    return p && p[0] >= 0 && p[0] <= WIDTH && p[1] >= 0 && p[1] <= HEIGHT ? p : null;
  };
  const statusAt = new Map<string, string>();
  for (const p of data.propositions) {
    if (!p.place) continue;
    // Contested outranks the others: one contested claim about a town is what an analyst must see.
    if (statusAt.get(p.place) !== 'contested') statusAt.set(p.place, p.status);
  }
  const eventsAt = new Map<string, EventGroup[]>();
  for (const e of data.events) if (e.place) eventsAt.set(e.place, [...(eventsAt.get(e.place) ?? []), e]);

  const markers = s('g', { class: 'markers' });
  const labels = s('g', { class: 'labels' });
  for (const place of data.places) {
    if (place.lat === null || place.lon === null) continue;
    const at = visible(place.lon, place.lat);
    if (!at) continue;
    const status = statusAt.get(place.id);
    const events = eventsAt.get(place.id) ?? [];
    const notable = !!status || events.length > 0;
    // Countries and regions are drawn as shapes already; a dot at their centroid would only clutter.
    if (!notable && place.type && ['country', 'admin1'].includes(place.type)) continue;
    const tip = [place.name, status ? `proposition: ${status}` : '', ...events.map((e) => `${e.subType} (${e.status}) ${e.from ?? ''}`)].filter(Boolean).join('\n');
    const g = s('a', { href: entityHref(place.id), class: `place${notable ? ' notable' : ''}${status ? ` status-${status}` : ''}`, 'data-name': place.name, 'data-id': place.id });
    g.appendChild(s('title', {}, tip));
    if (status) g.appendChild(s('circle', { cx: at[0], cy: at[1], r: 9, class: `ring status-${status}` }));
    if (events.length) g.appendChild(s('rect', { x: at[0] - 4, y: at[1] - 4, width: 8, height: 8, class: 'event-marker', transform: `rotate(45 ${at[0]} ${at[1]})` }));
    else g.appendChild(s('circle', { cx: at[0], cy: at[1], r: notable ? 4 : 2.5, class: 'dot' }));
    markers.appendChild(g);
    if (notable) labels.appendChild(s('text', { x: at[0] + 11, y: at[1] + 4, class: 'label' }, place.name));
  }
  svg.appendChild(markers);
  svg.appendChild(labels);
  return svg;
}
