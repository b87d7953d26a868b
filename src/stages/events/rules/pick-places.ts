/**
 * Ties places to a trigger: the most specific place of the sentence, nearest to the trigger among equals,
 * preferring places introduced by a locative preposition ("in", "near", "over"); a list of places of the same
 * specificity ("in Oriol …, in Tula …, and in Voronezh …") yields every place of the list, one event each.
 */
import { placeRules } from './lexicon.js';

/** Score a place gains by being the trigger's own argument: more than any difference of rank. */
const ARGUMENT_BONUS = 10;
/** What joins two coordinated locatives: a separator or "and" ("in A, where …; in B", "over A and … over B"). */
const COORDINATION = /[,;]|\band\b/;
/** What stands between a facility and the town it lies in ("the Azot chemical plant in Sievierodonetsk"). */
const FACILITY_HOST = /^\s+(?:in|near|outside)\s+(?:the\s+(?:city|town|village)\s+of\s+)?$/;
/** Extra distance, in characters, for a place in another clause than the trigger. */
const CLAUSE_PENALTY = 50;

/** A place mention in a sentence (offsets relative to the sentence text). */
export interface PlaceCandidate {
  /** Entity id of the place. */
  readonly id: string;
  /** Entity type (`city`, `admin1`, `country`, …), when known. */
  readonly type?: string;
  readonly start: number;
  readonly end: number;
  /** A metonym ("Moscow said") names a government, not a place. */
  readonly metonym?: boolean;
  /** Says where the place before it lies ("Zvanivka, Bakhmut"): never the event's place itself. */
  readonly qualifier?: boolean;
}

/** Specificity rank of a place type (higher is more specific). */
export function placeRank(type: string | undefined): number {
  return placeRules.rank[type ?? 'unknown'] ?? placeRules.rank.unknown;
}

/** ACLED geo precision of a place type: 1 the place itself, 2 a region around it, 3 a larger area. */
export function geoPrecision(type: string | undefined): number {
  return placeRules.geoPrecision[type ?? 'unknown'] ?? placeRules.geoPrecision.unknown;
}

/**
 * The places a trigger at `[triggerStart, triggerEnd)` of `sentence` happened at: one id, several for a list,
 * none when the sentence names no place. Candidates that are metonyms, qualifiers of the place before them
 * ("Zvanivka, Bakhmut") or adjectives ("Russian") never count.
 */
export function pickPlaces(
  sentence: string,
  triggerStart: number,
  triggerEnd: number,
  candidates: readonly PlaceCandidate[],
): string[] {
  return placesOf(sentence, triggerStart, triggerEnd, candidates).ids;
}

/** The places of a trigger and the rule that chose them: `argument`, `list`, `locative-list`, `nearest`, or `none`. */
export interface PlacePick {
  readonly ids: string[];
  readonly rule: 'argument' | 'list' | 'locative-list' | 'nearest' | 'none';
  /** Offsets (relative to the sentence) of the chosen mentions, in the order of `ids`. */
  readonly spans: { start: number; end: number }[];
}

/**
 * {@link pickPlaces} with the rule that chose the places. `verbIn` (sentence offsets) says whether a verb lies in a
 * stretch, read from the linguistic layer: two locatives joined by "and" with a verb between are two clauses.
 */
