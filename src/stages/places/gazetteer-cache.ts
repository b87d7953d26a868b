/**
 * A disk cache of the built gazetteer under `node_modules/.cache/sitrep/`, so that start-up reads one
 * prepared file instead of folding a million names. The cache is keyed by the size and time of every
 * source file; when it is missing, stale or unwritable the gazetteer is built from the sources.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gazetteer, type GazetteerSnapshot } from './gazetteer.js';
import { cities500Path, loadGazetteer, placesDataDir, type GazetteerFiles } from './load-gazetteer.js';

// Bump when the index format or the loading rules change, so old caches are not reused.
const FORMAT = 3;

/** The cache folder: `node_modules/.cache/sitrep` beside the package providing cities500. */
export function defaultCacheDir(cities500: string): string {
  let dir = dirname(cities500);
  while (dir !== dirname(dir) && !dir.endsWith('node_modules')) dir = dirname(dir);
  return join(dir.endsWith('node_modules') ? dir : dirname(cities500), '.cache', 'sitrep');
}

// The code that builds the index is part of the key too, so that a changed rule never meets an old cache.
const here = dirname(fileURLToPath(import.meta.url));
const BUILDERS = ['fold', 'gazetteer', 'load-gazetteer'].flatMap((n) => [`${n}.ts`, `${n}.js`]).map((f) => join(here, f)).filter((f) => existsSync(f));

function stamp(cities500: string, dataDir: string): string {
  const parts = [`v${FORMAT}`];
  for (const f of [cities500, ...BUILDERS, ...readdirSync(dataDir).sort().map((n) => join(dataDir, n))]) {
    const s = statSync(f);
    parts.push(`${s.size}:${Math.floor(s.mtimeMs)}`);
  }
  return parts.join('|');
}

/** Options for {@link loadCachedGazetteer}. */
export interface CacheOptions extends GazetteerFiles {
  /** Where to keep the cache; `false` disables it. */
  cacheDir?: string | false;
}

/** Loads the gazetteer from the cache when it is fresh, else builds it and tries to write the cache. */
export function loadCachedGazetteer(options: CacheOptions = {}): Gazetteer {
  const cities500 = options.cities500 ?? cities500Path();
  const dataDir = options.dataDir ?? placesDataDir();
  if (options.cacheDir === false) return loadGazetteer({ cities500, dataDir });
  const dir = options.cacheDir ?? defaultCacheDir(cities500);
  const file = join(dir, 'places-gazetteer.json');
  const want = stamp(cities500, dataDir);
  if (existsSync(file)) {
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as { stamp: string; snapshot: GazetteerSnapshot };
      if (cached.stamp === want) return Gazetteer.fromSnapshot(cached.snapshot);
    } catch {
      // A damaged cache is rebuilt below.
    }
  }
  const g = loadGazetteer({ cities500, dataDir });
  try {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed, so that a parallel process never reads half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ stamp: want, snapshot: g.toSnapshot() }));
    renameSync(tmp, file);
  } catch {
    // Read-only installs work without the cache, only slower to start.
  }
  return g;
}
