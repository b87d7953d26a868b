/**
 * The desk's cross-document results kept in tables (migration 7): propositions with their claims and status, and
 * events reconciled across reports. Each stored document adds its rows (`desk_claims`, `desk_event_reports`) and
 * recomputes, in its own transaction, only the keys it touches — a proposition key (kind + place) or an event key
 * (type, sub-type, place) — with the same functions the whole-store analysis runs (`propositionsOfKey`,
 * `eventGroupsOfKey` in `src/crossdoc`), so the tables equal `analyze()` over the same documents.
 *
 * One thing reaches across keys: speakers known only by name are one source when one name is the tail of a longer one
 * ("Malial" of "Hannah Malial", `mergeTextSources`). A document bringing a new name therefore also recomputes the keys
 * whose claims carry one of its tails; each claim row keeps its source's tails (`source_tails`, indexed) to find them.
 */
import {
  claimPropositions, claimRecord, claimView, DEFAULT_MIN_CONFIDENCE, entityContributions, eventGroupsOfKey, eventListing, eventRaws, foldName,
  mergeContribution, mergeTextSources, outletOf, propositionListing, propositionsOfKey, type ClaimRecord, type EntityAcc,
  type EntityContribution, type EventGroup, type EventRaw, type SourceDoc,
} from '../crossdoc/index.js';
import type { Doc, Entity } from '../core/index.js';
import type { Queryable } from './db.js';

/** The thresholds whose propositions are kept: every claim (0), and the confident ones the desk shows by default. */
export const DESK_LEVELS: readonly number[] = [0, DEFAULT_MIN_CONFIDENCE];

/** Advisory lock namespace of desk keys (see {@link refreshDesk}). */
const LOCK_DESK = 0x5177 * 2 ** 32;

/** A 32-bit hash of a string, for advisory lock keys. */
function lockHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The key of a proposition in the tables: kind and place (Postgres text holds no NUL, so a unit separator). */
export function propositionKey(kind: string, place: string | null | undefined): string {
  return `${kind}\u001f${place ?? ''}`;
}

/** The key of an event in the tables: type, sub-type and place. */
function eventTableKey(type: string, subType: string, place: string | null | undefined): string {
  return `${type}\u001f${subType}\u001f${place ?? ''}`;
}

/** The shorter names a speaker-text source could be the full form of: its word tails ("text:malial" of "text:hannah malial"). */
export function sourceTails(source: string): string[] {
  if (!source.startsWith('text:')) return [];
  const words = source.slice(5).split(' ');
  return words.slice(1).map((_, i) => `text:${words.slice(i + 1).join(' ')}`);
}

