/**
 * Front-line propositions of a claim's content: control of a place (asserted or denied, also partial control),
 * advance, encirclement and losses with a count. Pure over the content string; the vocabulary is data.
 */
import { lexicon, otherSide } from './lexicon.js';

/** A place mention the proposition may be about; offsets in the same string as the content. */
export interface PlaceCandidate {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** Countries and regions lose to towns when both are named. */
  readonly broad?: boolean;
  /** Geocoded: preferred over unresolved names when "the city" refers back. */
  readonly resolved?: boolean;
}

/** What {@link findProposition} needs besides the content. */
export interface PropositionInput {
  /** The content text. */
  readonly content: string;
  /** Offset of the content in the string the place offsets index. */
  readonly offset: number;
  /** Places mentioned inside the content. */
  readonly places: readonly PlaceCandidate[];
  /** The last place mentioned before the content, for "the city" and for contents without a place. */
  readonly contextPlace?: string;
  readonly speakerSide?: string;
  /** The lower-cased cue: "denied" turns the content into a denial. */
  readonly cue: string;
}

/** A proposition before it becomes the core type: `place` an entity id. */
export interface FoundProposition {
  readonly kind: 'control' | 'advance' | 'encirclement' | 'losses';
  readonly place?: string;
  readonly holder?: string;
  readonly polarity: 'asserts' | 'denies';
  readonly count?: number;
  readonly rule: string;
}

