/**
 * Extraction off the caller's thread: a worker thread runs the pipeline, with a time limit per document and a bounded
 * queue. A document that runs over its limit costs its worker (terminated and replaced), never the server; a full
 * queue is refused at once instead of piling up work.
 */
import { Worker } from 'node:worker_threads';
import { TextView, type ContextOptions, type Doc, type DocInit } from './core/index.js';

/** Why a job was refused or failed. */
export class ExtractionError extends Error {
  constructor(readonly reason: 'busy' | 'timeout' | 'failed' | 'closed', message: string) {
    super(message);
  }
}

/** Options of {@link ExtractionPool}. */
export interface PoolOptions {
  /** Time allowed per document of a job, in ms (a job of n documents gets n times this). Default 60 s. */
  readonly perDocumentMs?: number;
  /** Jobs waiting beyond the one running; one more is refused with reason `busy`. Default 16. */
  readonly maxQueue?: number;
  /** Context options for the worker (knowledge-base files, default publication date). */
  readonly context?: ContextOptions;
  /**
   * What earlier runs learnt (`contextState()`: the entity registry), restored in the worker before its first job, so
   * posted documents get the entity ids `sitrep ingest` gives. The worker's state after each job is {@link ExtractionPool.runState}.
   */
  readonly runState?: unknown;
}

interface Pending {
  readonly id: number;
  readonly inits: readonly DocInit[];
  readonly resolve: (docs: Doc[]) => void;
  readonly reject: (error: Error) => void;
}

/** The worker's module: the TypeScript source under tsx (tests, development), the compiled file otherwise. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './pipeline-worker.ts' : './pipeline-worker.js', import.meta.url);

/** Rebuilds what structured cloning flattened: the text view's class. */
function reviveDoc(doc: Doc): Doc {
  return { ...doc, view: TextView.revive(doc.view) };
}

/** One worker thread with a queue. */
export class ExtractionPool {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private running: (Pending & { timer: NodeJS.Timeout }) | null = null;
  private nextId = 1;
  private closed = false;
  private readonly perDocumentMs: number;
  private readonly maxQueue: number;

  private state: unknown;

  constructor(private readonly options: PoolOptions = {}) {
    this.perDocumentMs = options.perDocumentMs ?? 60_000;
    this.maxQueue = options.maxQueue ?? 16;
    this.state = options.runState ?? null;
  }

  /** The context state after the last finished job (a replacement worker starts from it), or the initial one. */
  get runState(): unknown {
    return this.state;
  }

  /** Jobs waiting, not counting the running one. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Extracts documents; rejects with an {@link ExtractionError} when busy, over time, or failed. */
  extract(inits: readonly DocInit[]): Promise<Doc[]> {
    if (this.closed) return Promise.reject(new ExtractionError('closed', 'the extraction pool is closed'));
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(new ExtractionError('busy', `${this.queue.length} extraction jobs are waiting; try again shortly`));
    }
    return new Promise<Doc[]>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, inits, resolve, reject });
      this.pump();
    });
  }

  /** Stops the worker; waiting jobs are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ExtractionError('closed', 'the server is shutting down'));
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.reject(new ExtractionError('closed', 'the server is shutting down'));
      this.running = null;
    }
    await this.worker?.terminate();
    this.worker = null;
  }

  private spawn(): Worker {
    const workerData = { context: this.options.context ?? {}, runState: this.state };
    // Under tsx (tests, development) the worker registers tsx's loader before importing the TypeScript source.
    const worker = WORKER_URL.pathname.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
            `.then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`,
          { eval: true, workerData },
        )
      : new Worker(WORKER_URL, { workerData });
    worker.on('message', (msg: { id: number; docs?: Doc[]; error?: string; state?: unknown }) => {
      const job = this.running;
      if (!job || job.id !== msg.id) return;
      if (msg.state) this.state = msg.state;
      clearTimeout(job.timer);
      this.running = null;
      if (msg.docs) job.resolve(msg.docs.map(reviveDoc));
      else job.reject(new ExtractionError('failed', `extraction failed: ${msg.error}`));
      this.pump();
    });
    worker.on('error', (error) => this.lose(`the extraction worker failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = null;
        if (this.running) this.lose(`the extraction worker stopped (exit code ${code})`);
      }
    });
    worker.unref();
    return worker;
  }

  /** The running job is lost with the worker: reject it, replace the worker, go on with the queue. */
  private lose(message: string, reason: ExtractionError['reason'] = 'failed'): void {
    const job = this.running;
    this.running = null;
    if (job) {
      clearTimeout(job.timer);
      job.reject(new ExtractionError(reason, message));
    }
    const old = this.worker;
    this.worker = null;
    void old?.terminate();
    this.pump();
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.worker ??= this.spawn();
    const limit = this.perDocumentMs * Math.max(1, job.inits.length);
    const timer = setTimeout(() => {
      this.lose(`extraction took longer than ${(limit / 1000).toFixed(0)} s and was stopped; nothing was stored`, 'timeout');
    }, limit);
    this.running = { ...job, timer };
    this.worker.postMessage({ id: job.id, inits: job.inits });
  }
}
