/**
 * Builds the web UI into static files that `sitrep serve` delivers: the bundled script (esbuild), the page,
 * the styles, and the map data (world-atlas countries, Ukraine's oblasts rewound for d3-geo). Everything the
 * page needs is in the output folder, so it works offline.
 *
 * Run: `node --import tsx src/web/build.ts [OUT_DIR]` (default `web-dist`).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const compiledOrSource = dirname(fileURLToPath(import.meta.url));
/** The UI's sources: this folder under tsx, `src/web` when running compiled from `dist/web` (tsc copies no assets). */
const here = existsSync(join(compiledOrSource, 'main.ts')) ? compiledOrSource : resolve(compiledOrSource, '../../src/web');
const require = createRequire(import.meta.url);

/** The default output folder, at the project root. */
export const DEFAULT_WEB_DIR = resolve(here, '../../web-dist');

export { prepareBoundaries, rewindPolygon } from './map-geometry.js';
import { prepareBoundaries } from './map-geometry.js';

/** Builds the UI into `outDir`. Returns the folder. */
export async function buildWeb(outDir: string = DEFAULT_WEB_DIR): Promise<string> {
  const out = resolve(outDir);
  mkdirSync(join(out, 'data'), { recursive: true });
  await build({
    entryPoints: [join(here, 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    outfile: join(out, 'app.js'),
    logLevel: 'warning',
  });
  copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
  copyFileSync(join(here, 'styles.css'), join(out, 'styles.css'));
  copyFileSync(require.resolve('world-atlas/countries-110m.json'), join(out, 'data', 'countries-110m.json'));
  // One copy of the oblast shapes ships with the project, beside the gazetteer that also uses them.
  const oblasts = JSON.parse(readFileSync(join(here, '..', 'stages', 'places', 'data', 'ukraine-adm1.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
  writeFileSync(join(out, 'data', 'ukraine-adm1.json'), JSON.stringify(prepareBoundaries(oblasts)));
  copyFileSync(join(here, 'data', 'ATTRIBUTION.md'), join(out, 'data', 'ATTRIBUTION.md'));
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWeb(process.argv[2]).then(
    (out) => console.log(`web UI built into ${out}`),
    (error) => {
      console.error(`web build failed: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
