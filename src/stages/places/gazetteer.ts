/**
 * The gazetteer: GeoNames places (continents, countries, divisions, populated places, regions) with an index
 * from folded names to candidates. Built from records (the loader, tests), or opened from its compiled binary
 * form (`toBinary`/`fromBinary`): typed columns and one string table, with place objects made only when asked.
 * Opened from its file, the bytes are read only as look-ups reach them (`ReadBytes`): one short document reads
 * under 3 MB of the 46 MB file, and pays no page faults for the rest.
 */
import { foldName, looseKey } from './fold.js';

/** What kind of feature a gazetteer place is. */
export type PlaceType = 'continent' | 'country' | 'admin1' | 'admin2' | 'city' | 'region';

/** One place of the gazetteer. */
export interface GazetteerPlace {
  /** GeoNames id; 0 for places from a source without ids (their entity id is made from name and point). */
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
  /** GeoNames feature code (`PPLC`, `PPLA`, `ADM1`, `PCLI`, `CONT`, `SEA`, …). */
  readonly featureCode: string;
}

/** A place with the names it may be called by, as given to {@link Gazetteer.build}. */
export interface PlaceRecord extends GazetteerPlace {
  readonly names: readonly string[];
}

/** Candidates of a key. */
interface KeyIndex {
  get(key: string): readonly number[];
  readonly size: number;
}

// Candidates per key: a single index when unambiguous (most names), else an array, to keep memory low.
type Slot = number | number[];

class MapIndex implements KeyIndex {
  readonly map = new Map<string, Slot>();
  add(key: string, index: number): void {
    const slot = this.map.get(key);
    if (slot === undefined) this.map.set(key, index);
    else if (typeof slot === 'number') {
      if (slot !== index) this.map.set(key, [slot, index]);
    } else if (!slot.includes(index)) slot.push(index);
  }
  get(key: string): readonly number[] {
    const slot = this.map.get(key);
    return slot === undefined ? [] : typeof slot === 'number' ? [slot] : slot;
  }
  get size(): number {
    return this.map.size;
  }
}

/**
 * Makes sure bytes [start, end) of the ArrayBuffer behind a compiled gazetteer have been read (offsets in that
 * buffer). A gazetteer opened from a file in memory has none: everything is there.
 */
export type ReadBytes = (start: number, end: number) => void;

/** Reads elements [from, to) of a typed view through `read`. */
function want(read: ReadBytes, view: { byteOffset: number; BYTES_PER_ELEMENT: number }, from: number, to = from + 1): void {
  read(view.byteOffset + from * view.BYTES_PER_ELEMENT, view.byteOffset + to * view.BYTES_PER_ELEMENT);
}

/** FNV-1a over the bytes of a UTF-8 encoded key. */
function hashBytes(b: Uint8Array, from = 0, to = b.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h >>> 0;
}

/**
 * An open-addressing hash table over keys kept as UTF-8 in one byte table: nothing is decoded or built at
 * load; a lookup encodes its key once and compares bytes.
 */
class PackedIndex implements KeyIndex {
  constructor(
    private readonly strings: Buffer,
    private readonly slots: Int32Array,
    private readonly keyOff: Uint32Array,
    private readonly keyLen: Uint16Array,
    private readonly candStart: Uint32Array,
    private readonly cands: Int32Array,
    /** Cleared once every byte has been read ({@link Gazetteer.allRead}): look-ups then check nothing. */
    public read?: ReadBytes,
  ) {}
  get(key: string): readonly number[] {
    // Most keys are ASCII, whose UTF-8 bytes are their char codes: hashed and compared without encoding.
    let ascii = true;
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c > 127) {
        ascii = false;
        break;
      }
      h = Math.imul(h ^ c, 0x01000193);
    }
    const bytes = ascii ? undefined : Buffer.from(key, 'utf8');
    const length = bytes ? bytes.length : key.length;
    const mask = this.slots.length - 1;
    const read = this.read;
    for (let s = (bytes ? hashBytes(bytes) : h >>> 0) & mask; ; s = (s + 1) & mask) {
      if (read) want(read, this.slots, s);
      const k = this.slots[s] - 1;
      if (k < 0) return [];
      if (read) want(read, this.keyLen, k);
      if (this.keyLen[k] !== length) continue;
      if (read) want(read, this.keyOff, k);
      const off = this.keyOff[k];
      if (read) want(read, this.strings, off, off + length);
      let same = true;
      if (bytes) same = this.strings.compare(bytes, 0, length, off, off + length) === 0;
      else for (let i = 0; i < length && same; i++) same = this.strings[off + i] === key.charCodeAt(i);
      if (same) {
        if (read) want(read, this.candStart, k, k + 2);
        if (read) want(read, this.cands, this.candStart[k], this.candStart[k + 1]);
        const out: number[] = [];
        for (let i = this.candStart[k]; i < this.candStart[k + 1]; i++) out.push(this.cands[i]);
        return out;
      }
    }
  }
  get size(): number {
    return this.keyLen.length;
  }
}

