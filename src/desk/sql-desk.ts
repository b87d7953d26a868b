/**
 * The desk answered by indexed SQL over the store's tables: propositions and events from the tables kept at ingest
 * (migration 7, `src/store/desk-tables.ts`), documents from `documents` (full-text search, outlet, dates, entities),
 * one document from its row. Nothing is held in memory but the entity directory for name filters, so a new document
 * is visible as soon as its transaction commits and memory does not grow with the store.
 */
import type { Doc } from '../core/index.js';
import {
  compareEventGroups, comparePropositions, entitySummary, type ClaimView, type EntityAcc, type EntitySummary, type EventGroup,
  type PropositionGroup,
} from '../crossdoc/index.js';
import { foldName } from '../crossdoc/index.js';
import type { Queryable, Store } from '../store/index.js';
import { matchNames, type DocSummary } from './desk-view.js';

/** A page request and what a page holds. */
export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}
export interface Paged<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/**
 * A value as the JSON text the store keeps it in: listings of large values (a proposition with hundreds of claims)
 * are passed on as they are read, without parsing and serialising them again. {@link parseRaw} reads one.
 */
export type Raw<T> = string & { readonly __json?: T };

/** The value of a {@link Raw} JSON text. */
export function parseRaw<T>(raw: Raw<T>): T {
  return JSON.parse(raw) as T;
}

/** Filters of the propositions listing. */
export interface PropositionQuery {
  /** The confidence threshold: only the kept ones (0 and the default) are answered. */
  readonly minConfidence: number;
  readonly status?: string;
  readonly kind?: string;
  /** Place ids (a name already resolved). */
  readonly places?: readonly string[];
  readonly side?: string;
  readonly from?: string;
  readonly to?: string;
  /** Whole propositions, every claim (the CLI's tables), instead of listing items (`propositionListing`). */
  readonly full?: boolean;
}

/** Filters of the events listing. */
export interface EventQuery {
  readonly type?: string;
  readonly subType?: string;
  readonly places?: readonly string[];
  readonly bbox?: { readonly west: number; readonly south: number; readonly east: number; readonly north: number };
  readonly side?: string;
  readonly status?: string;
  readonly from?: string;
  readonly to?: string;
  /** Whole events, every report, instead of listing items (`eventListing`). */
  readonly full?: boolean;
}

/** Filters of the documents listing. */
export interface DocumentQuery {
  /** Every word must begin a word of the title or readable text (see `desk/search.ts`). */
  readonly words?: readonly string[];
  readonly entities?: readonly string[];
  readonly places?: readonly string[];
  readonly outlet?: string;
  readonly from?: string;
  readonly to?: string;
}

/** Filters of the entities listing. */
export interface EntityQuery {
  /** A name or alias (see {@link DeskQueries.matchEntities}); without it, most mentioned first. */
  readonly q?: string;
  readonly kind?: string;
  readonly side?: string;
}

/** An entity as name filters see it. */
export interface NamedEntity {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly side: string | null;
  readonly mentions: number;
  /** Folded name and name-like aliases. */
  readonly keys: readonly string[];
}

/** What the desk can answer without building the whole snapshot. */
export interface DeskQueries {
  /**
   * Propositions, newest first, as listing items (or whole with `full`); null when `minConfidence` is not a kept
   * threshold (the caller computes them).
   */
  propositions(query: PropositionQuery, page: PageRequest): Promise<Paged<Raw<PropositionGroup>> | null>;
  /** One proposition by id, at the default threshold or else among all. */
  proposition(id: string): Promise<PropositionGroup | null>;
  /** Events, newest first, as listing items (or whole with `full`). */
  events(query: EventQuery, page: PageRequest): Promise<Paged<Raw<EventGroup>>>;
  /** One whole event by id, as the JSON text of its body, or null. */
  event(id: string): Promise<Raw<EventGroup> | null>;
  documents(query: DocumentQuery, page: PageRequest): Promise<Paged<DocSummary>>;
  /** Entities whose name or alias matches, best first (the rule of `DeskView.searchEntities`). */
  matchEntities(name: string): Promise<readonly NamedEntity[]>;
  /** Entities merged across documents, with their aliases and documents. */
  entities(query: EntityQuery, page: PageRequest): Promise<Paged<EntitySummary>>;
  /** One merged entity, or null. */
  entity(id: string): Promise<EntitySummary | null>;
  /** What an entity's page shows besides the entity, or null when there is no such entity. */
  entityPage(id: string): Promise<EntityPage | null>;
}

