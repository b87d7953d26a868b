/** The `sitrep` command line: dispatches to one command; prints help; turns user errors into one line. */
import { commands } from './commands/index.js';
import { UsageError, type CommandIo } from './command.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  return [
    'sitrep — a sourced situation picture from news articles about an armed conflict',
    '',
    'Usage: sitrep <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `sitrep <command> --help` for a command\'s options.',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CommandIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout.write('sitrep 0.1.0\n');
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`sitrep: unknown command "${name}"; run \`sitrep --help\` for the list\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.trimEnd() + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
        (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ||
        (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      io.stderr.write(`sitrep ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

/** The process's own streams and environment. */
export function defaultIo(): CommandIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