export function placesOf(
  sentence: string,
  triggerStart: number,
  triggerEnd: number,
  candidates: readonly PlaceCandidate[],
  verbIn?: (start: number, end: number) => boolean,
): PlacePick {
  const passive = !/ing$/i.test(sentence.slice(triggerStart, triggerEnd));
  const usable = candidates.filter(
    (c) =>
      !c.metonym &&
      !c.qualifier &&
      /^[A-Z0-9]/.test(sentence.slice(c.start, c.end)) &&
      // "launched by Ukraine", "Kyiv said": the name stands for an actor, not for where it happened.
      !placeRules.agent.test(sentence.slice(Math.max(0, c.start - 20), c.start)) &&
      !placeRules.speakerAfter.test(sentence.slice(c.end, c.end + 50)) &&
      // "Turkey has shelled …": the subject of the trigger is its actor; the subject of a passive is what it struck or
      // took ("Hajin was captured"), not when the trigger is a progressive ("Turkey was shelling").
      !(c.end <= triggerStart && placeRules.subjectGap.test(sentence.slice(c.end, triggerStart)) && !(passive && placeRules.passiveSubjectGap.test(sentence.slice(c.end, triggerStart)))) &&
      // "BEIRUT (AP) —": where the report was filed.
      !(placeRules.dateline.test(sentence) && c.start < (placeRules.dateline.exec(sentence)?.[0].length ?? 0)),
  );
  if (!usable.length) return { ids: [], rule: 'none', spans: [] };
  const ownArgument = (c: PlaceCandidate) =>
    (c.end <= triggerStart && placeRules.passiveSubjectGap.test(sentence.slice(c.end, triggerStart))) ||
    (c.start >= triggerEnd && placeRules.objectGap.test(sentence.slice(triggerEnd, c.start)));
  // "shelled the Azot chemical plant in Sievierodonetsk": a facility with the town it lies in after it passes its
  // argument's place on to the town (ACLED codes the town; a facility the gazetteer lacks has no point).
  const hostOf = (c: PlaceCandidate) =>
    c.type === 'facility' ? usable.find((d) => d !== c && d.start >= c.end && FACILITY_HOST.test(sentence.slice(c.end, d.start))) : undefined;
  const isArgument = (c: PlaceCandidate): boolean => {
    if (hostOf(c)) return false;
    if (ownArgument(c)) return true;
    return usable.some((f) => f !== c && hostOf(f) === c && ownArgument(f));
  };
  const isLocative = (c: PlaceCandidate) => placeRules.locative.test(sentence.slice(Math.max(0, c.start - 40), c.start));
  const score = (c: PlaceCandidate) => {
    const possessive = /^['’]s\b/.test(sentence.slice(c.end, c.end + 3));
    // The trigger's own argument ("Bakhmut has been occupied", "captured the town of Kozinka") comes first.
    return placeRank(c.type) + (isLocative(c) ? 1 : 0) - (possessive ? 1 : 0) + (isArgument(c) ? ARGUMENT_BONUS : 0);
  };
  // Distance in characters; a clause boundary between place and trigger ("After talks in Geneva, shelling hit
  // Donetsk") counts as far, because the place then belongs to another clause.
  const distance = (c: PlaceCandidate) => {
    const gap = c.end <= triggerStart ? sentence.slice(c.end, triggerStart) : sentence.slice(triggerEnd, Math.max(triggerEnd, c.start));
    return gap.length + (/[,;:—–()]/.test(gap) ? CLAUSE_PENALTY : 0);
  };
  const pick = (list: PlaceCandidate[], rule: PlacePick['rule']): PlacePick => {
    const seen = new Set<string>();
    const chosen = list.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
    return { ids: chosen.map((c) => c.id), rule, spans: chosen.map((c) => ({ start: c.start, end: c.end })) };
  };
  const best = Math.max(...usable.map(score));
  const top = usable.filter((c) => score(c) === best).sort((a, b) => a.start - b.start);
  // A list: top places in sequence, each gap holding a list separator.
  const list: PlaceCandidate[] = [];
  for (const c of top) {
    const prev = list[list.length - 1];
    if (!prev) list.push(c);
    else if (placeRules.list.test(sentence.slice(prev.end, c.start))) list.push(c);
    else break;
  }
  // The list goes on through places as specific whose score the locative window no longer reaches ("hit A, B and C").
  const extend = (chain: PlaceCandidate[]) => {
    const last = chain[chain.length - 1];
    for (const c of usable.filter((x) => x.start > last.start && placeRank(x.type) === placeRank(chain[0].type)).sort((a, b) => a.start - b.start)) {
      if (placeRules.list.test(sentence.slice(chain[chain.length - 1].end, c.start))) chain.push(c);
      else break;
    }
    return chain;
  };
  if (new Set(list.map((c) => c.id)).size >= 2 && list.length === top.length) return pick(extend(list), 'list');
  // The predicate's argument heading a list ("targeting A, B and C"): every place of the list, as equally specific.
  if (top.length === 1 && isArgument(top[0])) {
    const chain = extend([top[0]]);
    if (new Set(chain.map((c) => c.id)).size >= 2) return pick(chain, 'list');
  }
  // Coordinated locatives after the predicate, however long the clauses between them ("drones fell in A, where
  // …; in B, …, and in C"; "the first was downed near A, the second near B"; "three over A and one over B"): one
  // place each, when they are the most specific places of the sentence and each is introduced by a locative
  // preposition after a separator or "and".
  const rank = Math.max(...usable.map((c) => placeRank(c.type)));
  const locatives = usable
    .filter((c) => c.start >= triggerEnd && placeRank(c.type) === rank && placeRules.locativePrep.test(sentence.slice(Math.max(0, c.start - 12), c.start)))
    .sort((a, b) => a.start - b.start);
  if (new Set(locatives.map((c) => c.id)).size >= 2) {
    const chain = [locatives[0]];
    for (const c of locatives.slice(1)) {
      const from = chain[chain.length - 1].end;
      const gap = sentence.slice(from, c.start);
      // Joined by "and" alone, the second locative is another clause's when a verb of its own lies between.
      const and = !/[,;]/.test(gap) && COORDINATION.exec(gap);
      if (!COORDINATION.test(gap) || (and && verbIn?.(from + and.index, c.start))) break;
      chain.push(c);
    }
    // "three drones over the A region and one each over the B, C and D regions": the last locative heads a list.
    if (new Set(chain.map((c) => c.id)).size >= 2) return pick(extend(chain), 'locative-list');
  }
  const nearest = [...top].sort((a, b) => distance(a) - distance(b))[0];
  return pick([nearest], isArgument(nearest) ? 'argument' : 'nearest');
}
