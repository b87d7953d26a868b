/**
 * The compiled gazetteer under `node_modules/.cache/sitrep/`: made at install time (`prepare` runs
 * `build-gazetteer`), so that start-up opens one binary file instead of folding a million names. It is keyed by
 * the size and time of every source file and of the code that builds it; when it is missing, stale or
 * unwritable the gazetteer is built from the sources (slowly) and the file written for the next process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gazetteer } from './gazetteer.js';
import { cities500Path, citiesJsonPath, loadGazetteer, placesDataDir, type GazetteerFiles } from './load-gazetteer.js';

// Bump when the index format or the loading rules change, so old caches are not reused.
const FORMAT = 4;

/** The cache folder: `node_modules/.cache/sitrep` beside the package providing cities500. */
export function defaultCacheDir(cities500: string): string {
  let dir = dirname(cities500);
  while (dir !== dirname(dir) && !dir.endsWith('node_modules')) dir = dirname(dir);
  return join(dir.endsWith('node_modules') ? dir : dirname(cities500), '.cache', 'sitrep');
}

// The code that builds the index is part of the key too, so that a changed rule never meets an old cache.
// Only the .ts sources or only the compiled .js files count, whichever this module runs from.
const here = dirname(fileURLToPath(import.meta.url));
const BUILDERS = ['fold', 'gazetteer', 'load-gazetteer', 'translit', 'zip'].flatMap((n) => [`${n}.ts`, `${n}.js`]).map((f) => join(here, f)).filter((f) => existsSync(f));

// The npm packages' files by size and time (they change only by reinstalling); the project's own data and
// code by content, so that a git checkout that only touches them does not force a rebuild.
function stamp(cities500: string, dataDir: string, citiesJson: string | undefined): string {
  const parts = [`v${FORMAT}`];
  for (const f of [cities500, ...(citiesJson ? [citiesJson] : [])]) {
    const s = statSync(f);
    parts.push(`${s.size}:${Math.floor(s.mtimeMs)}`);
  }
  const hash = createHash('sha1');
  for (const f of [...BUILDERS, ...readdirSync(dataDir).sort().map((n) => join(dataDir, n))]) hash.update(readFileSync(f));
  parts.push(hash.digest('hex'));
  return parts.join('|');
}

/** Options for {@link loadCachedGazetteer}. */
export interface CacheOptions extends GazetteerFiles {
  /** Where to keep the cache; `false` disables it. */
  cacheDir?: string | false;
}

/** Where the compiled gazetteer for these sources lives (one file per build origin: sources run by tsx, or dist). */
export function compiledPath(options: CacheOptions = {}): string | undefined {
  if (options.cacheDir === false) return undefined;
  const cities500 = options.cities500 ?? cities500Path();
  const origin = here.split(/[\\/]/).includes('dist') ? 'dist' : 'src';
  return join(options.cacheDir ?? defaultCacheDir(cities500), `places-gazetteer-${origin}.bin`);
}

/** Loads the compiled gazetteer when it is fresh, else builds it from the sources and tries to write it. */
export function loadCachedGazetteer(options: CacheOptions = {}): Gazetteer {
  const cities500 = options.cities500 ?? cities500Path();
  const dataDir = options.dataDir ?? placesDataDir();
  const citiesJson = options.citiesJson === false ? undefined : options.citiesJson ?? citiesJsonPath();
  const files = { cities500, dataDir, citiesJson: citiesJson ?? (false as const) };
  const file = compiledPath(options);
  if (!file) return loadGazetteer(files);
  const want = stamp(cities500, dataDir, citiesJson);
  if (existsSync(file)) {
    try {
      // The file starts with the length of its stamp and the stamp, then the compiled gazetteer.
      const bytes = readFileSync(file);
      const n = bytes.readUInt32LE(0);
      if (bytes.toString('utf8', 4, 4 + n).trimEnd() === want) return Gazetteer.fromBinary(bytes.subarray(4 + n));
    } catch {
      // A damaged file is rebuilt below.
    }
  }
  const g = loadGazetteer(files);
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside and renamed, so that a parallel process never reads half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    const head = Buffer.alloc(4);
    const raw = Buffer.from(want, 'utf8');
    // Padded with spaces so that the compiled part starts 8-aligned in the file.
    const stampBytes = Buffer.concat([raw, Buffer.alloc((8 - ((4 + raw.length) % 8)) % 8, 32)]);
    head.writeUInt32LE(stampBytes.length, 0);
    const compiled = g.toBinary();
    writeFileSync(tmp, Buffer.concat([head, stampBytes, compiled]));
    renameSync(tmp, file);
    // The compiled form, so that this process runs on the same form as every later one.
    return Gazetteer.fromBinary(compiled);
  } catch {
    // Read-only installs work without the file, only slower to start.
  }
  return g;
}
