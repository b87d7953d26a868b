/**
 * The events stage: ACLED-typed events, one per happening and place, each dated, placed, with its actors,
 * counts, the claims that report it, a confidence and the evidence of how it was made.
 *
 * An event is a frame over a clause: a predicate (data/triggers.json: strike, shell, shoot down, seize, protest,
 * detain …, each naming its ACLED class) with roles — place, actors, date, counts — filled from what earlier
 * stages left on the document and, where the document has it, the clause structure of the linguistic layer
 * (rules/clause-facts.ts). Sentence by sentence:
 *
 * 1. predicates propose classes (rules/find-triggers.ts); the gates (rules/gates.ts, an ordered list) drop those
 *    that report no happening: negated, questioned, hypothetical, planned, ordered, generic, habitual, the topic
 *    of a protest, descriptions, words addressed to someone in a quotation; history (more than a year before the
 *    document, or only years before the document's year) is dropped too;
 * 2. the best-scoring ACLED class makes the event (the 'Other' classes — diplomacy, attribution, disasters, crime
 *    — never do); a predicate of another class coordinated with it ("airstrikes, shelling and …") makes its own;
 * 3. roles are filled by the named rules of `roleRules` below and recorded in `evidence.roles`;
 * 4. one event per place (a list of places splits), then events about the same happening merge.
 */
import type { Claim, ConflictEvent, DatePrecision, Doc, Entity, EventEvidence, Sentence, Stage, TimeExpression } from '../../core/index.js';
import { isStartingPoint, partitionPoint, wordsIn } from '../../core/index.js';
import { clauseFacts, foreignRelatives, nounPhraseBefore, type ClauseFacts } from './rules/clause-facts.js';
import { contextFactor, contextOf, isUnreal } from './rules/context-cues.js';
import { scoreClasses } from './rules/classify-event.js';
import { findFatalities, findInjuries, findQuantity } from './rules/count-phrases.js';
import { findTriggers, type TriggerMatch } from './rules/find-triggers.js';
import { blockedBy } from './rules/gates.js';
import { framePredicates, hasCrowdNoun, hasPartyNoun, reportsOther } from './rules/frame-predicates.js';
import { actorCues, backshiftedPluperfect, eventClasses, hasConflictContext, placeRules, protestInSubject, triggers, turnCues, yearPattern } from './rules/lexicon.js';
import framesData from './data/frames.json' with { type: 'json' };
import { mergeEvents, mergeInto } from './rules/merge-events.js';
import { geoPrecision, placeRank, placesOf, type PlaceCandidate, type PlacePick } from './rules/pick-places.js';
import { stateForceAttack, takerCountry } from './rules/territory.js';
import { refineSubType } from './rules/sub-types.js';
import { adjust, confidenceOf } from './rules/confidence.js';
import { withoutAblated } from './rules/ablation.js';

/** The snippet classifier, for the CASE 2021 harness and any caller with a bare text. */
export { classifyEvent, type EventClassification } from './rules/classify-event.js';

/** A sentence's best class must reach this score to make an event: one weak word ("blast") is not enough. */
const MIN_EVENT_SCORE = 3;
/** Place rank (data/places.json) of a city, town or village: what "the city" can refer to in its own sentence. */
const CITY_RANK = 5;
/** Place rank (data/places.json) at or below which a place is a country or continent: too coarse to be sure of. */
const COARSE_RANK = 1;
/** Weight of a background predicate ("had declared a ceasefire", "in response to the shelling") in its sentence. */
const BACKGROUND_FACTOR = 0.5;
/** Event types a crowd ("thousands of people", "activists") is actor enough for: they protest, are detained, attacked. */
const CROWD_ACTED_ON = new Set(['Protests', 'Strategic developments', 'Violence against civilians']);
/** Event types a state named as the subject of the predicate ("Ukraine repels attacks") is actor enough for. */
const STATE_ACTS = new Set(['Battles', 'Explosions/Remote violence']);
/** "the oblast", "the region", "the province": a reference to a first-level division. */
const DIVISION_ANAPHORA = /^\w+\s+(oblast|region|province)\b/i;
/** Rank of a first-level division (data/places.json): what "the oblast" may refer to. */
const DIVISION_RANK = placeRank('admin1');
/** Between a predicate and a reference that is its own place: a locative preposition, at most two words before it. */
const ANAPHOR_AFTER = /^\s+(\S+\s+){0,2}(in|across|over|throughout|around|near|on)\s+$/i;
/** A preposition before a name that makes it where someone is ("officials in Kharkiv"), not who speaks. */
const SEAT_BEFORE = /\b(in|of|from|at)\s+(the\s+)?$/i;
/** Ambiguous triggers made real by a town as their own argument ("Kramatorsk was shelled"; `townObject` in triggers.json). */
const TOWN_OBJECT = new Set(triggers.filter((t) => t.townObject).map((t) => t.rule));
/**
 * Strategic developments a state named in the subject is actor enough for ("The Moldova Border Service intercepted 40
 * rifles", "Russia withdrew from Kherson"): what its forces do. Not an agreement (a state signs trade deals too), nor a
 * change to group or activity ("Moldova withdrew from the talks").
 */
const STATE_DEVELOPMENTS = new Set(['ARREST', 'DISR_WEAP', 'HQ_ESTABLISHED', 'NON_VIOL_TERRIT_TRANSFER']);
/**
 * Back-off to the snippet classifier: a short document (at most this many sentences and characters) whose frames
 * made no event takes the classifier's class when it is an ACLED class scoring at least `minScore` — a frame's own
 * threshold; on the cross-validation inside the CASE development half (test/events/case-cv.ts) 3 did as well as 2.5
 * (one more non-conflict event) and better than 3.5 and 4.
 */
const BACKOFF = { maxSentences: 6, maxChars: 1200, minScore: MIN_EVENT_SCORE } as const;
/** Dates this many days before the document are history, not news of this report. */
const HISTORY_DAYS = 365;

interface Located {
  entity: Entity;
  /** View offsets relative to the sentence. */
  start: number;
  end: number;
  metonym?: boolean;
  qualifier?: boolean;
}

/** A located place mention as the place picker reads it. */
function candidate(l: Located): PlaceCandidate {
  return { id: l.entity.id, type: l.entity.type, start: l.start, end: l.end, metonym: l.metonym, qualifier: l.qualifier };
}

