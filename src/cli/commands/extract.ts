/** `sitrep extract`: prints the extraction contract, one JSON object per document per line. */
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { createDoc, type Context, type Doc, type DocInit } from '../../core/index.js';
import { toExtractJson } from '../../contract.js';
import { DEFAULT_MAX_BYTES, readSources } from '../../ingest/read-sources.js';
import { crashedIn, createLinkContext, independentStages, orderedStages, runPipeline } from '../../pipeline.js';
import { ExtractionPool } from '../../pipeline-pool.js';
import { loadContextOrReport } from '../context-cache.js';
import { UsageError, type Command } from '../command.js';
import { PIPELINE_FLAGS, pipelineFlagsHelp, pipelineSettings } from '../options.js';
import { formatProblem } from '../report.js';

export const extractCommand: Command = {
  name: 'extract',
  usage: `Usage: sitrep extract [FILE|DIR|-]… [options]

Reads plain text, HTML, RSS/Atom feeds and JSON Lines ({"id","text","title"?,"published"?,"source"?,"url"?})
from files, folders (recursively) or standard input (no FILE, or -), and prints one JSON object per document.
Problems go to standard error as "file:line:col severity reason rule"; the exit code is 1 when any input failed.

Options:
${pipelineFlagsHelp(DEFAULT_MAX_BYTES)}
  --workers N             threads that extract a batch of documents (default: the cores available; 1: this one
                          alone); an input under 250,000 characters is extracted by this thread alone
  --pretty                indent the JSON (one object per block instead of per line)
  -h, --help              show this help
`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...PIPELINE_FLAGS,
        pretty: { type: 'boolean', default: false },
        workers: { type: 'string' },
      },
    });
    const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a whole number of at least 1, got "${values.workers}"`);
    const { published, kbFiles, maxBytes } = pipelineSettings(values, DEFAULT_MAX_BYTES);
    const inputs = positionals.length ? positionals : ['-'];
    if (inputs.includes('-') && io.stdin.isTTY) {
      io.stderr.write('sitrep extract: reading standard input (give FILE arguments, or pipe text in; Ctrl-D ends)\n');
    }
    let failed = 0;
    let read = 0;
    const print = (path: string, doc: Doc) => {
      for (const m of doc.messages) {
        if (m.severity === 'info') continue;
        io.stderr.write(formatProblem(path, m, doc.input) + '\n');
        if (m.severity === 'error') failed++;
      }
      io.stdout.write(JSON.stringify(toExtractJson(doc), null, values.pretty ? 2 : undefined) + '\n');
    };
    // A small input (or --workers 1): extracted here. A batch: worker threads run the stages that read nothing shared
    // between documents, this thread the rest in input order (the output of a serial run).
    const poolMin = io.env.SITREP_POOL_MIN_CHARS === undefined ? POOL_MIN_CHARS : Number(io.env.SITREP_POOL_MIN_CHARS);
    const batch = new Batch({ published, kbFiles }, workers, poolMin, print, io.stderr);
    try {
      for await (const source of readSources(inputs, { published, maxBytes, stdin: io.stdin })) {
        read += source.docs.length;
        for (const p of source.problems) {
          io.stderr.write(formatProblem(source.path, p) + '\n');
          if (p.severity === 'error') failed++;
        }
        for (const init of source.docs) if (!(await batch.add(source.path, init, io.stderr))) return 2;
      }
      if (!(await batch.finish(io.stderr))) return 2;
      failed += batch.failed;
    } finally {
      await batch.close();
    }
    if (!read && !failed) {
      io.stderr.write(`sitrep extract: no document found in ${inputs.join(', ')}\n`);
      return 1;
    }
    return failed ? 1 : 0;
  },
};

/** Documents extracted per worker job. */
const CHUNK = 8;

/**
 * Characters of input below which a batch is extracted in this process even when workers are allowed: every worker
 * loads its own modules, the tagger and the time parser, and compiles the independent stages' code and regular
 * expressions, which a small batch never earns back.
 * About 40,000 words; `SITREP_POOL_MIN_CHARS` overrides it (tests).
 */
const POOL_MIN_CHARS = 250_000;

/** A document waiting for extraction, with the file it came from. */
interface Item {
  readonly path: string;
  readonly init: DocInit;
}

/**
 * The documents of one `extract` run: held until they reach {@link POOL_MIN_CHARS} characters, which shows a batch
 * worth the workers; a smaller input is extracted in this process. A batch goes in chunks to an
 * {@link ExtractionPool} of `workers - 1` threads that run the independent stages (boilerplate, sentences and the
 * linguistic layer, time expressions), with at most two chunks per worker in flight; this thread runs the ordered
 * stages (entities, places, claims, events) on each document in input order against its own context, whose entity
 * registry is the run's, and prints it. Each stage's code is compiled in one thread only, no worker loads the
 * gazetteer or the knowledge base, and the output is that of a serial run whatever the chunks and workers.
 */
class Batch {
  failed = 0;
  private held: Item[] = [];
  private heldChars = 0;
  private chunk: Item[] = [];
  private readonly inFlight: { items: Item[]; docs: Promise<Doc[]> }[] = [];
  private pool: ExtractionPool | null = null;
  /** This thread's context, with the run's entity registry, loaded when the batch starts. */
  private ctx: Promise<Context | null> | null = null;

  constructor(
    private readonly options: { published?: string; kbFiles?: string[] },
    private readonly workers: number,
    private readonly poolMinChars: number,
    private readonly print: (path: string, doc: Doc) => void,
    private readonly stderr: NodeJS.WritableStream,
  ) {}

  /** Adds a document; false when the context could not be loaded (already reported). */
  async add(path: string, init: DocInit, stderr: NodeJS.WritableStream): Promise<boolean> {
    const item = { path, init };
    if (this.workers === 1) return this.inline(item, stderr);
    if (!this.pool) {
      this.held.push(item);
      this.heldChars += item.init.input.length;
      // Two documents at least, and enough text: a batch. The whole context is loaded here, with an entity registry of
      // this run's own; each worker loads what the independent stages need (the tagger, the time parser).
      if (this.held.length < 2 || this.heldChars < this.poolMinChars) return true;
      this.pool = new ExtractionPool({
        size: this.workers - 1, context: this.options, maxQueue: Number.MAX_SAFE_INTEGER,
        upTo: independentStages[independentStages.length - 1].name, keepLang: true,
      });
      // The workers start on the first chunks while this thread loads its context.
      this.ctx = loadContextOrReport('extract', this.options, stderr).then(async (shared) => {
        if (!shared) return null;
        const run = await createLinkContext(this.options);
        return { ...shared, entityRegistry: run.entityRegistry, entityMatcher: run.entityMatcher };
      });
      const held = this.held;
      this.held = [];
      for (const h of held) {
        this.chunk.push(h);
        if (this.chunk.length >= CHUNK) await this.send();
      }
      return (await this.ctx) !== null;
    }
    this.chunk.push(item);
    if (this.chunk.length >= CHUNK) await this.send();
    return true;
  }

  /** Extracts and prints what is left; false when the context could not be loaded. */
  async finish(stderr: NodeJS.WritableStream): Promise<boolean> {
    for (const item of this.held.splice(0)) if (!(await this.inline(item, stderr))) return false;
    if (this.chunk.length) await this.send();
    while (this.inFlight.length) await this.drainOne();
    return true;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  private async inline(item: Item, stderr: NodeJS.WritableStream): Promise<boolean> {
    const ctx = await loadContextOrReport('extract', this.options, stderr);
    if (!ctx) return false;
    this.print(item.path, runPipeline(createDoc(item.init), ctx));
    return true;
  }

  private async send(): Promise<void> {
    const items = this.chunk;
    this.chunk = [];
    this.inFlight.push({ items, docs: this.pool!.extract(items.map((i) => i.init)) });
    while (this.inFlight.length > 2 * this.pool!.size) await this.drainOne();
  }

  private async drainOne(): Promise<void> {
    const { items, docs } = this.inFlight.shift()!;
    const ctx = await this.ctx;
    // The context could not be loaded (reported once): the run ends with nothing more printed.
    if (!ctx) return;
    let out: (Doc | Error)[];
    try {
      out = await docs;
    } catch {
      // A chunk that failed or ran over its time is tried again one document at a time, so one bad document costs
      // only itself.
      out = [];
      for (const i of items) out.push(await this.pool!.extract([i.init]).then((d) => d[0], (e: Error) => e));
    }
    out.forEach((doc, k) => {
      if (doc instanceof Error) {
        this.stderr.write(`${items[k].path}:1:1 error document ${items[k].init.id} was not extracted: ${doc.message} extract/worker\n`);
        this.failed++;
      } else this.print(items[k].path, crashedIn(doc, independentStages) ? doc : runPipeline(doc, ctx, orderedStages));
    });
  }
}
