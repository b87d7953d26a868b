/**
 * The map: country shapes (world-atlas) and Ukraine's oblasts (geoBoundaries) drawn as SVG, with places, events
 * and propositions on top. The geometry (projection, paths, markers, clusters, labels) comes from
 * `map-geometry.ts`; this file makes DOM of it and handles zoom and pan. Everything is local: no tiles, no CDN.
 *
 * Zoom and pan: mouse wheel (about the pointer), drag, keyboard (+ − arrows 0 when the map has focus) and the
 * buttons. Base shapes and areas scale with the zoom; markers and labels are redrawn at screen positions on each
 * change, so clusters split and more labels fit as the analyst zooms in.
 */
import type { Topology } from 'topojson-specification';
import { h, s } from './dom.js';
import {
  baseMapFrom, clusterMarkers, fitBox, IDENTITY, LABEL_FONT, labelWidth, MAP_HEIGHT, MAP_WIDTH, mapMarkers, panBy, placeLabels,
  shapePaths, theatreProjection, zoomAbout,
  type BaseMap, type Box, type LabelRequest, type MapData, type MapMarker, type MarkerCluster, type ViewTransform,
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

/** The zoom survives redraws (a timeline filter redraws the map; the analyst keeps the place they zoomed to). */
let view: ViewTransform = IDENTITY;

/** Shape paths are the same for every redraw: computed once per base map. */
const shapeCache = new WeakMap<BaseMap, ReturnType<typeof shapePaths>>();

/** Marker size on screen by kind; the status ring adds to it. */
const R = { settlement: 4, region: 5, country: 6 } as const;
const CLUSTER_RADIUS = 16;

function tipOf(m: MapMarker): string {
  const events = m.events.map((e) => `${e.subType} (${e.status}) ${e.from ?? 'undated'}`);
  return [
    `${m.name} (${m.kind})`,
    m.status ? `${m.propositions} proposition(s), ${m.status}` : '',
    ...events.slice(0, 6),
    events.length > 6 ? `… ${events.length - 6} more event(s)` : '',
  ].filter(Boolean).join('\n');
}

/** One marker's shape: circle for a settlement, square for a region, triangle for a country. */
function markerShape(m: MapMarker, x: number, y: number): SVGElement {
  const r = R[m.kind];
  const cls = `mark kind-${m.kind}${m.status ? ` status-${m.status}` : ' status-none'}${m.events.length ? ' has-events' : ''}`;
  if (m.kind === 'region') return s('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, class: cls });
  if (m.kind === 'country') return s('path', { d: `M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}Z`, class: cls });
  return s('circle', { cx: x, cy: y, r, class: cls });
}

/** Draws the map with its controls and legend. */
export function drawMap(base: BaseMap, data: MapData): HTMLElement {
  const projection = theatreProjection();
  let shapes = shapeCache.get(base);
  if (!shapes) shapeCache.set(base, (shapes = shapePaths(base, projection)));
  const markers = mapMarkers(base, data, projection);

  const svg = s('svg', {
    viewBox: `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`, class: 'map', role: 'application', tabindex: 0,
    'aria-label': 'Map of places, events and propositions. Zoom with + and −, pan with the arrow keys, 0 resets.',
  });
  svg.appendChild(s('rect', { x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT, class: 'sea' }));
  const zoomLayer = s('g', { class: 'zoom-layer' });
  const shapeLayer = s('g', { class: 'shapes' });
  for (const p of shapes) shapeLayer.appendChild(s('path', { d: p.d, class: p.layer }, s('title', {}, p.name)));
  zoomLayer.appendChild(shapeLayer);
  const areaLayer = s('g', { class: 'areas' });
  for (const m of markers) {
    if (!m.area) continue;
    areaLayer.appendChild(s('a', { href: entityHref(m.id), class: 'area-link', 'data-id': m.id },
      s('path', { d: m.area, class: `area kind-${m.kind}${m.status ? ` status-${m.status}` : ''}${m.events.length ? ' has-events' : ''}` }, s('title', {}, tipOf(m)))));
  }
  zoomLayer.appendChild(areaLayer);
  svg.appendChild(zoomLayer);
  const markerLayer = s('g', { class: 'markers' });
  const labelLayer = s('g', { class: 'labels' });
  const hoverLayer = s('g', { class: 'hover-labels' });
  svg.appendChild(markerLayer);
  svg.appendChild(labelLayer);
  svg.appendChild(hoverLayer);

  const drawOverlay = () => {
    zoomLayer.setAttribute('transform', `translate(${view.x} ${view.y}) scale(${view.k})`);
    svg.setAttribute('data-k', view.k.toFixed(3));
    svg.style.setProperty('--k', String(view.k));
    markerLayer.replaceChildren();
    labelLayer.replaceChildren();
    const clusters = clusterMarkers(markers, view, CLUSTER_RADIUS);
    const requests: LabelRequest[] = [];
    const obstacles: Box[] = [];
    for (const c of clusters) {
      const lead = c.members[0];
      const many = c.members.length > 1;
      if (!many && lead.area) {
        // A region or country is its outlined area; its name is written inside it, in the style of its kind.
        const text = lead.kind === 'country' ? lead.name.toUpperCase() : lead.name;
        requests.push({ id: lead.id, text, x: c.x, y: c.y, r: 0, weight: lead.weight, centre: true });
        continue;
      }
      const r = many ? 7 + Math.min(6, Math.log2(c.members.length) * 2) : R[lead.kind] + (lead.status ? 1 : 0);
      obstacles.push({ x0: c.x - r, y0: c.y - r, x1: c.x + r, y1: c.y + r });
      markerLayer.appendChild(many ? clusterNode(c, r) : placeNode(lead, c.x, c.y, hoverLayer));
      // Every marker asks for a label; the heavy ones (status, events) win the space, the rest fill in as it zooms.
      requests.push({ id: lead.id, text: many ? `${lead.name} +${c.members.length - 1}` : lead.name, x: c.x, y: c.y, r, weight: lead.weight + (many ? 1 : 0) });
    }
    const kindOf = new Map(markers.map((m) => [m.id, m.kind]));
    for (const l of placeLabels(requests, obstacles, MAP_WIDTH, MAP_HEIGHT, LABEL_FONT, measureLabel)) {
      labelLayer.appendChild(s('text', { x: l.x.toFixed(1), y: l.y.toFixed(1), 'text-anchor': l.anchor, class: `label kind-${kindOf.get(l.id) ?? 'settlement'}`, 'font-size': LABEL_FONT, 'data-id': l.id }, l.text));
    }
  };

  const clusterNode = (c: MarkerCluster, r: number): SVGElement => {
    const names = c.members.map((m) => m.name);
    const worst = c.members.find((m) => m.status === 'contested')?.status ?? c.members.find((m) => m.status)?.status ?? null;
    const g = s('g', { class: `cluster${worst ? ` status-${worst}` : ''}`, 'data-count': c.members.length, tabindex: 0, role: 'button', 'aria-label': `${c.members.length} places: zoom in` });
    g.appendChild(s('title', {}, `${c.members.length} places — click to zoom in\n${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}`));
    g.appendChild(s('circle', { cx: c.x, cy: c.y, r, class: 'cluster-disc' }));
    g.appendChild(s('text', { x: c.x, y: c.y + 3.5, 'text-anchor': 'middle', class: 'cluster-count' }, String(c.members.length)));
    const zoomIn = () => {
      const xs = c.members.map((m) => m.x);
      const ys = c.members.map((m) => m.y);
      const fit = fitBox(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
      setView(fit.k > view.k * 1.2 ? fit : zoomAbout(view, 2, c.x, c.y));
    };
    g.addEventListener('click', zoomIn);
    g.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        zoomIn();
      }
    });
    return g;
  };

  let frame = 0;
  const setView = (t: ViewTransform) => {
    view = t;
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0;
      drawOverlay();
    });
  };

  // Screen pixels to viewBox units (the SVG is scaled to the width of its box).
  const toView = (clientX: number, clientY: number): [number, number] => {
    const box = svg.getBoundingClientRect();
    return [((clientX - box.left) / box.width) * MAP_WIDTH, ((clientY - box.top) / box.height) * MAP_HEIGHT];
  };
  svg.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const [x, y] = toView(ev.clientX, ev.clientY);
    setView(zoomAbout(view, Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.002)), x, y));
  }, { passive: false });
  let drag: { x: number; y: number; moved: boolean; id: number } | null = null;
  svg.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    const [x, y] = toView(ev.clientX, ev.clientY);
    drag = { x, y, moved: false, id: ev.pointerId };
  });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const [x, y] = toView(ev.clientX, ev.clientY);
    if (!drag.moved && Math.hypot(x - drag.x, y - drag.y) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      svg.setPointerCapture(drag.id);
      svg.classList.add('dragging');
    }
    setView(panBy(view, x - drag.x, y - drag.y));
    drag.x = x;
    drag.y = y;
  });
  const endDrag = (ev: PointerEvent) => {
    if (drag?.moved) {
      svg.classList.remove('dragging');
      // The click that ends a drag must not follow a link.
      const swallow = (e: Event) => {
        e.preventDefault();
        e.stopPropagation();
      };
      svg.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => svg.removeEventListener('click', swallow, { capture: true }), 0);
      if (svg.hasPointerCapture(ev.pointerId)) svg.releasePointerCapture(ev.pointerId);
    }
    drag = null;
  };
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  const centre = (): [number, number] => [MAP_WIDTH / 2, MAP_HEIGHT / 2];
  svg.addEventListener('keydown', (ev) => {
    if (ev.target !== svg) return;
    const step = 60;
    const moves: Record<string, () => ViewTransform> = {
      '+': () => zoomAbout(view, 1.5, ...centre()), '=': () => zoomAbout(view, 1.5, ...centre()),
      '-': () => zoomAbout(view, 1 / 1.5, ...centre()), '_': () => zoomAbout(view, 1 / 1.5, ...centre()),
      ArrowLeft: () => panBy(view, step, 0), ArrowRight: () => panBy(view, -step, 0),
      ArrowUp: () => panBy(view, 0, step), ArrowDown: () => panBy(view, 0, -step),
      '0': () => IDENTITY,
    };
    const move = moves[ev.key];
    if (!move) return;
    ev.preventDefault();
    setView(move());
  });

  drawOverlay();
  const button = (label: string, title: string, cls: string, act: () => ViewTransform) =>
    h('button', { type: 'button', class: `map-button ${cls}`, title, 'aria-label': title, onclick: () => setView(act()) }, label);
  return h('div', { class: 'map-wrap' },
    svg,
    h('div', { class: 'map-controls' },
      button('+', 'Zoom in', 'zoom-in', () => zoomAbout(view, 1.5, ...centre())),
      button('−', 'Zoom out', 'zoom-out', () => zoomAbout(view, 1 / 1.5, ...centre())),
      button('⟲', 'Show the whole theatre', 'zoom-reset', () => IDENTITY)),
    mapLegend());
}

