/**
 * Disambiguation over a whole document: each proposed mention gets the candidate with the best score, where
 * the score adds a prior (population, feature class) to context (countries and divisions the document
 * mentions, nearness to its other places). The reason that decided is returned for the mention's rule.
 */
import type { Gazetteer, GazetteerPlace } from '../gazetteer.js';
import type { PlaceMatch } from './scan-sentence.js';

/** The decision for one mention: a gazetteer index (or null when unresolved) and why. */
export interface Resolution {
  readonly place: number | null;
  /** Short reason: `only-candidate`, `population`, `feature-class`, `country-context`, `admin-context`, `nearby-place`, `unresolved`. */
  readonly reason: string;
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
  PPLC: 1.5, PPLA: 1, PPLA2: 0.3, PPLX: -1, PPLH: -2, PPLQ: -2, PPLW: -2, PPLF: -0.5, PPLL: -0.3,
};

/** The context-free score of a candidate: bigger and higher-ranked places first. */
export function prior(p: GazetteerPlace): number {
  switch (p.type) {
    case 'continent':
      return 9.5;
    case 'country':
      return 9;
    case 'admin1':
      return 6.5;
    default:
      return Math.log10(p.population + 1) + (FEATURE_BONUS[p.featureCode] ?? 0);
  }
}

interface Context {
  countries: Map<string, Set<string>>;
  admins: Map<string, Set<string>>;
  anchors: { key: string; place: GazetteerPlace }[];
}

// Does the document mention the country or division through a mention other than this name?
function mentionedElsewhere(map: Map<string, Set<string>>, code: string, key: string): boolean {
  const keys = map.get(code);
  if (!keys) return false;
  return keys.size > 1 || !keys.has(key);
}

function contextScore(p: GazetteerPlace, key: string, ctx: Context): { score: number; reason: string } {
  let score = 0;
  let reason = '';
  let best = 0;
  const note = (points: number, why: string): void => {
    score += points;
    if (points > best) {
      best = points;
      reason = why;
    }
  };
  if (p.country && p.type !== 'country' && mentionedElsewhere(ctx.countries, p.country, key)) note(3, 'country-context');
  if (p.admin1 && p.type === 'city' && mentionedElsewhere(ctx.admins, p.admin1, key)) note(2, 'admin-context');
  if (p.type === 'city' || p.type === 'admin1') {
    let nearest = Infinity;
    for (const a of ctx.anchors) {
      if (a.key === key || a.place.type === 'country' || a.place.type === 'continent') continue;
      const d = distanceKm(p, a.place);
      if (d < nearest) nearest = d;
    }
    if (nearest < 100) note(2.5, 'nearby-place');
    else if (nearest < 300) note(1.5, 'nearby-place');
  }
  return { score, reason };
}

// A bare division name that is also the name of a city inside it ("Donetsk") means the city.
function sharesNameWithCity(g: Gazetteer, p: GazetteerPlace, cands: readonly number[]): boolean {
  return p.type === 'admin1' && cands.some((c) => g.places[c].type === 'city' && g.places[c].admin1 === p.admin1);
}

function ranked(g: Gazetteer, m: PlaceMatch, ctx: Context | null): { index: number; score: number; reason: string }[] {
  const out = m.candidates.map((index) => {
    const p = g.places[index];
    let score = prior(p);
    if (!m.region && sharesNameWithCity(g, p, m.candidates)) score -= 3;
    let reason = '';
    if (ctx) {
      const c = contextScore(p, m.key, ctx);
      score += c.score;
      reason = c.reason;
    }
    return { index, score, reason };
  });
  // Deterministic: score, then population, then the smaller GeoNames id.
  out.sort((a, b) => b.score - a.score || g.places[b.index].population - g.places[a.index].population || g.places[a.index].geonamesId - g.places[b.index].geonamesId);
  return out;
}

/** Options for {@link resolvePlaces}. */
export interface ResolveOptions {
  /** Folded words the document also writes in lower case (common words, weak evidence of a place). */
  readonly lowerWords?: ReadonlySet<string>;
}

/**
 * Resolves every match of a document. Two passes: unambiguous or dominant mentions become anchors, whose
 * countries, divisions and positions then score the rest. Returns null for matches judged not to be places.
 */
export function resolvePlaces(matches: readonly PlaceMatch[], g: Gazetteer, options: ResolveOptions = {}): (Resolution | null)[] {
  const ctx: Context = { countries: new Map(), admins: new Map(), anchors: [] };
  const add = (map: Map<string, Set<string>>, code: string, key: string): void => {
    let s = map.get(code);
    if (!s) map.set(code, (s = new Set()));
    s.add(key);
  };
  for (const m of matches) {
    if (!m.candidates.length) continue;
    const r = ranked(g, m, null);
    const top = r[0];
    const dominant = r.length === 1 || top.score - r[1].score >= 2;
    if (!dominant) continue;
    const p = g.places[top.index];
    if (p.type === 'city' && p.population < 1000 && m.words === 1 && !m.locative) continue;
    if (p.country) add(ctx.countries, p.country, m.key);
    if (p.admin1) add(ctx.admins, p.admin1, m.key);
    if (p.type === 'admin1') add(ctx.admins, p.admin1, m.key);
    ctx.anchors.push({ key: m.key, place: p });
  }

  return matches.map((m) => {
    if (!m.candidates.length) return m.unresolved ? { place: null, reason: 'unresolved' } : null;
    const r = ranked(g, m, ctx);
    const top = r[0];
    const p = g.places[top.index];
    if (!accept(m, p, top.reason !== '', options.lowerWords)) return null;
    let reason: string;
    if (r.length === 1) reason = 'only-candidate';
    else {
      const byPrior = ranked(g, m, null)[0];
      if (byPrior.index !== top.index && top.reason) reason = top.reason;
      else reason = p.type === g.places[r[1].index].type ? 'population' : 'feature-class';
    }
    return { place: top.index, reason };
  });
}

// Precision: small places need some support, since GeoNames names thousands of hamlets after common words.
function accept(m: PlaceMatch, p: GazetteerPlace, supported: boolean, lowerWords: ReadonlySet<string> | undefined): boolean {
  if (p.type !== 'city') {
    if (lowerWords?.has(m.key) && !m.locative && !m.region) return supported;
    return true;
  }
  if (m.region) return true;
  const common = m.words === 1 && lowerWords?.has(m.key) === true;
  if (common && !supported) return false;
  if (m.embedded && !supported && p.population < 100_000) return false;
  if (supported) return true;
  if (p.population >= 20_000) return true;
  if (m.locative && p.population >= 1000) return true;
  return m.words >= 2 && p.population >= 1000;
}
