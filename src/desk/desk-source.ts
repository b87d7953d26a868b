/**
 * Where the HTTP API reads documents from and writes them to. The store satisfies it through
 * {@link storeDesk}; tests and `sitrep serve --memory` use {@link memoryDesk}. Keeping the API on this small
 * interface lets the cross-document rules run the same whatever holds the documents.
 */
import type { Doc } from '../core/index.js';
import type { DeskQueries } from './sql-desk.js';

/** What ingesting a batch did. */
export interface IngestReport {
  /** Ids of documents stored. */
  readonly stored: readonly string[];
  /** Documents recognised as exact or near duplicates of stored ones, with the id they duplicate. */
  readonly duplicates: readonly { readonly id: string; readonly of: string }[];
  /** Documents that could not be stored, with one sentence saying why. */
  readonly failed?: readonly { readonly id: string; readonly error: string }[];
}

/** What changed in a source since a reader last looked (see {@link DeskSource.changes}). */
export interface DeskChanges {
  /** Every document id, in the order {@link DeskSource.documents} gives them. */
  readonly order: readonly string[];
  /** A stamp per id that changes when the document's row changes. */
  readonly stamps: ReadonlyMap<string, string>;
  /** The documents that are new or whose stamp differs from the one the reader knew. */
  readonly docs: readonly Doc[];
}

/** A source of extracted documents. */
export interface DeskSource {
  /** A token that changes whenever the documents change, so analyses are recomputed only then. */
  version(): Promise<string>;
  /**
   * Ids of the documents matching a text query's words (see `desk/search.ts`), when the source can answer from an
   * index; without it the desk matches the documents in memory.
   */
  search?(words: readonly string[]): Promise<readonly string[]>;
  /**
   * The documents new or changed since the reader saw `known` (id → stamp), with the order and stamps of all; lets a
   * reader that keeps documents in memory reload only those. Without it the reader loads {@link documents} each time.
   */
  changes?(known: ReadonlyMap<string, string>): Promise<DeskChanges>;
  /** Every document with all its layers. */
  documents(): Promise<readonly Doc[]>;
  /** One document with all its layers, or null; without it the desk looks it up in the snapshot. */
  document?(id: string): Promise<Doc | null>;
  /**
   * Listings answered by indexed SQL over tables kept at ingest (the store): propositions, events, documents, without
   * building the snapshot. Without it the routes filter the snapshot in memory.
   */
  readonly queries?: DeskQueries;
  /**
   * Stores documents that have been through the pipeline. `replace`: a document whose text is stored under its own
   * id replaces that extraction (a re-extraction), as `sitrep ingest --replace`.
   */
  ingest(docs: readonly Doc[], options?: { readonly replace?: boolean }): Promise<IngestReport>;
}

/** An in-memory desk: documents kept in an array, duplicates recognised by identical id or input. */
export function memoryDesk(initial: readonly Doc[] = []): DeskSource {
  const docs: Doc[] = [...initial];
  let version = 0;
  return {
    version: async () => `memory:${version}:${docs.length}`,
    documents: async () => docs,
    ingest: async (batch) => {
      const stored: string[] = [];
      const duplicates: { id: string; of: string }[] = [];
      for (const doc of batch) {
        const same = docs.find((d) => d.id === doc.id || d.input === doc.input);
        if (same) duplicates.push({ id: doc.id, of: same.id });
        else {
          docs.push(doc);
          stored.push(doc.id);
        }
      }
      if (stored.length) version++;
      return { stored, duplicates };
    },
  };
}
