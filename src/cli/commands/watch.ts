/**
 * `sitrep watch`: polls feeds (conditional GET) and folders (content hash) and ingests what is new, until stopped.
 * The documents go through the pipeline into the store here, or through the running `sitrep serve` that holds the
 * store; what the watcher remembers (validators, items and files seen) is kept in the store either way.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createDoc } from '../../core/index.js';
import type { RemoteDesk } from '../../desk/index.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/index.js';
import { runPipeline } from '../../pipeline.js';
import type { Store } from '../../store/index.js';
import { feedSource, folderSource, runWatch, type WatchEvent, type WatchSink, type WatchSource, type WatchState } from '../../watch/index.js';
import { loadLinkedContextOrReport } from '../linked-context.js';
import { openStoreOrServer } from '../open-store.js';
import { UsageError, type Command } from '../command.js';
import { PIPELINE_FLAGS, pipelineFlagsHelp, pipelineSettings } from '../options.js';
import { formatProblem } from '../report.js';
import { remoteSink } from './ingest.js';

/** Seconds between two polls of a source when `--interval` is not given. */
const DEFAULT_INTERVAL = 300;
/** Seconds one feed request may take when `--timeout` is not given. */
const DEFAULT_TIMEOUT = 30;
/** Seconds between two saves of the entity registry while documents are stored here. */
const SAVE_STATE_SECONDS = 10;

function seconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`--${name} must be a positive number of seconds, got "${value}"`);
  return n;
}

