/**
 * A CLI command: a thin shell over the library. Commands parse their own flags with node's `parseArgs`
 * and return an exit code; user errors are printed as one line, never as a stack trace.
 */

/** Streams and environment a command runs with (injected so end-to-end tests can capture output). */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** One `sitrep <name>` command. */
export interface Command {
  readonly name: string;
  /** Full `--help` text. */
  readonly usage: string;
  run(args: string[], io: CommandIo): Promise<number>;
}

/** An error in what the user asked for: printed as one line, exit code 2. */
export class UsageError extends Error {}
