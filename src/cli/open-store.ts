/** Opening the store from a command: the `--db` flag and the environment, with a failure reported as one line. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RemoteDesk } from '../desk/index.js';
import { DEFAULT_DIR, folderHolder, MEMORY, openStore, type Store } from '../store/index.js';
import type { CommandIo } from './command.js';

/** The PGlite folder a command would open, or null when it uses PostgreSQL or memory. */
function pgliteFolder(dir: string | undefined, io: CommandIo): string | null {
  if (io.env.DATABASE_URL) return null;
  const chosen = dir || io.env.SITREP_DB || DEFAULT_DIR;
  return chosen === MEMORY ? null : resolve(io.cwd, chosen);
}

/**
 * Opens the configured store (DATABASE_URL, else `--db`, `$SITREP_DB` or ./.sitrep), or prints
 * `sitrep <command>: <why>` and returns null, so misconfiguration never shows a stack trace.
 */
export async function openStoreOrReport(command: string, dir: string | undefined, io: CommandIo, options: { mustExist?: boolean } = {}): Promise<Store | null> {
  // A read command on a mistyped folder must not create an empty database there and answer "nothing".
  const folder = pgliteFolder(dir, io);
  if (options.mustExist && folder && !existsSync(join(folder, 'PG_VERSION'))) {
    io.stderr.write(`sitrep ${command}: no sitrep store in ${folder}; run \`sitrep ingest PATH\` first, or give the right --db DIR (or DATABASE_URL)\n`);
    return null;
  }
  try {
    return await openStore({ dir, env: io.env, cwd: io.cwd });
  } catch (error) {
    io.stderr.write(`sitrep ${command}: ${(error as Error).message}\n`);
    return null;
  }
}

/** The store opened by this process, or the API of the `sitrep serve` that holds it; `code` when neither. */
export type StoreAccess = { readonly store: Store } | { readonly remote: RemoteDesk } | { readonly code: number };

/**
 * One store, many clients: like {@link openStoreOrReport}, but when a running `sitrep serve` holds the embedded
 * store (its lock file names its URL), the command works through the server's API instead. When another process
 * without an API holds it (a running `sitrep ingest`), says so and gives exit code 1.
 */
export async function openStoreOrServer(command: string, dir: string | undefined, io: CommandIo, options: { mustExist?: boolean } = {}): Promise<StoreAccess> {
  const folder = pgliteFolder(dir, io);
  const holder = folder ? folderHolder(folder) : null;
  if (holder?.url) {
    io.stderr.write(`sitrep ${command}: the store in ${folder} is held by \`sitrep serve\` (process ${holder.pid}); working through its API at ${holder.url}\n`);
    return { remote: new RemoteDesk(holder.url, io.env.SITREP_TOKEN || undefined) };
  }
  if (holder && holder.pid !== process.pid) {
    io.stderr.write(
      `sitrep ${command}: the store in ${folder} is in use by process ${holder.pid} (another sitrep command, e.g. \`sitrep ingest\`); ` +
        'wait for it to finish and run this again, or set DATABASE_URL to share a PostgreSQL server between processes\n',
    );
    return { code: 1 };
  }
  const store = await openStoreOrReport(command, dir, io, options);
  return store ? { store } : { code: 2 };
}
