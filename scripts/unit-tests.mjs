// The files of `npm run test:unit`: every test/**/*.test.ts except those that start PGlite or a PostgreSQL store,
// the CLI, a server, worker threads, child processes or Chromium (decided by what the file imports, so a new
// test lands on the right side without a list to keep). `npm test` runs them all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SLOW = /from '[^']*(?:store\/index|run-cli|spawn-serve|playwright-core|pipeline-pool)\.js'|from 'node:child_process'|startServer|openStore/;

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const files = walk('test').filter((f) => f.endsWith('.test.ts') && !SLOW.test(readFileSync(f, 'utf8'))).sort();
process.stdout.write(files.join('\n') + '\n');
