/** `sitrep ingest --queue`: reads documents and puts each in the job queue for `sitrep worker`, nothing more. */
import { performance } from 'node:perf_hooks';
import type { DocInit } from '../../core/index.js';
import { readSources } from '../../ingest/index.js';
import { redactUrl } from '../../store/index.js';
import type { CommandIo } from '../command.js';
import { Progress } from '../progress.js';
import { formatProblem } from '../report.js';

/**
 * The PostgreSQL URL the queue lives on, or null after saying why there is none: the embedded database serves one
 * process, and a queue is for workers in other processes and on other machines.
 */
export function queueUrlOrReport(command: string, io: CommandIo): string | null {
  const url = io.env.DATABASE_URL;
  if (url) return url;
  io.stderr.write(
    `sitrep ${command}: the job queue needs a PostgreSQL server, and DATABASE_URL is not set: the embedded database (PGlite) ` +
      'is open to one process only, so workers in other processes or on other machines could not reach it. ' +
      'Set DATABASE_URL=postgres://user:password@host:5432/dbname (the same for `sitrep ingest --queue` and every ' +
      '`sitrep worker`), or run `sitrep ingest PATH…` without --queue to extract and store in this process\n',
  );
  return null;
}

/** Documents put in the queue in one statement. */
const BATCH = 100;

/** What {@link enqueueSources} reads with. */
export interface EnqueueSettings {
  readonly url: string;
  readonly published?: string;
  readonly maxBytes: number;
  readonly quiet?: boolean;
}

/**
 * Reads `paths` as `sitrep ingest` does and enqueues every document; reader problems go to stderr as there.
 * Returns the exit code: 1 when an input failed or nothing was found, 2 when the queue cannot be reached.
 */
export async function enqueueSources(paths: readonly string[], settings: EnqueueSettings, io: CommandIo): Promise<number> {
  const { enqueue, openQueue, queueSchema } = await import('../../queue/index.js');
  let boss;
  try {
    boss = await openQueue({ url: settings.url, schema: queueSchema(io.env), supervise: false });
  } catch (error) {
    io.stderr.write(
      `sitrep ingest: cannot open the job queue at ${redactUrl(settings.url)} (${(error as Error).message}); check that the server runs, ` +
        `that DATABASE_URL is right and that its user may create the schema ${queueSchema(io.env)}\n`,
    );
    return 2;
  }
  const progress = new Progress(io.stderr);
  const counts = { files: 0, skipped: 0, docs: 0, queued: 0, errors: 0 };
  const t0 = performance.now();
  try {
    let batch: DocInit[] = [];
    const flush = async () => {
      counts.queued += await enqueue(boss, batch);
      counts.docs += batch.length;
      batch = [];
      progress.update(`ingest --queue: ${counts.files} files, ${counts.docs} documents, ${counts.queued} new jobs`);
    };
    for await (const source of readSources([...paths], { published: settings.published, maxBytes: settings.maxBytes, stdin: io.stdin })) {
      if (source.skipped) counts.skipped++;
      else if (!source.continued) counts.files++;
      for (const p of source.problems) {
        progress.done();
        io.stderr.write(formatProblem(source.path, p) + '\n');
        if (!source.skipped && p.severity === 'error') counts.errors++;
      }
      for (const init of source.skipped ? [] : source.docs) {
        batch.push(init);
        if (batch.length >= BATCH) await flush();
      }
    }
    if (batch.length) await flush();
  } finally {
    progress.done();
    await boss.stop({ graceful: false, close: true }).catch(() => {});
  }
  if (!settings.quiet) {
    const seconds = (performance.now() - t0) / 1000;
    io.stderr.write(
      `enqueued ${counts.queued} documents from ${counts.files} files in ${seconds.toFixed(1)} s` +
        `${counts.docs > counts.queued ? ` (${counts.docs - counts.queued} were already queued)` : ''}; ${counts.errors} errors` +
        `${counts.skipped ? `; ${counts.skipped} files skipped (listed above)` : ''}; \`sitrep worker\` processes them\n`,
    );
  }
  if (!counts.docs && !counts.errors) {
    io.stderr.write(`sitrep ingest: no document found in ${paths.join(', ')}${counts.skipped ? ` (${counts.skipped} files skipped, listed above)` : ''}\n`);
    return 1;
  }
  return counts.errors ? 1 : 0;
}
