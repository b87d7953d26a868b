/** `sitrep worker`: takes documents from the job queue (`sitrep ingest --queue`), extracts and stores them, until stopped. */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { UsageError, type Command } from '../command.js';
import { openStoreOrReport } from '../open-store.js';
import { Progress } from '../progress.js';
import { loadContextOrReport } from '../context-cache.js';
import { queueUrlOrReport } from './enqueue.js';
import { tallyOutcome } from './ingest.js';

export const workerCommand: Command = {
  name: 'worker',
  usage: `Usage: sitrep worker [options]

Takes the documents that \`sitrep ingest --queue\` put in the job queue, extracts each and stores it with its
entities, claims and events; runs until stopped (Ctrl-C or SIGTERM: the documents in flight are finished first).
Start any number of workers, on any machines, with the same DATABASE_URL: each job goes to one worker at a time;
a job whose worker dies (even killed with SIGKILL) is given to another within about 15 seconds, and a document
stored twice is recognised by its content hash, so each document is stored once. Entity ids come from one registry shared by
every worker and every \`sitrep ingest\`.

Needs a PostgreSQL server: DATABASE_URL (the queue lives in the schema $SITREP_QUEUE_SCHEMA, default sitrep_queue).

Options:
  --concurrency N         documents extracted at once, each in its own thread (default 1; at most the cores)
  --kb FILE               extra knowledge-base file of known actors (repeatable)
  -q, --quiet             no summary line
  -h, --help              show this help
`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        concurrency: { type: 'string' },
        kb: { type: 'string', multiple: true },
        quiet: { type: 'boolean', short: 'q', default: false },
      },
    });
    if (positionals.length) throw new UsageError(`takes no PATH (${positionals[0]}); enqueue documents with \`sitrep ingest --queue PATH…\``);
    const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1, got "${values.concurrency}"`);
    const url = queueUrlOrReport('worker', io);
    if (!url) return 2;
    const context = { kbFiles: values.kb };
    // A bad --kb file is reported here, in one sentence, before any job is taken.
    if (values.kb?.length && !(await loadContextOrReport('worker', context, io.stderr))) return 2;
    const store = await openStoreOrReport('worker', undefined, io);
    if (!store) return 2;
    const { openQueue, queueSchema, startWorker, QUEUE_SETTINGS } = await import('../../queue/index.js');
    const progress = new Progress(io.stderr);
    const counts = { docs: 0, stored: 0, duplicate: 0, near: 0, retried: 0, errors: 0 };
    const t0 = performance.now();
    let boss;
    try {
      boss = await openQueue({
        url,
        schema: queueSchema(io.env),
        onError: (error) => {
          progress.done();
          io.stderr.write(`sitrep worker: queue: ${error.message}\n`);
        },
      });
    } catch (error) {
      await store.close();
      io.stderr.write(`sitrep worker: cannot open the job queue (${(error as Error).message}); check that the database user may create the schema ${queueSchema(io.env)}\n`);
      return 2;
    }
    let stop: (signal: NodeJS.Signals) => void = () => {};
    const stopped = new Promise<NodeJS.Signals>((done) => (stop = done));
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    try {
      const worker = await startWorker(store, boss, {
        concurrency,
        context,
        onFailure: (job, error, attempt) => {
          progress.done();
          io.stderr.write(`sitrep worker: job ${job} failed on attempt ${attempt + 1} and will be retried: ${error}\n`);
        },
        onOutcome: (r) => {
          tallyOutcome(r, r.source, counts, io, progress);
          if (r.attempt > 0) {
            counts.retried++;
            progress.done();
            io.stderr.write(`sitrep worker: ${r.source}: retry ${r.attempt} of a job whose earlier run did not finish: ${r.status}\n`);
          }
          const seconds = (performance.now() - t0) / 1000;
          progress.update(`worker: ${counts.docs} documents (${counts.stored} new, ${counts.duplicate + counts.near} duplicates), ${counts.errors} errors, ${(counts.docs / Math.max(seconds, 0.001)).toFixed(1)} docs/s`);
        },
      });
      io.stderr.write(`sitrep worker: taking jobs from ${store.db.location} (concurrency ${concurrency}; a job whose worker dies is retried after ${QUEUE_SETTINGS.heartbeatSeconds} s)\n`);
      const signal = await stopped;
      progress.done();
      io.stderr.write(`sitrep worker: ${signal} — finishing the documents in flight, then stopping\n`);
      await worker.stop();
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      progress.done();
      await boss.stop({ graceful: true, close: true, timeout: 30_000 }).catch(() => {});
      await store.close();
    }
    if (!values.quiet) {
      const seconds = (performance.now() - t0) / 1000;
      io.stderr.write(
        `worker processed ${counts.docs} documents in ${seconds.toFixed(1)} s: ${counts.stored} stored, ${counts.duplicate} duplicates, ` +
          `${counts.near} near-duplicates; ${counts.retried} retried jobs; ${counts.errors} errors\n`,
      );
    }
    return 0;
  },
};
