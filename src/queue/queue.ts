/**
 * The ingest job queue: pg-boss on the PostgreSQL server that holds the store (its own schema, `sitrep_queue`).
 * `sitrep ingest --queue` puts each read document in it as one job; `sitrep worker`s on any machines take jobs
 * (`FOR UPDATE SKIP LOCKED`: one job, one worker), extract and store them. A worker refreshes each job's
 * heartbeat while it runs; a worker that dies (killed, machine lost) stops beating, and the supervisors of the
 * other workers hand its job out again after {@link QUEUE_SETTINGS}.heartbeatSeconds. Storing is idempotent (the
 * content hash is unique, a source recorded once), so a job run twice has the effect of one: exactly once.
 */
import { createHash } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import type { DocInit } from '../core/index.js';
import { docInitToJson } from '../ingest/doc-init-json.js';

/** The queue's name. */
export const INGEST_QUEUE = 'sitrep-ingest';

/** The PostgreSQL schema pg-boss keeps its tables in, unless `SITREP_QUEUE_SCHEMA` names another. */
export const DEFAULT_QUEUE_SCHEMA = 'sitrep_queue';

/** How jobs are run, retried and expired. */
export const QUEUE_SETTINGS = {
  /** A running job's heartbeat is refreshed every half of this; a job silent this long is given to another worker. */
  heartbeatSeconds: 10,
  /** Longest a job may run, heartbeat or not (extraction stops a document after 60 s; storing is short). */
  expireInSeconds: 15 * 60,
  /** Attempts after the first, for a job whose worker died or whose database call failed. */
  retryLimit: 5,
  /** Seconds before a retry, doubling each time (with `retryBackoff`). */
  retryDelay: 2,
  /** How often each worker's supervisor looks for jobs whose worker died (pg-boss default: 60 s). */
  superviseSeconds: 5,
  /** Completed jobs are kept this long: enqueuing the same source again meanwhile is recognised at once. */
  deleteAfterSeconds: 7 * 24 * 3600,
} as const;

/** What one job carries: the document as read, in the line format `sitrep ingest` sends to a server. */
export interface IngestJob {
  readonly doc: string;
}

/** What a worker records on a completed job. */
export interface IngestJobOutput {
  readonly status: string;
  readonly storedId?: string;
  readonly error?: string;
}

/** Where the queue lives. */
export interface QueueOptions {
  /** The PostgreSQL server (`DATABASE_URL`). */
  readonly url: string;
  /** pg-boss's schema. Default {@link DEFAULT_QUEUE_SCHEMA}. */
  readonly schema?: string;
  /** Run the supervisor that expires jobs of dead workers (workers do; an enqueuer need not). Default true. */
  readonly supervise?: boolean;
  /** Told of pg-boss errors (a lost connection); default: ignored, the next call reports it. */
  readonly onError?: (error: Error) => void;
}

/** The queue's schema from the environment (`SITREP_QUEUE_SCHEMA`), else the default. */
export function queueSchema(env: Record<string, string | undefined>): string {
  return env.SITREP_QUEUE_SCHEMA || DEFAULT_QUEUE_SCHEMA;
}

/** Connects to the queue, installing or migrating pg-boss's schema and creating the ingest queue when missing. */
export async function openQueue(options: QueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.url,
    schema: options.schema ?? DEFAULT_QUEUE_SCHEMA,
    application_name: 'sitrep',
    max: 4,
    schedule: false,
    supervise: options.supervise ?? true,
    superviseIntervalSeconds: QUEUE_SETTINGS.superviseSeconds,
    monitorIntervalSeconds: QUEUE_SETTINGS.superviseSeconds,
  });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  if (!(await boss.getQueue(INGEST_QUEUE))) {
    await boss.createQueue(INGEST_QUEUE, {
      heartbeatSeconds: QUEUE_SETTINGS.heartbeatSeconds,
      expireInSeconds: QUEUE_SETTINGS.expireInSeconds,
      retryLimit: QUEUE_SETTINGS.retryLimit,
      retryDelay: QUEUE_SETTINGS.retryDelay,
      retryBackoff: true,
      deleteAfterSeconds: QUEUE_SETTINGS.deleteAfterSeconds,
    });
  }
  return boss;
}

/**
 * The job id of a read document: a UUID from the hash of its source (reader id, path, line, URL) and its text, so
 * that enqueuing the same input again adds no job while the first is kept (see `deleteAfterSeconds`).
 */
export function jobId(init: DocInit): string {
  const o = init.origin ?? {};
  const hex = createHash('sha256')
    .update(JSON.stringify([init.id, o.path ?? null, o.line ?? null, o.url ?? null, o.source ?? null, init.input]))
    .digest('hex');
  // Laid out as a version-4 UUID, the type pg-boss's id column takes.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Puts read documents in the queue; returns how many were new jobs (the others were queued before). */
export async function enqueue(boss: PgBoss, inits: readonly DocInit[]): Promise<number> {
  const jobs = new Map<string, { id: string; data: IngestJob }>();
  for (const init of inits) {
    const id = jobId(init);
    if (!jobs.has(id)) jobs.set(id, { id, data: { doc: docInitToJson(init) } });
  }
  if (!jobs.size) return 0;
  const inserted = await boss.insert(INGEST_QUEUE, [...jobs.values()], { returnId: true });
  return inserted?.length ?? 0;
}