/** Entity mentions of each sentence, in view offsets relative to the sentence start. */
function mentionsBySentence(doc: Doc): Map<number, Located[]> {
  const by = new Map<number, Located[]>();
  for (const entity of doc.entities) {
    for (const m of entity.mentions) {
      const s = doc.sentences[m.sentence];
      if (!s) continue;
      const list = by.get(m.sentence) ?? [];
      list.push({ entity, start: doc.view.toView(m.start) - s.vStart, end: doc.view.toView(m.end) - s.vStart, metonym: m.metonym, qualifier: m.qualifier });
      by.set(m.sentence, list);
    }
  }
  return by;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

/** Time expressions by sentence, built once per document. */
const timesBySentence = new WeakMap<Doc, Map<number, TimeExpression[]>>();
function timesOf(doc: Doc): Map<number, TimeExpression[]> {
  let by = timesBySentence.get(doc);
  if (!by) {
    by = new Map();
    for (const t of doc.times) {
      const list = by.get(t.sentence) ?? [];
      list.push(t);
      by.set(t.sentence, list);
    }
    timesBySentence.set(doc, by);
  }
  return by;
}

interface When {
  date: string | null;
  precision?: DatePrecision;
  fromText: boolean;
  rule: string;
  text: string | null;
}

/** The date of a trigger: the sentence's resolved time expression nearest to it, then the publication date. */
function dateOf(doc: Doc, s: Sentence, triggerStart: number): When {
  // A starting point ("since … in February 2022") says when something began, not when this happened.
  const here = (timesOf(doc).get(s.index) ?? []).filter((t) => !isStartingPoint(doc.input, t));
  const times = here.filter((t) => t.value);
  if (times.length) {
    const at = doc.view.toInputStart(s.vStart + triggerStart);
    const t = [...times].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
    return { date: t.value, precision: t.precision ?? 'day', fromText: true, rule: 'time-in-sentence', text: t.text };
  }
  // A time the time stage could not resolve ("a day earlier" without a publication date) still tells two
  // happenings apart; it is kept as the role's words, never turned into a date.
  const unresolved = here.find((t) => !t.value);
  const text = unresolved?.text ?? null;
  // Undated in the text: the report's date, at week precision as ACLED codes "recently reported" events.
  if (doc.published) return { date: doc.published.value, precision: 'week', fromText: false, rule: unresolved ? 'time-unresolved+publication-date' : 'publication-date', text };
  return { date: null, fromText: false, rule: unresolved ? 'time-unresolved' : 'none', text };
}

/**
 * The document's year: its publication date's, else the latest year its resolved dates or its text name
 * (a 2023 report that says "in 2014" is looking back). Null when nothing tells.
 */
function documentYear(doc: Doc): number | null {
  if (doc.published) return Number(doc.published.value.slice(0, 4));
  let best: number | null = null;
  for (const t of doc.times) {
    if (!t.value) continue;
    const y = Number(t.value.slice(0, 4));
    if (y > 1900 && (best === null || y > best)) best = y;
  }
  return best;
}

/** True when the sentence names years and all of them lie before the document's year ("In 2017, …"). */
function namesOnlyPastYears(text: string, year: number): boolean {
  const years = [...text.matchAll(yearPattern)].map((m) => Number(m[1]));
  return years.length > 0 && years.every((y) => y < year);
}

/**
 * The sentence with its starting points ("since February 2022", core's `isStartingPoint`) blanked: they say when
 * something began, so they neither date an event nor make it history. `spans` are the phrases from "since" to the
 * end of each (sentence offsets): a predicate inside one ("since the Ben Guerdane attack in March 2016") is the
 * beginning itself, which the unblanked sentence dates.
 */
function withoutStartingPoints(doc: Doc, s: Sentence, text: string): { text: string; spans: [number, number][] } {
  let out = text;
  const spans: [number, number][] = [];
  for (const t of timesOf(doc).get(s.index) ?? []) {
    if (!isStartingPoint(doc.input, t)) continue;
    const a = Math.max(0, doc.view.toView(t.start) - s.vStart);
    const b = Math.min(text.length, doc.view.toView(t.end) - s.vStart);
    if (b <= a) continue;
    out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
    const since = text.slice(Math.max(0, a - 60), a).search(/\bsince\b(?![\s\S]*\bsince\b)/i);
    spans.push([since === -1 ? a : Math.max(0, a - 60) + since, b]);
  }
  return { text: out, spans };
}

/**
 * A document's claims indexed once (a long document has thousands, and every trigger asks): by sentence, and the
 * ones with a content span by its start, with the longest span's length to bound a containment look-up.
 */
interface ClaimIndex {
  readonly bySentence: Map<number, Claim[]>;
  /** Indices into the claims of those with a content span, by content start; `starts` parallel to it. */
  readonly order: number[];
  readonly starts: number[];
  readonly maxLength: number;
}
const claimIndexes = new WeakMap<readonly Claim[], ClaimIndex>();

function claimIndex(claims: readonly Claim[]): ClaimIndex {
  let ix = claimIndexes.get(claims);
  if (ix) return ix;
  const bySentence = new Map<number, Claim[]>();
  const order: number[] = [];
  let maxLength = 0;
  claims.forEach((c, k) => {
    const list = bySentence.get(c.sentence);
    if (list) list.push(c);
    else bySentence.set(c.sentence, [c]);
    if (!c.contentSpan) return;
    order.push(k);
    maxLength = Math.max(maxLength, c.contentSpan.end - c.contentSpan.start);
  });
  order.sort((a, b) => claims[a].contentSpan!.start - claims[b].contentSpan!.start || a - b);
  ix = { bySentence, order, starts: order.map((k) => claims[k].contentSpan!.start), maxLength };
  claimIndexes.set(claims, ix);
  return ix;
}

/** Claims whose content span contains the trigger (input offsets), in the document's order. */
function claimsOf(doc: Doc, start: number, end: number): Claim[] {
  const ix = claimIndex(doc.claims);
  // A containing span starts at or before `start` and, no longer than the longest, not before `end - maxLength`.
  const from = partitionPoint(ix.starts, (x) => x >= end - ix.maxLength);
  const to = partitionPoint(ix.starts, (x) => x > start);
  const found: number[] = [];
  for (let k = from; k < to; k++) if (end <= doc.claims[ix.order[k]].contentSpan!.end) found.push(ix.order[k]);
  return found.sort((a, b) => a - b).map((k) => doc.claims[k]);
}

/** Sentences back to look for the place that "the city" or "there" refers to. */
const PLACE_ANAPHORA_SENTENCES = 3;
/** Sentences back to look for the place of a sentence that names none. */
const CONTEXT_PLACE_SENTENCES = 2;

/**
 * The most specific place of the few sentences before `index`, for "the city"; among equals the one the
 * document mentions most, since a passing mention is rarely what "the city" refers back to.
 */
function placeBefore(
  index: number,
  located: ReadonlyMap<number, readonly Located[]>,
  back = PLACE_ANAPHORA_SENTENCES,
  fits: (type: string | undefined) => boolean = () => true,
): { id: string; type?: string; name: string } | null {
  let best: { id: string; type?: string; name: string; rank: number } | null = null;
  for (let i = index - 1; i >= Math.max(0, index - back); i--) {
    for (const l of located.get(i) ?? []) {
      if (l.entity.kind !== 'place' || l.metonym || !fits(l.entity.type)) continue;
      const rank = placeRank(l.entity.type) * 1000 + l.entity.mentions.length;
      if (!best || rank > best.rank) best = { id: l.entity.id, type: l.entity.type, name: l.entity.name, rank };
    }
  }
  return best;
}

/** A sentence's frame once its class is chosen: the predicate and the class it makes. */
interface Frame {
  readonly trigger: TriggerMatch;
  readonly code: string;
  readonly score: number;
  /** Score of the best other ACLED class in the sentence (for the confidence). */
  readonly rival: number;
  readonly coordinated: boolean;
  /** Other predicates of the same class in the sentence. */
  readonly sameClass: readonly TriggerMatch[];
  /**
   * The class refines a class that has a happening of its own in the sentence: the sentence tells one happening
   * with its manner ("seized the area following the withdrawal of the army": a capture without a fight). Rule
   * suffix `+refines`; what lets a class with `outranksWhen: "refines"` (data/taxonomy.json) replace an earlier
   * report of the happening.
   */
  readonly refines?: boolean;
}

/**
 * Actors: organisations and persons that act or are acted upon, never the report's sources. With the linguistic
 * layer, those named in the subject (actor) and object (target) of the predicate's clause come first; without
 * them, every organisation and person of the sentence that is not a source.
 */
function actorsOf(
  text: string,
  located: readonly Located[],
  speakers: ReadonlySet<string | null>,
  clause: ClauseFacts | null,
  sentenceStart: number,
): { ids: string[]; rule: string } {
  const isSource = (l: Located) =>
    speakers.has(l.entity.id) ||
    actorCues.sourceTypes.has(l.entity.type ?? '') ||
    actorCues.sourceBefore.test(text.slice(Math.max(0, l.start - 60), l.start)) ||
    placeRules.speakerAfter.test(text.slice(l.end, l.end + 50));
  const within = (l: Located, span: { vStart: number; vEnd: number } | null) =>
    !!span && span.vStart - sentenceStart <= l.start && l.end <= span.vEnd - sentenceStart;
  if (clause) {
    const parties = located.filter(
      (l) => (l.entity.kind === 'organization' || l.entity.kind === 'person') && (within(l, clause.subject) || within(l, clause.object)) && !isSource(l),
    );
    if (parties.length) {
      const rule = parties.some((l) => within(l, clause.subject)) ? (parties.some((l) => within(l, clause.object)) ? 'subject+object' : 'subject') : 'object';
      return { ids: [...new Set(parties.map((l) => l.entity.id))], rule };
    }
  }
  const ids: string[] = [];
  let dropped = 0;
  for (const l of located) {
    if (l.entity.kind !== 'organization' && l.entity.kind !== 'person') continue;
    if (isSource(l)) dropped++;
    else if (!ids.includes(l.entity.id)) ids.push(l.entity.id);
  }
  return { ids, rule: dropped ? 'named-in-sentence-minus-sources' : 'named-in-sentence' };
}

/**
 * True when a state acts: the subject of the predicate's clause names a country, the predicate being its verb or
 * in its object ("Ukraine repels attacks in the Donbas", "Russia shelled Kharkiv", "Russia carried out strikes on
 * Kharkiv"), or the noun phrase right before it names a country or a force by its demonym ("Israel struck …",
 * "Russian artillery shelled …").
 */
function stateSubject(doc: Doc, s: Sentence, located: readonly Located[], m: TriggerMatch): boolean {
  // "Russian artillery shelled …", "Israeli jets bombed …": a state's force named by its demonym; "Israel struck …":
  // the state itself right before the predicate (read from the tags, where the layer may have missed the subject).
  const np = nounPhraseBefore(doc, s.vStart + m.start);
  if (np.words.some((w) => w in actorCues.demonyms)) return true;
  const npFrom = np.vStart - s.vStart;
  if (np.words.length && located.some((l) => l.entity.kind === 'place' && l.entity.type === 'country' && npFrom <= l.start && l.end <= m.start)) return true;
  const clause = clauseFacts(doc, s.vStart + m.start, s.vStart + m.end);
  // The predicate is the clause's verb, or heads its object ("Russia carried out four strikes on Kharkiv").
  const inObject = !!clause?.object && clause.object.vStart <= s.vStart + m.start && s.vStart + m.start < clause.object.vEnd;
  const subject = clause?.isPredicate || inObject ? clause!.subject : null;
  if (!subject) return false;
  const [from, to] = [subject.vStart - s.vStart, subject.vEnd - s.vStart];
  return located.some((l) => l.entity.kind === 'place' && l.entity.type === 'country' && from <= l.start && l.end <= to);
}

/**
 * The country named as the state that took a place ("Ukraine recaptured the city of Kherson"): a country entity in
 * the noun phrase right before the predicate, or the subject of its clause; null when none.
 */
function subjectCountry(doc: Doc, s: Sentence, located: readonly Located[], m: TriggerMatch): Entity | null {
  const np = nounPhraseBefore(doc, s.vStart + m.start);
  const npFrom = np.vStart - s.vStart;
  const inNp = np.words.length ? located.find((l) => l.entity.kind === 'place' && l.entity.type === 'country' && !l.metonym && npFrom <= l.start && l.end <= m.start) : undefined;
  if (inNp) return inNp.entity;
  const clause = clauseFacts(doc, s.vStart + m.start, s.vStart + m.end);
  if (!clause?.isPredicate || !clause.subject) return null;
  const [from, to] = [clause.subject.vStart - s.vStart, clause.subject.vEnd - s.vStart];
  return located.find((l) => l.entity.kind === 'place' && l.entity.type === 'country' && !l.metonym && from <= l.start && l.end <= to)?.entity ?? null;
}

/**
 * A predicate's context cues read in its own clause: the relative clauses of the sentence that do not hold it are
 * blanked first ("Russian troops shelled Kupiansk, which they have been trying to retake": the attempt is the
 * retaking's, not the shelling's); a pluperfect clause makes it background, a bare verb coordinated after "and" a
 * purpose.
 */
function ownContext(doc: Doc, s: Sentence, text: string, m: TriggerMatch): TriggerMatch {
  const relatives = foreignRelatives(doc, s.vStart, s.vEnd, s.vStart + m.start, s.vStart + m.end);
  let context = m.context;
  let own = text;
  if (relatives.length) {
    for (const [a, b] of relatives) own = own.slice(0, a - s.vStart) + ' '.repeat(b - a) + own.slice(b - s.vStart);
    context = contextOf(own, m.start, m.end);
  }
  // A pluperfect clause tells an earlier happening as background ("where Russia had declared a ceasefire"); not in
  // reported speech, where it is the backshifted past of what was said ("The rebels said they had taken the town"):
  // the auxiliary is read as absent there.
  const clause = clauseFacts(doc, s.vStart + m.start, s.vStart + m.end);
  const backshifted = !!clause?.reported && clause.pluperfect && backshiftedPluperfect.test(own.slice(0, m.start));
  if (backshifted && context.includes('background')) {
    const aux = /\bhad(?=(\s+been)?(\s+[\w'’-]+)?\s+$)/i.exec(own.slice(0, m.start));
    if (aux) context = contextOf(own.slice(0, aux.index) + '   ' + own.slice(aux.index + 3), m.start, m.end);
  }
  if (clause?.pluperfect && clause.governed && !backshifted && !context.includes('background')) context = [...context, 'background'];
  // "the power to evacuate people and take control", "will enter and capture": a bare verb coordinated with an
  // infinitive or a modal shares it.
  if (clause?.coordinatedBase && !context.includes('purpose')) context = [...context, 'purpose'];
  // "Students protesting against the fee hike damaged property": what a protest is against, told in the subject,
  // is no topic of the clause's own verb, which reports what the protesters did.
  if (context.includes('topic') && topicInSubject(text, s, clause, m)) context = context.filter((k) => k !== 'topic');
  return context === m.context ? m : { ...m, context, weight: m.baseWeight * contextFactor(context) };
}

/** A protest word between the subject of the clause whose main verb is the predicate and that verb (the topic cue read the subject's modifier; `protestInSubject`). */
function topicInSubject(text: string, s: Sentence, clause: ReturnType<typeof clauseFacts>, m: TriggerMatch): boolean {
  if (!clause?.isPredicate || clause.passive || !clause.subject || clause.subject.vEnd > s.vStart + m.start) return false;
  return protestInSubject.test(text.slice(clause.subject.vStart - s.vStart, m.start));
}

/** Classes whose actor a passive leaves unnamed when it is done to people: the state arrests, someone abducts or kills. */
const PASSIVE_ON_PERSONS = new Set(['ARREST', 'ABDUCT_DISSAP', 'ATTACK']);

/**
 * True when the predicate is the verb of a passive clause whose subject names people ("Two journalists were detained
 * in Minsk", "A teacher was beheaded"): the actor is unnamed but implied. Not beside a crime ("were arrested for drug smuggling").
 */
function passiveOnPersons(doc: Doc, s: Sentence, text: string, m: TriggerMatch, found: readonly TriggerMatch[]): boolean {
  if (!PASSIVE_ON_PERSONS.has(m.code) || found.some((o) => o.code === 'ORG_CRIME')) return false;
  const clause = clauseFacts(doc, s.vStart + m.start, s.vStart + m.end);
  if (!clause?.isPredicate || !clause.passive || !clause.subject) return false;
  actorCues.persons.lastIndex = 0;
  return actorCues.persons.test(text.slice(clause.subject.vStart - s.vStart, clause.subject.vEnd - s.vStart));
}

/**
 * True when a protest predicate is the main verb of an active clause whose subject is headed by a plural common
 * noun ("Nurses picketed the hospital", "Pensioners rallied outside parliament"): a group of people protesting is
 * actor enough, whatever the group's word.
 */
function groupProtests(doc: Doc, s: Sentence, m: TriggerMatch): boolean {
  if (eventClasses.get(m.code)?.type !== 'Protests' || !doc.lang) return false;
  const clause = clauseFacts(doc, s.vStart + m.start, s.vStart + m.end);
  if (!clause?.isPredicate || clause.passive || !clause.subject) return false;
  const ls = doc.lang.sentences[s.index];
  for (let i = ls.first; i < ls.end; i++) {
    const w = doc.lang.words[i];
    if (w.vEnd === clause.subject.vEnd) return w.xtag === 'NNS' || w.xtag === 'NNPS';
  }
  return false;
}

/** Predicate rules of a change of control (data/triggers.json and data/frames.json, class '@territory'). */
const TERRITORY_RULES = new Set([
  ...triggers.filter((t) => t.cls === '@territory').map((t) => t.rule),
  ...Object.entries(framesData.verbs).filter(([, v]) => v.class === '@territory').map(([lemma]) => `frame-${lemma}`),
]);

/** True when a non-state actor cue (actors.json `nonState`) is named before the predicate in its sentence. */
function nonStateBefore(text: string, start: number): boolean {
  actorCues.nonState.lastIndex = 0;
  return actorCues.nonState.test(text.slice(0, start));
}

/** Markers of a relative clause that describes a noun rather than tells the sentence's news. */
const DESCRIBING_RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'where']);

/**
 * A place described after a comma by what happened there before ("…, where a sarin attack killed 80 people in 2017",
 * "…, a region hit by a chemical attack in 2013", "…, the site of the April attack"): read from the words, since the
 * layer often leaves such a clause in the main one.
 */
const DESCRIBED_PLACE = /,\s*(where|(the|a|an)\s+([\w'’-]+\s+){0,2}(towns?|city|village|area|region|district|province|neighbou?rhood|site|place|camp|spot|street|square|market)\s+(where|(hit|struck|targeted|attacked|bombed|shelled|rocked)\s+by)|(the|a|an)\s+([\w'’-]+\s+){0,2}(site|scene)\s+of)\b[^,;]*$/i;

/** Relative markers that describe a person: the clause tells about the actor of the main one, often its weapon. */
const PERSON_RELATIVES = new Set(['who', 'whom', 'whose']);

/**
 * Whether the predicate lies in a relative clause on "which" / "who" / "where" (the linguistic layer's clause
 * marker) or describes a place after a comma (`DESCRIBED_PLACE`): `person` for a clause on a person ("The attacker,
 * who was wearing a suicide vest, detonated it"), `other` for the rest, null when it does not.
 */
function inRelative(doc: Doc, s: Sentence, m: TriggerMatch): 'person' | 'other' | null {
  const sentence = doc.view.text.slice(s.vStart, s.vEnd);
  if (DESCRIBED_PLACE.test(sentence.slice(0, m.start)) || DESCRIBED_PLACE.test(sentence.slice(0, m.end + 3))) return 'other';
  const c = clauseFacts(doc, s.vStart + m.start, s.vStart + m.end);
  const marker = c && doc.lang ? doc.lang.clauses[c.index]?.marker?.toLowerCase() : null;
  if (!marker || !DESCRIBING_RELATIVES.has(marker)) return null;
  return PERSON_RELATIVES.has(marker) ? 'person' : 'other';
}

/** Event types of a generic killing predicate ("soldiers killed", "killing three") that an explosion beside it claims. */
const KILLED_IN_BLAST = new Set(['Battles', 'Violence against civilians']);

/**
 * The strongest explosion predicate of a sentence ("blast", "bomb", "car bombing": a remote-violence word that is
 * neither a cue nor generic), when no word of an 'Other' class (an accident, a crime) is beside it or in its document.
 */
function explosionOf(doc: Doc, matches: readonly TriggerMatch[]): TriggerMatch | undefined {
  const blasts = matches.filter((m) => !m.cue && !m.generic && eventClasses.get(m.code)?.type === 'Explosions/Remote violence');
  if (!blasts.length || !matches.some((m) => m.toll && KILLED_IN_BLAST.has(eventClasses.get(m.code)?.type ?? ''))) return undefined;
  if (matches.some((m) => eventClasses.get(m.code)?.acled === false) || reportsOther(doc)) return undefined;
  return blasts.reduce((a, b) => (b.baseWeight > a.baseWeight ? b : a));
}

/** The frames of one sentence: the best class, and classes coordinated with its predicate. */
function framesOf(doc: Doc, s: Sentence, text: string, located: readonly Located[], kept?: TriggerMatch[]): Frame[] {
  actorCues.crowd.lastIndex = 0;
  const crowd = actorCues.crowd.test(text) || hasCrowdNoun(doc, s);
  const patterns = withoutAblated(findTriggers(text));
  // Verbs the patterns miss, in any inflection, from the linguistic layer's lemmas.
  const verbs = withoutAblated(framePredicates(doc, s, text, patterns));
  // A pattern match a frame verb replaced (same word, more weight) gives way to it.
  const replaced = (m: TriggerMatch) => verbs.some((f) => f.start === m.start && f.end === m.end);
  const found = [...patterns.filter((m) => !replaced(m)), ...verbs]
    .map((m) => ownContext(doc, s, text, m))
    .filter((m) => eventClasses.has(m.code) && !m.context.includes('history'));
  // An unambiguous conflict predicate ("airstrikes") is context enough for an ambiguous one beside it ("shelling").
  // So is a weapon used ("artillery", "tanks", "warplanes"; not one supplied or described): what fires it is a party
  // to the fighting.
  const conflict =
    hasConflictContext(text) ||
    found.some((m) => (!m.needsActor && !m.cue && eventClasses.get(m.code)?.acled) || (m.instrument && !isUnreal(m.context))) ||
    (found.some((m) => m.needsActor) && hasPartyNoun(doc, s));
  // Clauses whose subject is a state acting: every battle or strike predicate of such a clause has its actor
  // ("Russia carried out at least four strikes on Kharkiv").
  const stateClauses = new Set<number>();
  if (!conflict) {
    for (const m of found) {
      if (!m.needsActor || !stateSubject(doc, s, located, m)) continue;
      const c = clauseFacts(doc, s.vStart + m.start, s.vStart + m.end);
      if (c) stateClauses.add(c.index);
    }
  }
  const stateActs = (m: TriggerMatch) =>
    (STATE_ACTS.has(eventClasses.get(m.code)?.type ?? '') || STATE_DEVELOPMENTS.has(m.code)) &&
    (stateSubject(doc, s, located, m) || stateClauses.has(clauseFacts(doc, s.vStart + m.start, s.vStart + m.end)?.index ?? -1));
  // "Kramatorsk was shelled overnight", "shelled Kramatorsk": for a trigger marked `townObject`, a town as the
  // predicate's own argument is what was struck — a strike whoever did it (not "strikes on" a town: labour strikes).
  const townArgument = (m: TriggerMatch) =>
    TOWN_OBJECT.has(m.rule) && STATE_ACTS.has(eventClasses.get(m.code)?.type ?? '') && placesOf(text, m.start, m.end, townCandidates()).rule === 'argument';
  let towns: PlaceCandidate[] | undefined;
  const townCandidates = () =>
    (towns ??= located
      .filter((l) => l.entity.kind === 'place' && !l.entity.unresolved && placeRank(l.entity.type) >= placeRank('city'))
      .map(candidate));
  const matches = found
    .filter(
      (m) =>
        conflict ||
        !m.needsActor ||
        (crowd && CROWD_ACTED_ON.has(eventClasses.get(m.code)?.type ?? '')) ||
        stateActs(m) ||
        townArgument(m) ||
        passiveOnPersons(doc, s, text, m, found) ||
        groupProtests(doc, s, m) ||
        (eventClasses.get(m.code)?.type === 'Battles' && actorCues.protestersBefore.test(text.slice(Math.max(0, m.start - 60), m.start))),
    )
    .filter((m) => blockedBy({ sentence: text, match: m, clause: clauseFacts(doc, s.vStart + m.start, s.vStart + m.end) }) === null)
    // Real happenings weigh fully ("had captured" is often how a claim reports one), but an earlier one the
    // sentence mentions as background ("where Russia had declared a ceasefire") is not its main event.
    .map((m) => m);
  // What passed the actor condition and the gates, supporting cues included, for the classifier back-off (an
  // ambiguous word without an actor stays out: "the two sides signed a trade agreement"); a cue stays out in a
  // clause that is negated or not real ("The fighter jets will be delivered next year"), which the gates read only
  // for a predicate.
  if (kept) {
    for (const m of matches) {
      const c = m.cue ? clauseFacts(doc, s.vStart + m.start, s.vStart + m.end) : null;
      if (!isUnreal(m.context) && !c?.negated && !c?.modality) kept.push(m);
    }
  }
  // "Russian forces shell Kherson, killing three": the killing is the shelling's outcome, not an attack of its own.
  // A weak happening word ("an explosion", "bombed") with a toll in its sentence, in its own words (not weakened by
  // its context), did happen: it weighs as much as the event threshold ("An explosion killed three" is an explosion).
  const happenings = matches.filter((m) => !m.cue && !m.outcome && eventClasses.get(m.code)?.acled);
  if (happenings.length) {
    const strongest = happenings.reduce((a, b) => (b.weight > a.weight ? b : a));
    const toll = matches.some((m) => m.outcome);
    for (let i = matches.length - 1; i >= 0; i--) if (matches[i].outcome) matches.splice(i, 1);
    // Not beside a word of a disaster or a crime, nor in a document reporting one ("explosions tore through an
    // industrial area").
    const other = matches.some((m) => eventClasses.get(m.code)?.acled === false) || reportsOther(doc);
    if (toll && !other && strongest.weight < MIN_EVENT_SCORE && strongest.weight === strongest.baseWeight) {
      matches[matches.indexOf(strongest)] = { ...strongest, rule: `${strongest.rule}+toll`, weight: MIN_EVENT_SCORE, baseWeight: MIN_EVENT_SCORE };
    }
  }
  if (!matches.length) return [];
  // "Three tanks attacked our positions", "warplanes … killing several": a generic attack by a named weapon is an
  // event of the weapon's class.
  const instrument = matches.filter((m) => m.instrument).sort((a, b) => b.baseWeight - a.baseWeight)[0];
  let blast: TriggerMatch | undefined;
  if (instrument && !matches.some((m) => !m.cue && !m.generic && eventClasses.get(m.code)?.acled)) {
    for (let i = 0; i < matches.length; i++) {
      if (matches[i].generic) matches[i] = { ...matches[i], code: instrument.code, rule: `${matches[i].rule}+${instrument.rule}` };
    }
  }
  // "A blast at a checkpoint left five policemen dead", "soldiers were killed by a bomb": a killing told beside an
  // explosion of its own sentence is that explosion's toll, not a clash (not beside a disaster or a crime word).
  else if (!instrument && (blast = explosionOf(doc, matches))) {
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i];
      if (m.toll && KILLED_IN_BLAST.has(eventClasses.get(m.code)?.type ?? '')) matches[i] = { ...m, code: blast.code, rule: `${m.rule}+${blast.rule}` };
    }
  }
  // "Russian forces attack Kherson, injuring 23 civilians": a state force's attack with no weapon named is remote
  // violence (data/actors.json `stateAttack`), not violence against civilians.
  else if (!instrument && matches.some((m) => m.generic && m.code === 'ATTACK') && !matches.some((m) => !m.cue && !m.generic && eventClasses.get(m.code)?.acled) && stateForceAttack(text)) {
    for (let i = 0; i < matches.length; i++) {
      if (matches[i].generic && matches[i].code === 'ATTACK') matches[i] = { ...matches[i], code: actorCues.stateAttack.class, rule: `${matches[i].rule}+state-force` };
    }
  }
  // A predicate inside a relative clause on "which" / "who" ("…, which Ukraine reports is the largest series of
  // airstrikes") describes; beside a predicate outside one, it weighs as background.
  const relative = matches.map((m) => (m.cue ? null : inRelative(doc, s, m)));
  const described = relative.map((r) => r !== null);
  const foreground = matches.some((m, i) => !m.cue && !described[i] && !m.context.includes('background') && eventClasses.get(m.code)?.acled);
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    matches[i] = { ...m, weight: foreground && (m.context.includes('background') || described[i]) ? m.baseWeight * BACKGROUND_FACTOR : m.baseWeight };
  }
  if (!matches.length) return [];
  const { scores, best } = scoreClasses(text, matches, false);
  // A class named only by supporting cues ("accused", "talks") does not outrank a happening ("Russia accuses
  // Ukraine of a drone attack on Sevastopol" reports the attack); one named by its own predicate does.
  const named = (code: string) => matches.some((m) => m.code === code && !m.cue);
  const ranked = Object.keys(scores)
    .filter((code) => eventClasses.get(code)?.acled || named(code))
    .sort((a, b) => scores[b] - scores[a]);
  const happeningOf = (code: string) => matches.filter((m) => m.code === code && !m.cue).sort((a, b) => b.weight - a.weight)[0];
  // The event needs a happening of its class, not only supporting cues (a "fighter jet" is not a strike); a class
  // named by cues alone gives way to the next that has one ("Residents fled after armed groups attacked the village").
  // A class whose happenings all lie in a describing relative clause or the background gives way to one told in the
  // foreground ("Government forces recaptured the town, which was hit by a sarin attack in 2017" is the recapture),
  // unless it refines a foreground class (a protest "where police fired tear gas" met an intervention).
  // A clause on a person tells about the actor of the foreground happening (its weapon: "who was wearing a suicide
  // vest"), so it keeps its say.
  const inForeground = (code: string) => matches.some((m, i) => m.code === code && !m.cue && relative[i] !== 'other' && !m.context.includes('background'));
  const told = (code: string) => !foreground || inForeground(code) || (eventClasses.get(code)?.refines ?? []).some(inForeground);
  const top = ranked.find((code) => happeningOf(code) && told(code)) ?? ranked.find((code) => happeningOf(code));
  const cls = top ? eventClasses.get(top) : undefined;
  if (!top || !cls || !cls.acled || scores[top] < MIN_EVENT_SCORE) return [];
  const happening = happeningOf(top)!;
  const trigger: TriggerMatch = best.get(top)!.cue ? happening : best.get(top)!;
  const sameClass = (code: string, t: TriggerMatch) => matches.filter((m) => m.code === code && m !== t && !m.cue);
  const refines = (cls.refines ?? []).some((code) => happeningOf(code));
  const frames: Frame[] = [{ trigger, code: top, score: scores[top], rival: 0, coordinated: false, sameClass: sameClass(top, trigger), refines }];
  // "there were airstrikes, shelling and …": predicates of other classes in one coordination are events of their own.
  const joined = (x: TriggerMatch, y: TriggerMatch) => {
    const [a, b] = x.start < y.start ? [x, y] : [y, x];
    return /^\s*(,|,?\s*and|,?\s*as well as)\s*$/i.test(text.slice(a.end, b.start));
  };
  for (let added = true; added; ) {
    added = false;
    for (const code of ranked) {
      const other = happeningOf(code);
      if (frames.some((f) => f.code === code) || !other || !eventClasses.get(code)?.acled || scores[code] < MIN_EVENT_SCORE) continue;
      // One word is one predicate: "fired rubber bullets and tear gas" — "tear gas" is the intervention's, though
      // protest-clash reads it too.
      if (matches.some((m) => !m.cue && frames.some((f) => f.code === m.code) && m.start < other.end && other.start < m.end)) continue;
      if (frames.some((f) => joined(f.trigger, other))) {
        frames.push({ trigger: other, code, score: scores[code], rival: 0, coordinated: true, sameClass: sameClass(code, other) });
        added = true;
      }
    }
  }
  // A rival is a class of the sentence that is not one of its events.
  const rival = Math.max(0, ...ranked.filter((c) => !frames.some((f) => f.code === c) && eventClasses.get(c)?.acled !== false).map((c) => scores[c]));
  return frames.map((f) => ({ ...f, rival }));
}