const TYPES: readonly PlaceType[] = ['continent', 'country', 'admin1', 'admin2', 'city', 'region'];

/** The columns of the places when opened from the binary form. */
interface Columns {
  strings: Buffer;
  geonamesId: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  population: Float64Array;
  type: Uint8Array;
  featureCode: Uint16Array;
  country: Uint16Array;
  admin1: Uint16Array;
  nameOff: Uint32Array;
  nameLen: Uint16Array;
  tables: { featureCode: string[]; country: string[]; admin1: string[] };
}

/** The index over places: exact folded names, loose transliteration keys, and admin1/country by code. */
export class Gazetteer {
  private readonly records: (GazetteerPlace | undefined)[] = [];
  private columns?: Columns;
  /** Reads the columns' bytes on demand (a gazetteer opened from its file). */
  private read?: ReadBytes;
  private exact: KeyIndex = new MapIndex();
  private loose: KeyIndex = new MapIndex();
  /** Admin1 divisions by their base name without "Oblast", "Region", … (for "Donetsk region"). */
  private adminBase = new MapIndex();
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

  /** Number of places. */
  get count(): number {
    return this.columns ? this.columns.geonamesId.length : this.records.length;
  }

  /** The place at `index` (made on first use when the gazetteer was opened from its binary form). */
  place(index: number): GazetteerPlace {
    const p = this.records[index];
    if (p) return p;
    const c = this.columns!;
    const read = this.read;
    if (read) {
      for (const v of [c.geonamesId, c.nameOff, c.nameLen, c.lat, c.lon, c.country, c.admin1, c.population, c.type, c.featureCode]) want(read, v, index);
      want(read, c.strings, c.nameOff[index], c.nameOff[index] + c.nameLen[index]);
    }
    const made: GazetteerPlace = {
      geonamesId: c.geonamesId[index],
      name: c.strings.toString('utf8', c.nameOff[index], c.nameOff[index] + c.nameLen[index]),
      lat: c.lat[index],
      lon: c.lon[index],
      country: c.tables.country[c.country[index]],
      admin1: c.tables.admin1[c.admin1[index]],
      population: c.population[index],
      type: TYPES[c.type[index]],
      featureCode: c.tables.featureCode[c.featureCode[index]],
    };
    this.records[index] = made;
    return made;
  }

  /**
   * Every byte of a gazetteer opened from its file has been read (`ReadBytes` filled the rest at once): look-ups and
   * places stop calling it.
   */
  allRead(): void {
    this.read = undefined;
    if (this.exact instanceof PackedIndex) this.exact.read = undefined;
    if (this.loose instanceof PackedIndex) this.loose.read = undefined;
  }

  /** The type of the place at `index`, without making the place. */
  typeOf(index: number): PlaceType {
    if (!this.columns || this.records[index]) return this.place(index).type;
    if (this.read) want(this.read, this.columns.type, index);
    return TYPES[this.columns.type[index]];
  }

  private building(): { exact: MapIndex; loose: MapIndex } {
    if (!(this.exact instanceof MapIndex) || !(this.loose instanceof MapIndex)) throw new Error('places: a compiled gazetteer cannot be extended');
    return { exact: this.exact, loose: this.loose };
  }

  /** Adds one place under its names (`loose`: also under their transliteration keys); returns its index. */
  addPlace(place: GazetteerPlace, names: readonly string[], loose = false): number {
    this.building();
    const index = this.records.length;
    const { names: _omit, ...plain } = place as PlaceRecord;
    this.records.push(plain);
    for (const name of names) this.addName(index, name, loose);
    if (place.type === 'admin1' && place.admin1) {
      this.byAdmin1.set(place.admin1, index);
      for (const name of names) {
        const base = adminBaseName(foldName(name));
        if (base) this.adminBase.add(base, index);
      }
    }
    if (place.type === 'country') this.byCountry.set(place.country, index);
    return index;
  }

  /**
   * Indexes another name of a place already added; `loose` also indexes its transliteration key (the
   * loader does so only where names come through transliteration).
   */
  addName(index: number, name: string, loose = false): void {
    this.addKey(index, foldName(name), loose);
  }

