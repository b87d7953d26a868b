/**
 * Opens the store a user configured: a PostgreSQL server when a URL is given (or `DATABASE_URL` is set),
 * otherwise embedded PGlite in a folder (`dir`, `SITREP_DB`, or `./.sitrep`).
 */
import type { Db } from './db.js';
import { resolve } from 'node:path';
import { MEMORY, openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { Store } from './store.js';

/** The default folder of the embedded database, relative to the working directory. */
export const DEFAULT_DIR = './.sitrep';

/** Where the store lives. The first that is set wins: `url`, `env.DATABASE_URL`, `dir`, `env.SITREP_DB`, {@link DEFAULT_DIR}. */
export interface StoreOptions {
  /** PGlite folder, or `memory://` for an in-memory database. */
  dir?: string;
  /** PostgreSQL URL, `postgres://user:password@host:5432/dbname`. */
  url?: string;
  /** Folder a relative `dir` (and the default `./.sitrep`) is resolved against. Default: `process.cwd()`. */
  cwd?: string;
  /** Environment to read `DATABASE_URL` and `SITREP_DB` from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /** PostgreSQL only: work in this schema (created when missing), to isolate test runs. */
  schema?: string;
  /** Apply pending migrations on open. Default true. */
  migrate?: boolean;
}

/** Opens the configured database without migrating it (see {@link StoreOptions} for the order of choice). */
export async function openDb(options: StoreOptions = {}): Promise<Db> {
  const env = options.env ?? process.env;
  const url = options.url || env.DATABASE_URL;
  if (url) return openPostgres(url, { schema: options.schema });
  const dir = options.dir || env.SITREP_DB || DEFAULT_DIR;
  return openPglite(dir === MEMORY ? dir : resolve(options.cwd ?? process.cwd(), dir));
}

/**
 * Opens the configured store and brings its schema up to date. Throws an Error whose message says how to fix it
 * when the server cannot be reached or the folder cannot be written.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const db = await openDb(options);
  const store = new Store(db);
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await db.close().catch(() => {});
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Cannot prepare the sitrep schema in ${db.location} (${why}); check that the database user may create tables there.`,
      );
    }
  }
  return store;
}