function shownSeconds(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`;
}

export const watchCommand: Command = {
  name: 'watch',
  usage: `Usage: sitrep watch FEED_URL|DIR|FILE… [options]

Polls RSS, Atom and JSON feeds over HTTP(S) and folders (recursively, the files \`sitrep ingest\` reads) and
ingests what is new, until stopped. A feed is fetched with the ETag and Last-Modified it gave last time
(If-None-Match, If-Modified-Since): a 304 or an unchanged body reads nothing, and only items not stored before
(by id and content) are extracted. A folder's file is read again only when it changed (size, time, content
hash). What the watcher remembers is kept in the store, so a restart goes on where it stopped.

A source that fails (network, HTTP error, a body that is no feed) is reported on standard error with the
reason and tried again after a delay that doubles with each failure in a row (up to an hour); the other
sources go on. Each stored document is one line on standard output. Ctrl-C (SIGINT) or SIGTERM finishes the
document being stored and stops; nothing is left half-written.

While \`sitrep serve\` holds the store, documents and state go through its API (the desk shows them at once).

Store: PostgreSQL when DATABASE_URL is set; otherwise PGlite in --db DIR, $SITREP_DB, or ./.sitrep.

Options:
  --interval S            seconds between two polls of a source (default ${DEFAULT_INTERVAL})
  --timeout S             time limit of one feed request (default ${DEFAULT_TIMEOUT})
  --once                  poll every source once, then exit (1 when a source failed)
  --db DIR                PGlite folder (default: $SITREP_DB or ./.sitrep)
${pipelineFlagsHelp(DEFAULT_MAX_BYTES)}
  -q, --quiet             no line per stored document
  -h, --help              show this help
`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        interval: { type: 'string' },
        timeout: { type: 'string' },
        once: { type: 'boolean', default: false },
        db: { type: 'string' },
        ...PIPELINE_FLAGS,
        quiet: { type: 'boolean', short: 'q', default: false },
      },
    });
    if (!positionals.length) throw new UsageError('give at least one FEED_URL (http:// or https://) or folder');
    const intervalMs = seconds('interval', values.interval, DEFAULT_INTERVAL) * 1000;
    const timeoutMs = seconds('timeout', values.timeout, DEFAULT_TIMEOUT) * 1000;
    const { published, kbFiles, maxBytes } = pipelineSettings(values, DEFAULT_MAX_BYTES);
    const sources: WatchSource[] = positionals.map((p) => {
      if (/^https?:\/\//i.test(p)) {
        try {
          new URL(p);
        } catch {
          throw new UsageError(`"${p}" is not a valid URL`);
        }
        return feedSource(p, { maxBytes, timeoutMs });
      }
      if (/^[a-z][a-z0-9+.-]+:\/\//i.test(p)) throw new UsageError(`"${p}": only http:// and https:// feeds can be watched (or a local folder)`);
      return folderSource(p, { maxBytes, published });
    });

    const access = await openStoreOrServer('watch', values.db, io);
    if ('code' in access) return access.code;
    if ('remote' in access && kbFiles?.length) {
      io.stderr.write('sitrep watch: --kb cannot be used while `sitrep serve` holds the store (the server extracts with its own knowledge base); stop the server, or leave out --kb\n');
      return 1;
    }
    const store: Store | null = 'store' in access ? access.store : null;
    const remote: RemoteDesk | null = 'remote' in access ? access.remote : null;

    const stop = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      if (stop.signal.aborted) return;
      io.stderr.write(`sitrep watch: ${signal} — finishing the document being stored, then stopping\n`);
      stop.abort();
    };
    const onInt = () => onSignal('SIGINT');
    const onTerm = () => onSignal('SIGTERM');
    const t0 = performance.now();
    let summary;
    try {
      let sink: WatchSink;
      let state: WatchState;
      let saveRegistry = async () => {};
      if (store) {
        const linked = await loadLinkedContextOrReport('watch', store, { published, kbFiles }, io.stderr);
        if (!linked) return 2;
        // Entities are linked to the registry shared with concurrent ingests and workers, in each document's transaction
        // (docs/queue.md); the snapshot saved now and then is what `sitrep serve` starts from.
        const { ctx, shared } = linked;
        let savedAt = performance.now();
        let unsaved = false;
        saveRegistry = async () => {
          if (unsaved) await shared.saveSnapshot(store);
          unsaved = false;
          savedAt = performance.now();
        };
        sink = async (init) => {
          const doc = runPipeline(createDoc(init), ctx);
          const result = await shared.ingest(store, doc);
          unsaved ||= result.status === 'stored';
          if (performance.now() - savedAt > SAVE_STATE_SECONDS * 1000) await saveRegistry();
          // The embedded store answers through promises that never return to the event loop: give signals a turn.
          await new Promise<void>((done) => setImmediate(done));
          return { id: doc.id, status: result.status, error: result.error, messages: doc.messages };
        };
        state = { get: (name) => store.getRunState(`watch:${name}`), set: (name, value) => store.setRunState(`watch:${name}`, value) };
      } else {
        const post = remoteSink(remote!, false);
        sink = async (init) => (await post([init]))[0];
        state = { get: (name) => remote!.watchState(name), set: (name, value) => remote!.setWatchState(name, value) };
      }
      const report = (event: WatchEvent) => {
        switch (event.kind) {
          case 'document': {
            const { outcome, init } = event;
            for (const m of outcome.messages) if (m.severity !== 'info') io.stderr.write(formatProblem(init.origin?.path ?? event.source, m, init.input) + '\n');
            if (outcome.status === 'failed') io.stderr.write(`${event.source}:1:1 error document ${outcome.id} was not stored: ${outcome.error ?? 'unknown reason'} store/failed\n`);
            else if (!values.quiet) {
              const title = init.title?.value ? ` — ${init.title.value.replace(/\s+/g, ' ').slice(0, 100)}` : '';
              io.stdout.write(`${new Date().toISOString()} ${outcome.status} ${outcome.id}${title} (${event.source})\n`);
            }
            break;
          }
          case 'problem':
            io.stderr.write(formatProblem(event.path, event.message) + '\n');
            break;
          case 'skipped':
            io.stderr.write(formatProblem(event.path, { severity: 'info', reason: event.reason, start: 0, end: 0, rule: 'ingest/skipped' }) + '\n');
            break;
          case 'error':
            io.stderr.write(`sitrep watch: ${event.source}: ${event.reason}; ${values.once ? 'not retried (--once)' : `retrying in ${shownSeconds(event.retryMs)} (failure ${event.failures} in a row)`}\n`);
            break;
          case 'recovered':
            io.stderr.write(`sitrep watch: ${event.source}: working again after ${event.failures} failed ${event.failures === 1 ? 'poll' : 'polls'}\n`);
            break;
          case 'poll':
            break;
        }
      };
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      const where = store ? `store: ${store.db.location}` : `through ${remote!.url}`;
      io.stderr.write(`sitrep watch: ${sources.length} ${sources.length === 1 ? 'source' : 'sources'}${values.once ? ', one pass' : `, every ${shownSeconds(intervalMs)}`} (${where})${values.once ? '' : ' — Ctrl-C to stop'}\n`);
      summary = await runWatch({ sources, sink, state, intervalMs, once: values.once, signal: stop.signal, report });
      await saveRegistry();
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      await store?.close();
    }
    const d = summary.documents;
    io.stderr.write(
      `sitrep watch: ${stop.signal.aborted ? 'stopped' : 'done'} after ${((performance.now() - t0) / 1000).toFixed(1)} s: ${d.stored} stored, ` +
        `${d.duplicate} duplicates, ${d['near-duplicate']} near-duplicates, ${d.failed} failed` +
        `${summary.failing ? `; ${summary.failing} ${summary.failing === 1 ? 'source' : 'sources'} failing` : ''}\n`,
    );
    return values.once && (summary.failing || d.failed) ? 1 : 0;
  },
};
