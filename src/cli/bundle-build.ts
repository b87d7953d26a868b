/**
 * Bundles `sitrep extract` into one script (`dist/cli/extract-bundle.cjs`) that the launcher runs with V8's code
 * cache (`fast-start.ts`): one file instead of about 190 ES modules to resolve and link, and, from the second run
 * on, no JavaScript parsed or compiled for what the first run compiled. Runs after `tsc` in `build` and
 * `prepare`: `node dist/cli/bundle-build.js`. Beside the bundle, `extract-bundle.json` lists every file it was
 * made from with its size and time (of a package, its package.json), so that a bundle older than its sources (a
 * `tsc` run alone) is never run.
 *
 * Bundled from `dist/` (the compiled modules, as `sitrep` runs them otherwise): `import.meta.url` becomes each
 * module's own file URL, computed from the bundle's place at run time, so files found beside a module (the tagger
 * model, the gazetteer's sources and cache) are the same. The other commands stay outside the bundle: the
 * launcher sends them to `dist/cli/main.js`.
 *
 * Last, one run of `sitrep extract` over an invented paragraph writes the code cache, so that it holds the
 * pipeline's functions (a first run over a large batch would compile them in worker threads, not here).
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, '..');
const root = resolve(dist, '..');
export const BUNDLE = join(dist, 'cli', 'extract-bundle.cjs');
export const MANIFEST = join(dist, 'cli', 'extract-bundle.json');

/** The bundle's helper turning a path relative to the bundle into a file URL (the bundle's own `require`). */
const META_URL = '__sitrepModuleUrl';
const BANNER = `var ${META_URL} = (rel) => require('node:url').pathToFileURL(require('node:path').join(__dirname, rel)).href;`;

/** `import.meta.url` of a compiled module → its file URL, found from the bundle's folder at run time. */
const metaUrl: Plugin = {
  name: 'import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist + '/') && !args.path.startsWith(dist + '\\')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const rel = relative(dirname(BUNDLE), args.path).split('\\').join('/');
      return { contents: source.replaceAll('import.meta.url', `${META_URL}(${JSON.stringify(rel)})`), loader: 'js' };
    });
  },
};

/** Commands other than `extract` are left to their own modules (the launcher never runs them from the bundle). */
const otherCommands: Plugin = {
  name: 'other-commands',
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) => {
      const fromIndex = args.importer === join(dist, 'cli', 'commands', 'index.js');
      return fromIndex && args.path !== './extract.js' ? { path: `./commands/${args.path.slice(2)}`, external: true } : undefined;
    });
  },
};

/** Builds the bundle and its manifest. */
export async function buildExtractBundle(): Promise<void> {
  const result = await build({
    entryPoints: [join(dist, 'cli', 'main.js')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: BUNDLE,
    banner: { js: BANNER },
    plugins: [metaUrl, otherCommands],
    metafile: true,
    absWorkingDir: root,
    logLevel: 'error',
  });
  const inputs: Record<string, [number, number]> = {};
  // A package's files change only when it is reinstalled, which rewrites its package.json: that one file stands
  // for all of them (hundreds of files fewer to check at each start).
  const files = new Set(Object.keys(result.metafile.inputs).map((input) => {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split('\\').join('/'));
    return resolve(root, m ? `${m[1]}/package.json` : input);
  }));
  for (const file of files) {
    const s = statSync(file);
    inputs[relative(dirname(BUNDLE), file).split('\\').join('/')] = [s.size, s.mtimeMs];
  }
  const b = statSync(BUNDLE);
  writeFileSync(MANIFEST, JSON.stringify({ bundle: [b.size, b.mtimeMs], inputs }));
  rmSync(join(dist, 'cli', 'extract-bundle.v8'), { force: true });
  const warm = spawnSync(process.execPath, [join(root, 'bin', 'sitrep.js'), 'extract'], { input: SAMPLE, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  if (warm.status !== 0) console.warn(`sitrep: the code cache was not written (extract exited ${warm.status}): ${warm.stderr.slice(0, 300)}`);
}

/** An invented report that runs every stage. */
const SAMPLE = `KYIV, March 3 (Reuters) - Russian forces shelled the town of Orikhiv overnight, killing two civilians, the regional
governor Ivan Petrenko said on Telegram on Tuesday. Ukraine's army said it had recaptured the village of Novodarivka.
Moscow denied the claim. "The enemy attacked our positions near Bakhmut," a spokesman for the Eastern Group said.
`;

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await buildExtractBundle();
