/**
 * The clause around a predicate, as the frame rules need it: the verb group before the predicate (auxiliaries,
 * modals, negation), the subject before it and the object/prepositional phrase after it, all inside one clause.
 *
 * Read from the claim's content words: a clause runs between boundary words and marks (`clauseBoundaries` in
 * `data/frames.json`). The frame rules read only {@link ClauseView}, so the source of clauses can change (the
 * linguistic layer's clauses) without touching them.
 */
import frames from '../data/frames.json' with { type: 'json' };
import type { Word } from './words.js';
import { NOT_ONLY } from '../../../core/lang/index.js';

/** One predicate in its clause; word indices into the content's words, ranges half-open. */
export interface ClauseView {
  readonly words: readonly Word[];
  /** The predicate's words. */
  readonly pred: readonly [number, number];
  /** The verb group before the predicate (auxiliaries, modals, negation, "to"). */
  readonly vg: readonly [number, number];
  /** The subject: from the clause start to the verb group. */
  readonly subject: readonly [number, number];
  /** After the predicate to the clause end. */
  readonly after: readonly [number, number];
  /** After the predicate to the next punctuation mark: the object may run over "and" ("industrial and residential areas of"). */
  readonly objectEnd: number;
  /** The whole clause. */
  readonly clause: readonly [number, number];
  /** The word that opens the clause ("that", "if", "after" …), lower-cased, or null. */
  readonly marker: string | null;
  readonly passive: boolean;
  readonly negated: boolean;
  /** The modal or intention phrase that makes the predicate non-factual, or null. */
  readonly modality: string | null;
  readonly question: boolean;
  /** A phrase before the predicate makes it a deed ("chose to", "were forced to"): no modality gates it. */
  readonly factual?: boolean;
  /** The linguistic layer's subject of the predicate, when it has one inside the content. */
  readonly langSubject?: readonly [number, number];
}

const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase().replace(/’/g, "'")));
const BOUNDARY = lower(frames.clauseBoundaries);
const VG = lower(frames.verbGroup);
const BE = lower(frames.beForms);
const NEG = frames.negation.map((p) => p.split(' '));
const MODAL = frames.modality.map((p) => p.split(' '));
const FACTUAL = frames.factualTo.map((p) => p.split(' '));
const MODAL_AUX = frames.modalAuxiliaries.words.map((p) => [p]);
const HEDGE_PHRASES = frames.hedges.phrases.map((p) => p.split(' '));
const CONDITIONAL = lower(frames.conditional);
const QUOTES = new Set(['"', '“', '”', '«', '»', '„']);
const PARTICLES = lower(frames.participles.particles);
const PARTICIPLES = lower(frames.participles.irregular);
const PERCEPTION = lower(frames.perception.verbs);
const SUCCESS_IN = lower(frames.successIn.words);
const PERCEPTION_NEG = lower(frames.perception.negators);
const FOCUS_ADVERBS = lower(frames.focusAside.adverbs);
const FOCUS_PREPS = lower(frames.focusAside.prepositions);
const HARD = new Set([',', ';', ':', '?', '!', '.', '(', ')', '—', '–']);

/** True when `phrase` (words) ends at word index `end` (exclusive). */
function endsAt(words: readonly Word[], end: number, phrase: readonly string[]): boolean {
  const start = end - phrase.length;
  if (start < 0) return false;
  for (let k = 0; k < phrase.length; k++) if (words[start + k].lower !== phrase[k]) return false;
  return true;
}

/** True when a negation stands inside [from, to), other than a focus on more ("not only took X", `notOnly`). */
function negationIn(words: readonly Word[], from: number, to: number): boolean {
  for (let e = from + 1; e <= to; e++) for (const p of NEG) if (e - p.length >= from && endsAt(words, e, p) && !NOT_ONLY.has(words[e]?.lower ?? '')) return true;
  return false;
}

/** The spans [start, end) of every occurrence of `phrases` inside [from, to). */
function phraseSpans(words: readonly Word[], from: number, to: number, phrases: readonly (readonly string[])[]): [number, number][] {
  const out: [number, number][] = [];
  for (let e = from + 1; e <= to; e++) for (const p of phrases) if (e - p.length >= from && endsAt(words, e, p)) out.push([e - p.length, e]);
  return out;
}

/**
 * The first modal phrase inside [from, to) that no deed phrase in `deeds` covers: "able to" inside "was able to" is
 * the deed's, while "trying to" after "keep" or "plans to" before "continue to" still make the predicate no fact.
 */
