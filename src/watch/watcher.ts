/**
 * The watcher: every source polled in its own loop, so one slow or failing source never holds up the others; the
 * documents of all sources go through one sink one at a time; a failing source is reported and tried again after
 * a delay that doubles with each failure in a row ({@link backoffMs}); a stop request lets the document in the sink
 * finish and starts nothing more.
 */
import type { DocInit } from '../core/index.js';
import type { PollContext, WatchSource } from './source.js';
import { WatchError, type WatchEvent, type WatchOutcome, type WatchSink, type WatchState } from './types.js';

/** The longest wait between two tries of a failing source (unless the interval itself is longer): one hour. */
export const MAX_BACKOFF_MS = 3_600_000;

/** Options of {@link runWatch}. */
export interface RunWatchOptions {
  readonly sources: readonly WatchSource[];
  readonly sink: WatchSink;
  readonly state: WatchState;
  /** Time between two polls of a source that works. */
  readonly intervalMs: number;
  /** Poll every source once and return. */
  readonly once?: boolean;
  /** Stops the watcher (SIGINT, SIGTERM). */
  readonly signal: AbortSignal;
  readonly report: (event: WatchEvent) => void;
  /** Override of {@link MAX_BACKOFF_MS}. */
  readonly maxBackoffMs?: number;
}

/** What a run did. */
export interface WatchSummary {
  /** Documents handed to the sink, by outcome. */
  readonly documents: Record<WatchOutcome['status'], number>;
  /** Sources whose last poll failed. */
  readonly failing: number;
}

/**
 * The wait before the next try of a source that failed `failures` times in a row: the interval doubled per failure,
 * at most `maxMs` (or the interval, when longer), and never shorter than the server's `Retry-After`.
 */
export function backoffMs(failures: number, intervalMs: number, maxMs = MAX_BACKOFF_MS, retryAfterMs?: number): number {
  const cap = Math.max(maxMs, intervalMs);
  const doubled = Math.min(cap, intervalMs * 2 ** Math.min(failures, 40));
  return Math.min(cap, Math.max(doubled, retryAfterMs ?? 0));
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal.aborted) return done();
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      done();
    }
    signal.addEventListener('abort', finish, { once: true });
  });
}

/** Thrown to a source whose next document would start after a stop request. */
class Stopping extends Error {}

function reasonOf(error: unknown): string {
  if (error instanceof WatchError) return error.message;
  return (error as Error)?.message ?? String(error);
}

/** Runs until `signal` aborts (or, with `once`, until every source was polled once). */
export async function runWatch(options: RunWatchOptions): Promise<WatchSummary> {
  const { signal, report } = options;
  const documents: Record<WatchOutcome['status'], number> = { stored: 0, duplicate: 0, 'near-duplicate': 0, failed: 0 };
  const failing = new Set<string>();
  // One document at a time, whatever source it comes from: the pipeline and the embedded store take one at a time.
  let tail: Promise<unknown> = Promise.resolve();
  const deliverFrom = (source: string) => (init: DocInit): Promise<WatchOutcome> => {
    const run = tail.then(async () => {
      if (signal.aborted) throw new Stopping('stopping');
      const outcome = await options.sink(init);
      documents[outcome.status]++;
      report({ kind: 'document', source, init, outcome });
      return outcome;
    });
    tail = run.catch(() => {});
    return run;
  };

  const loop = async (source: WatchSource) => {
    const ctx: PollContext = { state: options.state, signal, deliver: deliverFrom(source.label), report, once: options.once === true };
    let failures = 0;
    while (!signal.aborted) {
      let wait = options.intervalMs;
      try {
        await source.poll(ctx);
        if (failures) report({ kind: 'recovered', source: source.label, failures });
        failures = 0;
        failing.delete(source.label);
      } catch (error) {
        if (signal.aborted || error instanceof Stopping) break;
        failures++;
        failing.add(source.label);
        wait = backoffMs(failures, options.intervalMs, options.maxBackoffMs, error instanceof WatchError ? error.retryAfterMs : undefined);
        report({ kind: 'error', source: source.label, reason: reasonOf(error), failures, retryMs: options.once ? 0 : wait });
      }
      if (options.once) break;
      await sleep(wait, signal);
    }
  };
  await Promise.all(options.sources.map(loop));
  await tail;
  return { documents, failing: failing.size };
}
