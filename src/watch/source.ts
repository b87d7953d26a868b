/** A watched source: what one poll of it may use, and the shape every kind of source (feed, folder) has. */
import type { DocInit } from '../core/index.js';
import type { WatchEvent, WatchOutcome, WatchState } from './types.js';

/** What a poll gets from the watcher. */
export interface PollContext {
  readonly state: WatchState;
  /** Set when the watcher is stopping: no new document is started, the one in the sink is finished. */
  readonly signal: AbortSignal;
  /** Hands one document to the sink (one at a time across all sources); resolves once it is stored. */
  deliver(init: DocInit): Promise<WatchOutcome>;
  report(event: WatchEvent): void;
  /** One pass only (`--once`): read files at once, even those still being written. */
  readonly once: boolean;
}

/** A feed or a folder. */
export interface WatchSource {
  /** Name of its memory in the state (`feed:<url>`, `dir:<path>`). */
  readonly name: string;
  /** How it is named in reports: the URL without credentials, or the path as given. */
  readonly label: string;
  /** Reads what is new and hands it on. Throws (a `WatchError` when worth retrying) when the source fails. */
  poll(ctx: PollContext): Promise<void>;
}