/**
 * An entity's page: the entity, every mention of it (documents' order), the claims it made (by date), and the
 * confident propositions and the events it is part of (listing order).
 */
export interface EntityPage {
  readonly entity: EntitySummary;
  readonly mentions: readonly { readonly docId: string; readonly start: number; readonly end: number; readonly text: string }[];
  readonly claims: readonly ClaimView[];
  readonly propositions: readonly PropositionGroup[];
  readonly events: readonly EventGroup[];
}

/** Thresholds the store keeps propositions for (`DESK_LEVELS` of the store). */
const LEVELS = [0, 0.5];

/** SQL conditions with their parameters, numbered as they are added. */
class Where {
  readonly params: unknown[] = [];
  readonly parts: string[] = [];
  /** The placeholder of a new parameter. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  add(sql: (p: (value: unknown) => string) => string): void {
    this.parts.push(sql((value) => this.param(value)));
  }
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** `from`/`to` as the listings mean them: the item's range overlaps the requested one; undated items match no range. */
function overlaps(w: Where, from: string | undefined, to: string | undefined): void {
  if (!from && !to) return;
  w.add(() => 'date_from IS NOT NULL AND date_to IS NOT NULL');
  if (from) w.add((p) => `date_to >= ${p(from)}`);
  if (to) w.add((p) => `date_from <= ${p(to)}`);
}

/**
 * One page and the total, read in one snapshot. With `countAlong` (for filters whose matches are few and all read
 * anyway, as a text search's are before they are sorted) the total comes with the page (`count(*) OVER ()`): one
 * statement instead of two, which is what a query costs on PGlite.
 */
async function paged<T>(
  db: Queryable, select: string, from: string, w: Where, order: string, page: PageRequest, map: (row: Record<string, unknown>) => T, countAlong = false,
): Promise<Paged<T>> {
  const n = w.params.length;
  const along = countAlong ? ', count(*) OVER ()::integer AS total_along' : '';
  const rows = await db.query(`SELECT ${select}${along} FROM ${from} ${w.sql} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [...w.params, page.limit, page.offset]);
  const total = countAlong && rows.length
    ? (rows[0].total_along as number)
    : rows.length < page.limit && (rows.length > 0 || page.offset === 0)
      ? page.offset + rows.length
      : (await db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${from} ${w.sql}`, w.params))[0].n;
  return { items: rows.map(map), total };
}

