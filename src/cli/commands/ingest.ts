/** `sitrep ingest`: extracts documents and stores them, each in one transaction, duplicates recorded once. */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createDoc, type DocInit, type Message } from '../../core/index.js';
import { RemoteError, type RemoteDesk } from '../../desk/index.js';
import type { IngestResult, IngestStatus, Store } from '../../store/index.js';
import { DEFAULT_MAX_BYTES, readSources } from '../../ingest/read-sources.js';
import { runPipeline } from '../../pipeline.js';
import { loadLinkedContextOrReport } from '../linked-context.js';
import { openStoreOrServer } from '../open-store.js';
import { UsageError, type Command, type CommandIo } from '../command.js';
import { PIPELINE_FLAGS, pipelineFlagsHelp, pipelineSettings } from '../options.js';
import { Progress } from '../progress.js';
import { formatProblem } from '../report.js';
import { enqueueSources, queueUrlOrReport } from './enqueue.js';

/** Documents extracted and stored between two checks for an interrupt. */
const BATCH = 16;

/** Seconds between two saves of the entity registry during a run (and once at its end). */
const SAVE_STATE_SECONDS = 10;

/** What became of one read document: its outcome and what extraction said about it. */
export interface Outcome {
  readonly id: string;
  readonly input: string;
  readonly status: IngestStatus;
  readonly error?: string;
  readonly messages: readonly Message[];
}

/** Extracts and stores a batch of read documents: here, or through the server that holds the store. */
export type Sink = (inits: readonly DocInit[]) => Promise<Outcome[]>;

/** The sink through a running `sitrep serve`: it extracts with its registry (restored from this store) and stores. */
export function remoteSink(remote: RemoteDesk, replace: boolean): Sink {
  return async (inits) => {
    const report = await remote.ingest(inits, { replace });
    const failed = new Map((report.failed ?? []).map((f) => [f.id, f.error]));
    const duplicate = new Set(report.duplicates.map((d) => d.id));
    const messages = new Map((report.messages ?? []).map((m) => [m.id, m.messages]));
    const refused = new Map((report.errors ?? []).map((e) => [inits[e.line - 1]?.id, e.message]));
    return inits.map((init) => {
      const error = failed.get(init.id) ?? refused.get(init.id);
      const status: IngestStatus = error !== undefined ? 'failed' : duplicate.has(init.id) ? 'duplicate' : 'stored';
      return { id: init.id, input: init.input, status, error, messages: messages.get(init.id) ?? [] };
    });
  };
}

/** What a run counts of the documents it extracted and stored. */
export interface IngestCounts {
  docs: number;
  stored: number;
  duplicate: number;
  near: number;
  errors: number;
}

/**
 * Prints what is wrong with one extracted document — its warnings and errors, as \`extract\` prints them (a refused date
 * or encoding must not pass unsaid), and why it was not stored — as problem lines of \`path\`, and counts it.
 */
export function tallyOutcome(r: Outcome, path: string, counts: IngestCounts, io: CommandIo, progress: Progress): void {
  for (const m of r.messages) {
    if (m.severity === 'info') continue;
    progress.done();
    io.stderr.write(formatProblem(path, m, r.input) + '\n');
    if (m.severity === 'error') counts.errors++;
  }
  counts.docs++;
  if (r.status === 'stored') counts.stored++;
  else if (r.status === 'duplicate') counts.duplicate++;
  else if (r.status === 'near-duplicate') counts.near++;
  else {
    progress.done();
    io.stderr.write(`${path}:1:1 error document ${r.id} was not stored: ${r.error ?? 'unknown reason'} store/failed\n`);
    counts.errors++;
  }
}

