/** What every group of routes gets: the desk, its snapshots, and how to run the pipeline on new documents. */
import type { Doc, DocInit } from '../core/index.js';
import type { DeskSource, DeskViews } from '../desk/index.js';

/** Runs documents through the pipeline. */
export type Extract = (inits: readonly DocInit[]) => Promise<Doc[]>;

/** Shared dependencies of the routes. */
export interface RouteDeps {
  readonly source: DeskSource;
  readonly views: DeskViews;
  readonly extract: Extract;
  /** Largest document a POST may hold, in characters of text. */
  readonly maxDocumentChars: number;
  /** Called after a write through the app changed the store (clears kept answers). */
  readonly changed: () => void;
}
