/**
 * The worker-thread side of {@link ExtractionPool}: loads one context (gazetteer, knowledge base) and runs the
 * pipeline on the documents it is sent, so that extraction never holds the caller's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDoc, TextView, type ContextOptions, type DocInit } from './core/index.js';
import { contextState, createContext, restoreContextState, runPipeline } from './pipeline.js';

interface Job {
  readonly id: number;
  readonly inits: readonly DocInit[];
}

const port = parentPort;
if (!port) throw new Error('pipeline-worker.ts runs only as a worker thread (see ExtractionPool)');
const data = (workerData ?? {}) as { context?: ContextOptions; runState?: unknown };
// What earlier runs learnt (the entity registry), so ids match those of `sitrep ingest` on the same store.
const ready = createContext(data.context ?? {}).then((ctx) => {
  restoreContextState(ctx, data.runState ?? null);
  return ctx;
});

port.on('message', async (job: Job) => {
  try {
    const ctx = await ready;
    // A view is a class instance: it travels as its fields and the pool rebuilds it (see reviveDoc).
    const docs = job.inits.map((init) => runPipeline(createDoc(init.view ? { ...init, view: TextView.revive(init.view) } : init), ctx));
    port.postMessage({ id: job.id, docs, state: contextState(ctx) });
  } catch (error) {
    port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
