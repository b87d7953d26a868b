/**
 * Whole-process throughput, as a user meets it: `sitrep extract` run as its own process over the benchmark corpus
 * (one JSON Lines file) on one thread (`--workers 1`) and on every core (the default), and compromise's people,
 * places and organisations over the same texts in its own process; words/s of each, the ratios, the start-up of
 * one short document and each process's CPU seconds, page faults and peak RSS. `sitrep` is started through its
 * launcher (`bin/sitrep.js` as an executable, as the installed command runs). Needs the compiled CLI (`npm run
 * build`, done by `npm ci`).
 * Numbers, never assertions. Run alone: `node --import tsx bench/whole-process.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadBenchCorpus } from './corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'sitrep.js');
const RSS = join(ROOT, 'bench', 'child', 'rss.mjs');
const COMPROMISE = join(ROOT, 'bench', 'child', 'compromise.mjs');
const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);

/**
 * Runs `node args…` (or, when `args[0]` is {@link BIN} and `launcher` is set, the launcher itself, as the installed
 * command runs) to completion: wall seconds, peak RSS in MB, CPU seconds and minor page faults (worker threads
 * included; steadier than wall time on a shared machine), and the error lines it printed (exit code 1 of
 * `sitrep extract`: some document failed, the rest were extracted); throws with its stderr on any other failure.
 */
interface Run {
  seconds: number;
  rssMb: number;
  cpu: number;
  faults: number;
  errors: number;
}

function run(args: string[], dir: string, stdin?: string, launcher = false): Run {
  const rssFile = join(dir, 'rss');
  rmSync(rssFile, { force: true });
  const t = performance.now();
  const direct = launcher && args[0] === BIN && process.platform !== 'win32';
  const r = spawnSync(direct ? BIN : process.execPath, direct ? args.slice(1) : ['--import', RSS, ...args], {
    cwd: ROOT,
    input: stdin,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, DATABASE_URL: '', ...(direct ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${RSS}`.trim() } : {}) },
    stdio: ['pipe', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  const errors = String(r.stderr).split('\n').filter((l) => / error /.test(l)).length;
  const usage = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { rss: number; cpu: number; faults: number }) : { rss: NaN, cpu: NaN, faults: NaN };
  return { seconds, rssMb: usage.rss / 1048576, cpu: usage.cpu, faults: usage.faults, errors };
}

/** Prints the whole-process figures. */
export default async function benchWholeProcess(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    line('whole process', 'skipped: no compiled CLI (run npm run build)');
    return;
  }
  const corpus = loadBenchCorpus();
  const words = corpus.reduce((n, d) => n + (d.text.match(/\S+/g)?.length ?? 0), 0);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-process-'));
  try {
    const file = join(dir, 'corpus.jsonl');
    writeFileSync(file, corpus.map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n');
    const cores = availableParallelism();
    line('whole-process corpus', `${corpus.length} documents, ${words} words, ${cores} cores`);
    const single = run([BIN, 'extract', '--workers', '1', file], dir, undefined, true);
    const pooled = run([BIN, 'extract', file], dir, undefined, true);
    const rate = (s: number) => words / s;
    if (single.errors || pooled.errors) line('documents with an error', `${single.errors} (1 thread), ${pooled.errors} (workers): see sitrep extract's stderr`);
    const usage = (r: Run) => `${r.seconds.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s, ${r.faults} page faults, peak RSS ${r.rssMb.toFixed(0)} MB`;
    line('whole process 1 thread (words/s)', `${rate(single.seconds).toFixed(0)} (${usage(single)})`);
    line(`whole process ${cores} workers (words/s)`, `${rate(pooled.seconds).toFixed(0)} (${usage(pooled)})`);
    let compromise: Run | null = null;
    try {
      compromise = run([COMPROMISE, file], dir);
    } catch (error) {
      line('compromise', `skipped: ${(error as Error).message.split('\n')[0]}`);
    }
    if (compromise) {
      line('compromise, whole process (words/s)', `${rate(compromise.seconds).toFixed(0)} (${usage(compromise)})`);
      line('sitrep / compromise, 1 thread', `${(compromise.seconds / single.seconds).toFixed(2)} ×`);
      line(`sitrep / compromise, ${cores} workers`, `${(compromise.seconds / pooled.seconds).toFixed(2)} ×`);
      // CPU seconds are steadier than wall time when other work shares the machine (the workers' sum for the pool).
      line('sitrep / compromise by CPU, 1 thread', `${(compromise.cpu / single.cpu).toFixed(2)} ×`);
    }
    const short = corpus.find((d) => /^\d{3}_/.test(d.id))?.text ?? corpus[0].text;
    const one = run([BIN, 'extract'], dir, short, true);
    line('one short document (s)', `${one.seconds.toFixed(2)} whole process (${short.length} characters, CPU ${one.cpu.toFixed(2)} s, ${one.faults} page faults, peak RSS ${one.rssMb.toFixed(0)} MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchWholeProcess();