/** The events of one sentence (several when it lists places or coordinates predicates). */
function sentenceEvents(doc: Doc, s: Sentence, byIndex: ReadonlyMap<number, readonly Located[]>, year: number | null, kept?: TriggerMatch[]): ConflictEvent[] {
  const located = byIndex.get(s.index) ?? [];
  const text = doc.view.text.slice(s.vStart, s.vEnd);
  const out: ConflictEvent[] = [];
  for (const frame of framesOf(doc, s, text, located, kept)) {
    const when = currentDate(doc, s, text, frame.trigger, year);
    if (when) out.push(...frameEvents(doc, s, text, located, byIndex, frame, when));
  }
  return out;
}

/**
 * The date of a predicate of sentence `s`, or null when it is history: a date more than a year before the document,
 * or a sentence naming only earlier years (a starting point, "since February 2022", is not the time of anything).
 */
function currentDate(doc: Doc, s: Sentence, text: string, trigger: TriggerMatch, year: number | null): When | null {
  const starting = withoutStartingPoints(doc, s, text);
  const dated = starting.spans.some(([a, b]) => a <= trigger.start && trigger.start < b) ? text : starting.text;
  const when = dateOf(doc, s, trigger.start);
  if (when.fromText && when.date && doc.published && daysBetween(when.date, doc.published.value) > HISTORY_DAYS) return null;
  if (year !== null && when.date && Number(when.date.slice(0, 4)) < year - 1) return null;
  if (!when.fromText && year !== null && namesOnlyPastYears(dated, year)) return null;
  if (when.fromText && year !== null && !doc.published && namesOnlyPastYears(dated, year)) return null;
  return when;
}

