/**
 * Disambiguation over a whole document: each proposed mention gets the candidate with the best score, where
 * the score adds a prior (population, feature class) to context (countries and divisions the document
 * mentions, nearness to its other places). The reason that decided is returned for the mention's rule.
 */
import { foldName, looseKey } from '../fold.js';
import { adminBaseName, type Gazetteer, type GazetteerPlace } from '../gazetteer.js';
import type { PlaceMatch } from './scan-sentence.js';

/** The decision for one mention: a gazetteer index (or null when unresolved) and why. */
export interface Resolution {
  readonly place: number | null;
  /** Short reason: `only-candidate`, `population`, `feature-class`, `country-context`, `admin-context`, `nearby-place`, `theatre-locative`, `unresolved`. */
  readonly reason: string;
  /** The war-predicate slot rule without which the mention would not have been accepted, if any. */
  readonly slot?: string;
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const FEATURE_BONUS: Readonly<Record<string, number>> = {
  PPLC: 2.5, PPLA: 1, PPLA2: 0.3, PPLX: -1, PPLH: -2, PPLQ: -2, PPLW: -2, PPLF: -0.5, PPLL: -0.3,
};

/** The context-free score of a candidate: bigger and higher-ranked places first. */
export function prior(p: GazetteerPlace): number {
  switch (p.type) {
    // Countries and continents outrank any namesake town (China, Texas; Armenia, Colombia) whatever the
    // context: news names a country far more often than a hamlet sharing its name.
    case 'continent':
      return 14.5;
    case 'country':
      return 14;
    case 'admin1':
      return 6.5;
    // Seas and regions outrank namesake towns (Atlantic, Iowa); districts are named by their full names only.
    case 'region':
      return 7;
    case 'admin2':
      return 5;
    default:
      // GeoNames gives most villages no count (0): they are taken as hamlets of a couple of hundred people.
      return Math.log10(Math.max(p.population, 200) + 1) + (FEATURE_BONUS[p.featureCode] ?? 0);
  }
}

interface Context {
  countries: Map<string, Set<string>>;
  admins: Map<string, Set<string>>;
  anchors: { key: string; place: GazetteerPlace }[];
  /** Number of (country, name) pairs, and per name the number of countries it counts in; computed lazily. */
  countryTotal?: number;
  keyCountries?: Map<string, number>;
  /** Anchors (cities and divisions) by 2° cell, so that the nearest one is found without a scan of all. */
  grid: Map<number, { key: string; place: GazetteerPlace }[]>;
}

// Does the document mention the country or division through a mention other than this name?
function mentionedElsewhere(map: Map<string, Set<string>>, code: string, key: string): boolean {
  const keys = map.get(code);
  if (!keys) return false;
  return keys.size > 1 || !keys.has(key);
}

// The country most of the document's names lie in, when it clearly dominates (`least` names or more, 60%).
function homeCountry(ctx: Context, least = 3): string | undefined {
  let total = 0;
  let best = '';
  let most = 0;
  for (const [code, keys] of ctx.countries) {
    total += keys.size;
    if (keys.size > most || (keys.size === most && code < best)) {
      most = keys.size;
      best = code;
    }
  }
  return most >= least && most / total >= 0.6 ? best : undefined;
}

// Share of the document's distinct names (other than `key`) that lie in country `cc`.
function countryShare(ctx: Context, cc: string, key: string): number {
  // Totals once per context; only the name's own entries are taken out per call.
  if (ctx.countryTotal === undefined) {
    ctx.countryTotal = 0;
    ctx.keyCountries = new Map();
    for (const keys of ctx.countries.values()) {
      ctx.countryTotal += keys.size;
      for (const k of keys) ctx.keyCountries.set(k, (ctx.keyCountries.get(k) ?? 0) + 1);
    }
  }
  const keys = ctx.countries.get(cc);
  const inside = keys ? keys.size - (keys.has(key) ? 1 : 0) : 0;
  const total = ctx.countryTotal - (ctx.keyCountries!.get(key) ?? 0);
  return total ? inside / total : 0;
}

function contextScore(p: GazetteerPlace, key: string, ctx: Context): { score: number; reason: string; local: boolean } {
  let score = 0;
  let reason = '';
  let best = 0;
  let local = false;
  const note = (points: number, why: string): void => {
    score += points;
    if (why !== 'country-context') local = true;
    if (points > best) {
      best = points;
      reason = why;
    }
  };
  if (p.country && p.type !== 'country' && mentionedElsewhere(ctx.countries, p.country, key)) {
    // Weighted by the country's share of the document's other names, so that the country a story is
    // about outweighs one it mentions in passing (Birmingham in an English story is not Alabama's).
    note(1 + 2.5 * countryShare(ctx, p.country, key), 'country-context');
  }
  // A division is not its own context: "the Kharkiv region … in Kharkiv" backs the city, not the division again.
  if (p.admin1 && p.type === 'city' && mentionedElsewhere(ctx.admins, p.admin1, key)) note(2, 'admin-context');
  if (p.type === 'city' || p.type === 'admin1') {
    const nearest = nearestAnchor(ctx, p, key);
    // Closer is better: the reading that keeps the document's places together (front-line villages lie within
    // a few kilometres of the towns named with them).
    if (nearest < 30) note(3, 'nearby-place');
    else if (nearest < 100) note(1.5, 'nearby-place');
    else if (nearest < 300) note(0.75, 'nearby-place');
  }
  return { score, reason, local };
}

const CELL = 2;
// A cell's key as a number (no string built per look-up): rows are 1,000 apart, wider than any column range searched.
const cellKey = (i: number, j: number): number => i * 1000 + j;
const cellOf = (lat: number, lon: number): number => cellKey(Math.floor(lat / CELL), Math.floor(lon / CELL));

// Distance to the nearest anchor of another name within 300 km (Infinity if none), from the grid cells
// around the place: a list of ten thousand places stays linear.
function nearestAnchor(ctx: Context, p: GazetteerPlace, key: string): number {
  const la = Math.floor(p.lat / CELL);
  const lo = Math.floor(p.lon / CELL);
  // 300 km is under 3° of latitude; longitude cells widen toward the poles.
  const dLon = Math.min(180 / CELL, Math.ceil(3 / Math.max(0.1, Math.cos((Math.abs(p.lat) + CELL) * (Math.PI / 180))) / CELL) + 1);
  let nearest = Infinity;
  for (let i = la - 2; i <= la + 2; i++) {
    for (let j = lo - dLon; j <= lo + dLon; j++) {
      for (const a of ctx.grid.get(cellKey(i, j)) ?? []) {
        if (a.key === key || Math.abs(a.place.lat - p.lat) > 2.8) continue;
        const d = distanceKm(p, a.place);
        // Only "under 30 km", "under 100 km" and "under 300 km" matter, so the first close one ends the search.
        if (d < 30) return d;
        if (d < nearest) nearest = d;
      }
    }
  }
  return nearest;
}

// A bare division name that is also the main name of a city inside it ("Donetsk") means the city; a city
// that only lists the division's name among its alternates (Yuma, "Arizona") does not count.
function sharesNameWithCity(g: Gazetteer, p: GazetteerPlace, cands: readonly number[]): boolean {
  if (p.type !== 'admin1') return false;
  const base = adminBaseName(foldName(p.name));
  // The division's seat counts whatever its spelling (Zaporizhzhia Oblast and its seat Zaporizhzhia).
  return cands.some((c) => {
    const city = g.place(c);
    return city.type === 'city' && city.admin1 === p.admin1 && (foldName(city.name) === base || city.featureCode === 'PPLA');
  });
}

/** Candidates best first, with the context reason that weighed most and whether a local one (division, neighbour) helped. */
type Ranked = { index: number; score: number; reason: string; local: boolean }[];
// Mentions of the same name with the same candidates rank alike; memoised per context within one document.
let memo = new WeakMap<object, Map<string, Ranked>>();
const NO_CONTEXT = {};

function ranked(g: Gazetteer, m: PlaceMatch, ctx: Context | null, within?: ReadonlySet<string>): Ranked {
  let cache = memo.get(ctx ?? NO_CONTEXT);
  if (!cache) memo.set(ctx ?? NO_CONTEXT, (cache = new Map()));
  const id = `${m.key}\u0000${m.region ? 1 : 0}\u0000${m.candidates.join(',')}\u0000${within ? [...within].join(',') : ''}`;
  let r = cache.get(id);
  if (!r) cache.set(id, (r = rankUncached(g, m, ctx, within)));
  return r;
}

function rankUncached(g: Gazetteer, m: PlaceMatch, ctx: Context | null, within?: ReadonlySet<string>): Ranked {
  const out = m.candidates.map((index) => {
    const p = g.place(index);
    let score = prior(p);
    if (!m.region && sharesNameWithCity(g, p, m.candidates)) score -= 3;
    // "The Moscow region" is Moscow Oblast rather than the federal city also listed as a division.
    if (m.region && p.type === 'admin1') {
      const folded = foldName(p.name);
      if (/\bcity\b/.test(folded)) score -= 3;
      else if (adminBaseName(folded) !== folded) score += 0.5;
    }
    // A place called so in its main name beats one that merely lists the name among many alternates.
    if (p.type === 'city' && foldName(p.name) === m.key) score += 1;
    let reason = '';
    let local = false;
    if (ctx) {
      const c = contextScore(p, m.key, ctx);
      score += c.score;
      reason = c.reason;
      local = c.local;
    }
    // "Moscow, Idaho": the division or country written right after the name settles it.
    if (within && p.type !== 'country' && (within.has(p.country) || within.has(p.admin1))) {
      score += 5;
      reason = 'qualifier';
      local = true;
    }
    return { index, score, reason, local };
  });
  // Deterministic: score, then population, then the smaller GeoNames id.
  out.sort((a, b) => b.score - a.score || g.place(b.index).population - g.place(a.index).population || g.place(a.index).geonamesId - g.place(b.index).geonamesId);
  return out;
}

// Evidence of the mention's own phrase or sentence, named as the reason even where the prior agrees.
const LOCAL_REASONS = new Set(['distance-anchor', 'sentence-region', 'qualifier', 'dateline']);

// Evidence in the mention's own phrase, strong enough to prefer a small namesake over a famous place.
const PHRASE_REASONS = new Set(['qualifier', 'distance-anchor']);

function famous(p: GazetteerPlace): boolean {
  if (p.type === 'country' || p.type === 'admin1' || p.type === 'continent') return true;
  return p.type === 'city' && (p.featureCode === 'PPLC' || p.population >= 1_000_000);
}

/** Options for {@link resolvePlaces}. */
export interface ResolveOptions {
  /** Folded words the document also writes in lower case (common words, weak evidence of a place). */
  readonly lowerWords?: ReadonlySet<string>;
  /** Endings of demonyms ("-ian", "-ese"): a small town so named is less likely than the adjective. */
  readonly demonymEndings?: readonly string[];
  /** For each match, the index of the match written right after it as ", Region" ("Moscow, Idaho"), if any. */
  readonly qualifiedBy?: readonly (number | undefined)[];
  /** Countries the document names by demonym ("Ukrainian officials"), with the folded demonyms used. */
  readonly demonymCountries?: ReadonlyMap<string, readonly string[]>;
  /** Per match, the place it is said to lie from ("25 km north of Horlivka"), if any. */
  readonly anchoredBy?: readonly (Anchor | undefined)[];
  /** Per match, its sentence (for divisions and countries named in the same sentence). */
  readonly sentenceOf?: readonly number[];
  /** Endings of surnames and patronymics ("-enko", "-ovych"): such a name in a war slot is a person's. */
  readonly personEndings?: readonly string[];
  /** Per match, whether it opens a dateline ("KIEV, Ukraine —"): a city rather than its division. */
  readonly dateline?: readonly boolean[];
  /** The theatre of war: a name in a war predicate's place slot prefers a town inside it (`data/theatre.json`). */
  readonly theatre?: Theatre;
}

/** "N km <bearing> of <anchor>": the anchor match, the distance in km and the bearing in degrees if given. */
export interface Anchor {
  readonly match: number;
  /** Undefined for a bare direction ("north of Bakhmut"): near the anchor, within 40 km. */
  readonly km?: number;
  readonly bearing?: number;
}

/** Initial bearing from `a` to `b` in degrees. */
export function bearingDeg(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const y = Math.sin((b.lon - a.lon) * r) * Math.cos(b.lat * r);
  const x = Math.cos(a.lat * r) * Math.sin(b.lat * r) - Math.sin(a.lat * r) * Math.cos(b.lat * r) * Math.cos((b.lon - a.lon) * r);
  return ((Math.atan2(y, x) / r) + 360) % 360;
}

/** Does `p` lie where "N km <direction> of <anchor>" says: `fits`, `off` (near but not there) or `far`? */
function anchorFit(anchor: { place: GazetteerPlace; km?: number; bearing?: number }, p: GazetteerPlace): 'fits' | 'off' | 'far' {
  const d = distanceKm(anchor.place, p);
  const km = anchor.km ?? 20;
  const slack = anchor.km === undefined ? 20 : Math.max(5, 0.4 * km);
  let fits = Math.abs(d - km) <= slack;
  if (fits && anchor.bearing !== undefined && d > 2) {
    const off = Math.abs(((bearingDeg(anchor.place, p) - anchor.bearing + 540) % 360) - 180);
    fits = off <= 60;
  }
  return fits ? 'fits' : d > 2 * km + 30 ? 'far' : 'off';
}

/** Evidence of the mention's own sentence and phrase, scored on top of the document context. */
interface LocalEvidence {
  anchor?: { place: GazetteerPlace; km?: number; bearing?: number };
  /** The mention fills the place slot of a war predicate: towns inside the theatre's boxes are preferred. */
  theatre?: Theatre;
  admins?: ReadonlySet<string>;
  countries?: ReadonlySet<string>;
  dateline?: boolean;
}

/** Smallest town a loose spelling after a locative preposition is taken for inside the theatre of war. */
const LOOSE_THEATRE_POPULATION = 10_000;

/** The theatre of war (`data/theatre.json`): boxes of south, west, north, east degrees, and the points a town inside earns. */
export interface Theatre {
  readonly boxes: readonly (readonly [number, number, number, number])[];
  readonly points: number;
}

function inTheatre(t: Theatre, p: GazetteerPlace): boolean {
  return t.boxes.some(([s, w, n, e]) => p.lat >= s && p.lat <= n && p.lon >= w && p.lon <= e);
}

// Re-scores a ranking with the mention's local evidence: a distance and bearing from an anchor, a division or
// country named in the same sentence, a dateline. Returns the ranking unchanged when there is none.
function withLocal(g: Gazetteer, r: Ranked, ev: LocalEvidence | undefined): Ranked {
  if (!ev) return r;
  // A name that may itself be a division or country ("Utah, Colorado, and Idaho") is not made a town by its neighbours.
  const broad = r.some((c) => { const t = g.place(c.index).type; return t === 'admin1' || t === 'country'; });
  const out = r.map((c) => {
    const p = g.place(c.index);
    let { score, reason, local } = c;
    // A qualifier written right after the name stays the reason; a country in the sentence is no local support.
    const bump = (points: number, why: string) => {
      score += points;
      if (points > 0 && reason !== 'qualifier') reason = why;
      if (points > 0 && why !== 'sentence-country') local = true;
    };
    if (broad) {
      // Nothing from the sentence.
    } else if (ev.admins && p.admin1 && p.type !== 'admin1' && ev.admins.has(p.admin1)) bump(3, 'sentence-region');
    else if (ev.countries && p.country && p.type !== 'country' && ev.countries.has(p.country)) bump(1, 'sentence-country');
    if (ev.dateline && p.type === 'city') bump(4, 'dateline');
    // The theatre orders namesakes only: it is no reason to accept a name as a place (acceptance reads the reason).
    if (ev.theatre && p.type === 'city' && inTheatre(ev.theatre, p)) score += ev.theatre.points;
    if (ev.anchor && p.type === 'city') {
      const fit = anchorFit(ev.anchor, p);
      if (fit === 'fits') bump(8, 'distance-anchor');
      else if (fit === 'far') bump(-4, '');
    }
    return { index: c.index, score, reason, local };
  });
  out.sort((a, b) => b.score - a.score || g.place(b.index).population - g.place(a.index).population || g.place(a.index).geonamesId - g.place(b.index).geonamesId);
  return out;
}

function contextOf(g: Gazetteer, picks: readonly { key: string; index: number }[], demonyms?: ReadonlyMap<string, readonly string[]>): Context {
  const ctx: Context = { countries: new Map(), admins: new Map(), anchors: [], grid: new Map() };
  const add = (map: Map<string, Set<string>>, code: string, key: string): void => {
    let s = map.get(code);
    if (!s) map.set(code, (s = new Set()));
    s.add(key);
  };
  // A demonym counts as one more name in its country ("Ukrainian forces" backs Ukrainian villages).
  for (const [cc, words] of demonyms ?? []) for (const w of words) add(ctx.countries, cc, `demonym:${w}`);
  // Each distinct (name, place) once: a list of ten thousand mentions has few distinct places.
  const seen = new Set<string>();
  for (const { key, index } of picks) {
    const id = `${key}\u0000${index}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const p = g.place(index);
    if (p.country) add(ctx.countries, p.country, key);
    if (p.admin1) add(ctx.admins, p.admin1, key);
    ctx.anchors.push({ key, place: p });
    if (p.type === 'city' || p.type === 'admin1') {
      const cell = cellOf(p.lat, p.lon);
      const list = ctx.grid.get(cell) ?? [];
      list.push({ key, place: p });
      ctx.grid.set(cell, list);
    }
  }
  return ctx;
}

/**
 * Resolves every match of a document. Unambiguous or dominant mentions become anchors, whose countries,
 * divisions and positions score the rest; a second round scores again against everything the first
 * resolved, so that a state named once can steer a town named later. Returns null for matches judged
 * not to be places.
 */
export function resolvePlaces(matches: readonly PlaceMatch[], g: Gazetteer, options: ResolveOptions = {}): (Resolution | null)[] {
  memo = new WeakMap();
  // Codes of the divisions and countries each qualifier may be.
  const within = matches.map((_, i) => {
    const q = options.qualifiedBy?.[i];
    if (q === undefined) return undefined;
    const codes = new Set<string>();
    for (const c of matches[q].candidates) {
      const p = g.place(c);
      if (p.type === 'country') codes.add(p.country);
      else if (p.type === 'admin1') codes.add(p.admin1);
    }
    return codes.size ? codes : undefined;
  });
  const anchors: { key: string; index: number }[] = [];
  for (const [i, m] of matches.entries()) {
    if (!m.candidates.length) continue;
    const r = ranked(g, m, null, within[i]);
    const top = r[0];
    const p = g.place(top.index);
    const margin = r.length === 1 ? Infinity : top.score - r[1].score;
    // Countries, divisions and continents lead their namesakes by less than big cities do.
    if (margin < (p.type === 'city' ? 2 : 1.5)) continue;
    if (p.type === 'city' && p.population < 1000 && m.words === 1 && !m.locative) continue;
    anchors.push({ key: m.key, index: top.index });
  }
  const first = contextOf(g, anchors, options.demonymCountries);
  let picks = matches.map((m, i) => (m.candidates.length ? ranked(g, m, first, within[i])[0] : undefined));
  const second: { key: string; index: number }[] = [];
  matches.forEach((m, i) => {
    const pick = picks[i];
    if (pick && accept(m, g.place(pick.index), pick.reason, pick.local, options, homeCountry(first, 1), g)) second.push({ key: m.key, index: pick.index });
  });
  const ctx = contextOf(g, second, options.demonymCountries);

  // Names that the document also uses inside longer capitalised names ("Megyn Kelly") are people's or
  // firms' names wherever a small town of that name is the only reading.
  const nameParts = new Set<string>();
  matches.forEach((m, i) => {
    const pick = picks[i];
    if (m.embedded && pick && g.place(pick.index).type === 'city') nameParts.add(m.key);
  });

  picks = matches.map((m, i) => (m.candidates.length ? ranked(g, m, ctx, within[i])[0] : undefined));
  // The mention's own sentence and phrase: divisions and countries named beside it, a distance from an
  // anchor (resolved first), a dateline.
  // Per sentence, the divisions and countries it names, each with the names that named it.
  const sentenceAdmins = new Map<number, Map<string, Set<string>>>();
  const sentenceCountries = new Map<number, Map<string, Set<string>>>();
  matches.forEach((m, i) => {
    const pick = picks[i];
    const sentence = options.sentenceOf?.[i];
    if (!pick || sentence === undefined) return;
    const p = g.place(pick.index);
    const map = p.type === 'admin1' ? sentenceAdmins : p.type === 'country' ? sentenceCountries : undefined;
    if (!map) return;
    const codes = map.get(sentence) ?? new Map<string, Set<string>>();
    const code = p.type === 'admin1' ? p.admin1 : p.country;
    codes.set(code, (codes.get(code) ?? new Set()).add(m.key));
    map.set(sentence, codes);
  });
  // The codes named in the sentence by a name other than `key` (Arizona does not back a town called Arizona).
  const others = (codes: Map<string, Set<string>> | undefined, key: string): Set<string> | undefined => {
    if (!codes) return undefined;
    const out = new Set<string>();
    for (const [code, keys] of codes) if (keys.size > 1 || !keys.has(key)) out.add(code);
    return out.size ? out : undefined;
  };
  const evidence = matches.map((m, i): LocalEvidence | undefined => {
    const sentence = options.sentenceOf?.[i];
    const a = options.anchoredBy?.[i];
    // Only a town anchors a distance ("north of Bakhmut"); "east of Ukraine" or "west of the Donetsk region" do not.
    const anchorPick = a && picks[a.match] && g.place(picks[a.match]!.index).type === 'city' ? picks[a.match] : undefined;
    const admins = sentence === undefined ? undefined : others(sentenceAdmins.get(sentence), m.key);
    const countries = sentence === undefined ? undefined : others(sentenceCountries.get(sentence), m.key);
    const ev: LocalEvidence = {
      ...(anchorPick ? { anchor: { place: g.place(anchorPick.index), km: a!.km, bearing: a!.bearing } } : {}),
      ...(admins ? { admins } : {}),
      ...(countries ? { countries } : {}),
      ...(options.dateline?.[i] ? { dateline: true } : {}),
      ...(options.theatre && m.slot !== undefined ? { theatre: options.theatre } : {}),
    };
    return Object.keys(ev).length ? ev : undefined;
  });
  picks = matches.map((m, i) => (m.candidates.length ? withLocal(g, ranked(g, m, ctx, within[i]), evidence[i])[0] : undefined));
  const home = homeCountry(ctx);
  const leading = homeCountry(ctx, 1);
  // The options without the theatre of war: what a mention would be without the theatre's acceptances.
  const noTheatre = { ...options, theatre: undefined };
  const out = matches.map((m, i) => {
    let top = picks[i];
    if (!top) return m.unresolved ? { place: null, reason: 'unresolved' } : null;
    // A famous place (a country, a division, a capital, a city of a million) is not given up for a small namesake
    // on the document's say-so alone ("talks in Geneva" in a story full of Ohio): only the phrase itself — a
    // qualifier or a distance anchor — makes it the small one.
    const base = ranked(g, m, null, within[i])[0];
    if (base.index !== top.index && !PHRASE_REASONS.has(top.reason) && famous(g.place(base.index))) {
      const t = g.place(top.index);
      if (t.type === 'city' && t.population < 100_000) top = base;
    }
    const p = g.place(top.index);
    // "Blahodatne, north of Bakhmut" with no Blahodatne there: the place is meant but the gazetteer lacks it.
    const anchor = evidence[i]?.anchor;
    if (anchor && p.type === 'city' && anchorFit(anchor, p) !== 'fits') return { place: null, reason: 'anchor-mismatch' };
    if (!accept(m, p, top.reason, top.local, options, leading, g)) return null;
    // The slot is named on the mention when it alone made the place ("captured Vovchansk" named once).
    // (Without the theatre's acceptances, which read the same prepositions: the slot keeps its name.)
    const bySlot = m.slot !== undefined && !accept({ ...m, slot: undefined }, p, top.reason, top.local, noTheatre, leading, g);
    // A village taken only because it lies in the theatre of war after a locative preposition says so.
    const byTheatre = !bySlot && !accept(m, p, top.reason, top.local, noTheatre, leading, g);
    // A big city survives ("New York Times" elsewhere does not unmake New York), unless the name is only one
    // of its alternates ("Chen" for Chenzhou).
    if (p.type === 'city' && nameParts.has(m.key) && (p.population < 100_000 || foldName(p.name) !== m.key) && !m.locative) return null;
    // A town abroad that only shares the name of a place the gazetteer lacks at home (Kent, Washington, in
    // an English story): a place, but too doubtful to put on the map.
    if (home && p.type === 'city' && p.country !== home && p.population < 200_000 && !top.reason && !mentionedElsewhere(ctx.countries, p.country, m.key)) {
      return m.locative || m.words > 1 ? { place: null, reason: 'foreign-namesake' } : null;
    }
    let reason: string;
    if (byTheatre) reason = 'theatre-locative';
    else if (m.candidates.length === 1) reason = 'only-candidate';
    else {
      const r = ranked(g, m, null);
      if ((r[0].index !== top.index || LOCAL_REASONS.has(top.reason)) && top.reason) reason = top.reason;
      else reason = p.type === g.place(r[1].index).type ? 'population' : 'feature-class';
    }
    return { place: top.index, reason, ...(bySlot ? { slot: m.slot } : {}) };
  });
  return withVariants(matches, out);
}

/** True when `a` and `b` differ by one edit or one swap of neighbouring letters (Damerau distance 1). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// Misspellings ("Bahkmut") take the place of the one name in the document they are one edit from.
function withVariants(matches: readonly PlaceMatch[], out: (Resolution | null)[]): (Resolution | null)[] {
  const known = new Map<string, number>();
  matches.forEach((m, i) => {
    const r = out[i];
    if (!m.unknown && r?.place != null && m.key.length >= 5) known.set(m.key, r.place);
  });
  if (!known.size) return out;
  // Keys by first letter and length: a misspelling shares the first letter and is at most one longer or shorter.
  const buckets = new Map<string, [string, number][]>();
  for (const [key, place] of known) {
    const b = `${key[0]}${key.length}`;
    const list = buckets.get(b) ?? [];
    list.push([key, place]);
    buckets.set(b, list);
  }
  return matches.map((m, i) => {
    if (!m.unknown) return out[i];
    let hit: number | undefined;
    for (let len = m.key.length - 1; len <= m.key.length + 1; len++) {
      for (const [key, place] of buckets.get(`${m.key[0]}${len}`) ?? []) {
        if (!oneEditApart(key, m.key)) continue;
        // Two different places one edit away: too ambiguous to guess.
        if (hit !== undefined && hit !== place) return null;
        hit = place;
      }
    }
    return hit === undefined ? null : { place: hit, reason: 'doc-variant' };
  });
}

// Feature codes of populated places that no longer stand: historical, abandoned, destroyed.
const GONE = new Set(['PPLH', 'PPLQ', 'PPLW']);

// Precision: small places need some support, since GeoNames names thousands of hamlets after common words.
/** A mention after a locative preposition, not opening its sentence, of a place inside the theatre of war in a country
 * whose names come by transliteration (the theatre's acceptances: "gains around Robotyne", "the mayor of Sieverodonetsk"). */
function theatreLocative(m: PlaceMatch, p: GazetteerPlace, options: ResolveOptions, g?: Gazetteer): boolean {
  return m.locative === true && !m.initial && !!options.theatre && inTheatre(options.theatre, p) && !!g?.transliterated.has(p.country);
}

function accept(m: PlaceMatch, p: GazetteerPlace, reason: string, local: boolean, options: ResolveOptions, leading?: string, g?: Gazetteer): boolean {
  const supported = reason !== '';
  const common = m.plain === true && options.lowerWords?.has(m.key) === true;
  if (p.type !== 'city') {
    if (common && !m.locative && !m.region) return supported;
    return true;
  }
  if (m.region) return true;
  // The place slot of a war predicate ("captured Vovchansk", "the assault on Marinka", "Avdiivka fell") makes a
  // populated place of the name, even named once and unsupported, where names come by transliteration and so
  // rarely make an English word or a person's name ("police captured Clark"); elsewhere its own division or a
  // neighbour must back it too. Never for a word the document writes in lower case, a part of a longer name, a
  // loose spelling, or a place abandoned or destroyed.
  if (m.slot !== undefined && !common && !m.embedded && m.rule === 'places/name' && !GONE.has(p.featureCode) && !options.personEndings?.some((e) => m.key.endsWith(e))) {
    const main = foldName(p.name);
    // By its main name (up to transliteration), or by an alternate in a country the document is about.
    if (g?.transliterated.has(p.country) && (looseKey(main) === looseKey(m.key) || supported)) return true;
    if (local && main === m.key) return true;
  }
  // A village (under 1,000 people, or no count: most of GeoNames' Ukrainian villages) is taken only with a cue
  // ("the village of", "captured", "in") and the document's support, or with its own division or neighbours
  // behind it; never for a word the document also writes in lower case, nor at a sentence start without both.
  if (p.population < 1000 && m.words === 1) {
    if (common || m.embedded) return false;
    if (local) return !m.initial || m.cued === true || m.locative === true;
    // "gains around Robotyne": after a locative preposition, a village of the theatre of war by its main name (up to
    // transliteration) in a country whose names come by transliteration.
    if (m.rule === 'places/name' && theatreLocative(m, p, options, g) && looseKey(foldName(p.name)) === looseKey(m.key)) return true;
    return supported && (m.cued === true || (m.locative === true && !m.initial));
  }
  // A loose spelling match needs the document's own region to back it: it is the weakest evidence.
  // (Or a town of the theatre of war after a locative preposition, in a country whose names come by transliteration:
  // "the mayor of Sieverodonetsk" is Sievierodonetsk however it is spelt.)
  if (m.rule === 'places/loose-spelling') return local || (supported && p.population >= 100_000) || (p.population >= LOOSE_THEATRE_POPULATION && theatreLocative(m, p, options, g));
  if (common && !supported) return false;
  // Every first word is capitalised: a small town there needs its division or a neighbour to back it, or
  // to lie in the country the story is mostly about ("Avdiivka remains under fire, Ukrainian officials said").
  // Only where names come by transliteration, which rarely makes an English word.
  if (m.initial && m.plain && p.population < 50_000 && !local && !(p.country === leading && p.population >= 5000 && g?.transliterated.has(p.country))) return false;
  if (m.words === 1 && !m.locative && p.population < 100_000 && options.demonymEndings?.some((e) => m.key.endsWith(e))) return false;
  // Inside a longer name only a big city, or one its own division or neighbours back, is taken as a place.
  if (m.embedded && p.population < 100_000 && !local) return false;
  // A word that is only one of a town's many alternate names (GeoNames lists "Taliban", "Human", "Story")
  // needs a locative or local backing, except where alternates are transliterations (Artemivsk for Bakhmut).
  if (m.plain && p.population < 100_000 && !local && !m.locative && foldName(p.name) !== m.key && !g?.transliterated.has(p.country)) return false;
  if (p.population >= 20_000) return true;
  if (supported) return m.locative || m.words >= 2 || p.population >= 1000;
  if (m.locative && p.population >= 1000) return true;
  return m.words >= 2 && p.population >= 1000;
}
