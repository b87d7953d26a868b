/**
 * The gazetteer: GeoNames places (continents, countries, first-level divisions, populated places) with an
 * index from folded names to candidates. Built once per process from the files it is given, or from
 * hand-made records in tests.
 */
import { foldName, looseKey } from './fold.js';

/** What kind of feature a gazetteer place is. */
export type PlaceType = 'continent' | 'country' | 'admin1' | 'city';

/** One place of the gazetteer. */
export interface GazetteerPlace {
  readonly geonamesId: number;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** ISO 3166 alpha-2, '' for continents. */
  readonly country: string;
  /** GeoNames admin1 key `CC.code` ('' when unknown or for countries). */
  readonly admin1: string;
  readonly population: number;
  readonly type: PlaceType;
  /** GeoNames feature code (`PPLC`, `PPLA`, `ADM1`, `PCLI`, `CONT`, …). */
  readonly featureCode: string;
}

/** A place with the names it may be called by, as given to {@link Gazetteer.build}. */
export interface PlaceRecord extends GazetteerPlace {
  readonly names: readonly string[];
}

// Candidates per key: a single index when unambiguous (most names), else an array, to keep memory low.
type Slot = number | number[];

function add(map: Map<string, Slot>, key: string, index: number): void {
  const slot = map.get(key);
  if (slot === undefined) map.set(key, index);
  else if (typeof slot === 'number') {
    if (slot !== index) map.set(key, [slot, index]);
  } else if (!slot.includes(index)) slot.push(index);
}

function get(map: Map<string, Slot>, key: string): readonly number[] {
  const slot = map.get(key);
  return slot === undefined ? [] : typeof slot === 'number' ? [slot] : slot;
}

/** The index over places: exact folded names, loose transliteration keys, and admin1/country by code. */
export class Gazetteer {
  readonly places: GazetteerPlace[] = [];
  private readonly exact = new Map<string, Slot>();
  private readonly loose = new Map<string, Slot>();
  /** Admin1 divisions by their base name without "Oblast", "Region", … (for "Donetsk region"). */
  private readonly adminBase = new Map<string, Slot>();
  private readonly byAdmin1 = new Map<string, number>();
  private readonly byCountry = new Map<string, number>();
  /** The longest indexed name in words, so that lookups try no longer runs than can match. */
  maxWords = 1;
  /** Countries whose names reach English by transliteration (their names are also loosely indexed). */
  transliterated: ReadonlySet<string> = new Set();

  /** Builds a gazetteer from records (tests pass a handful; the loader passes all of GeoNames). */
  static build(records: Iterable<PlaceRecord>): Gazetteer {
    const g = new Gazetteer();
    for (const r of records) g.addPlace(r, r.names, true);
    return g;
  }

  /** Adds one place under its names (`loose`: also under their transliteration keys); returns its index. */
  addPlace(place: GazetteerPlace, names: readonly string[], loose = false): number {
    const index = this.places.length;
    const { names: _omit, ...plain } = place as PlaceRecord;
    this.places.push(plain);
    for (const name of names) this.addName(index, name, loose);
    if (place.type === 'admin1' && place.admin1) {
      this.byAdmin1.set(place.admin1, index);
      for (const name of names) {
        const base = adminBaseName(foldName(name));
        if (base) add(this.adminBase, base, index);
      }
    }
    if (place.type === 'country') this.byCountry.set(place.country, index);
    return index;
  }

  /**
   * Indexes another name of a place already added; `loose` also indexes its transliteration key (the
   * loader does so only where names come through transliteration, to keep start-up fast).
   */
  addName(index: number, name: string, loose = false): void {
    this.addKey(index, foldName(name), loose);
  }

