/**
 * Extraction off the caller's thread: worker threads run the pipeline, with a time limit per document and a bounded
 * queue. A document that runs over its limit costs its worker (terminated and replaced), never the caller; a full
 * queue is refused at once instead of piling up work. With `size` above 1 several jobs run at once, one per worker;
 * each job's promise resolves with its own documents in order, so a caller that awaits jobs in the order it sent them
 * keeps the input order.
 *
 * Each worker has its own context, so its entity registry learns only from the documents it extracted. With `upTo`
 * the workers run only the stages that read nothing shared between documents and the caller runs the rest in input
 * order against the run's context (`sitrep extract`: the output of a serial run).
 */
import { availableParallelism } from 'node:os';
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
  /** Worker threads, each with its own context. Default: the cores available (`os.availableParallelism()`). */
  readonly size?: number;
  /** Time allowed per document of a job, in ms (a job of n documents gets n times this). Default 60 s. */
  readonly perDocumentMs?: number;
  /** Jobs waiting beyond the running ones; one more is refused with reason `busy`. Default 16. */
  readonly maxQueue?: number;
  /** Context options for the workers (knowledge-base files, default publication date). */
  readonly context?: ContextOptions;
  /** What earlier runs learnt (`contextState`), restored in every worker's context before its first document. */
  readonly state?: unknown;
  /**
   * Have the worker send its context state back after each job ({@link ExtractionPool.runState}), for a pool of one
   * worker that owns the run's entity registry (`sitrep serve`, which saves it in the store); a replacement worker
   * starts from it.
   */
  readonly reportState?: boolean;
  /** Send each document's linguistic layer (`doc.lang`) back; off by default (nothing after extraction reads it). */
  readonly keepLang?: boolean;
  /**
   * Run the stages only up to and including the one of this name (`independentStages`, with `keepLang`): the caller
   * runs the rest (`sitrep extract`). Default: every stage.
   */
  readonly upTo?: string;
}

interface Pending {
  readonly id: number;
  readonly inits: readonly DocInit[];
  readonly resolve: (docs: Doc[]) => void;
  readonly reject: (error: Error) => void;
}

/** One worker thread and the job it runs. */
interface Slot {
  worker: Worker | null;
  running: (Pending & { timer: NodeJS.Timeout }) | null;
}

/** The worker's module: the TypeScript source under tsx (tests, development), the compiled file otherwise. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './pipeline-worker.ts' : './pipeline-worker.js', import.meta.url);

/** Rebuilds what structured cloning flattened: the text view's class. */
function reviveDoc(doc: Doc): Doc {
  return { ...doc, view: TextView.revive(doc.view) };
}

/** Worker threads with one queue. */
export class ExtractionPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private readonly perDocumentMs: number;
  private readonly maxQueue: number;

  constructor(private readonly options: PoolOptions = {}) {
    this.perDocumentMs = options.perDocumentMs ?? 60_000;
    this.maxQueue = options.maxQueue ?? 16;
    this.state = options.state ?? null;
    const size = Math.max(1, Math.floor(options.size ?? availableParallelism()));
    this.slots = Array.from({ length: size }, () => ({ worker: null, running: null }));
  }

  private state: unknown;

  /** The context state after the last job (with `reportState`), else the one the pool started from. */
  get runState(): unknown {
    return this.state;
  }

  /** Worker threads of the pool. */
  get size(): number {
    return this.slots.length;
  }

  /** Jobs waiting, not counting the running ones. */
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

  /** Stops the workers; waiting jobs are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ExtractionError('closed', 'the extraction pool is closing'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.running) {
          clearTimeout(slot.running.timer);
          slot.running.reject(new ExtractionError('closed', 'the extraction pool is closing'));
          slot.running = null;
        }
        const worker = slot.worker;
        slot.worker = null;
        await worker?.terminate();
      }),
    );
  }

  private spawn(slot: Slot): Worker {
    const workerData = {
      context: this.options.context ?? {}, state: this.state, keepLang: this.options.keepLang ?? false,
      reportState: this.options.reportState ?? false, upTo: this.options.upTo,
    };
    // Under tsx (tests, development) the worker registers tsx's loader before importing the TypeScript source.
    const worker = WORKER_URL.pathname.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
            `.then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`,
          { eval: true, workerData },
        )
      : new Worker(WORKER_URL, { workerData });
    worker.on('message', (msg: { id: number; docs?: Doc[]; error?: string; state?: unknown }) => {
      const job = slot.running;
      if (!job || job.id !== msg.id) return;
      if (msg.state) this.state = msg.state;
      clearTimeout(job.timer);
      slot.running = null;
      if (msg.docs) job.resolve(msg.docs.map(reviveDoc));
      else job.reject(new ExtractionError('failed', `extraction failed: ${msg.error}`));
      this.pump();
    });
    worker.on('error', (error) => {
      if (slot.worker === worker) this.lose(slot, `the extraction worker failed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) {
        slot.worker = null;
        if (slot.running) this.lose(slot, `the extraction worker stopped (exit code ${code})`);
      }
    });
    worker.unref();
    return worker;
  }

  /** The slot's running job is lost with its worker: reject it, replace the worker, go on with the queue. */
  private lose(slot: Slot, message: string, reason: ExtractionError['reason'] = 'failed'): void {
    const job = slot.running;
    slot.running = null;
    if (job) {
      clearTimeout(job.timer);
      job.reject(new ExtractionError(reason, message));
    }
    const old = slot.worker;
    slot.worker = null;
    void old?.terminate();
    this.pump();
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.running) continue;
      const job = this.queue.shift();
      if (!job) return;
      const worker = (slot.worker ??= this.spawn(slot));
      const limit = this.perDocumentMs * Math.max(1, job.inits.length);
      const timer = setTimeout(() => {
        this.lose(slot, `extraction took longer than ${(limit / 1000).toFixed(0)} s and was stopped; nothing was stored`, 'timeout');
      }, limit);
      slot.running = { ...job, timer };
      worker.postMessage({ id: job.id, inits: job.inits });
    }
  }
}
