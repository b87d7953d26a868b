/**
 * Speaker resolution: from a speaker phrase to an entity id and a side — by an overlapping entity mention, a
 * pronoun, a nominal ("the ministry"), a metonym ("Moscow", "the Kremlin"), or else the side words around it.
 */
import { mentionIndex } from './mention-index.js';
import type { Entity } from '../../../core/index.js';
import { lexicon } from './lexicon.js';
import { pronounGender, type Gender } from './gender.js';

/** A speaker as resolved for one claim. */
export interface ResolvedSpeaker {
  readonly speaker: string | null;
  readonly side?: string;
  /** `claims/speaker-<how>`. */
  readonly rule: string;
}

/** An earlier speaker, kept while walking the document, for pronouns that point back at it. */
export interface PriorSpeaker {
  readonly id: string | null;
  readonly kind?: string;
  readonly side?: string;
  readonly text: string;
  readonly start: number;
  readonly sentence: number;
}

/** Input of {@link resolveSpeaker}; offsets index the document input. */
export interface SpeakerQuery {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The speaker with its title or appositive, for side words. */
  readonly contextText: string;
  readonly sentence: number;
  /**
   * The country (`UA`, `RU`) of a place the speaker holds an office of ("Governor of Luhansk Oblast", "Voronezh
   * Oblast governor", "the mayor of Sieverodonetsk"): the side when nothing more explicit gives one.
   */
  readonly officeSide?: string;
}

const SPEAKER_KINDS = new Set(['person', 'organization']);
const norm = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/^(the|a|an)\s+/, '').trim();

