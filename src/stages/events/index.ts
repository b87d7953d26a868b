/**
 * The events stage: ACLED-typed events, one per happening, each dated, placed, with its actors, counts and the
 * claims that report it.
 *
 * Sentence by sentence: triggers (data/triggers.json) propose classes; those under negation, future, modality
 * or a hypothetical (data/context.json) are dropped, as are history mentions; the best-scoring ACLED class of
 * the sentence makes an event (the 'Other' classes — diplomacy, attribution, disasters, crime — never do).
 * Its arguments come from what earlier stages left on the document: places and actors (entities with
 * mentions in the sentence), dates (time expressions, then the publication date), claims (whose content
 * contains the trigger). Events about the same happening are merged at the end.
 */
import type { Claim, ConflictEvent, DatePrecision, Doc, Entity, Sentence, Stage } from '../../core/index.js';
import { isUnreal } from './rules/context-cues.js';
import { scoreClasses } from './rules/classify-event.js';
import { findFatalities, findInjuries, findQuantity } from './rules/count-phrases.js';
import { findTriggers, type TriggerMatch } from './rules/find-triggers.js';
import { eventClasses, hasConflictContext, placeRules, yearPattern } from './rules/lexicon.js';
import { mergeEvents, mergeInto } from './rules/merge-events.js';
import { geoPrecision, pickPlaces, placeRank, type PlaceCandidate } from './rules/pick-places.js';
import { takerCountry } from './rules/territory.js';

/** The snippet classifier, for the CASE 2021 harness and any caller with a bare text. */
export { classifyEvent, type EventClassification } from './rules/classify-event.js';

/** A sentence's best class must reach this score to make an event: one weak word ("blast") is not enough. */
const MIN_EVENT_SCORE = 3;
/** Dates this many days before publication are history, not news of this report. */
const HISTORY_DAYS = 60;

interface Located {
  entity: Entity;
  /** View offsets relative to the sentence. */
  start: number;
  end: number;
  metonym?: boolean;
}