function frameEvents(
  doc: Doc,
  s: Sentence,
  text: string,
  located: readonly Located[],
  byIndex: ReadonlyMap<number, readonly Located[]>,
  frame: Frame,
  when: When,
): ConflictEvent[] {
  const { trigger } = frame;
  let cls = eventClasses.get(frame.code)!;
  const places: PlaceCandidate[] = located
    .filter((l) => l.entity.kind === 'place')
    .map(candidate);
  // Whether a verb lies in a stretch of the sentence: "over A and a fire broke out in B" joins two clauses, not two
  // places of one happening.
  const verbIn = (from: number, to: number) => {
    const [first, end] = wordsIn(doc.lang, s.vStart + from, s.vStart + to);
    for (let i = first; i < end; i++) if (doc.lang.words[i].tag === 'VERB') return true;
    return false;
  };
  let pick: PlacePick = placesOf(text, trigger.start, trigger.end, places, verbIn);
  if (pick.rule !== 'argument' && pick.rule !== 'list' && pick.rule !== 'locative-list') {
    // Another predicate of the same class may have the place as its own argument ("troops enter Sumy and take
    // control of the road from Kyiv").
    for (const other of frame.sameClass) {
      const alt = placesOf(text, other.start, other.end, places);
      if (alt.rule === 'argument') {
        pick = alt;
        break;
      }
    }
  } else if (pick.rule === 'argument') {
    // Coordinated predicates of one class with arguments of their own are one event per place ("strike Kyiv's
    // energy facilities and launch missiles on Zaporizhzhia").
    for (const other of frame.sameClass) {
      const alt = placesOf(text, other.start, other.end, places);
      if (alt.rule !== 'argument' || alt.ids.some((id) => pick.ids.includes(id))) continue;
      pick = { ids: [...pick.ids, ...alt.ids], rule: 'argument', spans: [...pick.spans, ...alt.spans] };
    }
  }
  let placeRule: string = pick.rule;
  let placeTexts = pick.spans.map((sp) => text.slice(sp.start, sp.end));
  if (placeRules.placeAnaphora.test(text)) {
    // "the city" beats a country or region the sentence also names: it refers to a more specific place.
    const named = Math.max(-1, ...pick.ids.map((id) => placeRank(places.find((p) => p.id === id)?.type)));
    // "Kyiv authorities reported that nine drones were downed in the city": a place named earlier in the same sentence,
    // even as a speaker's attribute, is what "the city" refers to; else the sentences before.
    const at = text.search(placeRules.placeAnaphora);
    // A capital speaking for its state ("Moscow said the town …") is not what "the town" is; where the speakers sit
    // is ("Kyiv authorities said the city …", "Officials in Kharkiv said … over the city").
    const seat = (l: Located) =>
      SEAT_BEFORE.test(text.slice(Math.max(0, l.start - 12), l.start)) ||
      located.some((o) => o.entity.kind === 'organization' && o.start <= l.start && l.end <= o.end);
    // "the oblast", "the region" refer to a division, "the city", "the town", "there" to a town.
    const division = DIVISION_ANAPHORA.test(text.slice(at, at + 24));
    const fits = (type: string | undefined) =>
      division ? placeRank(type) >= DIVISION_RANK && placeRank(type) <= placeRank('admin2') : placeRank(type) >= CITY_RANK;
    const local = located
      .filter((l) => l.entity.kind === 'place' && l.end <= at && fits(l.entity.type) && (!l.metonym || seat(l)))
      .at(-1);
    const referred = local ? { id: local.entity.id, type: local.entity.type, name: local.entity.name } : placeBefore(s.index, byIndex, undefined, fits);
    // "Russian shelling continues across the oblast": the reference is the predicate's own place, whatever else the
    // sentence names in another clause.
    const own = at >= trigger.end && ANAPHOR_AFTER.test(text.slice(trigger.end, at)) && pick.rule !== 'argument' && pick.rule !== 'list';
    if (referred && (!pick.ids.length || named < placeRank(referred.type) || own)) {
      pick = { ids: [referred.id], rule: 'nearest', spans: [] };
      placeRule = 'anaphora';
      placeTexts = [referred.name];
    }
  }

  if (!pick.ids.length && placeRule !== 'anaphora') {
    // No place in the sentence: the report goes on about the place of the sentences before (an analyst codes it
    // there), with less confidence.
    const referred = placeBefore(s.index, byIndex, CONTEXT_PLACE_SENTENCES);
    if (referred) {
      pick = { ids: [referred.id], rule: 'nearest', spans: [] };
      placeRule = 'previous-sentences';
      placeTexts = [referred.name];
    }
  }

  // Evidence beside the predicate (a chemical payload, a place left by its holders) may call for a sibling sub-type.
  const refined = refineSubType(cls.code, trigger.rule, text, trigger.start, trigger.end);
  if (refined) cls = eventClasses.get(refined.to) ?? cls;
  // "Ukraine recaptured the city of Kherson": a state named as the subject took the place — its own territory
  // regained, a foreign state's taken (below) — unless a non-state actor is named before the predicate.
  const state = cls.code === 'NON_STATE_ACTOR_OVERTAKES_TER' && !refined && TERRITORY_RULES.has(trigger.rule) ? subjectCountry(doc, s, located, trigger) : null;
  if (state && !nonStateBefore(text, trigger.start)) {
    const placeCountry = doc.entities.find((e) => e.id === pick.ids[0])?.country;
    if (!placeCountry || !state.country || placeCountry === state.country) cls = eventClasses.get('GOV_REGAINS_TERIT') ?? cls;
  }
  // A state force taking a place abroad is a foreign state actor: ACLED's "Non-state actor overtakes territory".
  let foreign = false;
  if (cls.code === 'GOV_REGAINS_TERIT' && pick.ids.length) {
    // The place's country, else that of another place the sentence names ("Novy district of Chasiv Yar, Donetsk Oblast, Ukraine").
    const country =
      doc.entities.find((e) => e.id === pick.ids[0])?.country ??
      located.find((l) => l.entity.kind === 'place' && !l.metonym && l.entity.country)?.entity.country;
    const taker = takerCountry(text, trigger.start);
    if (country && taker && country !== taker) {
      cls = eventClasses.get('NON_STATE_ACTOR_OVERTAKES_TER') ?? cls;
      foreign = true;
    }
  }

  const tStart = doc.view.toInputStart(s.vStart + trigger.start);
  const tEnd = doc.view.toInputEnd(s.vStart + trigger.end);
  const claims = claimsOf(doc, tStart, tEnd);
  // Speakers report events; they are not actors in them.
  const speakers = new Set(claims.map((c) => c.speaker).concat((claimIndex(doc.claims).bySentence.get(s.index) ?? []).map((c) => c.speaker)));
  const actors = actorsOf(text, located, speakers, clauseFacts(doc, s.vStart + trigger.start, s.vStart + trigger.end), s.vStart);
  const span = doc.view.span(s.vStart, s.vEnd, `events/${trigger.rule}`);
  const rule = `events/${trigger.rule}${refined ? `+${refined.name}` : ''}${foreign ? '+foreign-state' : ''}${frame.coordinated ? '+coordinated' : ''}${frame.refines ? '+refines' : ''}`;
  const fatalities = findFatalities(text);
  const injuries = findInjuries(text);
  const quantity = findQuantity(text);
  const { confidence, reasons } = confidenceOf({
    weight: trigger.baseWeight,
    score: frame.score,
    rival: frame.rival,
    needsActor: trigger.needsActor,
    placed: pick.ids.length > 0,
    coarse: pick.ids.length > 0 && pick.ids.every((id) => placeRank(doc.entities.find((e) => e.id === id)?.type) <= COARSE_RANK),
    placeRule,
    coordinated: frame.coordinated,
  });
  const roles: Record<string, { rule: string; text: string | null }> = {
    predicate: { rule: trigger.rule, text: trigger.text },
    place: { rule: placeRule, text: placeTexts.join(' | ') || null },
    actors: { rule: actors.rule, text: actors.ids.map((id) => doc.entities.find((e) => e.id === id)?.name ?? id).join(' | ') || null },
    date: { rule: when.rule, text: when.text },
    fatalities: { rule: fatalities ? 'count-phrase' : 'none', text: fatalities ? String(fatalities.value) : null },
  };
  const evidence: EventEvidence = {
    frame: { rule: `events/${trigger.rule}`, code: cls.code, predicate: trigger.text },
    voice: claims.length ? 'attributed' : 'author',
    roles,
    confidence: reasons,
  };
  const base = {
    type: cls.type,
    subType: cls.subType,
    date: when.date,
    datePrecision: when.precision,
    actors: actors.ids,
    fatalities: fatalities?.value ?? null,
    injuries: injuries?.value ?? null,
    quantity: quantity?.value ?? null,
    claims: claims.map((c) => c.id),
    start: span.start,
    end: span.end,
    text: span.text,
    sentence: s.index,
    rule,
    confidence,
    evidence,
  };
  const targets = pick.ids.length ? pick.ids : [null];
  return targets.map((place, i) => ({
    ...base,
    id: '',
    place,
    rule: targets.length > 1 ? `${base.rule}+place-list` : base.rule,
    evidence: targets.length > 1 ? { ...evidence, roles: { ...roles, place: { rule: placeRule, text: placeTexts[i] ?? null } } } : evidence,
  }));
}

