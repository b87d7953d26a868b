/** Opening the store from a command: the `--db` flag and the environment, with a failure reported as one line. */
import { openStore, type Store } from '../store/index.js';
import type { CommandIo } from './command.js';

/**
 * Opens the configured store (DATABASE_URL, else `--db`, `$SITREP_DB` or ./.sitrep), or prints
 * `sitrep <command>: <why>` and returns null, so misconfiguration never shows a stack trace.
 */
export async function openStoreOrReport(command: string, dir: string | undefined, io: CommandIo): Promise<Store | null> {
  try {
    return await openStore({ dir, env: io.env, cwd: io.cwd });
  } catch (error) {
    io.stderr.write(`sitrep ${command}: ${(error as Error).message}\n`);
    return null;
  }
}