/** Entity mentions of each sentence, in view offsets relative to the sentence start. */
function mentionsBySentence(doc: Doc): Map<number, Located[]> {
  const by = new Map<number, Located[]>();
  for (const entity of doc.entities) {
    for (const m of entity.mentions) {
      const s = doc.sentences[m.sentence];
      if (!s) continue;
      const list = by.get(m.sentence) ?? [];
      list.push({ entity, start: doc.view.toView(m.start) - s.vStart, end: doc.view.toView(m.end) - s.vStart, metonym: m.metonym });
      by.set(m.sentence, list);
    }
  }
  return by;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

/** The date of a trigger: the sentence's resolved time expression nearest to it, then the publication date. */
function dateOf(doc: Doc, s: Sentence, triggerStart: number): { date: string | null; precision?: DatePrecision; fromText: boolean } {
  const times = doc.times.filter((t) => t.sentence === s.index && t.value);
  if (times.length) {
    const at = doc.view.toInputStart(s.vStart + triggerStart);
    const t = [...times].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
    return { date: t.value, precision: t.precision ?? 'day', fromText: true };
  }
  // Undated in the text: the report's date, at week precision as ACLED codes "recently reported" events.
  if (doc.published) return { date: doc.published.value, precision: 'week', fromText: false };
  return { date: null, fromText: false };
}

/** True when the sentence names years and all of them lie before the publication year ("In 2017, …"). */
function namesOnlyPastYears(text: string, published: string): boolean {
  const year = Number(published.slice(0, 4));
  const years = [...text.matchAll(yearPattern)].map((m) => Number(m[1]));
  return years.length > 0 && years.every((y) => y < year);
}

/** Claims whose content span contains the trigger (input offsets). */
function claimsOf(doc: Doc, start: number, end: number): Claim[] {
  return doc.claims.filter((c) => c.contentSpan && c.contentSpan.start <= start && end <= c.contentSpan.end);
}

/** Sentences back to look for the place that "the city" or "there" refers to. */
const PLACE_ANAPHORA_SENTENCES = 3;

/**
 * The most specific place of the few sentences before `index`, for "the city"; among equals the one the
 * document mentions most, since a passing mention is rarely what "the city" refers back to.
 */
function placeBefore(index: number, located: ReadonlyMap<number, readonly Located[]>): { id: string; type?: string } | null {
  let best: { id: string; type?: string; rank: number } | null = null;
  for (let i = index - 1; i >= Math.max(0, index - PLACE_ANAPHORA_SENTENCES); i--) {
    for (const l of located.get(i) ?? []) {
      if (l.entity.kind !== 'place' || l.metonym) continue;
      const rank = placeRank(l.entity.type) * 1000 + l.entity.mentions.length;
      if (!best || rank > best.rank) best = { id: l.entity.id, type: l.entity.type, rank };
    }
  }
  return best;
}

/** The events of one sentence (several when it lists places). */
function sentenceEvents(doc: Doc, s: Sentence, byIndex: ReadonlyMap<number, readonly Located[]>): ConflictEvent[] {
  const located = byIndex.get(s.index) ?? [];
  const text = doc.view.text.slice(s.vStart, s.vEnd);
  // Unreal and history triggers are dropped; the rest are real happenings, so a background one ("had captured",
  // often how a claim reports it) weighs fully here, unlike in the snippet classifier.
  const conflict = hasConflictContext(text);
  const matches = findTriggers(text)
    .filter((m) => eventClasses.has(m.code) && !isUnreal(m.context) && !m.context.includes('history'))
    .filter((m) => conflict || !m.needsActor)
    .map((m) => ({ ...m, weight: m.baseWeight }));
  if (!matches.length) return [];
  const { scores, best } = scoreClasses(text, matches, false);
  let top: string | null = null;
  for (const code of Object.keys(scores)) if (top === null || scores[code] > scores[top]) top = code;
  const cls = top ? eventClasses.get(top) : undefined;
  if (!top || !cls || !cls.acled || scores[top] < MIN_EVENT_SCORE) return [];
  // The event needs a happening of its class, not only supporting cues (a "fighter jet" is not a strike).
  const happening = matches.filter((m) => m.code === top && !m.cue).sort((a, b) => b.weight - a.weight)[0];
  if (!happening) return [];
  const trigger: TriggerMatch = best.get(top)!.cue ? happening : best.get(top)!;

  const when = dateOf(doc, s, trigger.start);
  if (when.fromText && when.date && doc.published && daysBetween(when.date, doc.published.value) > HISTORY_DAYS) return [];
  if (!when.fromText && doc.published && namesOnlyPastYears(text, doc.published.value)) return [];

  const places: PlaceCandidate[] = located
    .filter((l) => l.entity.kind === 'place')
    .map((l) => ({ id: l.entity.id, type: l.entity.type, start: l.start, end: l.end, metonym: l.metonym }));
  let placeIds = pickPlaces(text, trigger.start, trigger.end, places);
  if (placeRules.placeAnaphora.test(text)) {
    // "the city" beats a country or region the sentence also names: it refers to a more specific place.
    const named = Math.max(-1, ...placeIds.map((id) => placeRank(places.find((p) => p.id === id)?.type)));
    const referred = placeBefore(s.index, byIndex);
    if (referred && (!placeIds.length || named < placeRank(referred.type))) placeIds = [referred.id];
  }

  // A state force taking a place abroad is a foreign state actor: ACLED's "Non-state actor overtakes territory".
  let type = cls;
  if (cls.code === 'GOV_REGAINS_TERIT' && placeIds.length) {
    const country = doc.entities.find((e) => e.id === placeIds[0])?.country;
    const taker = takerCountry(text, trigger.start);
    if (country && taker && country !== taker) type = eventClasses.get('NON_STATE_ACTOR_OVERTAKES_TER') ?? cls;
  }

  const tStart = doc.view.toInputStart(s.vStart + trigger.start);
  const tEnd = doc.view.toInputEnd(s.vStart + trigger.end);
  const claims = claimsOf(doc, tStart, tEnd);
  // Speakers report events; they are not actors in them.
  const speakers = new Set(claims.map((c) => c.speaker).concat(doc.claims.filter((c) => c.sentence === s.index).map((c) => c.speaker)));
  const actors = [
    ...new Set(
      located
        .filter((l) => (l.entity.kind === 'organization' || l.entity.kind === 'person') && !speakers.has(l.entity.id))
        .map((l) => l.entity.id),
    ),
  ];
  const evidence = doc.view.span(s.vStart, s.vEnd, `events/${trigger.rule}`);
  const base = {
    type: type.type,
    subType: type.subType,
    date: when.date,
    datePrecision: when.precision,
    actors,
    fatalities: findFatalities(text)?.value ?? null,
    injuries: findInjuries(text)?.value ?? null,
    quantity: findQuantity(text)?.value ?? null,
    claims: claims.map((c) => c.id),
    start: evidence.start,
    end: evidence.end,
    text: evidence.text,
    sentence: s.index,
    rule: type === cls ? `events/${trigger.rule}` : `events/${trigger.rule}+foreign-state`,
  };
  const targets = placeIds.length ? placeIds : [null];
  return targets.map((place) => ({ ...base, id: '', place, rule: targets.length > 1 ? `${base.rule}+place-list` : base.rule }));
}

/** The events stage. */
export const eventsStage: Stage = {
  name: 'events',
  run(doc) {
    const located = mentionsBySentence(doc);
    const found: ConflictEvent[] = [];
    for (const s of doc.sentences) {
      const here = located.get(s.index) ?? [];
      const events = sentenceEvents(doc, s, located);
      const last = found[found.length - 1];
      // "The strike killed 70": a placeless sentence referring back adds to the last event, whatever its words.
      const text = doc.view.text.slice(s.vStart, s.vEnd);
      if (last && s.index - last.sentence <= 2 && placeRules.anaphora.test(text) && events.every((e) => e.place === null)) {
        const counts = { ...last, fatalities: findFatalities(text)?.value ?? null, injuries: findInjuries(text)?.value ?? null, quantity: findQuantity(text)?.value ?? null };
        const claims = events.flatMap((e) => e.claims ?? []);
        found[found.length - 1] = mergeInto(last, { ...counts, claims, actors: events.flatMap((e) => e.actors), place: null });
        continue;
      }
      found.push(...events);
    }
    const types = new Map(doc.entities.map((e) => [e.id, e.type]));
    const events = mergeEvents(found).map((e, i) => ({
      ...e,
      id: `${doc.id}#e${i + 1}`,
      geoPrecision: e.place === null ? null : geoPrecision(types.get(e.place)),
    }));
    return { ...doc, events };
  },
};