/** True when the event's sentence names no place of its own (none, or one taken from the sentences before). */
function placeless(e: ConflictEvent): boolean {
  return e.place === null || e.evidence?.roles.place?.rule === 'previous-sentences';
}

/**
 * View ranges of a transcript's reporter turns: from a paragraph opening with "Q" up to the next paragraph
 * opening with a speaker label ("MR. KIRBY:"). What reporters put to an official is held back (confidence).
 */
export function reporterTurns(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  const paragraph = /(^|\n[ \t]*\n)[ \t]*/g;
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) {
    const at = m.index + m[0].length;
    const head = text.slice(at, at + 60);
    if (open === -1 && turnCues.reporter.test(head)) open = at;
    else if (open !== -1 && turnCues.speaker.test(head)) {
      out.push([open, at]);
      open = -1;
      if (turnCues.reporter.test(head)) open = at;
    }
    if (m[0].length === 0) paragraph.lastIndex++;
  }
  if (open !== -1) out.push([open, text.length]);
  return out;
}

/**
 * `classifier-backoff`: when the frames of a short document (a snippet, a brief) made no event, the snippet
 * classifier's scoring (rules/classify-event.ts `scoreClasses`: weighed by context and by position, a class named by
 * supporting cues alone included) over the predicates that passed the actor condition and the gates (`kept`, view
 * offsets) makes one, at the sentence of its strongest trigger, if its best class is an ACLED class scoring
 * `BACKOFF.minScore` and the text names no happening of an 'Other' class by its own predicate (`reportsOther`).
 * Rule `events/backoff+<trigger rule>`, confidence lowered by `classifier-backoff` (below the desk's threshold):
 * the frame layer found no evidence of its own.
 */
