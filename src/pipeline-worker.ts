/**
 * The worker-thread side of {@link ExtractionPool}: loads one context (gazetteer, knowledge base, and what earlier
 * runs taught the entity registry) and runs the pipeline on the documents it is sent, so that extraction never holds
 * the caller's event loop and a batch uses every core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDoc, TextView, type ContextOptions, type Doc, type DocInit } from './core/index.js';
import { contextState, createContext, restoreContextState, runPipeline, stages } from './pipeline.js';

interface Job {
  readonly id: number;
  readonly inits: readonly DocInit[];
}

interface Setup {
  readonly context: ContextOptions;
  readonly state: unknown;
  readonly keepLang: boolean;
  /** Send the context state back with each job's documents (see `PoolOptions.reportState`). */
  readonly reportState?: boolean;
  /** The last stage to run (see `PoolOptions.upTo`); every stage when absent. */
  readonly upTo?: string;
}

const port = parentPort;
if (!port) throw new Error('pipeline-worker.ts runs only as a worker thread (see ExtractionPool)');
const setup = (workerData ?? { context: {}, state: null, keepLang: false }) as Setup;
const only = setup.upTo ? stages.slice(0, stages.findIndex((s) => s.name === setup.upTo) + 1) : stages;
if (!only.length) throw new Error(`pipeline-worker: no stage named "${setup.upTo}"`);
// Only what these stages need is loaded (the first stages need neither the gazetteer nor the knowledge base).
const ready = createContext(setup.context, only).then((ctx) => {
  if (setup.state) restoreContextState(ctx, setup.state);
  return ctx;
});
const NO_LANG: Doc['lang'] = { words: [], sentences: [], chunks: [], clauses: [] };

port.on('message', async (job: Job) => {
  try {
    const ctx = await ready;
    // A view is a class instance: it travels as its fields and the pool rebuilds it (see reviveDoc).
    const docs = job.inits.map((init) => {
      const doc = runPipeline(createDoc(init.view ? { ...init, view: TextView.revive(init.view) } : init), ctx, only);
      // The linguistic layer is the largest part of a document and nothing after extraction reads it: not copied back.
      return setup.keepLang ? doc : { ...doc, lang: NO_LANG };
    });
    port.postMessage({ id: job.id, docs, ...(setup.reportState ? { state: contextState(ctx) } : {}) });
  } catch (error) {
    port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
