/**
 * The desk answered by indexed SQL over the store's tables: propositions and events from the tables kept at ingest
 * (migration 7, `src/store/desk-tables.ts`), documents from `documents` (full-text search, outlet, dates, entities),
 * one document from its row. Nothing is held in memory but the entity directory for name filters, so a new document
 * is visible as soon as its transaction commits and memory does not grow with the store.
 */
import type { Doc } from '../core/index.js';
import { isNameForm, foldName, type EventGroup, type PropositionGroup } from '../crossdoc/index.js';
import type { EntityKind } from '../core/index.js';
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

/** An entity as name filters see it. */
export interface NamedEntity {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly mentions: number;
  /** Folded name and name-like aliases. */
  readonly keys: readonly string[];
}

/** What the desk can answer without building the whole snapshot. */
export interface DeskQueries {
  /** Propositions, newest first; null when `minConfidence` is not a kept threshold (the caller computes them). */
  propositions(query: PropositionQuery, page: PageRequest): Promise<Paged<PropositionGroup> | null>;
  /** One proposition by id, at the default threshold or else among all. */
  proposition(id: string): Promise<PropositionGroup | null>;
  events(query: EventQuery, page: PageRequest): Promise<Paged<EventGroup>>;
  documents(query: DocumentQuery, page: PageRequest): Promise<Paged<DocSummary>>;
  /** Entities whose name or alias matches, best first (the rule of `DeskView.searchEntities`). */
  matchEntities(name: string): Promise<readonly NamedEntity[]>;
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

/** One page and the total, read in one snapshot. */
async function paged<T>(db: Queryable, select: string, from: string, w: Where, order: string, page: PageRequest, map: (row: Record<string, unknown>) => T): Promise<Paged<T>> {
  const n = w.params.length;
  const rows = await db.query(`SELECT ${select} FROM ${from} ${w.sql} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [...w.params, page.limit, page.offset]);
  const total = rows.length < page.limit && (rows.length > 0 || page.offset === 0)
    ? page.offset + rows.length
    : (await db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${from} ${w.sql}`, w.params))[0].n;
  return { items: rows.map(map), total };
}

/** The desk's queries over a store. */
export function sqlDesk(store: Store): DeskQueries {
  const db = store.db;
  let directory: { stamp: string; entities: Promise<NamedEntity[]> } | null = null;

  async function entities(): Promise<NamedEntity[]> {
    const [row] = await db.query<{ stamp: string }>(`SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') AS stamp FROM entities`);
    if (!directory || directory.stamp !== row.stamp) {
      const loading = db
        .query<{ id: string; kind: string; name: string; mentions: number; aliases: (string | null)[] }>(
          `SELECT e.id, e.kind, e.name, e.mention_count AS mentions, array_agg(a.alias) AS aliases
           FROM entities e LEFT JOIN entity_aliases a ON a.entity_id = e.id
           WHERE e.document_count > 0 GROUP BY e.id`,
        )
        .then((rows) => rows.map((r) => ({
          id: r.id, kind: r.kind, name: r.name, mentions: r.mentions,
          keys: [...new Set([r.name, ...r.aliases.filter((a): a is string => !!a && isNameForm(a, r.name, r.kind as EntityKind))].map(foldName))],
        })));
      directory = { stamp: row.stamp, entities: loading };
      loading.catch(() => {
        if (directory?.entities === loading) directory = null;
      });
    }
    return directory.entities;
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
      return paged(db, 'body', 'desk_propositions', w, 'date_to DESC NULLS LAST, id', page, (r) => r.body as PropositionGroup);
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
      return paged(db, 'body', 'desk_events', w, 'date_to DESC NULLS LAST, id', page, (r) => r.body as EventGroup);
    },

    async documents(q, page) {
      if (q.words && !q.words.length) return { items: [], total: 0 };
      const words = q.words?.filter((x) => /^[\p{L}\p{N}]+$/u.test(x));
      if (words && words.length < (q.words?.length ?? 0)) return { items: [], total: 0 };
      const w = new Where();
      // Text search through the GIN index, always (see `Store.searchDocuments`): the matching rows first (OFFSET 0
      // keeps the planner from folding the search into a scan of the listing order), then the other filters.
      const from = words
        ? `(SELECT id, title, published, outlet, outlet_key, url, format, extraction FROM documents
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
      const select = `d.id, d.title, d.published, d.outlet, coalesce(d.url, d.extraction->'origin'->>'url') AS url, d.format,
        jsonb_array_length(coalesce(d.extraction->'entities', '[]')) AS entities,
        jsonb_array_length(coalesce(d.extraction->'claims', '[]')) AS claims,
        jsonb_array_length(coalesce(d.extraction->'events', '[]')) AS events`;
      const map = (r: Record<string, unknown>): DocSummary => ({
        id: r.id as string, title: (r.title as string | null) ?? null, published: (r.published as string | null) ?? null,
        outlet: r.outlet as string, url: (r.url as string | null) ?? null, format: r.format as string,
        counts: { entities: r.entities as number, claims: r.claims as number, events: r.events as number },
      });
      const order = 'd.published DESC NULLS LAST, d.id';
      if (!words) return paged(db, select, from, w, order, page, map);
      return db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        return paged(tx, select, from, w, order, page, map);
      });
    },

    async matchEntities(name) {
      return matchNames(await entities(), name, (e) => e.keys);
    },
  };
}
