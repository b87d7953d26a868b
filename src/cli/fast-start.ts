/**
 * How the launcher starts `sitrep extract` fast: the bundle made by `bundle-build.ts`, compiled from V8's code
 * cache when one was written by an earlier run. Imports only Node's own modules. Returns null (the launcher then
 * imports `dist/cli/main.js` as for every other command) when there is no bundle, or when any file it was made
 * from changed since (a `tsc` run without the bundle step): a stale bundle is never run.
 *
 * The code cache (`extract-bundle.v8` beside the bundle) is written after a run that compiled it anew: the first
 * run after a build, a new Node version, or a cache V8 refused. It holds the bytecode of every function that run
 * compiled, keyed by the bundle's size and time and Node's version (V8 checks its own version and flags too).
 * Where the folder is read-only the bundle runs without it.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const BUNDLE = join(here, 'extract-bundle.cjs');
const MANIFEST = join(here, 'extract-bundle.json');
const CACHE = join(here, 'extract-bundle.v8');

/** The bundled CLI: its `main`, and `done()` to call after a run (writes the code cache when it was missing). */
export interface BundledCli {
  main(argv: string[]): Promise<number>;
  done(): void;
}

/** Whether the bundle and every file it was made from still have the size and time the manifest recorded. */
function fresh(): boolean {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { bundle: [number, number]; inputs: Record<string, [number, number]> };
    const same = (file: string, [size, time]: [number, number]) => {
      const s = statSync(file);
      return s.size === size && s.mtimeMs === time;
    };
    if (!same(BUNDLE, manifest.bundle)) return false;
    for (const [file, stamp] of Object.entries(manifest.inputs)) if (!same(resolve(here, file), stamp)) return false;
    return true;
  } catch {
    return false;
  }
}

/** The bundled CLI, or null when there is none or it is stale. */
export function loadBundledCli(): BundledCli | null {
  if (!fresh()) return null;
  const b = statSync(BUNDLE);
  const key = Buffer.from(`${process.version}|${process.arch}|${b.size}|${b.mtimeMs}`);
  let cachedData: Buffer | undefined;
  try {
    const file = readFileSync(CACHE);
    const n = file.readUInt32LE(0);
    if (file.subarray(4, 4 + n).equals(key)) cachedData = file.subarray(4 + n);
  } catch {
    // No cache yet: this run writes it.
  }
  const script = new vm.Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), {
    filename: BUNDLE,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as { main(argv: string[]): Promise<number> } };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, here);
  return {
    main: (argv) => module.exports.main(argv),
    done() {
      if (cachedData && !script.cachedDataRejected) return;
      try {
        const head = Buffer.alloc(4);
        head.writeUInt32LE(key.length, 0);
        const tmp = `${CACHE}.${process.pid}.tmp`;
        writeFileSync(tmp, Buffer.concat([head, key, script.createCachedData()]));
        renameSync(tmp, CACHE);
      } catch {
        // A read-only install runs without the cache.
      }
    },
  };
}