function uncoveredModal(words: readonly Word[], from: number, to: number, deeds: readonly [number, number][]): string | null {
  for (const [s, e] of phraseSpans(words, from, to, MODAL)) if (!deeds.some(([ds, de]) => ds <= s && e <= de)) return words.slice(s, e).map((w) => w.lower).join(' ');
  return null;
}

/** True when one of `phrases` occurs inside [from, to). */
function hasPhrase(words: readonly Word[], from: number, to: number, phrases: readonly (readonly string[])[]): string | null {
  for (let e = from + 1; e <= to; e++) for (const p of phrases) if (e - p.length >= from && endsAt(words, e, p)) return p.join(' ');
  return null;
}

const COORDINATORS = new Set(['and', 'or', 'but']);

/**
 * The subject of the clause that ends at the coordinator at word `conj`: its words before its first verb-group word
 * or past form, when that clause has a verb at all (else the "and" joined noun phrases, not predicates).
 */
function sharedSubject(words: readonly Word[], conj: number): [number, number] | undefined {
  let s0 = conj;
  while (s0 > 0 && !BOUNDARY.has(words[s0 - 1].lower)) s0--;
  let e0 = s0;
  while (e0 < conj && !VG.has(words[e0].lower) && !/(?:ed|en)$/.test(words[e0].lower)) e0++;
  return e0 > s0 && e0 < conj ? [s0, e0] : undefined;
}

/** True when a comma at word k opens a focusing aside ("…, particularly around X": `focusAside`). */
export function focusAside(words: readonly Word[], k: number): boolean {
  return words[k]?.text === ',' && FOCUS_ADVERBS.has(words[k + 1]?.lower ?? '') && FOCUS_PREPS.has(words[k + 2]?.lower ?? '');
}

const DASHES = new Set(['—', '–', '--']);
/** Longest self-repair a speaker makes over a dash ("taken over by the — by the Ukrainians"), in words. */
const REPAIR_WORDS = 3;

/** True when a dash at word k is a speaker's self-repair: the one to three words before it are said again after it. */
export function selfRepair(words: readonly Word[], k: number): boolean {
  if (!DASHES.has(words[k]?.text ?? '')) return false;
  for (let n = 1; n <= REPAIR_WORDS && k - n >= 0; n++) {
    let same = true;
    for (let j = 0; j < n && same; j++) same = words[k - n + j].lower === words[k + 1 + j]?.lower && !words[k - n + j].punct;
    if (same) return true;
  }
  return false;
}

/** Prepositions that open a fronted phrase, not a list item ("In Kyiv, Russian forces …"; `clauseOpeners`). */
const OPENING_PREPOSITIONS = lower(frames.clauseOpeners.prepositions);

/**
 * The start of a phrase that begins at `start`, extended back over the noun phrases coordinated with it: "Russian and
 * Chechen forces", "attacks on Dyagilevo and Engels air bases" (an "and" with no verb between the previous boundary
 * and it); after such an "and", a list of names before it, item by item over commas ("A, B and other cities").
 */
function coordinatedStart(words: readonly Word[], start: number): number {
  let listed = false;
  while (start > 1) {
    const j = words[start - 1];
    let s = start - 1;
    while (s > 0 && !BOUNDARY.has(words[s - 1].lower)) s--;
    if (s === start - 1) break;
    const item = words.slice(s, start - 1);
    if (j.lower === 'and' || j.lower === 'or') {
      if (item.some((w) => VG.has(w.lower) || /ed$/.test(w.lower))) break;
      listed = true;
    } else if (j.text === ',' && listed) {
      // ("Severodonetsk, Lysychansk and other cities …": names only, up to three words, no fronted phrase.)
      if (item.length > 3 || !item.every((w) => /^\p{Lu}/u.test(w.text)) || OPENING_PREPOSITIONS.has(item[0].lower)) break;
    } else break;
    start = s;
  }
  return start;
}

