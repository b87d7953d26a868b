/**
 * One event per happening within a document. Sentences about the same strike repeat it ("A drone hit
 * Istra. The strike injured two."), and a headline restates the lead; these merge into the first report,
 * which keeps its evidence span and gains the later sentences' counts, actors and claims.
 */
import type { ConflictEvent } from '../../../core/index.js';
import { actorCues, eventClasses } from './lexicon.js';

/** Class code by ACLED sub-type. */
const codeOf = new Map([...eventClasses.values()].map((c) => [c.subType, c.code]));

/** True when `a`'s class replaces `b`'s for one happening told both ways (data/taxonomy.json `outranks`). */
function outranks(a: ConflictEvent, b: ConflictEvent): boolean {
  const ca = eventClasses.get(codeOf.get(a.subType) ?? '');
  if (ca?.outranksWhen && !a.rule.split('+').some((part) => ca.outranksWhen!.includes(part))) return false;
  return !!ca?.outranks?.includes(codeOf.get(b.subType) ?? '');
}
/**
 * The class `later` and `earlier` make together when `later` retells `earlier` (data/taxonomy.json `retoldAs`: "Thousands
 * marched. Some of them smashed shop windows" is one violent demonstration): only for a later event with no actor of
 * its own (no actor entity, no party named in its sentence), a few sentences after, at the same place or an unknown one.
 */
function retoldAs(earlier: ConflictEvent, later: ConflictEvent): string | undefined {
  const code = eventClasses.get(codeOf.get(later.subType) ?? '')?.retoldAs?.[codeOf.get(earlier.subType) ?? ''];
  if (!code || later.actors?.length || later.sentence <= earlier.sentence || later.sentence - earlier.sentence > RETOLD_SENTENCES) return undefined;
  // A party named in its sentence did it ("Russian troops looted shops in the same town"), not the crowd; a party's
  // building or vehicle destroyed ("torched a police post") names no party acting.
  let text = later.text.replace(actorCues.partyProperty, (m) => ' '.repeat(m.length));
  // "Thousands demonstrated in X. Clashes broke out when police tried to push them back": the police are whom the
  // crowd clashed with, not a party that makes the clash a battle of its own (an armed group named there still is).
  if (later.type === 'Battles') text = text.replace(actorCues.crowdOpponents, (m) => ' '.repeat(m.length));
  for (const re of [actorCues.government, actorCues.nonState]) {
    re.lastIndex = 0;
    if (re.test(text)) return undefined;
  }
  return earlier.place === later.place || earlier.place === null || later.place === null ? code : undefined;
}

/** Sentences within which a happening told first one way and then another ("protested … threw stones") is one. */
const RETOLD_SENTENCES = 3;

/** Sentences within which a placeless report is taken as a follow-up of an earlier event of the same type. */
const FOLLOW_UP_SENTENCES = 2;

function max(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null) return b ?? null;
  if (b == null) return a;
  return Math.max(a, b);
}

function union(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

/** True when `later` reports the same happening as `earlier`. */
export function sameHappening(earlier: ConflictEvent, later: ConflictEvent): boolean {
  if (retoldAs(earlier, later)) return true;
  if (earlier.subType !== later.subType && (outranks(later, earlier) || outranks(earlier, later))) {
    // "Thousands protested in X. Protesters threw stones at the police": one violent demonstration.
    return Math.abs(later.sentence - earlier.sentence) <= RETOLD_SENTENCES && (earlier.place === later.place || earlier.place === null || later.place === null);
  }
  if (earlier.subType !== later.subType) {
    // A placeless follow-up of the same event type ("the strike killed five") still belongs to it.
    return later.place === null && earlier.type === later.type && later.sentence - earlier.sentence <= FOLLOW_UP_SENTENCES && later.sentence > earlier.sentence;
  }
  // Only two day-precise dates can disagree; "this week" and "on Tuesday" may name the same day.
  if (earlier.date && later.date && earlier.date !== later.date && earlier.datePrecision === 'day' && later.datePrecision === 'day') return false;
  if (earlier.place !== null && later.place !== null) {
    if (earlier.place !== later.place) return false;
    // Two different times at one place ("over the past two weeks" … "just a day earlier") are two happenings,
    // even when neither could be dated.
    const ta = earlier.evidence?.roles.date?.text?.toLowerCase();
    const tb = later.evidence?.roles.date?.text?.toLowerCase();
    if (ta && tb && ta !== tb && !(earlier.date && earlier.date === later.date)) return false;
    // Two different death tolls at one place are two happenings ("a strike on Kyiv killed 3 … another killed 5").
    if (earlier.fatalities != null && later.fatalities != null && earlier.fatalities !== later.fatalities) return false;
    return true;
  }
  // Neither placed: a document rarely reports two unplaced happenings of one sub-type; they are one.
  if (earlier.place === null && later.place === null) return true;
  // One side placeless: the same happening when reported close together.
  return later.sentence - earlier.sentence <= FOLLOW_UP_SENTENCES;
}

/** Folds `later` into `earlier`: counts take the largest stated, ids are unioned, the first evidence stays. */
export function mergeInto(earlier: ConflictEvent, later: ConflictEvent): ConflictEvent {
  // The class that outranks the other names the happening; the first report keeps the evidence span.
  const as = retoldAs(earlier, later);
  const cls = as ? eventClasses.get(as) : undefined;
  const kind = cls
    ? { type: cls.type, subType: cls.subType, rule: `${later.rule}+retold` }
    : outranks(later, earlier)
      ? { type: later.type, subType: later.subType, rule: `${later.rule}+retold` }
      : {};
  return {
    ...earlier,
    ...kind,
    place: earlier.place ?? later.place,
    date: earlier.date ?? later.date,
    datePrecision: earlier.date ? earlier.datePrecision : later.datePrecision,
    actors: union(earlier.actors, later.actors),
    fatalities: max(earlier.fatalities, later.fatalities),
    injuries: max(earlier.injuries, later.injuries),
    quantity: max(earlier.quantity, later.quantity),
    claims: union(earlier.claims, later.claims),
  };
}

/**
 * Merges events of one document that report the same happening; the input is in text order, ids are given
 * afterwards so they stay dense.
 */
export function mergeEvents(events: readonly ConflictEvent[]): ConflictEvent[] {
  const out: ConflictEvent[] = [];
  for (const e of events) {
    const i = out.findIndex((o) => sameHappening(o, e));
    if (i === -1) out.push(e);
    else out[i] = mergeInto(out[i], e);
  }
  return out;
}
