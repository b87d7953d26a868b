/**
 * The rows a stored document adds to the store's tables, and the statements that insert them for any number of
 * documents at once: one multi-row statement per table (`jsonb_to_recordset` over the rows of every document), so
 * storing one document and loading thousands in a batch (`Store.importDocuments`) write the same rows through the
 * same code. Entities and aliases seen by several documents of a batch are folded in SQL exactly as one upsert per
 * document, in order, would fold them.
 */
import type { Doc, Entity } from '../core/index.js';
import type { Queryable } from './db.js';
import { toExtractionJson } from './extraction-json.js';
import type { Fingerprint } from './fingerprint.js';
import { storedOutlet, type StoredRow } from './desk-tables.js';

/** NUL, and UTF-16 surrogates without their pair: what Postgres text and jsonb cannot hold. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A string Postgres can store: NUL and unpaired surrogates become U+FFFD, one UTF-16 unit each like what they
 * replace, so every offset still indexes the stored text.
 */
export function pgText(text: string): string;
export function pgText(text: string | null | undefined): string | null;
export function pgText(text: string | null | undefined): string | null {
  return text == null ? null : text.replace(UNSTORABLE, '\uFFFD');
}

/** A value as a JSON parameter, every string in it made storable as in {@link pgText}. */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? pgText(v) : v));
}

/** A `YYYY-MM-DD` date that exists, or null: a stage's odd date must not fail the whole document. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? value : null;
}

/** An integer column value, or null. */
function int(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : null;
}