/** The clause view of the predicate at words [p0, p1). */
export function clauseAround(words: readonly Word[], p0: number, p1: number): ClauseView {
  let start = p0;
  while (start > 0 && !BOUNDARY.has(words[start - 1].lower)) start--;
  start = coordinatedStart(words, start);
  let end = p1;
  for (;;) {
    while (end < words.length && !BOUNDARY.has(words[end].lower)) end++;
    // "thwarted Russian advances, particularly around X": a focusing aside narrows the predicate (`focusAside`).
    if (focusAside(words, end)) end += 3;
    else if (selfRepair(words, end)) end++;
    else break;
  }
  // "Russian and Ukrainian forces": an "and" right after a side adjective does not end the subject.
  let vg = p0;
  // Quotation marks inside the verb group ("were “moving further” into") are skipped.
  while (vg > start && (VG.has(words[vg - 1].lower) || QUOTES.has(words[vg - 1].text))) vg--;
  // "Russian forces, backed by heavy artillery, captured Soledar": an aside between commas sits between the
  // subject and its verb group; the subject is the phrase before the aside.
  let subject: [number, number] = [start, vg];
  if (start === vg && start > 1 && words[start - 1].text === ',') {
    let c = start - 2;
    while (c >= 0 && start - c <= 14 && words[c].text !== ',' && !/^[.;:!?]$/.test(words[c].text)) c--;
    if (c > 0 && words[c].text === ',') {
      let s0 = c;
      while (s0 > 0 && !BOUNDARY.has(words[s0 - 1].lower)) s0--;
      s0 = coordinatedStart(words, s0);
      if (s0 < c) subject = [s0, c];
    }
  }
  // "Russian forces had attacked and captured X", "our forces have liberated X and are moving toward Y": a predicate
  // coordinated with an earlier one, with no subject of its own, shares the earlier clause's subject.
  if (subject[0] === subject[1] && start > 1 && COORDINATORS.has(words[start - 1].lower)) {
    const shared = sharedSubject(words, start - 1);
    if (shared) subject = shared;
  }
  // "we have seen the Russians make progress toward X": after a verb of perception, its object is the subject; a
  // negated perception ("we have not seen Russian forces capture X") negates the deed.
  let perceivedNegated = false;
  for (let q = subject[1] - 2; q >= subject[0]; q--) {
    if (!PERCEPTION.has(words[q].lower)) continue;
    perceivedNegated = words.slice(subject[0], q).some((w) => PERCEPTION_NEG.has(w.lower) || w.lower.endsWith("n't"));
    subject = [q + 1, subject[1]];
    break;
  }
  const marker = start > 0 ? words[start - 1].lower : null;
  // A phrasal predicate's participle is its verb ("was cut off", "were shot down"), not the particle.
  const verb = p1 - p0 > 1 && PARTICLES.has(words[p1 - 1].lower) ? words[p0].lower : words[p1 - 1].lower;
  const participle = /(?:ed|en|wn|ken|ght|eld|ost)$/.test(verb) || PARTICIPLES.has(verb);
  // "was captured", and the reduced relative "the last city still held by Ukrainian forces".
  const passive = participle && ((vg < p0 && words.slice(vg, p0).some((w) => BE.has(w.lower))) || (words[p1]?.lower === 'by' && !words.slice(vg, p0).some((w) => w.lower === 'has' || w.lower === 'have' || w.lower === 'had')));
  // Negation and modality: in the verb group, or the phrase just before it ("failed to", "plans to").
  // "has not been successful in taking X": the negation stands before the success word (`successIn`).
  const successIn = p0 >= 2 && words[p0 - 1].lower === 'in' && SUCCESS_IN.has(words[p0 - 2].lower);
  const vgFrom = Math.max(start, vg - (successIn ? 6 : 3));
  const negated = perceivedNegated || negationIn(words, vgFrom, p0);
  // A modal auxiliary before a deed phrase still gates it ("will be able to take", "could be forced to leave").
  const modalAux = hasPhrase(words, vgFrom, p0, MODAL_AUX);
  const deeds = modalAux ? [] : phraseSpans(words, vgFrom, p0, FACTUAL);
  const factual = deeds.length > 0;
  let modality = modalAux ?? uncoveredModal(words, vgFrom, p0, deeds);
  // "at risk of being encircled", "on the verge of capturing X": not done. (Adverbs of approximation stay in the verb
  // group and do not gate, as before: "almost completely captured", like "semi-encircled", is read as done.)
  modality ??= hasPhrase(words, vgFrom, p0, HEDGE_PHRASES);
  // A bare infinitive ("to take Bakhmut") is an aim, not a deed.
  if (!modality && !factual && p0 > 0 && words[p0 - 1].lower === 'to') modality = 'to';
  if (!modality && marker && CONDITIONAL.has(marker)) modality = marker;
  let question = false;
  for (let k = p1; k < words.length; k++) {
    if (words[k].text === '?') { question = true; break; }
    if (words[k].text === '.' || words[k].text === '!') break;
  }
  let objectEnd = p1;
  for (;;) {
    while (objectEnd < words.length && !(words[objectEnd].punct && HARD.has(words[objectEnd].text))) objectEnd++;
    if (focusAside(words, objectEnd)) objectEnd += 3;
    else if (selfRepair(words, objectEnd)) objectEnd++;
    else break;
  }
  return { words, pred: [p0, p1], vg: [vg, p0], subject, after: [p1, end], objectEnd, clause: [start, end], marker, passive, negated, modality, question, ...(factual ? { factual } : {}) };
}
