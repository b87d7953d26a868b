/** Opening the store from a command: the `--db` flag and the environment, with a failure reported as one line. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_DIR, openStore, type Store } from '../store/index.js';
import type { CommandIo } from './command.js';

/**
 * Opens the configured store (DATABASE_URL, else `--db`, `$SITREP_DB` or ./.sitrep), or prints
 * `sitrep <command>: <why>` and returns null, so misconfiguration never shows a stack trace.
 */
export async function openStoreOrReport(command: string, dir: string | undefined, io: CommandIo, options: { mustExist?: boolean } = {}): Promise<Store | null> {
  // A read command on a mistyped folder must not create an empty database there and answer "nothing".
  if (options.mustExist && !io.env.DATABASE_URL && (dir || io.env.SITREP_DB) !== 'memory://') {
    const folder = resolve(io.cwd, dir || io.env.SITREP_DB || DEFAULT_DIR);
    if (!existsSync(join(folder, 'PG_VERSION'))) {
      io.stderr.write(`sitrep ${command}: no sitrep store in ${folder}; run \`sitrep ingest PATH\` first, or give the right --db DIR (or DATABASE_URL)\n`);
      return null;
    }
  }
  try {
    return await openStore({ dir, env: io.env, cwd: io.cwd });
  } catch (error) {
    io.stderr.write(`sitrep ${command}: ${(error as Error).message}\n`);
    return null;
  }
}