  /** Indexes an already folded key of a place. */
  addKey(index: number, key: string, loose = false): void {
    if (!key) return;
    const b = this.building();
    b.exact.add(key, index);
    if (loose) b.loose.add(looseKey(key), index);
    let words = 1;
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) words++;
    if (words > this.maxWords) this.maxWords = Math.min(words, 6);
  }

  /** Candidates whose name folds to `key` exactly. */
  lookup(key: string): readonly number[] {
    return this.exact.get(key);
  }

  /** Candidates whose name matches `key` after transliteration loosening (Oriol → Oryol). */
  lookupLoose(key: string): readonly number[] {
    return this.loose.get(looseKey(key));
  }

  /** Admin1 divisions whose base name (without "Oblast", "Province", …) folds to `key`. */
  lookupAdminBase(key: string): readonly number[] {
    return this.adminBase.get(key);
  }

  /** The admin1 division with GeoNames key `CC.code`. */
  admin1(code: string): number | undefined {
    return this.byAdmin1.get(code);
  }

  /** The country with ISO code `cc`. */
  country(cc: string): number | undefined {
    return this.byCountry.get(cc);
  }

  /** Number of distinct exact keys (for the bench). */
  get size(): number {
    return this.exact.size;
  }

  /**
   * The compiled form: a small JSON header and 8-byte-aligned typed sections, one of them the UTF-8 string
   * table holding every place name and every key.
   */
  toBinary(): Buffer {
    const exact = this.exact instanceof MapIndex ? this.exact : undefined;
    const loose = this.loose instanceof MapIndex ? this.loose : undefined;
    if (!exact || !loose) throw new Error('places: only a built gazetteer can be compiled');
    const parts: Buffer[] = [];
    let length = 0;
    const put = (s: string): Buffer => {
      const b = Buffer.from(s, 'utf8');
      parts.push(b);
      length += b.length;
      return b;
    };
    const n = this.records.length;
    const tables = { featureCode: [] as string[], country: [] as string[], admin1: [] as string[] };
    const codes = { featureCode: new Map<string, number>(), country: new Map<string, number>(), admin1: new Map<string, number>() };
    const code = (t: keyof typeof tables, v: string): number => {
      let i = codes[t].get(v);
      if (i === undefined) {
        i = tables[t].length;
        tables[t].push(v);
        codes[t].set(v, i);
      }
      return i;
    };
    const col = {
      geonamesId: new Int32Array(n), lat: new Float64Array(n), lon: new Float64Array(n), population: new Float64Array(n),
      type: new Uint8Array(n), featureCode: new Uint16Array(n), country: new Uint16Array(n), admin1: new Uint16Array(n),
      nameOff: new Uint32Array(n), nameLen: new Uint16Array(n),
    };
    for (let i = 0; i < n; i++) {
      const p = this.records[i]!;
      col.geonamesId[i] = p.geonamesId;
      col.lat[i] = p.lat;
      col.lon[i] = p.lon;
      col.population[i] = p.population;
      col.type[i] = TYPES.indexOf(p.type);
      col.featureCode[i] = code('featureCode', p.featureCode);
      col.country[i] = code('country', p.country);
      col.admin1[i] = code('admin1', p.admin1);
      col.nameOff[i] = length;
      col.nameLen[i] = put(p.name).length;
    }
    const packIndex = (index: MapIndex) => {
      const k = index.map.size;
      let cap = 1;
      while (cap < k * 2) cap <<= 1;
      const slots = new Int32Array(cap);
      const keyOff = new Uint32Array(k);
      const keyLen = new Uint16Array(k);
      const candStart = new Uint32Array(k + 1);
      const all: number[] = [];
      let i = 0;
      for (const [key, slot] of index.map) {
        keyOff[i] = length;
        const b = put(key);
        keyLen[i] = b.length;
        candStart[i] = all.length;
        if (typeof slot === 'number') all.push(slot);
        else all.push(...slot);
        let s = hashBytes(b) & (cap - 1);
        while (slots[s] !== 0) s = (s + 1) & (cap - 1);
        slots[s] = i + 1;
        i++;
      }
      candStart[k] = all.length;
      return { slots, keyOff, keyLen, candStart, cands: Int32Array.from(all) };
    };
    const ex = packIndex(exact);
    const lo = packIndex(loose);
    const sections: [string, ArrayBufferView][] = [
      ...Object.entries(col),
      ...Object.entries(ex).map(([k, v]) => [`exact.${k}`, v] as [string, ArrayBufferView]),
      ...Object.entries(lo).map(([k, v]) => [`loose.${k}`, v] as [string, ArrayBufferView]),
      ['strings', Buffer.concat(parts)],
    ];
    const adminBase: Record<string, number[]> = {};
    for (const [k, slot] of this.adminBase.map) adminBase[k] = typeof slot === 'number' ? [slot] : slot;
    // The admin1 divisions and countries by code, in place order (the later of two places with one code wins):
    // opening the file needs no pass over the columns.
    const byCode: { admin1: [string, number][]; country: [string, number][] } = { admin1: [], country: [] };
    for (let i = 0; i < n; i++) {
      const p = this.records[i]!;
      if (p.type === 'admin1' && p.admin1) byCode.admin1.push([p.admin1, i]);
      else if (p.type === 'country') byCode.country.push([p.country, i]);
    }
    const layout: Record<string, [number, number]> = {};
    let offset = 0;
    for (const [name, view] of sections) {
      layout[name] = [offset, view.byteLength];
      offset += Math.ceil(view.byteLength / 8) * 8;
    }
    const header = Buffer.from(JSON.stringify({
      maxWords: this.maxWords, transliterated: [...this.transliterated], tables, adminBase, byCode, layout,
    }), 'utf8');
    const headerBytes = Math.ceil((header.length + 8) / 8) * 8;
    const out = Buffer.alloc(headerBytes + offset);
    out.write('SRGZ', 0, 'latin1');
    out.writeUInt32LE(header.length, 4);
    header.copy(out, 8);
    for (const [name, view] of sections) {
      Buffer.from(view.buffer, view.byteOffset, view.byteLength).copy(out, headerBytes + layout[name][0]);
    }
    return out;
  }

  /**
   * Opens the compiled form made by {@link toBinary}; nothing per place or per key is built. With `read`, `bytes`
   * is filled on demand (see {@link ReadBytes}; `bytes` must then sit 8-aligned in its buffer): only the header
   * is read here, the rest as look-ups and places reach it.
   */
  static fromBinary(bytes: Buffer, read?: ReadBytes): Gazetteer {
    read?.(bytes.byteOffset, bytes.byteOffset + Math.min(bytes.length, 8));
    if (bytes.toString('latin1', 0, 4) !== 'SRGZ') throw new Error('places: not a compiled gazetteer');
    const headerLength = bytes.readUInt32LE(4);
    read?.(bytes.byteOffset, bytes.byteOffset + Math.min(bytes.length, 8 + headerLength));
    const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as {
      maxWords: number; transliterated: string[]; tables: Columns['tables']; adminBase: Record<string, number[]>;
      byCode: { admin1: [string, number][]; country: [string, number][] }; layout: Record<string, [number, number]>;
    };
    const base = Math.ceil((headerLength + 8) / 8) * 8;
    const size = Math.max(...Object.values(header.layout).map(([o, l]) => o + l));
    if (base + size > bytes.length) throw new Error('places: the compiled gazetteer is cut short');
    // Typed views need aligned offsets: a buffer that is not 8-aligned in memory is copied once (read whole first).
    let buf = bytes;
    if ((bytes.byteOffset + base) % 8 !== 0) {
      read?.(bytes.byteOffset, bytes.byteOffset + bytes.length);
      buf = Buffer.from(bytes);
      read = undefined;
    }
    const view = <T>(name: string, Ctor: { new (b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }): T => {
      const [o, l] = header.layout[name];
      return new Ctor(buf.buffer, buf.byteOffset + base + o, l / Ctor.BYTES_PER_ELEMENT);
    };
    const [so, sl] = header.layout.strings;
    const strings = buf.subarray(base + so, base + so + sl);
    const g = new Gazetteer();
    const columns: Columns = {
      strings, tables: header.tables,
      geonamesId: view('geonamesId', Int32Array), lat: view('lat', Float64Array), lon: view('lon', Float64Array),
      population: view('population', Float64Array), type: view('type', Uint8Array), featureCode: view('featureCode', Uint16Array),
      country: view('country', Uint16Array), admin1: view('admin1', Uint16Array), nameOff: view('nameOff', Uint32Array),
      nameLen: view('nameLen', Uint16Array),
    };
    g.columns = columns;
    g.read = read;
    g.records.length = columns.geonamesId.length;
    const packed = (p: string) =>
      new PackedIndex(strings, view(`${p}.slots`, Int32Array), view(`${p}.keyOff`, Uint32Array), view(`${p}.keyLen`, Uint16Array),
        view(`${p}.candStart`, Uint32Array), view(`${p}.cands`, Int32Array), read);
    g.exact = packed('exact');
    g.loose = packed('loose');
    for (const [k, list] of Object.entries(header.adminBase)) for (const i of list) g.adminBase.add(k, i);
    for (const [code, i] of header.byCode.admin1) g.byAdmin1.set(code, i);
    for (const [code, i] of header.byCode.country) g.byCountry.set(code, i);
    g.maxWords = header.maxWords;
    g.transliterated = new Set(header.transliterated);
    return g;
  }
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
