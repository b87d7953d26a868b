/**
 * The compiled gazetteer under `node_modules/.cache/sitrep/`: made at install time (`prepare` runs
 * `build-gazetteer`), so that start-up opens one binary file instead of folding a million names. It is keyed by
 * the size and time of every source file and of the code that builds it; when it is missing, stale or
 * unwritable the gazetteer is built from the sources (slowly) and the file written for the next process.
 * The file is opened, not read: its bytes are read a page (4 KB) at a time as look-ups reach them (`FileChunks`).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gazetteer } from './gazetteer.js';
import { cities500Path, citiesJsonPath, loadGazetteer, placesDataDir, type GazetteerFiles } from './load-gazetteer.js';

// Bump when the index format or the loading rules change, so old caches are not reused.
const FORMAT = 5;

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
// code by content, so that a git checkout that only touches them does not force a rebuild. Each file's digest
// is remembered beside the compiled file with the size and time it had (`digests`): a file whose size and time
// are unchanged is not read again, so a start-up hashes nothing (3 MB of data otherwise).
function stamp(cities500: string, dataDir: string, citiesJson: string | undefined, digests?: string): string {
  const parts = [`v${FORMAT}`];
  for (const f of [cities500, ...(citiesJson ? [citiesJson] : [])]) {
    const s = statSync(f);
    parts.push(`${s.size}:${Math.floor(s.mtimeMs)}`);
  }
  let known: Record<string, [number, number, string]> = {};
  try {
    if (digests) known = JSON.parse(readFileSync(digests, 'utf8')) as typeof known;
  } catch {
    // No memo yet (or a damaged one): every file is hashed.
  }
  const now: typeof known = {};
  let changed = false;
  const hash = createHash('sha1');
  for (const f of [...BUILDERS, ...readdirSync(dataDir).sort().map((n) => join(dataDir, n))]) {
    const s = statSync(f);
    const k = known[f];
    if (k && k[0] === s.size && k[1] === s.mtimeMs) now[f] = k;
    else {
      now[f] = [s.size, s.mtimeMs, createHash('sha1').update(readFileSync(f)).digest('hex')];
      changed = true;
    }
    hash.update(now[f][2]);
  }
  if (digests && (changed || Object.keys(known).length !== Object.keys(now).length)) {
    try {
      mkdirSync(dirname(digests), { recursive: true });
      const tmp = `${digests}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(now));
      renameSync(tmp, digests);
    } catch {
      // A read-only install hashes its files at each start.
    }
  }
  parts.push(hash.digest('hex'));
  return parts.join('|');
}

/** Bytes of the compiled file read at a time: 4 KB, a page. */
const CHUNK_BITS = 12;
/** Chunks read one at a time before the rest of the file is read at once (8 MB; a short document reads ~2.8 MB). */
const WHOLE_AFTER = 2048;

/**
 * The compiled file, opened and read on demand: `bytes` is as large as the file but only the chunks asked for
 * (`read`) are filled, so the memory a process never reads is never touched (on these machines a page touched
 * for the first time costs tens of microseconds). The descriptor stays open while the gazetteer lives; a file
 * replaced meanwhile (written aside and renamed) is still read from the one opened.
 */
class FileChunks {
  readonly bytes: Buffer;
  private readonly loaded: Uint8Array;
  /** Chunks read one by one so far. */
  private count = 0;
  /** Every chunk has been read: look-ups no longer check. */
  private complete = false;
  /** Called once when every chunk has been read (the gazetteer then stops calling {@link read}). */
  onComplete: () => void = () => {};

  constructor(private readonly fd: number, private readonly wholeAfter = WHOLE_AFTER) {
    const size = fstatSync(fd).size;
    this.bytes = Buffer.allocUnsafeSlow(size);
    this.loaded = new Uint8Array((size >>> CHUNK_BITS) + 1);
  }

