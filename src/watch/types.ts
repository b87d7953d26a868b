/** What the watcher works with: where documents go, where its memory lives, and what it reports. */
import type { DocInit, Message } from '../core/index.js';
import type { IngestStatus } from '../store/index.js';

/** What became of one document handed to the sink. */
export interface WatchOutcome {
  readonly id: string;
  readonly status: IngestStatus;
  readonly error?: string;
  /** What extraction said about the document (warnings and errors). */
  readonly messages: readonly Message[];
}

/**
 * Extracts and stores one document (here, or through the server that holds the store). It finishes what it starts:
 * a stop request is looked at between documents, never inside one.
 */
export type WatchSink = (init: DocInit) => Promise<WatchOutcome>;

/**
 * Where the watcher keeps what it must remember across restarts (a feed's ETag and Last-Modified, the items and
 * files already seen): the store's `run_state`, directly or through the server's API. Names are the watcher's own
 * (`feed:<url>`, `dir:<path>`); the store keeps them under `watch:<name>`.
 */
export interface WatchState {
  get(name: string): Promise<unknown>;
  set(name: string, value: unknown): Promise<void>;
}

/** Something the watcher reports; the CLI prints it, tests collect it. */
export type WatchEvent =
  /** A document went through the sink. */
  | { readonly kind: 'document'; readonly source: string; readonly init: DocInit; readonly outcome: WatchOutcome }
  /** A problem of one item or file that does not stop the source (an item without content, a file not read). */
  | { readonly kind: 'problem'; readonly source: string; readonly path: string; readonly message: Message & { line?: number } }
  /** A file a folder walk does not read, and why (reported once per run). */
  | { readonly kind: 'skipped'; readonly source: string; readonly path: string; readonly reason: string }
  /** One poll of a source ended: `not-modified` (HTTP 304), `unchanged` (same body or files), or `read`. */
  | { readonly kind: 'poll'; readonly source: string; readonly result: 'not-modified' | 'unchanged' | 'read'; readonly fresh: number }
  /** A poll failed: the reason, how many times in a row, and when it is tried again. */
  | { readonly kind: 'error'; readonly source: string; readonly reason: string; readonly failures: number; readonly retryMs: number }
  /** A source that had failed works again. */
  | { readonly kind: 'recovered'; readonly source: string; readonly failures: number };

/** A poll that failed in a way worth retrying later (network, HTTP status, a body that is no feed). */
export class WatchError extends Error {
  /** @param retryAfterMs the server's `Retry-After`, when it gave one */
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
  }
}
