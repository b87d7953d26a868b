/** `/api/entities`: search by name or alias, and one entity with its aliases, mentions and claims. */
import type { Hono } from 'hono';
import { HttpError } from './http-error.js';
import { PAGE_PARAMS, pageOf, paginate, QueryParams } from './query-params.js';
import type { RouteDeps } from './route-deps.js';
import { compareNamed, type EntityPage } from '../desk/index.js';

const KINDS = ['person', 'organization', 'place', 'weapon'] as const;

/** Adds the entity routes. */
export function entityRoutes(app: Hono, { views, source }: RouteDeps): void {
  app.get('/api/entities', async (c) => {
    const p = new QueryParams(c.req.query(), ['q', 'kind', 'side', ...PAGE_PARAMS]);
    const q = p.string('q');
    const kind = p.oneOf('kind', KINDS);
    const side = p.side('side');
    const page = p.page();
    if (source.queries) return c.json(pageOf(await source.queries.entities({ q, kind, side }, page), page));
    const view = await views.get();
    const all = q ? view.searchEntities(q) : [...view.analysis.entities.values()].sort(compareNamed);
    const items = all.filter((e) => (!kind || e.kind === kind) && (!side || e.side === side));
    return c.json(paginate(items, page));
  });

  app.get('/api/entities/:id{.+}', async (c) => {
    new QueryParams(c.req.query(), []);
    const id = c.req.param('id');
    if (source.queries) {
      const page = await source.queries.entityPage(id);
      if (!page) throw new HttpError(404, `no entity with id "${id}"`);
      return c.json(entityDetail(page));
    }
    const view = await views.get();
    const entity = view.analysis.entities.get(id);
    if (!entity) throw new HttpError(404, `no entity with id "${id}"`);
    const mentions = view.sources.flatMap((d) =>
      d.entities.filter((e) => e.id === id).flatMap((e) => e.mentions.map((m) => ({ docId: d.id, start: m.start, end: m.end, text: m.text }))),
    );
    const propositions = view.analysis.propositions.filter((p) => p.place === id || p.claims.some((cl) => cl.speaker === id));
    // Events at a place, or with the entity among their actors.
    const events = view.analysis.events.filter((e) => e.place === id || e.reports.some((r) => r.actors.includes(id)));
    return c.json(entityDetail({ entity, mentions, claims: view.claimsBySpeaker.get(id) ?? [], propositions, events }));
  });
}

/** The answer of `GET /api/entities/{id}`: the entity with its mentions and claims, and its propositions and events in brief. */
export function entityDetail({ entity, mentions, claims, propositions, events }: EntityPage) {
  return {
    ...entity, mentions, claims,
    propositions: propositions.map((p) => ({ id: p.id, kind: p.kind, placeName: p.placeName, status: p.status, from: p.from, to: p.to })),
    events: events.map((e) => ({ id: e.id, type: e.type, subType: e.subType, placeName: e.placeName, from: e.from, to: e.to, status: e.status, reports: e.reports.length })),
  };
}
