/**
 * Compiles the gazetteer at install time (`npm run prepare` runs this from `dist/`): builds it from GeoNames'
 * files and writes the binary file that `sitrep` opens at start-up. Prints where it went and how long it took.
 */
import { compiledPath, loadCachedGazetteer } from './gazetteer-cache.js';

const t = performance.now();
const g = loadCachedGazetteer();
console.log(`places: gazetteer compiled, ${g.count} places, ${g.size} names, ${((performance.now() - t) / 1000).toFixed(1)} s → ${compiledPath()}`);