/** The side named by words of `text` ("Ukraine’s deputy defense minister" → UA), when exactly one side is named. */
export function sideFromWords(text: string): string | undefined {
  const found = new Set<string>();
  const lower = text.toLowerCase().replace(/’/g, "'");
  for (const [phrase, side] of lexicon.sidePhrases) if (lower.includes(phrase)) found.add(side);
  for (const m of lower.matchAll(/[\p{L}.'-]+/gu)) {
    const side = lexicon.sideWords.get(m[0]) ?? lexicon.sideWords.get(m[0].replace(/'s$/, ''));
    if (side) found.add(side);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The last mention (by start) of an entity of one of `kinds` before `pos`, with its entity. */
/** The last item that satisfies `pred`, scanning from the end (no copy of the list per claim). */
function findLast<T>(items: readonly T[], pred: (x: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i])) return items[i];
  return undefined;
}

function lastBefore(entities: readonly Entity[], kinds: readonly string[], pos: number, accept: (e: Entity) => boolean = () => true): Entity | undefined {
  return mentionIndex(entities).lastBefore(kinds, pos, accept);
}

const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,3}`;
// "Alexander Khodakovsky, better known as Skif", "Evgeny Prigozhin, also known by his call sign Chef".
const KNOWN_AS = new RegExp(String.raw`(${NAME}),\s+(?:better|also|widely|commonly)\s+known\s+(?:as|by\s+(?:his|her|the)\s+(?:nickname|call\s+sign|callsign|nom\s+de\s+guerre))\s+[“"‘']?(${NAME})`, 'gu');
// "Givi (real name Mikhail Tolstykh)", "Motorola (born Arsen Pavlov)".
const REAL_NAME = new RegExp(String.raw`(${NAME})\s+\((?:real\s+name|born|whose\s+real\s+name\s+is)\s+(${NAME})\)`, 'gu');

/**
 * Aliases a text introduces, as alias (lower case) → the entity named with it: "X, better known as Y",
 * "Y (real name X)". `entityAt` gives the person or organisation whose mention covers an offset of `text`.
 */
export function textAliases(text: string, entityAt: (start: number, end: number) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(KNOWN_AS)) {
    const id = entityAt(m.index!, m.index! + m[1].length);
    if (id) out.set(m[2].toLowerCase(), id);
  }
  for (const m of text.matchAll(REAL_NAME)) {
    const at = m.index! + m[0].indexOf(m[2], m[1].length);
    const id = entityAt(at, at + m[2].length) ?? entityAt(m.index!, m.index! + m[1].length);
    if (id) out.set(m[1].toLowerCase(), id);
  }
  return out;
}

/** Resolves one speaker phrase against the document's entities and the speakers before it. */
export function resolveSpeaker(q: SpeakerQuery, entities: readonly Entity[], prior: readonly PriorSpeaker[], aliases?: ReadonlyMap<string, string>, genders?: ReadonlyMap<string, Gender>): ResolvedSpeaker {
  const alias = aliases?.get(q.text.trim().toLowerCase().replace(/^the\s+/, ''));
  if (alias) {
    const e = entities.find((x) => x.id === alias);
    return { speaker: alias, side: e?.side ?? sideFromWords(q.contextText), rule: 'claims/speaker-alias' };
  }
  const both = coordinated(q, entities);
  if (both) return both;
  const r = resolveNamed(q, entities, prior, genders);
  // A named person or body wins ("May said" after "Theresa May"); otherwise a phrase that is no source stays unresolved.
  if (r.rule !== 'claims/speaker-mention' && notASource(q.text)) return { speaker: null, rule: 'claims/speaker-not-a-source' };
  if (r.side || !q.officeSide) return r;
  return { ...r, side: q.officeSide, rule: `${r.rule}+office` };
}

/**
 * "Moscow and Kyiv", "Ukrainian and Russian officials": a speaker of two conjuncts that name two entities or two
 * sides is no single entity; it keeps a side only when both conjuncts name the same one. Undefined for other phrases
 * (a name with "and" inside it, "Bosnia and Herzegovina", is one mention).
 */
function coordinated(q: SpeakerQuery, entities: readonly Entity[]): ResolvedSpeaker | undefined {
  const parts = q.text.split(/\s+and\s+/i);
  if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) return undefined;
  const ids = new Set<string>();
  for (const m of mentionIndex(entities).overlapping(q.start, q.end)) if (m.end - m.start < q.end - q.start) ids.add(m.entity.id);
  const sideOf = (p: string) => sideFromWords(p) ?? lexicon.metonyms.get(norm(p))?.side;
  const sides = parts.map(sideOf);
  if (ids.size < 2 && !(sides[0] && sides[1])) return undefined;
  return { speaker: null, side: sides[0] && sides[0] === sides[1] ? sides[0] : undefined, rule: 'claims/speaker-coordinated' };
}

/** True when the words of `text` name an office held over a place ("governor", "mayor", "head", "authorities"). */
export function namesOffice(text: string): boolean {
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(/[\p{L}-]+/gu)) if (lexicon.offices.has(m[0])) return true;
  return false;
}

/**
 * True when the phrase cannot be a source: a month run into a word ("February Russian"), a video platform
 * ("YouTube"), a place noun ("the city"), an adverb alone ("Separately").
 */
export function notASource(text: string): boolean {
  const words = text.toLowerCase().replace(/’/g, "'").replace(/^(?:the|a|an)\s+/, '').split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  if (lexicon.notSources.has(words.join(' ')) || lexicon.notSources.has(words[0]) && words.length <= 2 && lexicon.months.has(words[0])) return true;
  if (words.length === 1 && /ly$/.test(words[0]) && !lexicon.sources.has(words[0])) return true;
  return words.length <= 2 && lexicon.notSources.has(words[words.length - 1]) && !lexicon.sources.has(words[words.length - 1]);
}

const BELLIGERENT = new Set(['RU', 'UA']);

/**
 * What each list of prior speakers (only ever appended to) lets a look-up skip, kept up to date as it grows: the
 * latest speaker by the last word of its phrase, and whether sentences never decrease along it (then a look-back of
 * a few sentences stops at the first older one instead of scanning a long document's every speaker).
 */
const priorIndex = new WeakMap<readonly PriorSpeaker[], { seen: number; ordered: boolean; byLastWord: Map<string, PriorSpeaker> }>();

function indexOf(prior: readonly PriorSpeaker[]): { ordered: boolean; byLastWord: Map<string, PriorSpeaker> } {
  let x = priorIndex.get(prior);
  if (!x) priorIndex.set(prior, (x = { seen: 0, ordered: true, byLastWord: new Map() }));
  for (; x.seen < prior.length; x.seen++) {
    const p = prior[x.seen];
    if (x.seen > 0 && p.sentence < prior[x.seen - 1].sentence) x.ordered = false;
    x.byLastWord.set(norm(p.text).split(/\s+/).pop() ?? '', p);
  }
  return x;
}

/** The last prior speaker within `window` sentences before `sentence` that satisfies `pred`. */
function findRecent(prior: readonly PriorSpeaker[], sentence: number, window: number, pred: (p: PriorSpeaker) => boolean): PriorSpeaker | undefined {
  const ordered = indexOf(prior).ordered;
  for (let i = prior.length - 1; i >= 0; i--) {
    const p = prior[i];
    if (sentence - p.sentence <= window && pred(p)) return p;
    if (ordered && sentence - p.sentence > window) return undefined;
  }
  return undefined;
}

function resolveNamed(q: SpeakerQuery, entities: readonly Entity[], prior: readonly PriorSpeaker[], genders?: ReadonlyMap<string, Gender>): ResolvedSpeaker {
  const ctxSide = sideFromWords(q.contextText);
  // "the governor who said": the relative pronoun adds nothing to the name before it.
  // "Moscow’s claim that …": the owner of the statement is the speaker.
  const lower = norm(q.text).replace(/,?\s+(?:who|which|that)$/, '').replace(/'s$/, '');
  // 1. An entity mention inside the phrase; the last one is the head ("Wagner chief Prigozhin").
  let hit: Entity | undefined;
  let hitStart = -1;
  for (const m of mentionIndex(entities).overlapping(q.start, q.end)) {
    const e = m.entity;
    if (m.start >= hitStart && (!hit || SPEAKER_KINDS.has(e.kind) || !SPEAKER_KINDS.has(hit.kind))) {
      hit = e;
      hitStart = m.start;
    }
  }
  const metonym = lexicon.metonyms.get(lower);
  if (hit && SPEAKER_KINDS.has(hit.kind)) return { speaker: hit.id, side: hit.side ?? ctxSide, rule: 'claims/speaker-mention' };
  // 2. A metonym: the capital or country standing for its government.
  if (metonym) {
    const gov = entities.find((e) => e.kind === 'organization' && norm(e.name) === norm(metonym.name));
    return { speaker: gov?.id ?? null, side: metonym.side, rule: 'claims/speaker-metonym' };
  }
  // 3. A pronoun: the last speaker of a fitting kind, else the last fitting entity mentioned before.
  const kinds = lexicon.pronouns.get(lower);
  if (kinds) {
    // "he" and "she" skip a person the text gives the other gender (`claims/speaker-pronoun-gender` tells it apart).
    const want = pronounGender(lower);
    const agrees = (id: string | null) => !want || !id || (genders?.get(id) ?? want) === want;
    const fits = (p: PriorSpeaker) => (!p.kind || kinds.includes(p.kind)) && (lower !== 'it' || p.kind === 'organization');
    const recent = findRecent(prior, q.sentence, 3, (p) => fits(p) && agrees(p.id));
    const rule = (id: string | null) => (id !== (findRecent(prior, q.sentence, 3, fits)?.id ?? id) ? 'claims/speaker-pronoun-gender' : 'claims/speaker-pronoun');
    if (recent) return { speaker: recent.id, side: recent.side, rule: rule(recent.id) };
    const e = lastBefore(entities, kinds, q.start, (x) => agrees(x.id));
    if (e && e.id !== lastBefore(entities, kinds, q.start)?.id) return { speaker: e.id, side: e.side, rule: 'claims/speaker-pronoun-gender' };
    if (e) return { speaker: e.id, side: e.side, rule: 'claims/speaker-pronoun' };
    return { speaker: null, side: ctxSide, rule: 'claims/speaker-pronoun-unresolved' };
  }
  // 3b. "The Belgian said": a nationality standing for the last person named (a prior speaker first).
  if (/^the\s/i.test(q.text.trim()) && lexicon.demonyms.has(lower)) {
    const recent = findRecent(prior, q.sentence, 3, (p) => p.kind === 'person');
    if (recent) return { speaker: recent.id, side: recent.side ?? ctxSide, rule: 'claims/speaker-demonym' };
    const e = lastBefore(entities, ['person'], q.start);
    if (e) return { speaker: e.id, side: e.side ?? ctxSide, rule: 'claims/speaker-demonym' };
  }
  // 4. A surname repeated ("Malial said" after "Hannah Malial said"): the earlier speaker with that last word.
  const last = lower.split(/\s+/).pop() ?? '';
  if (/^\p{Lu}/u.test(q.text.split(/\s+/).pop() ?? '') && last.length > 2) {
    const same = indexOf(prior).byLastWord.get(last);
    if (same && (same.id || same.side)) return { speaker: same.id, side: same.side ?? ctxSide, rule: 'claims/speaker-repeated-name' };
  }
  // 5. A nominal ("the ministry", "the governor", "the Ministry’s statement"): the last entity whose name or role has that noun.
  const owner = lower.replace(/'s\s+\S+$/, '');
  const words = owner.split(/\s+/);
  const nounKinds = lexicon.nominals.get(owner) ?? lexicon.nominals.get(words[words.length - 1]);
  if (nounKinds && words.length <= 3) {
    const noun = words[words.length - 1];
    // "The Ukrainian leader" is no Russian one: a side named in the description must agree with its antecedent's.
    const agrees = (side: string | undefined) => !ctxSide || !side || side === ctxSide || !BELLIGERENT.has(ctxSide);
    const e = lastBefore(entities, nounKinds, q.start, (x) => agrees(x.side) && `${x.name} ${x.role ?? ''} ${x.type ?? ''}`.toLowerCase().includes(noun));
    if (e) return { speaker: e.id, side: e.side ?? ctxSide, rule: 'claims/speaker-nominal' };
    const p = findLast(prior, (x) => agrees(x.side) && x.text.toLowerCase().includes(noun));
    if (p) return { speaker: p.id, side: p.side ?? ctxSide, rule: 'claims/speaker-nominal' };
    // "Denis Pushilin, the head of Donetsk, said … The separatist leader said …": a person's description with a
    // side refers to the last person who spoke for that side, within three sentences.
    if (nounKinds.includes('person') && /^the\s/i.test(q.text.trim()) && ctxSide && BELLIGERENT.has(ctxSide)) {
      const same = findLast(prior, (x) => q.sentence - x.sentence <= 3 && x.kind === 'person' && x.side === ctxSide);
      if (same) return { speaker: same.id, side: same.side, rule: 'claims/speaker-description' };
    }
  }
  // 6. Nothing resolves: keep the text, take the side from the words around it, else from a place named as speaker.
  if (hit && hit.kind === 'place' && hit.type === 'country') return { speaker: null, side: hit.country ?? ctxSide, rule: 'claims/speaker-unresolved' };
  return { speaker: null, side: ctxSide, rule: 'claims/speaker-unresolved' };
}