  /** Indexes an already folded key of a place. */
  addKey(index: number, key: string, loose = false): void {
    if (!key) return;
    add(this.exact, key, index);
    if (loose) add(this.loose, looseKey(key), index);
    let words = 1;
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) words++;
    if (words > this.maxWords) this.maxWords = Math.min(words, 6);
  }

  /** Candidates whose name folds to `key` exactly. */
  lookup(key: string): readonly number[] {
    return get(this.exact, key);
  }

  /** Candidates whose name matches `key` after transliteration loosening (Oriol → Oryol). */
  lookupLoose(key: string): readonly number[] {
    return get(this.loose, looseKey(key));
  }

  /** Admin1 divisions whose base name (without "Oblast", "Province", …) folds to `key`. */
  lookupAdminBase(key: string): readonly number[] {
    return get(this.adminBase, key);
  }

  /** The admin1 division with GeoNames key `CC.code`. */
  admin1(code: string): number | undefined {
    return this.byAdmin1.get(code);
  }

  /** The country with ISO code `cc`. */
  country(cc: string): number | undefined {
    return this.byCountry.get(cc);
  }

  /** The index in a plain form for the disk cache (see `gazetteer-cache.ts`). */
  toSnapshot(): GazetteerSnapshot {
    const pack = (map: Map<string, Slot>): PackedMap => {
      const keys: string[] = [];
      const counts: number[] = [];
      const items: number[] = [];
      for (const [k, slot] of map) {
        keys.push(k);
        if (typeof slot === 'number') {
          counts.push(1);
          items.push(slot);
        } else {
          counts.push(slot.length);
          for (const x of slot) items.push(x);
        }
      }
      return { keys: keys.join('\n'), counts, items };
    };
    const col = <K extends keyof GazetteerPlace>(k: K): GazetteerPlace[K][] => this.places.map((p) => p[k]);
    return {
      maxWords: this.maxWords,
      places: {
        geonamesId: col('geonamesId'), name: col('name').join('\n'), lat: col('lat'), lon: col('lon'),
        country: col('country').join('\n'), admin1: col('admin1').join('\n'), population: col('population'),
        type: col('type').join('\n'), featureCode: col('featureCode').join('\n'),
      },
      exact: pack(this.exact), loose: pack(this.loose), adminBase: pack(this.adminBase),
      transliterated: [...this.transliterated],
    };
  }

  /** Rebuilds a gazetteer from {@link Gazetteer.toSnapshot}'s output. */
  static fromSnapshot(snap: GazetteerSnapshot): Gazetteer {
    const g = new Gazetteer();
    const c = snap.places;
    const name = c.name.split('\n');
    const country = c.country.split('\n');
    const admin1 = c.admin1.split('\n');
    const type = c.type.split('\n') as PlaceType[];
    const featureCode = c.featureCode.split('\n');
    for (let i = 0; i < c.geonamesId.length; i++) {
      const p: GazetteerPlace = {
        geonamesId: c.geonamesId[i], name: name[i], lat: c.lat[i], lon: c.lon[i], country: country[i], admin1: admin1[i],
        population: c.population[i], type: type[i], featureCode: featureCode[i],
      };
      g.places.push(p);
      if (p.type === 'admin1' && p.admin1) g.byAdmin1.set(p.admin1, i);
      if (p.type === 'country') g.byCountry.set(p.country, i);
    }
    const unpack = (packed: PackedMap, map: Map<string, Slot>): void => {
      const keys = packed.keys ? packed.keys.split('\n') : [];
      let at = 0;
      for (let i = 0; i < keys.length; i++) {
        const n = packed.counts[i];
        map.set(keys[i], n === 1 ? packed.items[at] : packed.items.slice(at, at + n));
        at += n;
      }
    };
    unpack(snap.exact, g.exact);
    unpack(snap.loose, g.loose);
    unpack(snap.adminBase, g.adminBase);
    g.maxWords = snap.maxWords;
    g.transliterated = new Set(snap.transliterated ?? []);
    return g;
  }

  /** Number of distinct exact keys (for the bench). */
  get size(): number {
    return this.exact.size;
  }
}

/** A map from keys to candidate lists, packed for JSON. */
export interface PackedMap {
  /** Keys joined by newlines. */
  keys: string;
  /** Number of candidates per key. */
  counts: number[];
  /** The candidates, key after key. */
  items: number[];
}

/** The gazetteer as plain data: places by column, string columns joined by newlines. */
export interface GazetteerSnapshot {
  maxWords: number;
  places: {
    geonamesId: number[];
    name: string;
    lat: number[];
    lon: number[];
    country: string;
    admin1: string;
    population: number[];
    type: string;
    featureCode: string;
  };
  exact: PackedMap;
  loose: PackedMap;
  adminBase: PackedMap;
  transliterated?: string[];
}

// Words that name the kind of a first-level division rather than the division itself.
const ADMIN_WORDS = new Set([
  'oblast', 'oblast\u2019', 'region', 'province', 'krai', 'kray', 'republic', 'governorate', 'state', 'county',
  'prefecture', 'voivodeship', 'district', 'autonomous', 'okrug', 'of', 'the', 'territory', 'city',
]);

/** The base of a folded admin1 name: "belgorod oblast" → "belgorod", "republic of crimea" → "crimea". */
export function adminBaseName(folded: string): string {
  return folded
    .split(' ')
    .filter((w) => !ADMIN_WORDS.has(w))
    .join(' ');
}
