/**
 * Where a place lies administratively — country (name, ISO codes, continent) and first-level division — read
 * from the gazetteer the places stage geocoded it with, so the report's front areas and the ACLED export's
 * `admin1` name the same oblast the desk would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntitySummary } from '../crossdoc/index.js';
import { foldName } from '../stages/places/fold.js';
import type { Gazetteer } from '../stages/places/index.js';
import { loadCachedGazetteer } from '../stages/places/gazetteer-cache.js';
import { placesDataDir } from '../stages/places/load-gazetteer.js';

/** A country as GeoNames' countryInfo.txt lists it. */
export interface CountryInfo {
  readonly iso2: string;
  readonly iso3: string;
  /** ISO 3166 numeric code (ACLED's `iso`). */
  readonly numeric: number;
  readonly name: string;
  /** GeoNames continent code: AF AS EU NA OC SA AN. */
  readonly continent: string;
}

/** The administrative position of a place. */
export interface AdminArea {
  readonly country: CountryInfo | null;
  /** First-level division (oblast, region, province) by its gazetteer name, or null when unknown. */
  readonly admin1: string | null;
  /** Second-level division, when the place is one (the gazetteer keeps no district membership for towns). */
  readonly admin2: string | null;
}

/** Finds the administrative area of a place entity. */
export type AdminLookup = (place: Pick<EntitySummary, 'name' | 'geonamesId' | 'country' | 'lat' | 'lon' | 'type'>) => AdminArea;

let countries: Map<string, CountryInfo> | null = null;

/** Countries by ISO alpha-2 code, read once from the places stage's countryInfo.txt. */
export function countryTable(): ReadonlyMap<string, CountryInfo> {
  if (countries) return countries;
  countries = new Map();
  for (const line of readFileSync(join(placesDataDir(), 'countryInfo.txt'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f.length < 9 || !/^[A-Z]{2}$/.test(f[0])) continue;
    countries.set(f[0], { iso2: f[0], iso3: f[1], numeric: Number(f[2]), name: f[4], continent: f[8] });
  }
  return countries;
}

/** A lookup that knows countries only (tests without a gazetteer, documents with no geocoded places). */
export function countryOnlyLookup(): AdminLookup {
  const table = countryTable();
  return (p) => ({ country: (p.country && table.get(p.country)) || null, admin1: null, admin2: null });
}

/**
 * A lookup over the gazetteer: the place is found again under its name (the candidate with its GeoNames id, else
 * the nearest within ~10 km), and its division's name read from the division's own record. Results are memoised
 * per place, so an export of 100,000 events makes one lookup per distinct place.
 */
export function gazetteerLookup(g: Gazetteer): AdminLookup {
  const table = countryTable();
  const memo = new Map<string, AdminArea>();
  return (p) => {
    const key = `${p.geonamesId ?? ''}|${p.name}|${p.lat}|${p.lon}`;
    const known = memo.get(key);
    if (known) return known;
    const candidates = g.lookup(foldName(p.name)).map((i) => g.place(i));
    let found = p.geonamesId ? candidates.find((c) => c.geonamesId === p.geonamesId) : undefined;
    if (!found && p.lat !== null && p.lon !== null) {
      let best = 0.1;
      for (const c of candidates) {
        const d = Math.hypot(c.lat - p.lat, (c.lon - p.lon) * Math.cos((p.lat * Math.PI) / 180));
        if (d < best) {
          best = d;
          found = c;
        }
      }
    }
    const cc = found?.country || p.country || '';
    const division = found?.admin1 ? g.admin1(found.admin1) : undefined;
    const area: AdminArea = {
      country: table.get(cc) ?? null,
      admin1: found?.type === 'admin1' ? found.name : division !== undefined ? g.place(division).name : null,
      admin2: found?.type === 'admin2' ? found.name : null,
    };
    memo.set(key, area);
    return area;
  };
}

let shared: AdminLookup | null = null;

/**
 * The lookup over the installed gazetteer (its compiled file, opened in a fraction of a second), made once per
 * process. Where the gazetteer cannot be opened the areas fall back to countries, and `onFallback` hears why.
 */
export function installedAdminLookup(onFallback: (why: string) => void = () => {}): AdminLookup {
  if (shared) return shared;
  try {
    shared = gazetteerLookup(loadCachedGazetteer());
  } catch (error) {
    onFallback(`the gazetteer could not be opened (${(error as Error).message}); areas are given by country only`);
    shared = countryOnlyLookup();
  }
  return shared;
}
