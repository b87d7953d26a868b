/**
 * The evaluation harness entry point: `npm run eval -- NAME…` runs `eval/NAME.ts` (its default export)
 * for each name, or every suite when none is given. Each suite prints one table.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();
// A word right after an option (`--half dev`) is that option's value unless it names a suite.
const argv = process.argv.slice(2);
const wanted = argv.filter(
  (a, i) => !a.startsWith('-') && (available.includes(a) || i === 0 || !argv[i - 1].startsWith('-') || argv[i - 1].includes('=')),
);
const names = wanted.length ? wanted : available;
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`eval: no suite "${name}"; available: ${available.join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  const suite = (await import(join(here, `${name}.ts`))) as { default: (args: string[]) => Promise<void> | void };
  console.log(`\n== ${name} ==`);
  await suite.default(process.argv.slice(2));
}
