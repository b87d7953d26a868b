/**
 * Store benchmark: ingest throughput (documents/s) into PGlite on disk and, when SITREP_TEST_DATABASE_URL or
 * DATABASE_URL is set, into PostgreSQL (in a scratch schema, dropped afterwards). Documents are extracted first,
 * outside the timing, so only the store is measured: a first pass that stores them and a second pass in which
 * every one is recognised as a duplicate. Run alone with `node --import tsx bench/store.ts`, or via `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createDoc, type Doc } from '../src/core/index.js';
import { createContext, runPipeline } from '../src/pipeline.js';
import { openPglite, openPostgres, Store, type Db } from '../src/store/index.js';
import { loadBenchCorpus } from './corpus.js';

const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);

/** Ingests the documents twice into a fresh store and prints documents/s for each pass. */
async function measure(name: string, db: Db, docs: Doc[]): Promise<void> {
  const store = new Store(db);
  await store.migrate();
  const t0 = performance.now();
  const first = await store.ingestDocuments(docs);
  const s1 = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const second = await store.ingestDocuments(docs);
  const s2 = (performance.now() - t1) / 1000;
  const tally = (rs: { status: string }[]) =>
    Object.entries(rs.reduce<Record<string, number>>((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {}))
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
  line(`${name} ingest documents/s`, (docs.length / s1).toFixed(1));
  line(`${name} first pass`, tally(first));
  line(`${name} re-ingest documents/s`, (docs.length / s2).toFixed(1));
  line(`${name} second pass`, tally(second));
}

/** Ingests the documents into a fresh store with `writers` concurrent writers (each its own connection). */
async function measureParallel(name: string, db: Db, docs: Doc[], writers: number): Promise<void> {
  const store = new Store(db);
  await store.migrate();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < docs.length) await store.ingestDocument(docs[next++]);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  line(`${name} ${writers} writers documents/s`, (docs.length / seconds).toFixed(1));
  line(`${name} ${writers} writers stored`, String(await store.countDocuments()));
}

/** Runs the store benchmark. */
export default async function storeBench(): Promise<void> {
  const corpus = loadBenchCorpus();
  const limit = Number(process.env.BENCH_STORE_LIMIT ?? corpus.length);
  const ctx = await createContext({});
  const docs = corpus.slice(0, limit).map((d) => runPipeline(createDoc({ id: d.id, input: d.text, format: 'text' }), ctx));
  const annotations = docs.reduce((n, d) => n + d.entities.length + d.claims.length + d.events.length, 0);
  line('store bench documents', String(docs.length));
  line('store bench entities+claims+events', String(annotations));

  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  try {
    const db = await openPglite(dir);
    try {
      await measure('PGlite (disk)', db, docs);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const url = process.env.SITREP_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    line('PostgreSQL', 'skipped (set SITREP_TEST_DATABASE_URL)');
    return;
  }
  const schema = `sitrep_bench_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    const db = await openPostgres(url, { schema });
    try {
      await measure('PostgreSQL', db, docs);
    } finally {
      await db.close();
    }
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    const writers = 4;
    const pool = await openPostgres(url, { schema, max: writers });
    try {
      await measureParallel('PostgreSQL', pool, docs, writers);
    } finally {
      await pool.close();
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await storeBench();