function classifierBackoff(doc: Doc, located: ReadonlyMap<number, readonly Located[]>, kept: readonly TriggerMatch[], year: number | null): ConflictEvent[] {
  const text = doc.view.text;
  if (!kept.length || doc.sentences.length > BACKOFF.maxSentences || text.length > BACKOFF.maxChars || reportsOther(doc)) return [];
  const { scores, best } = scoreClasses(text, kept, true);
  const top = Object.keys(scores).reduce<string | null>((a, c) => (a === null || scores[c] > scores[a] ? c : a), null);
  if (!top || !eventClasses.get(top)?.acled || scores[top] < BACKOFF.minScore) return [];
  const found = best.get(top)!;
  const s = doc.sentences.find((x) => x.vStart <= found.start && found.end <= x.vEnd);
  if (!s) return [];
  const trigger = { ...found, start: found.start - s.vStart, end: found.end - s.vStart };
  const frame: Frame = { trigger, code: top, score: scores[top], rival: 0, coordinated: false, sameClass: [] };
  const sentence = text.slice(s.vStart, s.vEnd);
  // History stays history.
  const when = currentDate(doc, s, sentence, trigger, year);
  if (!when) return [];
  return frameEvents(doc, s, sentence, located.get(s.index) ?? [], located, frame, when).map((e) => {
    const { confidence, reasons } = adjust(e.confidence ?? 0, e.evidence?.confidence ?? [], 'classifier-backoff');
    return { ...e, rule: e.rule.replace(/^events\//, 'events/backoff+'), confidence, evidence: e.evidence ? { ...e.evidence, confidence: reasons } : e.evidence };
  });
}

/** Sentences after a country-wide strike within which a local report of harm belongs to it. */
const WAVE_SENTENCES = 8;

/**
 * `wave-local`: the last remote-violence event of the document placed at a whole country, within
 * {@link WAVE_SENTENCES}, ("a wave of missile strikes on Ukraine"), gains an event at each place of that country a later sentence
 * reports harm in (`waveHarm` in data/places.json: killed, injured, explosions, damaged, a home was hit) when that
 * sentence has no predicate of its own and is neither negated nor hypothetical. Same class and actors; counts from
 * the sentence; confidence `wave-local`.
 */
function waveLocal(doc: Doc, s: Sentence, text: string, located: readonly Located[], found: readonly ConflictEvent[]): ConflictEvent[] {
  const harm = placeRules.waveHarm.exec(text);
  if (!harm || placeRules.waveNoHarm.test(text.slice(0, harm.index))) return [];
  const countryOf = (e: ConflictEvent) => (e.place ? doc.entities.find((x) => x.id === e.place && x.type === 'country') : undefined);
  const wave = [...found].reverse().find((e) => s.index - e.sentence <= WAVE_SENTENCES && e.type === 'Explosions/Remote violence' && countryOf(e));
  const country = wave && countryOf(wave);
  if (!wave || !country) return [];
  const clause = clauseFacts(doc, s.vStart + harm.index, s.vStart + harm.index + harm[0].length);
  if (clause?.negated || clause?.modality || clause?.question) return [];
  const inside: PlaceCandidate[] = located
    .filter((l) => l.entity.kind === 'place' && !l.metonym && l.entity.country === country.country && placeRank(l.entity.type) > placeRank('country'))
    .map(candidate);
  const pick = placesOf(text, harm.index, harm.index + harm[0].length, inside);
  const span = doc.view.span(s.vStart, s.vEnd, 'events/wave-local');
  return pick.ids.map((id) => {
    const { confidence, reasons } = adjust(wave.confidence ?? 0, wave.evidence?.confidence ?? [], 'wave-local');
    const name = doc.entities.find((e) => e.id === id)?.name ?? id;
    const roles = wave.evidence ? { ...wave.evidence.roles, place: { rule: 'wave-local', text: name } } : undefined;
    return {
      ...wave,
      rule: wave.rule.replace(/^events\//, 'events/wave-local+'),
      sentence: s.index,
      place: id,
      start: span.start,
      end: span.end,
      text: span.text,
      fatalities: findFatalities(text)?.value ?? null,
      injuries: findInjuries(text)?.value ?? null,
      claims: [],
      confidence,
      evidence: wave.evidence && roles ? { ...wave.evidence, roles, confidence: reasons } : wave.evidence,
    };
  });
}

/** The events stage. */
export const eventsStage: Stage = {
  name: 'events',
  run(doc) {
    const located = mentionsBySentence(doc);
    const year = documentYear(doc);
    const found: ConflictEvent[] = [];
    const turns = reporterTurns(doc.view.text);
    // Predicates that passed the actor condition and the gates, in view offsets, for the classifier back-off.
    const kept: TriggerMatch[] = [];
    for (const s of doc.sentences) {
      const mine: TriggerMatch[] = [];
      const inTurn = turns.some(([a, b]) => s.vStart >= a && s.vStart < b);
      const events = sentenceEvents(doc, s, located, year, mine).map((e) => {
        if (!inTurn) return e;
        const { confidence, reasons } = adjust(e.confidence ?? 0, e.evidence?.confidence ?? [], 'reporter-turn');
        return { ...e, confidence, evidence: e.evidence ? { ...e.evidence, confidence: reasons } : e.evidence };
      });
      for (const m of mine) kept.push({ ...m, start: m.start + s.vStart, end: m.end + s.vStart });
      let last = found[found.length - 1];
      const text = doc.view.text.slice(s.vStart, s.vEnd);
      // "Russian forces launched missiles into Ukraine. … At least one of them landed in Kharkiv": the follow-up
      // tells where a country-level event happened.
      const coarse = last && s.index - last.sentence <= 2 && last.place ? doc.entities.find((e) => e.id === last.place) : undefined;
      if (last && coarse?.type === 'country' && placeRules.followUp.test(text)) {
        const inside = located
          .get(s.index)
          ?.filter((l) => l.entity.kind === 'place' && l.entity.country === coarse.country && placeRank(l.entity.type) > placeRank('country'))
          .sort((a, b) => placeRank(b.entity.type) - placeRank(a.entity.type))[0];
        if (inside) {
          const roles = last.evidence ? { ...last.evidence.roles, place: { rule: 'follow-up', text: inside.entity.name } } : undefined;
          const { confidence, reasons } = adjust(last.confidence ?? 0, last.evidence?.confidence ?? [], 'place-from-follow-up');
          const evidence = last.evidence && roles ? { ...last.evidence, roles, confidence: reasons } : last.evidence;
          last = found[found.length - 1] = { ...last, place: inside.entity.id, confidence, evidence };
        }
      }
      // "Russia launched missile strikes on Ukraine. … Two people were killed in the Khmelnytskyi region": a sentence
      // with no predicate of its own that tells of harm in a place of the wave's country is the wave's event there.
      if (!events.length) events.push(...waveLocal(doc, s, text, located.get(s.index) ?? [], found));
      // "The strike killed 70": a placeless sentence referring back adds to the last event, whatever its words.
      if (last && s.index - last.sentence <= 2 && placeRules.anaphora.test(text) && events.every(placeless)) {
        const counts = { ...last, fatalities: findFatalities(text)?.value ?? null, injuries: findInjuries(text)?.value ?? null, quantity: findQuantity(text)?.value ?? null };
        const claims = events.flatMap((e) => e.claims ?? []);
        found[found.length - 1] = mergeInto(last, { ...counts, claims, actors: events.flatMap((e) => e.actors), place: null });
        continue;
      }
      found.push(...events);
    }
    if (!found.length) found.push(...classifierBackoff(doc, located, kept, year));
    const types = new Map(doc.entities.map((e) => [e.id, e.type]));
    const events = mergeEvents(found).map((e, i) => ({
      ...e,
      id: `${doc.id}#e${i + 1}`,
      geoPrecision: e.place === null ? null : geoPrecision(types.get(e.place)),
    }));
    return { ...doc, events };
  },
};