/** The columns of a stored document that its cross-document view is made from. */
export interface StoredRow {
  readonly id: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly source: string | null;
  readonly path: string | null;
  readonly input: string;
  readonly view_text: string | null;
  readonly extraction: Record<string, unknown>;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The origin of a stored document: the extraction's, with the row's columns first (as the desk rebuilds documents). */
function storedOrigin(row: Pick<StoredRow, 'url' | 'source' | 'path' | 'extraction'>): Doc['origin'] {
  const x = row.extraction ?? {};
  const origin = (x.origin && typeof x.origin === 'object' ? x.origin : {}) as Doc['origin'];
  return { ...origin, path: row.path ?? origin.path, url: row.url ?? origin.url, source: row.source ?? origin.source };
}

/** The outlet of a stored document and its folded form (what `outlet` filters compare). */
export function storedOutlet(row: Pick<StoredRow, 'id' | 'url' | 'source' | 'path' | 'extraction'>): { outlet: string; key: string } {
  const outlet = outletOf({ id: row.id, origin: storedOrigin(row) });
  return { outlet, key: foldName(outlet) };
}

/** The cross-document view of a stored document, as the desk sees it when it reads the row back. */
export function storedSourceDoc(row: StoredRow): SourceDoc {
  const x = row.extraction ?? {};
  return {
    id: row.id,
    outlet: storedOutlet(row).outlet,
    published: row.published,
    title: row.title,
    input: row.input,
    text: row.view_text ?? row.input,
    entities: list(x.entities),
    claims: list(x.claims),
    events: list(x.events),
  };
}

/**
 * What a document's rows touch: proposition keys, speaker-text sources, event keys, and entities — to recompute from
 * their rows (`entities`: a document replaced or deleted), or to extend by a new last document (`appended`).
 */
export interface DeskTouch {
  readonly propositions: Set<string>;
  readonly sources: Set<string>;
  readonly events: Set<string>;
  readonly entities: Set<string>;
  readonly appended: { readonly contribution: EntityContribution; readonly published: string | null }[];
}

/** An empty {@link DeskTouch}. */
export function noTouch(): DeskTouch {
  return { propositions: new Set(), sources: new Set(), events: new Set(), entities: new Set(), appended: [] };
}

/** The keys the rows of a stored document touch (read before it is replaced or deleted). */
export async function touchedBy(tx: Queryable, id: string, into: DeskTouch = noTouch()): Promise<DeskTouch> {
  const claims = await tx.query<{ prop_key: string; source: string }>('SELECT DISTINCT prop_key, source FROM desk_claims WHERE document_id = $1', [id]);
  for (const r of claims) {
    into.propositions.add(r.prop_key);
    if (r.source.startsWith('text:')) into.sources.add(r.source);
  }
  const events = await tx.query<{ event_key: string }>('SELECT DISTINCT event_key FROM desk_event_reports WHERE document_id = $1', [id]);
  for (const r of events) into.events.add(r.event_key);
  const entities = await tx.query<{ entity_id: string }>('SELECT DISTINCT entity_id FROM desk_entity_docs WHERE document_id = $1', [id]);
  for (const r of entities) into.entities.add(r.entity_id);
  return into;
}

/** The place entity as a proposition shows it. */
function placeOf(e: Entity | undefined): { name: string; lat?: number; lon?: number } | null {
  return e ? { name: e.name, ...(e.lat !== undefined && { lat: e.lat }), ...(e.lon !== undefined && { lon: e.lon }) } : null;
}

/**
 * Writes the desk rows of stored documents (their claims' propositions, their event reports, what each says of each
 * entity), one multi-row statement per table whatever the number of documents, and returns what they touch. `json`
 * makes a value storable (the store's NUL and surrogate cleaning). `append`: the documents are the newest, in
 * ingest order (new ones, not re-extractions), so their entities are extended, not recomputed.
 */
export async function writeDeskRows(tx: Queryable, docs: readonly SourceDoc[], json: (value: unknown) => string, into: DeskTouch = noTouch(), append = false): Promise<DeskTouch> {
  const claims: unknown[] = [];
  const events: unknown[] = [];
  const entityDocs: unknown[] = [];
  const views: unknown[] = [];
  for (const doc of docs) {
    const entities = new Map(doc.entities.map((e) => [e.id, e]));
    let ordinal = 0;
    for (const claim of doc.claims) {
      for (const prop of claimPropositions(claim)) {
        const record = claimRecord(doc, claim, entities, prop);
        if (!record) continue;
        const key = propositionKey(prop.kind, prop.place);
        into.propositions.add(key);
        if (record.source.startsWith('text:')) into.sources.add(record.source);
        claims.push({
          document_id: doc.id, ordinal: ordinal++, prop_key: key, kind: prop.kind, place: prop.place ?? null,
          confidence: prop.confidence ?? 1, source: record.source, source_tails: sourceTails(record.source),
          place_entity: prop.place ? placeOf(entities.get(prop.place)) : null, record,
        });
      }
    }
    eventRaws(doc).forEach((k, i) => {
      const key = eventTableKey(k.type, k.subType, k.place);
      into.events.add(key);
      events.push({ document_id: doc.id, ordinal: i, event_key: key, type: k.type, sub_type: k.subType, place: k.place, actors: k.raw.report.actors, raw: k.raw });
    });
    const contributions = entityContributions(doc);
    contributions.forEach((c, i) => entityDocs.push({
      document_id: doc.id, ordinal: i, entity_id: c.id, contribution: c,
      spans: doc.entities[i].mentions.map((m) => ({ docId: doc.id, start: m.start, end: m.end, text: m.text })),
    }));
    // Each claim with a speaker as the speaker's entity page lists it.
    doc.claims.filter((c) => c.speaker).forEach((c, i) => views.push({ document_id: doc.id, ordinal: i, speaker: c.speaker, view: claimView(doc, c) }));
    for (const contribution of contributions) {
      if (append) into.appended.push({ contribution, published: doc.published });
      else into.entities.add(contribution.id);
    }
  }
  if (claims.length) {
    await tx.query(
      `INSERT INTO desk_claims (document_id, ordinal, prop_key, kind, place, confidence, source, source_tails, place_entity, record)
       SELECT document_id, ordinal, prop_key, kind, place, confidence, source, source_tails, place_entity, record
       FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, ordinal integer, prop_key text, kind text, place text,
         confidence double precision, source text, source_tails text[], place_entity jsonb, record jsonb)`,
      [json(claims)],
    );
  }
  if (events.length) {
    await tx.query(
      `INSERT INTO desk_event_reports (document_id, ordinal, event_key, type, sub_type, place, actors, raw)
       SELECT document_id, ordinal, event_key, type, sub_type, place, actors, raw
       FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, ordinal integer, event_key text, type text, sub_type text,
         place text, actors text[], raw jsonb)`,
      [json(events)],
    );
  }
  if (entityDocs.length) {
    await tx.query(
      `INSERT INTO desk_entity_docs (document_id, ordinal, entity_id, contribution, spans)
       SELECT document_id, ordinal, entity_id, contribution, spans
       FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, ordinal integer, entity_id text, contribution jsonb, spans jsonb)`,
      [json(entityDocs)],
    );
  }
  if (views.length) {
    await tx.query(
      `INSERT INTO desk_claim_views (document_id, ordinal, speaker, view)
       SELECT document_id, ordinal, speaker, view
       FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, ordinal integer, speaker text, view jsonb)`,
      [json(views)],
    );
  }
  return into;
}

/** Takes the transaction's advisory locks on desk keys, sorted, so two writers never wait on each other in a cycle. */
async function lockKeys(tx: Queryable, keys: Iterable<string>): Promise<void> {
  const locks = [...new Set([...keys].map((k) => LOCK_DESK + lockHash(k)))].sort((a, b) => a - b);
  if (locks.length) {
    await tx.query('SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k) AS keys', [locks]);
  }
}

/**
 * Recomputes the propositions and events of every key the touched rows belong to, and of the keys whose speaker-text
 * sources may merge differently now (claims whose source is a tail of a touched one). Writers touching the same keys
 * or names run one after the other (advisory locks), so each sees the other's committed rows.
 */
export async function refreshDesk(tx: Queryable, touch: DeskTouch, json: (value: unknown) => string): Promise<void> {
  const tails = [...touch.sources].flatMap(sourceTails);
  await lockKeys(tx, [
    ...[...touch.propositions].map((k) => `p:${k}`), ...[...touch.events].map((k) => `e:${k}`),
    ...[...touch.sources, ...tails].map((s) => `s:${s}`),
    ...[...touch.entities, ...touch.appended.map((a) => a.contribution.id)].map((id) => `n:${id}`),
  ]);
  const keys = new Set(touch.propositions);
  if (tails.length) {
    const more = await tx.query<{ prop_key: string }>('SELECT DISTINCT prop_key FROM desk_claims WHERE source = ANY($1::text[])', [tails]);
    const fresh = more.map((r) => r.prop_key).filter((k) => !keys.has(k));
    await lockKeys(tx, fresh.map((k) => `p:${k}`));
    for (const k of fresh) keys.add(k);
  }
  for (const key of [...keys].sort()) await refreshPropositionKey(tx, key, json);
  for (const key of [...touch.events].sort()) await refreshEventKey(tx, key, json);
  await refreshEntities(tx, touch, json);
}

/** The row of a merged entity. */
function entityRow(a: EntityAcc): Record<string, unknown> {
  return {
    id: a.id, kind: a.kind, name: a.name, side: a.side, mentions: a.mentions, acc: a,
    // Sorted: the forms' order depends on whether the merge read them back from jsonb (which orders object keys).
    keys: [...new Set([a.name, ...Object.values(a.forms).map((f) => f.text)].map(foldName))].sort(),
  };
}

/** Extends the entities a new document names, and recomputes those a replaced or deleted one named. */
async function refreshEntities(tx: Queryable, touch: DeskTouch, json: (value: unknown) => string): Promise<void> {
  const merged = new Map<string, EntityAcc>();
  const gone: string[] = [];
  if (touch.appended.length) {
    const ids = [...new Set(touch.appended.map((a) => a.contribution.id))].filter((id) => !touch.entities.has(id));
    const rows = await tx.query<{ acc: EntityAcc }>('SELECT acc FROM desk_entities WHERE id = ANY($1::text[])', [ids]);
    for (const r of rows) merged.set(r.acc.id, r.acc);
    for (const { contribution, published } of touch.appended) {
      if (!touch.entities.has(contribution.id)) merged.set(contribution.id, mergeContribution(merged.get(contribution.id), contribution, published));
    }
  }
  for (const id of [...touch.entities].sort()) {
    const rows = await tx.query<{ contribution: EntityContribution; published: string | null }>(
      `SELECT e.contribution, d.published FROM desk_entity_docs e JOIN documents d ON d.id = e.document_id
       WHERE e.entity_id = $1 ORDER BY d.ingested_at, d.id, e.ordinal`,
      [id],
    );
    let a: EntityAcc | undefined;
    for (const r of rows) a = mergeContribution(a, r.contribution, r.published);
    if (a) merged.set(id, a);
    else gone.push(id);
  }
  if (gone.length) await tx.query('DELETE FROM desk_entities WHERE id = ANY($1::text[])', [gone]);
  if (merged.size) {
    await tx.query(
      `INSERT INTO desk_entities (id, kind, name, side, mentions, keys, acc)
       SELECT id, kind, name, side, mentions, keys, acc
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, kind text, name text, side text, mentions integer, keys text[], acc jsonb)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, side = EXCLUDED.side,
         mentions = EXCLUDED.mentions, keys = EXCLUDED.keys, acc = EXCLUDED.acc, updated_at = now()`,
      [json([...merged.values()].map(entityRow))],
    );
  }
}

interface ClaimRow extends Record<string, unknown> {
  kind: string;
  place: string | null;
  confidence: number;
  source: string;
  place_entity: { name: string; lat?: number; lon?: number } | null;
  record: ClaimRecord;
}

/** Recomputes the propositions of one kind + place at every level. */
async function refreshPropositionKey(tx: Queryable, key: string, json: (value: unknown) => string): Promise<void> {
  const rows = await tx.query<ClaimRow>(
    `SELECT c.kind, c.place, c.confidence, c.source, c.place_entity, c.record
     FROM desk_claims c JOIN documents d ON d.id = c.document_id
     WHERE c.prop_key = $1 ORDER BY d.ingested_at, d.id, c.ordinal`,
    [key],
  );
  await tx.query('DELETE FROM desk_propositions WHERE prop_key = $1', [key]);
  for (const level of DESK_LEVELS) {
    const kept = rows.filter((r) => r.confidence >= level);
    if (!kept.length) continue;
    // The longer names (anywhere in the store, at this level) that the key's speaker-text sources are tails of.
    const texts = [...new Set(kept.map((r) => r.source).filter((s) => s.startsWith('text:')))];
    const longer = texts.length
      ? await tx.query<{ source: string }>(
          'SELECT DISTINCT source FROM desk_claims WHERE source_tails && $1::text[] AND confidence >= $2',
          [texts, level],
        )
      : [];
    const merged = mergeTextSources([...texts, ...longer.map((r) => r.source)]);
    const first = kept[0];
    const groups = propositionsOfKey(
      { kind: first.kind, place: first.place, placeEntity: kept.find((r) => r.place_entity)?.place_entity ?? undefined, records: kept.map((r) => r.record) },
      merged,
    );
    await tx.query(
      `INSERT INTO desk_propositions (level, prop_key, id, kind, place, status, date_from, date_to, sides, body, listing)
       SELECT $1, $2, id, kind, place, status, date_from, date_to, sides, body, listing
       FROM jsonb_to_recordset($3::jsonb) AS x(id text, kind text, place text, status text, date_from text, date_to text,
         sides text[], body jsonb, listing text)`,
      [level, key, json(groups.map((g) => ({
        id: g.id, kind: g.kind, place: g.place, status: g.status, date_from: g.from, date_to: g.to, sides: g.sides, body: g,
        listing: json(propositionListing(g)),
      })))],
    );
  }
}

/** Recomputes the events of one type, sub-type and place. */
async function refreshEventKey(tx: Queryable, key: string, json: (value: unknown) => string): Promise<void> {
  const rows = await tx.query<{ type: string; sub_type: string; place: string | null; raw: EventRaw }>(
    `SELECT r.type, r.sub_type, r.place, r.raw FROM desk_event_reports r JOIN documents d ON d.id = r.document_id
     WHERE r.event_key = $1 ORDER BY d.ingested_at, d.id, r.ordinal`,
    [key],
  );
  await tx.query('DELETE FROM desk_events WHERE event_key = $1', [key]);
  if (!rows.length) return;
  const groups = eventGroupsOfKey({ type: rows[0].type, subType: rows[0].sub_type, place: rows[0].place }, rows.map((r) => r.raw));
  await tx.query(
    `INSERT INTO desk_events (event_key, id, type, sub_type, place, status, date_from, date_to, lat, lon, sides, body, listing)
     SELECT $1, id, type, sub_type, place, status, date_from, date_to, lat, lon, sides, body, listing
     FROM jsonb_to_recordset($2::jsonb) AS x(id text, type text, sub_type text, place text, status text, date_from text,
       date_to text, lat double precision, lon double precision, sides text[], body jsonb, listing text)`,
    [key, json(groups.map((g) => ({
      id: g.id, type: g.type, sub_type: g.subType, place: g.place, status: g.status, date_from: g.from, date_to: g.to,
      lat: g.lat, lon: g.lon, sides: g.sides, body: g, listing: json(eventListing(g)),
    })))],
  );
}

/** Rows read per query while rebuilding. */
const REBUILD_BATCH = 200;

/**
 * Rebuilds every desk table from the stored documents (after migration 7 on a store that holds documents, and
 * `sitrep rebuild`): the rows of each document, then every key once. One transaction: readers see the old tables
 * until it commits. Returns the number of documents read.
 */
export async function rebuildDeskTables(tx: Queryable, json: (value: unknown) => string, onProgress?: (done: number) => void): Promise<number> {
  for (const table of ['desk_claims', 'desk_event_reports', 'desk_propositions', 'desk_events', 'desk_entity_docs', 'desk_entities', 'desk_claim_views']) {
    await tx.query(`DELETE FROM ${table}`);
  }
  const touch = noTouch();
  let done = 0;
  for (let after: { at: string; id: string } | null = null; ; ) {
    type Batch = (StoredRow & { at: string } & Record<string, unknown>)[];
    const rows: Batch = await tx.query<StoredRow & { at: string } & Record<string, unknown>>(
      `SELECT id, title, published, url, source, path, input, view_text, extraction, ingested_at::text AS at FROM documents
       ${after ? 'WHERE (ingested_at, id) > ($2::timestamptz, $3)' : ''} ORDER BY ingested_at, id LIMIT $1`,
      after ? [REBUILD_BATCH, after.at, after.id] : [REBUILD_BATCH],
    );
    if (!rows.length) break;
    const docs = rows.map(storedSourceDoc);
    await tx.query(
      `UPDATE documents d SET outlet = x.outlet, outlet_key = x.outlet_key, entity_count = x.entities, claim_count = x.claims,
         event_count = x.events
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, outlet text, outlet_key text, entities integer, claims integer, events integer)
       WHERE d.id = x.id`,
      [json(rows.map((row, i) => {
        const outlet = storedOutlet(row);
        const doc = docs[i];
        return { id: row.id, outlet: outlet.outlet, outlet_key: outlet.key, entities: doc.entities.length, claims: doc.claims.length, events: doc.events.length };
      }))],
    );
    await writeDeskRows(tx, docs, json, touch, true);
    done += rows.length;
    onProgress?.(done);
    const last: Batch[number] = rows[rows.length - 1];
    after = { at: last.at, id: last.id };
  }
  for (const key of [...touch.propositions].sort()) await refreshPropositionKey(tx, key, json);
  for (const key of [...touch.events].sort()) await refreshEventKey(tx, key, json);
  await refreshEntities(tx, touch, json);
  return done;
}

/** Events read per query while their listing items are filled. */
const LISTING_BATCH = 500;

/**
 * Computes the listing item of every kept event from its stored body (after migration 9 on a store that holds
 * documents); returns the number of events.
 */
export async function fillEventListings(tx: Queryable, json: (value: unknown) => string): Promise<number> {
  let done = 0;
  for (let after: { key: string; id: string } | null = null; ; ) {
    const rows: { event_key: string; id: string; body: EventGroup }[] = await tx.query<{ event_key: string; id: string; body: EventGroup }>(
      `SELECT event_key, id, body FROM desk_events ${after ? 'WHERE (event_key, id) > ($2, $3)' : ''} ORDER BY event_key, id LIMIT $1`,
      after ? [LISTING_BATCH, after.key, after.id] : [LISTING_BATCH],
    );
    if (!rows.length) return done;
    await tx.query(
      `UPDATE desk_events e SET listing = x.listing FROM jsonb_to_recordset($1::jsonb) AS x(event_key text, id text, listing text)
       WHERE e.event_key = x.event_key AND e.id = x.id`,
      [json(rows.map((r) => ({ event_key: r.event_key, id: r.id, listing: json(eventListing(r.body)) })))],
    );
    done += rows.length;
    const last = rows[rows.length - 1];
    after = { key: last.event_key, id: last.id };
  }
}

/** Recomputes every proposition from the kept claim rows (after a change of how propositions are kept); returns their keys' number. */
export async function refreshAllPropositions(tx: Queryable, json: (value: unknown) => string): Promise<number> {
  const keys = await tx.query<{ prop_key: string }>('SELECT DISTINCT prop_key FROM desk_claims ORDER BY prop_key');
  for (const { prop_key } of keys) await refreshPropositionKey(tx, prop_key, json);
  return keys.length;
}
