/** What every group of routes gets: the desk, its snapshots, and how to run the pipeline on new documents. */
import type { Doc, DocInit } from '../core/index.js';
import type { DeskSource, DeskViews } from '../desk/index.js';
import type { LiveFeed } from './live.js';

/** Runs documents through the pipeline. */
export type Extract = (inits: readonly DocInit[]) => Promise<Doc[]>;

/** Named JSON state kept in the store (`run_state`): what `sitrep watch` remembers. */
export interface RunState {
  get(name: string): Promise<unknown>;
  set(name: string, value: unknown): Promise<void>;
}

/** Shared dependencies of the routes. */
export interface RouteDeps {
  readonly source: DeskSource;
  readonly views: DeskViews;
  readonly extract: Extract;
  /** Largest document a POST may hold, in characters of text. */
  readonly maxDocumentChars: number;
  /** Called after a write through the app changed the store (clears kept answers). */
  readonly changed: () => void;
  /** The live desk's events (`GET /api/stream`): every stored document is announced here. */
  readonly live: LiveFeed;
  readonly runState: RunState;
}