  /** Reads bytes [start, end) (offsets in {@link bytes}, which start at 0 of the file) unless already read. */
  readonly read = (start: number, end: number): void => {
    if (this.complete) return;
    const last = Math.min(end - 1, this.bytes.length - 1) >>> CHUNK_BITS;
    for (let c = start >>> CHUNK_BITS; c <= last; c++) {
      if (this.loaded[c]) continue;
      // A long run (a batch, a server) reaches much of the file: past what one short document reads (about 700
      // chunks), read the rest at once, so that the run pays no more reads and no more checks.
      if (++this.count > this.wholeAfter) {
        this.readAll();
        return;
      }
      this.readChunk(c);
    }
  };

  private readChunk(c: number): void {
    const from = c << CHUNK_BITS;
    const length = Math.min(1 << CHUNK_BITS, this.bytes.length - from);
    for (let got = 0; got < length;) {
      const n = readSync(this.fd, this.bytes, from + got, length - got, from + got);
      if (n === 0) throw new Error('places: the compiled gazetteer file was cut short while in use');
      got += n;
    }
    this.loaded[c] = 1;
  }

  private readAll(): void {
    const chunks = this.loaded.length;
    for (let c = 0; c < chunks; c++) {
      if (this.loaded[c] || c << CHUNK_BITS >= this.bytes.length) continue;
      // Runs of unread chunks in one read each.
      let e = c;
      while (e + 1 < chunks && !this.loaded[e + 1] && (e + 1) << CHUNK_BITS < this.bytes.length) e++;
      const from = c << CHUNK_BITS;
      const length = Math.min((e + 1) << CHUNK_BITS, this.bytes.length) - from;
      for (let got = 0; got < length;) {
        const n = readSync(this.fd, this.bytes, from + got, length - got, from + got);
        if (n === 0) throw new Error('places: the compiled gazetteer file was cut short while in use');
        got += n;
      }
      this.loaded.fill(1, c, e + 1);
      c = e;
    }
    this.complete = true;
    this.onComplete();
  }
}

/** Closes the file of a gazetteer opened from it once the gazetteer is collected. */
const openFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/**
 * The bytes of a compiled file: the length of the stamp, the stamp (padded with spaces so that the compiled part
 * starts 8-aligned), then the compiled gazetteer ({@link Gazetteer.toBinary}).
 */
export function compiledFileBytes(want: string, compiled: Buffer): Buffer {
  const head = Buffer.alloc(4);
  const raw = Buffer.from(want, 'utf8');
  const stampBytes = Buffer.concat([raw, Buffer.alloc((8 - ((4 + raw.length) % 8)) % 8, 32)]);
  head.writeUInt32LE(stampBytes.length, 0);
  return Buffer.concat([head, stampBytes, compiled]);
}

/** The gazetteer of a compiled file (see {@link compiledFileBytes}) when its stamp is `want`, else null.
 * `wholeAfter`: chunks read one at a time before the rest is read at once (tests make it small). */
export function openCompiled(file: string, want: string, wholeAfter = WHOLE_AFTER): Gazetteer | null {
  const fd = openSync(file, 'r');
  try {
    // The file starts with the length of its stamp and the stamp, then the compiled gazetteer.
    const chunks = new FileChunks(fd, wholeAfter);
    chunks.read(0, 4);
    const n = chunks.bytes.readUInt32LE(0);
    chunks.read(4, 4 + n);
    if (chunks.bytes.toString('utf8', 4, 4 + n).trimEnd() !== want) {
      closeSync(fd);
      return null;
    }
    const g = Gazetteer.fromBinary(chunks.bytes.subarray(4 + n), chunks.read);
    chunks.onComplete = () => g.allRead();
    openFiles.register(g, fd);
    return g;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
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
  const want = stamp(cities500, dataDir, citiesJson, file.replace(/\.bin$/, '.digests.json'));
  if (existsSync(file)) {
    try {
      const g = openCompiled(file, want);
      if (g) return g;
    } catch {
      // A damaged file is rebuilt below.
    }
  }
  const g = loadGazetteer(files);
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside and renamed, so that a parallel process never reads half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    const compiled = g.toBinary();
    writeFileSync(tmp, compiledFileBytes(want, compiled));
    renameSync(tmp, file);
    // The compiled form, so that this process runs on the same form as every later one.
    return Gazetteer.fromBinary(compiled);
  } catch {
    // Read-only installs work without the file, only slower to start.
  }
  return g;
}