/** The desk's queries over a store. */
export function sqlDesk(store: Store): DeskQueries {
  const db = store.db;
  let cached: { stamp: string; entities: Promise<NamedEntity[]> } | null = null;

  /** Name, kind, side, mentions and folded name forms of every entity: what name filters search (cached per change). */
  async function directory(): Promise<NamedEntity[]> {
    const [row] = await db.query<{ stamp: string }>(`SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') AS stamp FROM desk_entities`);
    if (!cached || cached.stamp !== row.stamp) {
      const loading = db.query<NamedEntity & Record<string, unknown>>('SELECT id, kind, name, side, mentions, keys FROM desk_entities');
      cached = { stamp: row.stamp, entities: loading };
      loading.catch(() => {
        if (cached?.entities === loading) cached = null;
      });
    }
    return cached.entities;
  }

  /** Entities whose name or alias matches, best first. */
  async function match(name: string): Promise<NamedEntity[]> {
    return matchNames(await directory(), name, (e) => e.keys);
  }

  /** Merged entities by id, each with its documents in the documents' order. */
  async function summaries(ids: readonly string[]): Promise<Map<string, EntitySummary>> {
    if (!ids.length) return new Map();
    const rows = await db.query<{ acc: EntityAcc }>('SELECT acc FROM desk_entities WHERE id = ANY($1::text[])', [ids]);
    const docs = await db.query<{ entity_id: string; ids: string[] }>(
      `SELECT x.entity_id, array_agg(x.document_id ORDER BY x.at, x.document_id) AS ids
       FROM (SELECT DISTINCT e.entity_id, e.document_id, d.ingested_at AS at FROM desk_entity_docs e
             JOIN documents d ON d.id = e.document_id WHERE e.entity_id = ANY($1::text[])) AS x
       GROUP BY x.entity_id`,
      [ids],
    );
    const docIds = new Map(docs.map((r) => [r.entity_id, r.ids]));
    return new Map(rows.map((r) => [r.acc.id, entitySummary(r.acc, docIds.get(r.acc.id) ?? [])]));
  }

  return {
    async propositions(q, page) {
      if (!LEVELS.includes(q.minConfidence)) return null;
      const w = new Where();
      w.add((p) => `level = ${p(q.minConfidence)}`);
      if (q.status) w.add((p) => `status = ${p(q.status)}`);
      if (q.kind) w.add((p) => `kind = ${p(q.kind)}`);
      if (q.places) w.add((p) => `place = ANY(${p(q.places)}::text[])`);
      if (q.side) w.add((p) => `sides @> ARRAY[${p(q.side)}::text]`);
      overlaps(w, q.from, q.to);
      // Listing items are kept as text (migration 8): a page reads kilobytes, however many claims a proposition has.
      const body = q.full ? 'body::text' : 'COALESCE(listing, body::text)';
      return paged(db, `${body} AS body`, 'desk_propositions', w, 'date_to DESC, id', page, (r) => r.body as Raw<PropositionGroup>);
    },

    async proposition(id) {
      const rows = await db.query<{ body: PropositionGroup }>(
        'SELECT body FROM desk_propositions WHERE id = $1 AND level = ANY($2::real[]) ORDER BY level DESC LIMIT 1',
        [id, LEVELS],
      );
      return rows[0]?.body ?? null;
    },

    async events(q, page) {
      const w = new Where();
      if (q.type) w.add((p) => `type = ${p(q.type)}`);
      if (q.subType) w.add((p) => `sub_type = ${p(q.subType)}`);
      if (q.places) w.add((p) => `place = ANY(${p(q.places)}::text[])`);
      if (q.bbox) {
        const b = q.bbox;
        w.add((p) => `lon BETWEEN ${p(b.west)} AND ${p(b.east)} AND lat BETWEEN ${p(b.south)} AND ${p(b.north)}`);
      }
      if (q.side) w.add((p) => `sides @> ARRAY[${p(q.side)}::text]`);
      if (q.status) w.add((p) => `status = ${p(q.status)}`);
      overlaps(w, q.from, q.to);
      // Listing items are kept as text (migration 9): a page reads kilobytes, however many reports an event has.
      const body = q.full ? 'body::text' : 'COALESCE(listing, body::text)';
      return paged(db, `${body} AS body`, 'desk_events', w, 'date_to DESC, id', page, (r) => r.body as Raw<EventGroup>);
    },

    async event(id) {
      const rows = await db.query<{ body: string }>('SELECT body::text AS body FROM desk_events WHERE id = $1 LIMIT 1', [id]);
      return (rows[0]?.body as Raw<EventGroup> | undefined) ?? null;
    },

    async documents(q, page) {
      if (q.words && !q.words.length) return { items: [], total: 0 };
      const words = q.words?.filter((x) => /^[\p{L}\p{N}]+$/u.test(x));
      if (words && words.length < (q.words?.length ?? 0)) return { items: [], total: 0 };
      const w = new Where();
      // Text search through the GIN index, always (see `Store.searchDocuments`): the matching rows first (OFFSET 0
      // keeps the planner from folding the search into a scan of the listing order), then the other filters.
      const from = words
        ? `(SELECT id, title, published, outlet, outlet_key, url, format, entity_count, claim_count, event_count FROM documents
            WHERE search @@ to_tsquery('simple'::regconfig, ${w.param(words.map((x) => `'${x}':*`).join(' & '))}) OFFSET 0) AS d`
        : 'documents d';
      if (q.outlet) w.add((p) => `d.outlet_key = ${p(foldName(q.outlet!))}`);
      if (q.from) w.add((p) => `d.published >= ${p(q.from)}::date`);
      if (q.to) w.add((p) => `d.published <= ${p(q.to)}::date`);
      if (q.entities) w.add((p) => `EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id AND m.entity_id = ANY(${p(q.entities)}::text[]))`);
      if (q.places) {
        w.add((p) => `EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id
          WHERE m.document_id = d.id AND e.kind = 'place' AND m.entity_id = ANY(${p(q.places)}::text[]))`);
      }
      // The row's url is the origin's (see `docFromRow`); the counts are kept with the row, not read from its extraction.
      const select = `d.id, d.title, d.published, d.outlet, d.url, d.format, coalesce(d.entity_count, 0) AS entities,
        coalesce(d.claim_count, 0) AS claims, coalesce(d.event_count, 0) AS events`;
      const map = (r: Record<string, unknown>): DocSummary => ({
        id: r.id as string, title: (r.title as string | null) ?? null, published: (r.published as string | null) ?? null,
        outlet: r.outlet as string, url: (r.url as string | null) ?? null, format: r.format as string,
        counts: { entities: r.entities as number, claims: r.claims as number, events: r.events as number },
      });
      const order = 'd.published DESC NULLS LAST, d.id COLLATE "C"';
      if (!words) return paged(db, select, from, w, order, page, map);
      return db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        return paged(tx, select, from, w, order, page, map, true);
      });
    },

    matchEntities: match,

    async entities(q, page) {
      let ids: string[];
      let total: number;
      if (q.q) {
        const found = (await match(q.q)).filter((e) => (!q.kind || e.kind === q.kind) && (!q.side || e.side === q.side));
        ids = found.slice(page.offset, page.offset + page.limit).map((e) => e.id);
        total = found.length;
      } else {
        const w = new Where();
        if (q.kind) w.add((p) => `kind = ${p(q.kind)}`);
        if (q.side) w.add((p) => `side = ${p(q.side)}`);
        const found = await paged(db, 'id', 'desk_entities', w, 'mentions DESC, name, id', page, (r) => r.id as string);
        ids = [...found.items];
        total = found.total;
      }
      const byId = await summaries(ids);
      return { items: ids.map((id) => byId.get(id)).filter((e) => e !== undefined), total };
    },

    async entity(id) {
      return (await summaries([id])).get(id) ?? null;
    },

    async entityPage(id) {
      const entity = (await summaries([id])).get(id);
      if (!entity) return null;
      const spans = await db.query<{ spans: EntityPage['mentions'] }>(
        `SELECT e.spans FROM desk_entity_docs e JOIN documents d ON d.id = e.document_id
         WHERE e.entity_id = $1 ORDER BY d.ingested_at, d.id, e.ordinal`,
        [id],
      );
      const views = await db.query<{ view: ClaimView }>(
        `SELECT c.view FROM desk_claim_views c JOIN documents d ON d.id = c.document_id
         WHERE c.speaker = $1 ORDER BY d.ingested_at, d.id, c.ordinal`,
        [id],
      );
      const claims = views.map((r) => r.view).sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
      const propositions = (await db.query<{ body: PropositionGroup }>(
        `SELECT body FROM desk_propositions WHERE level = $2 AND (place = $1
           OR prop_key IN (SELECT prop_key FROM desk_claims WHERE record->>'speaker' = $1))`,
        [id, LEVELS[1]],
      )).map((r) => r.body).filter((p) => p.place === id || p.claims.some((c) => c.speaker === id)).sort(comparePropositions);
      const events = (await db.query<{ body: EventGroup }>(
        `SELECT body FROM desk_events WHERE place = $1
           OR event_key IN (SELECT event_key FROM desk_event_reports WHERE actors @> ARRAY[$1::text])`,
        [id],
      )).map((r) => r.body).filter((e) => e.place === id || e.reports.some((r) => r.actors.includes(id))).sort(compareEventGroups);
      return { entity, mentions: spans.flatMap((r) => r.spans), claims, propositions, events };
    },
  };
}
