/** Starts `sitrep serve` in a child process (the TypeScript sources under tsx), as a user would from a shell. */
import { spawn } from 'node:child_process';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).href;

/** A running `sitrep serve`: its URL, what it printed so far, and how to stop it (SIGTERM; resolves to the exit code). */
export interface ServeChild {
  readonly url: string;
  output(): { out: string; err: string };
  stop(): Promise<number | null>;
}

/** Runs `sitrep serve --port 0 …args` with `env` added to this process's environment; resolves once it listens. */
export async function spawnServe(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ServeChild> {
  const script = `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(process.argv.slice(1));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = await new Promise<string>((resolveUrl, rejectUrl) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /serving (http:\/\/\S+?)\/? /.exec(out);
      if (m) resolveUrl(m[1]);
    });
    child.on('exit', () => rejectUrl(new Error(`serve exited early: ${out}${err}`)));
  });
  return {
    url,
    output: () => ({ out, err }),
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
