/**
 * A queue worker: takes ingest jobs (`queue.ts`), extracts each document in a worker thread and stores it with its
 * entities linked to the shared registry (`shared-registry.ts`). Any number of workers, in any number of processes
 * on any machines, share one queue and one store; each job is run by one of them at a time.
 */
import type { Job, JobResult, PgBoss } from 'pg-boss';
import type { ContextOptions, Message } from '../core/index.js';
import { docInitFromJson } from '../ingest/doc-init-json.js';
import { ExtractionPool } from '../pipeline-pool.js';
import type { IngestStatus, Store } from '../store/index.js';
import { INGEST_QUEUE, type IngestJob, type IngestJobOutput } from './queue.js';
import { SharedRegistry } from './shared-registry.js';

/** Jobs taken per fetch by each of a worker's loops. */
const BATCH = 4;

/** What became of one job's document. */
export interface JobOutcome {
  /** The document's id as read. */
  readonly id: string;
  readonly input: string;
  /** Where it was read from (path or URL), for messages. */
  readonly source: string;
  readonly status: IngestStatus;
  readonly storedId?: string;
  readonly error?: string;
  /** Extraction's messages about the document. */
  readonly messages: readonly Message[];
  /** 0 on the first run of the job, then how many times it was retried (its worker died, the database failed). */
  readonly attempt: number;
}

/** Options of {@link startWorker}. */
export interface WorkerOptions {
  /** Jobs run at once, each extracted in its own worker thread. Default 1. */
  readonly concurrency?: number;
  /** Extraction settings (`--kb` files). */
  readonly context?: ContextOptions;
  /** Called after each job's document is stored (or refused). */
  readonly onOutcome?: (outcome: JobOutcome) => void;
  /** Called when a job fails and is left to be retried (extraction timed out, the database failed). */
  readonly onFailure?: (jobId: string, error: string, attempt: number) => void;
  /** Seconds between two looks for new jobs when the queue is empty. Default 1. */
  readonly pollSeconds?: number;
}

/** A running worker. */
export interface RunningWorker {
  /** Takes no new job, waits for the running ones to be stored and completed, releases the threads. */
  stop(): Promise<void>;
}

/**
 * Starts taking jobs from `boss`'s ingest queue into `store`. A job fails (and is retried later, by any worker)
 * when extraction or the database fails; a document the store refuses (bad data) or a job that cannot be read
 * completes with its reason, since running it again would give the same.
 */
export async function startWorker(store: Store, boss: PgBoss, options: WorkerOptions = {}): Promise<RunningWorker> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const shared = await SharedRegistry.open(store, options.context);
  const pool = new ExtractionPool({ size: concurrency, context: options.context, state: shared.state(), maxQueue: concurrency });
  const runJob = async (job: Job<IngestJob>): Promise<IngestJobOutput> => {
    const init = docInitFromJson(job.data.doc);
    if (typeof init === 'string') {
      // Running it again would read the same: completed with the reason.
      const error = `the job's document cannot be read: ${init}`;
      options.onOutcome?.({ id: job.id, input: '', source: job.id, status: 'failed', error, messages: [], attempt: job.retryCount });
      return { status: 'failed', error };
    }
    const [doc] = await pool.extract([init]);
    const result = await shared.ingest(store, doc);
    options.onOutcome?.({
      id: doc.id,
      input: doc.input,
      source: init.origin?.path ?? init.origin?.url ?? doc.id,
      status: result.status,
      storedId: result.storedId,
      error: result.error,
      messages: doc.messages,
      attempt: job.retryCount,
    });
    return { status: result.status, storedId: result.storedId, error: result.error };
  };
  await boss.work<IngestJob>(
    INGEST_QUEUE,
    {
      localConcurrency: concurrency,
      // A few jobs per fetch, and the next fetch at once while fetches come back full: one job per fetch would wait a
      // polling interval between two documents.
      batchSize: BATCH,
      burstWhenBatchFull: true,
      perJobResults: true,
      pollingIntervalSeconds: options.pollSeconds ?? 1,
    },
    async (jobs) => {
      const results: JobResult[] = [];
      for (const job of jobs) {
        try {
          results.push({ id: job.id, status: 'completed', output: await runJob(job) });
        } catch (error) {
          // Retried later, by this worker or another (extraction timed out, the database failed).
          const message = error instanceof Error ? error.message : String(error);
          options.onFailure?.(job.id, message, job.retryCount);
          results.push({ id: job.id, status: 'failed', output: { status: 'failed', error: message } });
        }
      }
      return results;
    },
  );
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        await boss.offWork(INGEST_QUEUE, { wait: true });
        await pool.close();
        await shared.saveSnapshot(store).catch(() => {});
      })();
      return stopping;
    },
  };
}
