/** Runs the CLI in-process with captured streams, for end-to-end tests without a build step. */
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `sitrep ...args` with `stdin` text and extra environment. */
export async function runCli(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  const stdin = Readable.from(options.stdin !== undefined ? [Buffer.from(options.stdin)] : []);
  const env = { ...process.env, DATABASE_URL: '', ...options.env };
  const code = await main(args, { stdout, stderr, stdin, env, cwd: options.cwd ?? process.cwd() });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