let canvas: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** A label's width as the browser will draw it (the label style: weight 600, the page's sans-serif), plus a margin. */
function measureLabel(text: string, size: number): number {
  const key = `${size}|${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (canvas === undefined) {
    canvas = document.createElement('canvas').getContext('2d');
    if (canvas) canvas.font = `600 ${size}px ${getComputedStyle(document.documentElement).fontFamily || 'sans-serif'}`;
  }
  const width = canvas ? canvas.measureText(text).width + 4 : labelWidth(text, size);
  widths.set(key, width);
  return width;
}

/** A marker of one place, with a label shown on hover when the map had no room for it. */
function placeNode(m: MapMarker, x: number, y: number, hoverLayer: SVGElement): SVGElement {
  const a = s('a', { href: entityHref(m.id), class: `place kind-${m.kind}${m.status ? ` status-${m.status}` : ''}${m.events.length ? ' has-events' : ''}`, 'data-name': m.name, 'data-id': m.id });
  a.appendChild(s('title', {}, tipOf(m)));
  if (m.events.length) a.appendChild(s('circle', { cx: x, cy: y, r: R[m.kind] + 3.5, class: 'event-halo' }));
  a.appendChild(markerShape(m, x, y));
  const show = () => {
    hoverLayer.replaceChildren(s('text', { x: x + R[m.kind] + 5, y: y + 4, class: 'label hover-label', 'font-size': LABEL_FONT }, m.name));
  };
  a.addEventListener('mouseenter', show);
  a.addEventListener('focus', show);
  a.addEventListener('mouseleave', () => hoverLayer.replaceChildren());
  a.addEventListener('blur', () => hoverLayer.replaceChildren());
  return a;
}

/** What shapes and colours mean. */
function mapLegend(): HTMLElement {
  const key = (shape: SVGElement) => s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, class: 'key-svg', 'aria-hidden': 'true' }, shape);
  const item = (shape: SVGElement, text: string) => h('span', { class: 'legend-item' }, key(shape), ` ${text}`);
  return h('p', { class: 'legend map-legend' },
    item(s('circle', { cx: 8, cy: 8, r: 4, class: 'mark kind-settlement status-none' }), 'settlement'),
    item(s('rect', { x: 3, y: 3, width: 10, height: 10, class: 'mark kind-region status-none' }), 'region'),
    item(s('path', { d: 'M8,2L14,13L2,13Z', class: 'mark kind-country status-none' }), 'country'),
    item(s('circle', { cx: 8, cy: 8, r: 5, class: 'mark status-contested' }), 'contested'),
    item(s('circle', { cx: 8, cy: 8, r: 5, class: 'mark status-corroborated' }), 'corroborated'),
    item(s('circle', { cx: 8, cy: 8, r: 5, class: 'mark status-single-source' }), 'single-source'),
    item(s('circle', { cx: 8, cy: 8, r: 6, class: 'event-halo' }), 'events reported'),
    item(s('circle', { cx: 8, cy: 8, r: 7, class: 'cluster-disc' }), 'several places (click to zoom)'),
    item(s('rect', { x: 1, y: 3, width: 14, height: 10, class: 'area kind-region status-contested' }), 'region or country concerned'));
}
