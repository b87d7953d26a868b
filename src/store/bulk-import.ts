/**
 * Loading many new documents at once (`Store.importDocuments`): a batch is checked against the store and against
 * itself for what the one-document path would not store as new (an exact or near duplicate, an id already taken),
 * then written with the store's own row builders and multi-row statements (`document-rows.ts`) in one transaction.
 * The documents the check sets aside go through the one-document path afterwards, so every document ends up exactly
 * as `ingestDocuments` would have left it; the propositions and events of the keys a load touched are recomputed once
 * at its end, not after every document.
 */
import type { Doc } from '../core/index.js';
import type { Queryable } from './db.js';
import { refreshDesk, storedSourceDoc, writeDeskRows, type DeskTouch } from './desk-tables.js';
import { documentRows, insertDocumentRows, jsonParam } from './document-rows.js';
import { NEAR_DUPLICATE_SIMILARITY, similarity, type Fingerprint } from './fingerprint.js';

/** A band key as one string: band number and key. */
const bandKey = (band: number, key: number) => `${band}:${key}`;

/**
 * Writes the documents of a batch that are new and distinct (no stored or earlier text with their hash, no stored or
 * earlier document with their id, no stored or earlier text at or above the near-duplicate similarity among their
 * LSH candidates) and returns the positions of those it stored; the others are left to the caller. Merged entities
 * are extended at once; the proposition, event and speaker keys the rows touch are added to `touch` for later.
 */
export async function importBatch(tx: Queryable, docs: readonly Doc[], fps: readonly Fingerprint[], touch: DeskTouch): Promise<number[]> {
  const hashes = new Set((await tx.query<{ h: string }>('SELECT content_hash AS h FROM documents WHERE content_hash = ANY($1::text[])', [fps.map((f) => f.hash)])).map((r) => r.h));
  const ids = new Set((await tx.query<{ id: string }>('SELECT id FROM documents WHERE id = ANY($1::text[])', [docs.map((d) => d.id)])).map((r) => r.id));
  const bands: number[] = [];
  const keys: number[] = [];
  for (const fp of fps) fp.bands?.forEach((key, band) => (bands.push(band), keys.push(key)));
  const candidates = new Map<string, number[][]>();
  const stored = await tx.query<{ band: number; key: number; minhash: number[] }>(
    `SELECT b.band, b.key, d.minhash FROM document_bands b
     JOIN (SELECT DISTINCT band, key FROM unnest($1::smallint[], $2::integer[]) AS k(band, key)) AS k ON b.band = k.band AND b.key = k.key
     JOIN documents d ON d.id = b.document_id`,
    [bands, keys],
  );
  const add = (band: number, key: number, minhash: readonly number[]) => {
    const at = bandKey(band, key);
    const list = candidates.get(at);
    if (list) list.push([...minhash]);
    else candidates.set(at, [[...minhash]]);
  };
  for (const r of stored) if (r.minhash) add(r.band, r.key, r.minhash);

  const accepted: number[] = [];
  docs.forEach((doc, i) => {
    const fp = fps[i];
    const aside = hashes.has(fp.hash) || ids.has(doc.id) || (fp.minhash && fp.bands?.some((key, band) =>
      (candidates.get(bandKey(band, key)) ?? []).some((other) => similarity(fp.minhash!, other) >= NEAR_DUPLICATE_SIMILARITY)));
    // A document set aside still counts as earlier for the rest of the batch: what duplicates it is set aside too.
    hashes.add(fp.hash);
    ids.add(doc.id);
    if (fp.minhash) fp.bands?.forEach((key, band) => add(band, key, fp.minhash!));
    if (!aside) accepted.push(i);
  });
  if (!accepted.length) return accepted;

  const rows = accepted.map((i) => documentRows(docs[i], fps[i], docs[i].id));
  await insertDocumentRows(tx, rows);
  const batch = await writeDeskRows(tx, rows.map((r) => storedSourceDoc(r.stored)), jsonParam, undefined, true);
  for (const k of batch.propositions) touch.propositions.add(k);
  for (const k of batch.sources) touch.sources.add(k);
  for (const k of batch.events) touch.events.add(k);
  // Entities now (their merge depends on the order documents arrive in); keys once the load is done.
  await refreshDesk(tx, { propositions: new Set(), sources: new Set(), events: new Set(), entities: new Set(), appended: batch.appended }, jsonParam);
  return accepted;
}

/** Recomputes the propositions and events of every key a load touched (see {@link importBatch}). */
export function refreshImported(tx: Queryable, touch: DeskTouch): Promise<void> {
  return refreshDesk(tx, { ...touch, entities: new Set(), appended: [] }, jsonParam);
}