export const ingestCommand: Command = {
  name: 'ingest',
  usage: `Usage: sitrep ingest PATH… [options]

Reads files, folders (recursively) or standard input (-), extracts each document and stores it with its
entities, claims and events. Each document is written in one transaction; the same input twice is stored once,
and exact or near duplicates from other sources are recorded as such. Problems go to standard error as
"file:line:col severity reason rule"; the batch goes on; the exit code is 1 when any input failed.
Ctrl-C (SIGINT) or SIGTERM finishes the documents in flight, stores nothing half-written, says how many were
stored and exits 130; running the same command again goes on (stored documents are recognised).

With --queue, documents are read and put in the job queue only; \`sitrep worker\` processes (any number, on any
machines) extract and store them. The queue needs a PostgreSQL server (DATABASE_URL); enqueuing the same input
again adds no job.

Store: PostgreSQL when DATABASE_URL is set; otherwise PGlite in --db DIR, $SITREP_DB, or ./.sitrep.

Options:
  --db DIR                PGlite folder (default: $SITREP_DB or ./.sitrep)
${pipelineFlagsHelp(DEFAULT_MAX_BYTES)}
  --replace               re-extract documents already stored from the same source (after a pipeline
                          upgrade); without it the same input twice is left as stored
  --queue                 enqueue the documents for \`sitrep worker\` instead of extracting them here
                          (PostgreSQL only; give --kb to the workers)
  -q, --quiet             no summary line
  -h, --help              show this help
`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        ...PIPELINE_FLAGS,
        replace: { type: 'boolean', default: false },
        queue: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
      },
    });
    if (!positionals.length) {
      io.stderr.write('sitrep ingest: give at least one PATH (a file, a folder, or - for standard input)\n');
      return 2;
    }
    const { published, kbFiles, maxBytes } = pipelineSettings(values, DEFAULT_MAX_BYTES);
    if (values.queue) {
      if (values.replace) throw new UsageError('--replace cannot be queued; run `sitrep ingest --replace PATH…` without --queue');
      if (kbFiles?.length) throw new UsageError('--kb is a worker\'s option with --queue: give it to `sitrep worker --kb FILE`');
      const url = queueUrlOrReport('ingest', io);
      if (!url) return 2;
      return enqueueSources(positionals, { url, published, maxBytes, quiet: values.quiet }, io);
    }
    const access = await openStoreOrServer('ingest', values.db, io);
    if ('code' in access) return access.code;
    if ('remote' in access && kbFiles?.length) {
      io.stderr.write('sitrep ingest: --kb cannot be used while `sitrep serve` holds the store (the server extracts with its own knowledge base); stop the server, or leave out --kb\n');
      return 1;
    }
    const store: Store | null = 'store' in access ? access.store : null;
    const progress = new Progress(io.stderr);
    // Ctrl-C or SIGTERM: the documents in flight are finished (each is one transaction), nothing more is started.
    let interrupted: NodeJS.Signals | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      if (interrupted) return;
      interrupted = signal;
      progress.done();
      io.stderr.write(`sitrep ingest: ${signal} — finishing the documents in flight, then stopping\n`);
    };
    const onInt = () => onSignal('SIGINT');
    const onTerm = () => onSignal('SIGTERM');
    const counts = { files: 0, skipped: 0, docs: 0, stored: 0, duplicate: 0, near: 0, errors: 0 };
    const t0 = performance.now();
    try {
      let sink: Sink;
      let saveState = async () => {};
      if (store) {
        const linked = await loadLinkedContextOrReport('ingest', store, { published, kbFiles }, io.stderr);
        if (!linked) return 2;
        // Entity ids must not depend on which run saw a name first: start from what earlier runs learnt, and link each
        // document to the registry shared with concurrent runs and workers in its own transaction (no last writer wins).
        const { ctx, shared } = linked;
        saveState = () => shared.saveSnapshot(store);
        sink = async (inits) => {
          const docs = inits.map((init) => runPipeline(createDoc(init), ctx));
          const results: IngestResult[] = [];
          for (const doc of docs) results.push(await shared.ingest(store, doc, { replace: values.replace }));
          return docs.map((d, i) => ({ id: d.id, input: d.input, status: results[i].status, error: results[i].error, messages: d.messages }));
        };
      } else sink = remoteSink((access as { remote: RemoteDesk }).remote, values.replace);
      let savedAt = performance.now();
      // From here on a signal stops the run between documents; before, nothing has been written and it ends at once.
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      for await (const source of readSources(positionals, { published, maxBytes, stdin: io.stdin })) {
        if (source.skipped) {
          // Listed, one line each, so that a folder of unread files never looks like an empty folder.
          counts.skipped++;
          progress.done();
          for (const p of source.problems) io.stderr.write(formatProblem(source.path, p) + '\n');
          continue;
        }
        if (!source.continued) counts.files++;
        for (const p of source.problems) {
          progress.done();
          io.stderr.write(formatProblem(source.path, p) + '\n');
          if (p.severity === 'error') counts.errors++;
        }
        // Documents are extracted and stored in small batches, so an interrupt waits for a few documents, not a file,
        // and memory holds one batch of extracted documents whatever the size of the input.
        for (let at = 0; at < source.docs.length && !interrupted; at += BATCH) {
          const outcomes = await sink(source.docs.slice(at, at + BATCH));
          // The embedded store answers through promises that never return to the event loop, so signals would wait
          // for the whole run: give the loop one turn per batch.
          await new Promise<void>((done) => setImmediate(done));
          for (const r of outcomes) tallyOutcome(r, source.path, counts, io, progress);
          // A snapshot of the registry for \`sitrep serve\`, which starts from it (the rows are written with each document).
          if (performance.now() - savedAt > SAVE_STATE_SECONDS * 1000) {
            await saveState();
            savedAt = performance.now();
          }
        }
        if (interrupted) break;
        const seconds = (performance.now() - t0) / 1000;
        progress.update(`ingest: ${counts.files} files, ${counts.docs} documents (${counts.stored} new, ${counts.duplicate + counts.near} duplicates), ${counts.errors} errors, ${(counts.docs / Math.max(seconds, 0.001)).toFixed(1)} docs/s`);
      }
      await saveState();
    } catch (error) {
      // A server that stops answering mid-run: what it stored is complete, the rest is not.
      if (error instanceof RemoteError) {
        progress.done();
        io.stderr.write(`sitrep ingest: ${error.message}; ${counts.stored} documents stored before; run the same command again to go on\n`);
        return 1;
      }
      throw error;
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      progress.done();
      await store?.close();
    }
    if (!values.quiet) {
      const seconds = (performance.now() - t0) / 1000;
      io.stderr.write(
        `ingested ${counts.docs} documents from ${counts.files} files in ${seconds.toFixed(1)} s: ${counts.stored} stored, ` +
          `${counts.duplicate} duplicates, ${counts.near} near-duplicates; ${counts.errors} errors` +
          `${counts.skipped ? `; ${counts.skipped} files skipped (listed above)` : ''}\n`,
      );
    }
    if (interrupted) {
      io.stderr.write(`sitrep ingest: interrupted; ${counts.stored} documents stored before stopping (every stored document is complete); run the same command again to go on\n`);
      return 130;
    }
    if (!counts.docs && !counts.errors) {
      io.stderr.write(`sitrep ingest: no document found in ${positionals.join(', ')}${counts.skipped ? ` (${counts.skipped} files skipped, listed above)` : ''}\n`);
      return 1;
    }
    return counts.errors ? 1 : 0;
  },
};
