/**
 * The embedded backend: PGlite (Postgres compiled to WebAssembly) in the same process, its data in a folder
 * on disk (`./.sitrep` by default) or in memory for tests. No server to run; one process at a time per folder,
 * enforced by a lock file.
 */
import { accessSync, closeSync, constants, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
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

/** The lock file that keeps a second process (or a second PGlite in this one) out of an open folder. */
const LOCK_FILE = '.sitrep-lock';

/** Folders this process has open, since a process id in a lock file cannot tell two opens in one process apart. */
const openHere = new Set<string>();

/** A one-line description of whatever was thrown (PGlite can throw plain objects). */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return inspect(error, { breakLength: Infinity, depth: 2 });
}

/** True when a process with this id runs (on this machine). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds a PGlite folder: the process id, and the URL of its API when the holder is `sitrep serve`. */
export interface FolderHolder {
  readonly pid: number;
  /** `http://host:port` of the server holding the store, when it announced one ({@link announceServer}). */
  readonly url: string | null;
}

/**
 * The live process holding the PGlite folder `dir`, or null when none does (no lock, or a lock left by a process
 * that no longer runs). A client that finds a server here can work through its API instead of the folder.
 */
export function folderHolder(dir: string): FolderHolder | null {
  let text: string;
  try {
    text = readFileSync(join(resolve(dir), LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  const [pidLine, urlLine] = text.split('\n');
  const pid = Number.parseInt(pidLine, 10);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  const url = urlLine?.trim() && /^https?:\/\/\S+$/.test(urlLine.trim()) ? urlLine.trim() : null;
  return { pid, url };
}

/**
 * Records in the lock of a folder this process holds the URL its API answers on, so that other commands on the
 * same store (`sitrep docs`, `ingest` …) find the server and work through it. No effect on a folder not held here.
 */
export function announceServer(location: string, url: string): void {
  const path = resolve(location);
  if (!openHere.has(path)) return;
  writeFileSync(join(path, LOCK_FILE), `${process.pid}\n${url}\n`);
}

/**
 * Takes the folder's lock, or throws saying who holds it. Two Postgres instances on one data folder corrupt it,
 * and PGlite does not guard against that itself. A lock left by a killed process (its id no longer runs) is taken over.
 */
function lockFolder(path: string): () => void {
  const file = join(path, LOCK_FILE);
  const inUse = (holder: string) =>
    new Error(
      `The sitrep database in ${path} is in use by ${holder}; wait for it to finish, or set DATABASE_URL to share a PostgreSQL server between several processes.`,
    );
  if (openHere.has(path)) throw inUse('this process already');
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw inUse(`process ${pid}`);
      unlinkSync(file);
    }
  }
  openHere.add(path);
  return () => {
    openHere.delete(path);
    try {
      unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
}

/**
 * Checks that the folder exists (creating it) and is writable, and that it is empty or holds a database: PGlite
 * would otherwise scatter a Postgres data folder among a user's files (`--db ~/Documents` by mistake).
 */
function prepareFolder(dir: string): string {
  const path = resolve(dir);
  let entries: string[];
  try {
    mkdirSync(path, { recursive: true });
    accessSync(path, constants.W_OK | constants.R_OK);
    entries = readdirSync(path);
  } catch (error) {
    throw new Error(
      `Cannot use ${path} as the sitrep database folder (${describe(error)}); pass a writable folder with --db DIR or SITREP_DB, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  if (!entries.includes('PG_VERSION') && entries.some((name) => name !== LOCK_FILE)) {
    throw new Error(
      `${path} is not empty and holds no sitrep database; pass a new or empty folder with --db DIR or SITREP_DB.`,
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
  const unlock = memory ? () => {} : lockFolder(location);
  let pg: PGlite;
  try {
    pg = await PGlite.create(memory ? undefined : location, { parsers: alignedParsers });
  } catch (error) {
    unlock();
    const why = describe(error);
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
      try {
        if (!pg.closed) await pg.close();
      } finally {
        unlock();
      }
    },
  };
}