/** A finite number or null. */
function num(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Identifies a source of a document, so that reading the same source twice records it once. */
function sourceKey(doc: Doc): string {
  const o = doc.origin;
  return JSON.stringify([doc.id, o.path ?? null, o.line ?? null, o.url ?? null, o.source ?? null]);
}

/** The alias a mention counts under: its text with whitespace collapsed (line breaks inside names vary). */
function aliasOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Merges entities of one document that share an id (a stage may emit the same entity twice). */
function mergeEntities(entities: readonly Entity[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const e of entities) {
    const seen = byId.get(e.id);
    byId.set(e.id, seen ? { ...seen, mentions: [...seen.mentions, ...e.mentions] } : e);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How a source relates to the stored document it was recorded against. */
export type SourceRelation = 'original' | 'duplicate' | 'near-duplicate';

/** The row of a document's source, for `document_sources`. */
export function sourceRow(doc: Doc, documentId: string, relation: SourceRelation, sim: number, hash: string): unknown[] {
  const o = doc.origin;
  return [
    documentId,
    sourceKey(doc),
    pgText(doc.id),
    relation,
    sim,
    hash,
    doc.format,
    pgText(o.path),
    int(o.line),
    pgText(o.url),
    pgText(o.source),
    pgText(doc.title?.value),
    isoDate(doc.published?.value),
  ];
}

/** The columns of `document_sources`, in the order of {@link sourceRow}. */
const SOURCE_COLUMNS = ['document_id', 'source_key', 'doc_key', 'relation', 'similarity', 'content_hash', 'format', 'path', 'line', 'url', 'source', 'title', 'published'] as const;

/** Records one source of a stored document (once per source: reading it again changes nothing). */
export const INSERT_SOURCE = `INSERT INTO document_sources (${SOURCE_COLUMNS.join(', ')})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT (document_id, source_key) DO NOTHING`;

/** The columns of a document row, in the order of {@link documentValues}. */
export const DOCUMENT_COLUMNS = [
  'id', 'content_hash', 'minhash', 'word_count', 'format', 'title', 'published', 'published_rule',
  'url', 'source', 'path', 'encoding', 'input', 'view_text', 'extraction', 'outlet', 'outlet_key',
  'entity_count', 'claim_count', 'event_count',
] as const;

/** The SQL type of each document column, for reading rows out of a JSON parameter. */
const DOCUMENT_TYPES: Record<(typeof DOCUMENT_COLUMNS)[number], string> = {
  id: 'text', content_hash: 'text', minhash: 'integer[]', word_count: 'integer', format: 'text', title: 'text',
  published: 'date', published_rule: 'text', url: 'text', source: 'text', path: 'text', encoding: 'text', input: 'text',
  view_text: 'text', extraction: 'jsonb', outlet: 'text', outlet_key: 'text', entity_count: 'integer',
  claim_count: 'integer', event_count: 'integer',
};

/** The column values of a document's row, in the order of {@link DOCUMENT_COLUMNS} (`extraction` as JSON text). */
export function documentValues(doc: Doc, fp: Fingerprint, id: string): unknown[] {
  const o = doc.origin;
  const extraction = jsonParam(toExtractionJson(doc, id));
  const outlet = storedOutlet({ id, url: pgText(o.url), source: pgText(o.source), path: pgText(o.path), extraction: JSON.parse(extraction) as Record<string, unknown> });
  return [
    id,
    fp.hash,
    fp.minhash ? [...fp.minhash] : null,
    fp.words,
    doc.format,
    pgText(doc.title?.value),
    isoDate(doc.published?.value),
    doc.published?.rule ?? null,
    pgText(o.url),
    pgText(o.source),
    pgText(o.path),
    o.encoding ?? null,
    pgText(doc.input),
    doc.view.isIdentity ? null : pgText(doc.view.text),
    extraction,
    outlet.outlet,
    outlet.key,
    doc.entities.length,
    doc.claims.length,
    doc.events.length,
  ];
}

/** The stored row of a document as the desk reads it back, from the values of {@link documentValues}. */
export function storedRow(values: readonly unknown[]): StoredRow {
  const at = (column: (typeof DOCUMENT_COLUMNS)[number]) => values[DOCUMENT_COLUMNS.indexOf(column)];
  return {
    id: at('id') as string, title: at('title') as string | null, published: at('published') as string | null,
    url: at('url') as string | null, source: at('source') as string | null, path: at('path') as string | null,
    input: at('input') as string, view_text: at('view_text') as string | null,
    extraction: JSON.parse(at('extraction') as string) as Record<string, unknown>,
  };
}

/** The rows one document adds below its `documents` row: bands, boilerplate and time spans, entities, claims, events. */
export interface LayerRows {
  readonly bands: readonly unknown[];
  readonly excluded: readonly unknown[];
  readonly times: readonly unknown[];
  /** The document's entities, merged by id, with its publication date (their first/last seen). */
  readonly entities: readonly unknown[];
  readonly aliases: readonly unknown[];
  readonly mentions: readonly unknown[];
  readonly claims: readonly unknown[];
  readonly events: readonly unknown[];
}

/** Every row of a new document: its `documents` row, its original source, its layers, and the row the desk reads. */
export interface DocumentRows {
  readonly values: readonly unknown[];
  readonly source: readonly unknown[];
  readonly layers: LayerRows;
  readonly stored: StoredRow;
}

/** The rows of a new document stored under `id`. */
export function documentRows(doc: Doc, fp: Fingerprint, id: string): DocumentRows {
  const values = documentValues(doc, fp, id);
  return { values, source: sourceRow(doc, id, 'original', 1, fp.hash), layers: layerRows(doc, fp, id), stored: storedRow(values) };
}

/** The layer rows of a document stored under `id`; `ord` numbers the rows of a batch in ingest order. */
export function layerRows(doc: Doc, fp: Fingerprint, id: string): LayerRows {
  const published = isoDate(doc.published?.value);
  const entities = mergeEntities(doc.entities);
  const aliases: unknown[] = [];
  for (const e of entities) {
    const counts = new Map<string, number>();
    for (const m of e.mentions) {
      const alias = aliasOf(m.text);
      if (alias) counts.set(alias, (counts.get(alias) ?? 0) + 1);
    }
    for (const [alias, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      aliases.push({ document_id: id, entity_id: e.id, alias, count, published });
    }
  }
  return {
    bands: (fp.bands ?? []).map((key, band) => ({ document_id: id, band, key })),
    excluded: doc.excluded.map((s, i) => ({ document_id: id, ordinal: i, span_start: s.start, span_end: s.end, text: s.text, rule: s.rule })),
    times: doc.times.map((t, i) => ({
      document_id: id, ordinal: i, span_start: t.start, span_end: t.end, text: t.text, value: isoDate(t.value),
      precision: t.precision ?? null, unresolved: t.unresolved ?? null, sentence: int(t.sentence), rule: t.rule,
    })),
    entities: entities.map((e) => ({
      id: e.id, kind: e.kind, name: e.name, type: e.type ?? null, side: e.side ?? null, role: e.role ?? null,
      lat: num(e.lat), lon: num(e.lon), country: e.country ?? null, geonames_id: int(e.geonamesId),
      mention_count: e.mentions.length, published,
    })),
    aliases,
    mentions: entities
      .flatMap((e) => e.mentions.map((m) => ({ entity_id: e.id, m })))
      .sort((a, b) => a.m.start - b.m.start || a.m.end - b.m.end)
      .map(({ entity_id, m }, ordinal) => ({
        document_id: id, ordinal, entity_id, span_start: m.start, span_end: m.end, text: m.text, rule: m.rule,
        sentence: int(m.sentence), metonym: m.metonym === true, alias: aliasOf(m.text),
      })),
    claims: doc.claims.map((c) => ({
      document_id: id, id: c.id, speaker_id: c.speaker, speaker_text: c.speakerText, side: c.side ?? null, cue: c.cue,
      content: c.content, span_start: c.start, span_end: c.end, content_start: int(c.contentSpan?.start),
      content_end: int(c.contentSpan?.end), channel: c.channel ?? null, claim_date: isoDate(c.date),
      date_precision: c.datePrecision ?? null, sentence: int(c.sentence), rule: c.rule,
      prop_kind: c.proposition?.kind ?? null, prop_place: c.proposition?.place ?? null,
      prop_holder: c.proposition?.holder ?? null, prop_polarity: c.proposition?.polarity ?? null,
      prop_count: num(c.proposition?.count),
    })),
    events: doc.events.map((e) => ({
      document_id: id, id: e.id, type: e.type, sub_type: e.subType, event_date: isoDate(e.date),
      date_precision: e.datePrecision ?? null, place_id: e.place, actors: [...e.actors], fatalities: int(e.fatalities),
      injuries: int(e.injuries), quantity: int(e.quantity), claim_ids: [...(e.claims ?? [])], span_start: e.start,
      span_end: e.end, text: e.text, sentence: int(e.sentence), rule: e.rule,
    })),
  };
}

/**
 * Inserts new documents' rows, their original sources and their layers, in the given order (which is their ingest
 * order: `ingested_at` rises by a microsecond per document within the statement, so documents stored together still
 * sort as if stored one after the other).
 */
export async function insertDocumentRows(tx: Queryable, docs: readonly DocumentRows[]): Promise<void> {
  if (!docs.length) return;
  const columns = DOCUMENT_COLUMNS.join(', ');
  const rows = docs.map((d, ord) => {
    const row: Record<string, unknown> = { ord };
    DOCUMENT_COLUMNS.forEach((c, i) => (row[c] = c === 'extraction' ? d.stored.extraction : d.values[i]));
    return row;
  });
  await tx.query(
    `INSERT INTO documents (${columns}, ingested_at)
     SELECT ${columns}, now() + ord * interval '1 microsecond'
     FROM jsonb_to_recordset($1::jsonb) AS x(ord integer, ${DOCUMENT_COLUMNS.map((c) => `${c} ${DOCUMENT_TYPES[c]}`).join(', ')})
     ORDER BY ord`,
    [jsonParam(rows)],
  );
  await tx.query(
    `INSERT INTO document_sources (${SOURCE_COLUMNS.join(', ')})
     SELECT ${SOURCE_COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, source_key text,
       doc_key text, relation text, similarity real, content_hash text, format text, path text, line integer, url text,
       source text, title text, published date)
     ON CONFLICT (document_id, source_key) DO NOTHING`,
    [jsonParam(docs.map((d) => Object.fromEntries(SOURCE_COLUMNS.map((c, i) => [c, d.source[i]]))))],
  );
  await insertLayerRows(tx, docs.map((d) => d.layers));
}

/** Rows of every document of a batch, with the position of its document in the batch (`ord`). */
function gather(layers: readonly LayerRows[], table: keyof LayerRows): string | null {
  const rows = layers.flatMap((l, ord) => l[table].map((r) => ({ ...(r as object), ord })));
  return rows.length ? jsonParam(rows) : null;
}

/**
 * Inserts the layers of documents whose rows exist, in ingest order. An entity or alias several documents share is
 * folded as successive upserts would fold it: counts added, the latest non-null field kept, first/last seen and the
 * documents of the first and last sighting taken in order.
 */
export async function insertLayerRows(tx: Queryable, layers: readonly LayerRows[]): Promise<void> {
  await insertRecords(tx, 'document_bands', 'document_id text, band smallint, key integer', gather(layers, 'bands'));
  await insertRecords(tx, 'excluded_spans', 'document_id text, ordinal integer, span_start integer, span_end integer, text text, rule text', gather(layers, 'excluded'));
  await insertRecords(
    tx, 'time_expressions',
    `document_id text, ordinal integer, span_start integer, span_end integer, text text, value date, precision text,
     unresolved text, sentence integer, rule text`,
    gather(layers, 'times'),
  );
  const entities = gather(layers, 'entities');
  if (entities) {
    const latest = (c: string) => `(array_agg(${c} ORDER BY ord DESC) FILTER (WHERE ${c} IS NOT NULL))[1]`;
    await tx.query(
      `INSERT INTO entities (id, kind, name, type, side, role, lat, lon, country, geonames_id, mention_count,
         document_count, first_seen, last_seen)
       SELECT id, (array_agg(kind ORDER BY ord DESC))[1], (array_agg(name ORDER BY ord DESC))[1], ${latest('type')},
         ${latest('side')}, ${latest('role')}, ${latest('lat')}, ${latest('lon')}, ${latest('country')}, ${latest('geonames_id')},
         sum(mention_count)::integer, count(*)::integer, min(seen), max(seen)
       FROM (SELECT x.*, COALESCE(x.published, CURRENT_DATE) AS seen
             FROM jsonb_to_recordset($1::jsonb) AS x(ord integer, id text, kind text, name text, type text, side text,
               role text, lat double precision, lon double precision, country text, geonames_id integer,
               mention_count integer, published date)) AS x
       GROUP BY id
       ON CONFLICT (id) DO UPDATE SET
         kind = EXCLUDED.kind,
         name = EXCLUDED.name,
         type = COALESCE(EXCLUDED.type, entities.type),
         side = COALESCE(EXCLUDED.side, entities.side),
         role = COALESCE(EXCLUDED.role, entities.role),
         lat = COALESCE(EXCLUDED.lat, entities.lat),
         lon = COALESCE(EXCLUDED.lon, entities.lon),
         country = COALESCE(EXCLUDED.country, entities.country),
         geonames_id = COALESCE(EXCLUDED.geonames_id, entities.geonames_id),
         mention_count = entities.mention_count + EXCLUDED.mention_count,
         document_count = entities.document_count + EXCLUDED.document_count,
         first_seen = LEAST(entities.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(entities.last_seen, EXCLUDED.last_seen),
         updated_at = now()`,
      [entities],
    );
  }
  const aliases = gather(layers, 'aliases');
  if (aliases) {
    await tx.query(
      `INSERT INTO entity_aliases (entity_id, alias, count, document_count, first_seen, last_seen, first_document, last_document)
       SELECT entity_id, alias, sum(count)::integer, count(*)::integer, min(seen), max(seen),
         (array_agg(document_id ORDER BY seen, ord))[1], (array_agg(document_id ORDER BY seen DESC, ord DESC))[1]
       FROM (SELECT x.*, COALESCE(x.published, CURRENT_DATE) AS seen
             FROM jsonb_to_recordset($1::jsonb) AS x(ord integer, document_id text, entity_id text, alias text,
               count integer, published date)) AS x
       GROUP BY entity_id, alias
       ON CONFLICT (entity_id, alias) DO UPDATE SET
         count = entity_aliases.count + EXCLUDED.count,
         document_count = entity_aliases.document_count + EXCLUDED.document_count,
         first_document = CASE WHEN EXCLUDED.first_seen < entity_aliases.first_seen
           THEN EXCLUDED.first_document ELSE entity_aliases.first_document END,
         first_seen = LEAST(entity_aliases.first_seen, EXCLUDED.first_seen),
         last_document = CASE WHEN EXCLUDED.last_seen >= entity_aliases.last_seen
           THEN EXCLUDED.last_document ELSE entity_aliases.last_document END,
         last_seen = GREATEST(entity_aliases.last_seen, EXCLUDED.last_seen)`,
      [aliases],
    );
  }
  await insertRecords(
    tx, 'mentions',
    `document_id text, ordinal integer, entity_id text, span_start integer, span_end integer, text text, rule text,
     sentence integer, metonym boolean, alias text`,
    gather(layers, 'mentions'),
  );
  await insertRecords(
    tx, 'claims',
    `document_id text, id text, speaker_id text, speaker_text text, side text, cue text, content text,
     span_start integer, span_end integer, content_start integer, content_end integer, channel text, claim_date date,
     date_precision text, sentence integer, rule text, prop_kind text, prop_place text, prop_holder text,
     prop_polarity text, prop_count double precision`,
    gather(layers, 'claims'),
  );
  await insertRecords(
    tx, 'events',
    `document_id text, id text, type text, sub_type text, event_date date, date_precision text, place_id text,
     actors text[], fatalities integer, injuries integer, quantity integer, claim_ids text[], span_start integer,
     span_end integer, text text, sentence integer, rule text`,
    gather(layers, 'events'),
  );
}

/**
 * `INSERT INTO table (…) SELECT … FROM jsonb_to_recordset($1)`: the rows of several documents as one JSON
 * parameter, `columns` the record's columns with their SQL types ("document_id text, ordinal integer, …"), each
 * named once. Nothing to insert: no statement.
 */
async function insertRecords(tx: Queryable, table: string, columns: string, rows: ReturnType<typeof gather>): Promise<void> {
  if (!rows) return;
  const names = columns.split(',').map((c) => c.trim().split(/\s+/)[0]).join(', ');
  await tx.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${columns})`, [rows]);
}