const norm = (s: string) => s.toLowerCase().replace(/’/g, "'");
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (xs: readonly string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...xs].sort((a, b) => b.length - a.length).map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const P = lexicon.props;
const RE = {
  control: alternation(P.control),
  partial: alternation(P.partial),
  negation: alternation(P.negation),
  falsity: alternation(P.falsity),
  advance: alternation(P.advance),
  encirclement: alternation(P.encirclement),
  anaphor: alternation(P.placeAnaphors),
  stable: alternation(P.stable),
  recapture: alternation(P.recapture),
};
// "occupied territories", "captured areas": the control verb is an adjective of a noun, not a capture.
const ADJECTIVAL = new RegExp(`^\\s+(?:${P.adjectival.map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'u');
const DENY_CUES = new Set(['denied', 'denies', 'deny', 'rejected', 'disputed']);
// "took place", "taken into account": not about territory.
const NOT_TERRITORY = /^\s+(?:place|part|into|over\s+as|care|office|power|notice|action|steps|measures)\b/;
const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)/g;

function firstMatch(re: RegExp, s: string, accept: (m: RegExpExecArray) => boolean = () => true): RegExpExecArray | null {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) if (accept(m)) return m;
  return null;
}

/** The speaker's side as the default actor, only for a belligerent (a foreign observer's side captures nothing). */
function belligerent(side: string | undefined): string | undefined {
  return otherSide(side) ? side : undefined;
}

/** The side of the actor named in the words just before `idx` (or after "by" just after it). */
function actorSide(lc: string, idx: number, endIdx: number, speakerSide: string | undefined): string | undefined {
  // "captured by Russian forces", "under the control of Russian forces": the actor follows.
  const after = /^\s+(?:by|of)\s+(?:the\s+)?([\p{L}'-]+)/u.exec(lc.slice(endIdx, endIdx + 40)) ?? (/\bof$/.test(lc.slice(idx, endIdx)) ? /^\s+(?:the\s+)?([\p{L}'-]+)/u.exec(lc.slice(endIdx, endIdx + 40)) : null);
  const words = [...(after ? [after[1]] : []), ...lc.slice(Math.max(0, idx - 50), idx).split(/[^\p{L}'-]+/u).reverse().slice(0, 6)];
  for (const w of words) {
    const v = P.holderWords.get(w);
    if (!v) continue;
    if (v === '@speaker') return speakerSide;
    if (v === '@other') return otherSide(speakerSide);
    return v;
  }
  return undefined;
}

/** Negation within the few words before `idx`. */
function negatedBefore(lc: string, idx: number): boolean {
  const window = lc.slice(Math.max(0, idx - 25), idx);
  return firstMatch(RE.negation, window) !== null;
}

/** The place the proposition is about: in the content nearest after the verb, else before it, else the context place. */
function pickPlace(inp: PropositionInput, at: number, lc: string): { id?: string; rule: string } {
  const abs = inp.offset + at;
  const narrow = inp.places.filter((p) => !p.broad);
  const pool = narrow.length ? narrow : inp.places;
  const afterVerb = pool.filter((p) => p.start >= abs).sort((a, b) => a.start - b.start)[0];
  const beforeVerb = pool.filter((p) => p.start < abs).sort((a, b) => b.start - a.start)[0];
  const hit = afterVerb ?? beforeVerb;
  if (hit) return { id: hit.id, rule: 'content' };
  if (inp.contextPlace && firstMatch(RE.anaphor, lc)) return { id: inp.contextPlace, rule: 'anaphor' };
  if (inp.contextPlace) return { id: inp.contextPlace, rule: 'context' };
  return { rule: 'none' };
}

/** Finds the front-line proposition of a claim's content, or undefined when it makes none. */
export function findProposition(inp: PropositionInput): FoundProposition | undefined {
  const lc = norm(inp.content);
  const falsity = firstMatch(RE.falsity, lc) !== null;
  const denyCue = DENY_CUES.has(norm(inp.cue));
  const flip = (neg: boolean) => (neg !== (falsity || denyCue) ? 'denies' : 'asserts');

  const partial = firstMatch(RE.partial, lc);
  const control = firstMatch(RE.control, lc, (m) => !NOT_TERRITORY.test(lc.slice(m.index + m[0].length)) && !ADJECTIVAL.test(lc.slice(m.index + m[0].length)));
  // "under control of the Russian army" is control by someone, not calm.
  const stable = firstMatch(RE.stable, lc, (m) => !/^\s+(?:of|by)\b/.test(lc.slice(m.index + m[0].length)));
  const encircle = firstMatch(RE.encirclement, lc);
  const advance = firstMatch(RE.advance, lc);
  const distance = [...P.distance].some((u) => new RegExp(`\\d[\\d.,]*\\s*["”“’]?\\s*${esc(u)}\\b`).test(lc));

  if (partial && (!control || partial.index <= control.index || /still|remain|resistance|fighting/.test(partial[0]))) {
    // The speaker's side (or the named actor) still holds part of it: the other side's control is denied.
    const actor = actorSide(lc, partial.index, partial.index + partial[0].length, inp.speakerSide) ?? belligerent(inp.speakerSide);
    const place = pickPlace(inp, partial.index, lc);
    if (!place.id) return undefined;
    return { kind: 'control', place: place.id, holder: otherSide(actor), polarity: 'denies', rule: `claims/prop-partial-${place.rule}` };
  }
  if (stable && !control && (!partial || stable.index < partial.index)) {
    // "the situation is under control": the speaker's side denies the other side's advance. It is about a place
    // only when the content names one ("the area" is not enough to say which).
    const actor = actorSide(lc, stable.index, stable.index + stable[0].length, inp.speakerSide) ?? belligerent(inp.speakerSide);
    const narrow = inp.places.filter((p) => !p.broad);
    const place = (narrow.length ? narrow : inp.places)[0]?.id;
    return { kind: 'advance', place, holder: otherSide(actor), polarity: flip(!(negatedBefore(lc, stable.index) || firstMatch(RE.negation, stable[0]) !== null)), rule: `claims/prop-stable-${place ? 'content' : 'none'}` };
  }
  if (control && distance) {
    const actor = actorSide(lc, control.index, control.index + control[0].length, inp.speakerSide) ?? belligerent(inp.speakerSide);
    const place = pickPlace(inp, control.index, lc);
    return { kind: 'advance', place: place.id, holder: actor, polarity: flip(negatedBefore(lc, control.index)), rule: `claims/prop-advance-distance-${place.rule}` };
  }
  if (control) {
    const actor = actorSide(lc, control.index, control.index + control[0].length, inp.speakerSide) ?? belligerent(inp.speakerSide);
    const place = pickPlace(inp, control.index, lc);
    if (!place.id) return undefined;
    return { kind: 'control', place: place.id, holder: actor, polarity: flip(negatedBefore(lc, control.index)), rule: `claims/prop-control-${place.rule}` };
  }
  if (encircle) {
    const actor = actorSide(lc, encircle.index, encircle.index + encircle[0].length, inp.speakerSide) ?? belligerent(inp.speakerSide);
    const place = pickPlace(inp, encircle.index, lc);
    if (!place.id) return undefined;
    return { kind: 'encirclement', place: place.id, holder: actor, polarity: flip(negatedBefore(lc, encircle.index)), rule: `claims/prop-encirclement-${place.rule}` };
  }
  if (advance) {
    // Denied advances are usually the other side's ("breakthroughs … do not correspond to reality").
    const named = actorSide(lc, advance.index, advance.index + advance[0].length, inp.speakerSide);
    // "rejected claims of a major push to retake occupied territory": one retakes one's own lost ground.
    const retaking = firstMatch(RE.recapture, lc) !== null;
    const actor = named ?? (retaking ? belligerent(inp.speakerSide) : falsity || denyCue ? otherSide(inp.speakerSide) : belligerent(inp.speakerSide));
    const place = pickPlace(inp, advance.index, lc);
    return { kind: 'advance', place: place.id, holder: actor, polarity: flip(negatedBefore(lc, advance.index)), rule: `claims/prop-advance-${place.rule}` };
  }
  return findLosses(lc);
}

/** "killed more than 70 of them", "2,000 soldiers dead": a count next to a loss word. */
function findLosses(lc: string): FoundProposition | undefined {
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(lc); m; m = NUMBER.exec(lc)) {
    const around = lc.slice(Math.max(0, m.index - 30), m.index + m[0].length + 40).split(/[^\p{L}'-]+/u);
    const unit = lc.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s*(?:km|kilomet|met|mile|percent|%|years?|days?|hours?|weeks?|months?)/.test(unit)) continue;
    if (around.some((w) => P.losses.has(w)) && around.some((w) => ['killed', 'dead', 'deaths', 'casualties', 'losses', 'lost', 'wounded', 'destroyed', 'eliminated', 'died', 'fatalities', 'downed', 'shot'].includes(w))) {
      return { kind: 'losses', polarity: 'asserts', count: Number(m[0].replace(/,/g, '')), rule: 'claims/prop-losses' };
    }
  }
  return undefined;
}
