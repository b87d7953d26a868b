/** `/api/propositions`, `/api/events` and `/api/stories`: the cross-document picture, filtered and paged. */
import type { Hono } from 'hono';
import { DEFAULT_MIN_CONFIDENCE, eventListing, propositionListing, STATUSES } from '../crossdoc/index.js';
import { EVENT_SUBTYPES, EVENT_TYPES, PROPOSITION_KINDS } from './vocabularies.js';
import { HttpError } from './http-error.js';
import { PAGE_PARAMS, paginate, QueryParams, rawPage } from './query-params.js';
import type { RouteDeps } from './route-deps.js';
import type { DeskQueries, DeskView } from '../desk/index.js';

/** The content type of JSON answers written as text. */
const JSON_TYPE = { 'content-type': 'application/json; charset=UTF-8' };

/** True when the range `[aFrom, aTo]` overlaps the requested `[from, to]`; undated items match no range. */
function overlapsRange(aFrom: string | null, aTo: string | null, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!aFrom || !aTo) return false;
  return (!from || aTo >= from) && (!to || aFrom <= to);
}

/** Entity ids a `place` parameter means: the id itself and every place whose name or alias matches. */
function placeIds(view: DeskView, place: string): Set<string> {
  return new Set([place, ...view.searchEntities(place).filter((e) => e.kind === 'place').map((e) => e.id)]);
}

/** The same, resolved by the store's entity directory. */
async function placeIdsOf(queries: DeskQueries, place: string): Promise<string[]> {
  return [...new Set([place, ...(await queries.matchEntities(place)).filter((e) => e.kind === 'place').map((e) => e.id)])];
}

/** `?all=1` (every proposition) or `?minConfidence=0.3`; default {@link DEFAULT_MIN_CONFIDENCE}. */
function minConfidenceParam(p: QueryParams): number {
  const all = p.string('all', 5);
  if (all !== undefined && all !== '0' && all !== 'false') return 0;
  const raw = p.string('minConfidence', 10);
  if (raw === undefined) return DEFAULT_MIN_CONFIDENCE;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new HttpError(400, 'minConfidence must be a number from 0 to 1');
  return n;
}

/** `?full=1`: whole items (every claim or report) instead of listing items. */
function fullParam(p: QueryParams): boolean {
  const full = p.string('full', 5);
  return full !== undefined && full !== '0' && full !== 'false';
}

/**
 * `GET {path}/{id}`: one item, from the store when it answers (a value, or JSON text sent as it is), else from the
 * in-memory snapshot; 404 when there is none.
 */
function oneById(
  app: Hono, views: RouteDeps['views'], path: string, what: string, fromStore: ((id: string) => Promise<object | string | null>) | undefined,
  fromView: (view: DeskView, id: string) => object | undefined,
): void {
  app.get(`${path}/:id{.+}`, async (c) => {
    new QueryParams(c.req.query(), []);
    const id = c.req.param('id');
    const found = fromStore ? await fromStore(id) : fromView(await views.get(), id);
    if (!found) throw new HttpError(404, `no ${what} with id "${id}"`);
    return typeof found === 'string' ? c.body(found, 200, JSON_TYPE) : c.json(found);
  });
}

/** Adds the cross-document routes. */
export function analysisRoutes(app: Hono, { views, source }: RouteDeps): void {
  const queries = source.queries;
  app.get('/api/propositions', async (c) => {
    const p = new QueryParams(c.req.query(), ['status', 'kind', 'place', 'side', 'from', 'to', 'all', 'minConfidence', 'full', ...PAGE_PARAMS]);
    // `full=1`: whole propositions, every claim (CLI tables); otherwise listing items (the latest claims of each side).
    const full = fullParam(p);
    const status = p.oneOf('status', STATUSES);
    const kind = p.oneOf('kind', PROPOSITION_KINDS);
    const place = p.string('place');
    const side = p.side('side');
    const { from, to } = p.range();
    const page = p.page();
    const minConfidence = minConfidenceParam(p);
    if (queries) {
      const places = place ? await placeIdsOf(queries, place) : undefined;
      const found = await queries.propositions({ minConfidence, status, kind, places, side, from, to, full }, page);
      if (found) return c.body(rawPage(found, page), 200, JSON_TYPE);
    }
    const view = await views.get();
    const places = place ? placeIds(view, place) : null;
    const items = view.propositionsAt(minConfidence).filter(
      (x) =>
        (!status || x.status === status) &&
        (!kind || x.kind === kind) &&
        (!places || (x.place !== null && places.has(x.place))) &&
        (!side || x.sides.includes(side)) &&
        overlapsRange(x.from, x.to, from, to),
    );
    const found = paginate(items, page);
    return c.json(full ? found : { ...found, items: found.items.map(propositionListing) });
  });

  // An id from an `?all=1` listing must resolve too.
  oneById(app, views, '/api/propositions', 'proposition', queries && ((id) => queries.proposition(id)),
    (view, id) => view.analysis.propositions.find((x) => x.id === id) ?? view.propositionsAt(0).find((x) => x.id === id));

  app.get('/api/events', async (c) => {
    const p = new QueryParams(c.req.query(), ['type', 'subType', 'place', 'bbox', 'side', 'status', 'from', 'to', 'full', ...PAGE_PARAMS]);
    // `full=1`: whole events, every report; otherwise listing items (the latest reports, every report's date).
    const full = fullParam(p);
    const type = p.oneOf('type', EVENT_TYPES);
    const subType = p.oneOf('subType', EVENT_SUBTYPES);
    const place = p.string('place');
    const bbox = p.bbox('bbox');
    const side = p.side('side');
    const status = p.oneOf('status', STATUSES);
    const { from, to } = p.range();
    const page = p.page();
    if (queries) {
      const places = place ? await placeIdsOf(queries, place) : undefined;
      return c.body(rawPage(await queries.events({ type, subType, places, bbox, side, status, from, to, full }, page), page), 200, JSON_TYPE);
    }
    const view = await views.get();
    const places = place ? placeIds(view, place) : null;
    const items = view.analysis.events.filter(
      (e) =>
        (!type || e.type === type) &&
        (!subType || e.subType === subType) &&
        (!places || (e.place !== null && places.has(e.place))) &&
        (!bbox || (e.lat !== null && e.lon !== null && e.lon >= bbox.west && e.lon <= bbox.east && e.lat >= bbox.south && e.lat <= bbox.north)) &&
        (!side || e.sides.includes(side)) &&
        (!status || e.status === status) &&
        overlapsRange(e.from, e.to, from, to),
    );
    const found = paginate(items, page);
    return c.json(full ? found : { ...found, items: found.items.map(eventListing) });
  });

  oneById(app, views, '/api/events', 'event', queries && ((id) => queries.event(id)), (view, id) => view.analysis.events.find((x) => x.id === id));

  app.get('/api/stories', async (c) => {
    const p = new QueryParams(c.req.query(), ['entity', 'from', 'to', ...PAGE_PARAMS]);
    const entity = p.string('entity');
    const { from, to } = p.range();
    const page = p.page();
    const view = await views.get();
    const ids = entity ? new Set([entity, ...view.searchEntities(entity).map((e) => e.id)]) : null;
    const items = view.analysis.stories.filter(
      (s) => (!ids || s.entities.some((e) => ids.has(e))) && overlapsRange(s.from, s.to, from, to),
    );
    return c.json(paginate(items, page));
  });
}
