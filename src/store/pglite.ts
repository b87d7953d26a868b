/**
 * The embedded backend: PGlite (Postgres compiled to WebAssembly) in the same process, its data in a folder
 * on disk (`./.sitrep` by default) or in memory for tests. No server to run; one process at a time per folder.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { alignedParsers, type Db, type Queryable, type Row } from './db.js';

/** The folder value that keeps the database in memory (nothing written to disk). */
export const MEMORY = 'memory://';

/** Wraps PGlite's query/exec (or a transaction's) in the {@link Queryable} shape. */
function queryable(pg: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await pg.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await pg.exec(sql);
    },
  };
}

/** Checks that the folder exists (creating it) and is writable, with a sentence saying how to fix it when not. */
function prepareFolder(dir: string): string {
  const path = resolve(dir);
  try {
    mkdirSync(path, { recursive: true });
    accessSync(path, constants.W_OK | constants.R_OK);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot use ${path} as the sitrep database folder (${why}); pass a writable folder with --db DIR or SITREP_DB, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  return path;
}

/**
 * Opens (creating when needed) a PGlite database in `dir`, or in memory when `dir` is {@link MEMORY} or omitted.
 * Throws with a sentence saying how to fix it when the folder cannot be used.
 */
export async function openPglite(dir: string = MEMORY): Promise<Db> {
  const memory = dir === MEMORY;
  const location = memory ? MEMORY : prepareFolder(dir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(memory ? undefined : location, { parsers: alignedParsers });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot open the sitrep database in ${location} (${why}); check that no other sitrep process uses it and that it holds a sitrep database, or pass another folder with --db DIR.`,
    );
  }
  const base = queryable(pg);
  return {
    kind: 'pglite',
    location,
    query: base.query,
    exec: base.exec,
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return pg.transaction((tx) => fn(queryable(tx)));
    },
    async close(): Promise<void> {
      if (!pg.closed) await pg.close();
    },
  };
}
