/**
 * Who changed control of territory. "Government regains territory" and "Non-state actor overtakes territory"
 * share their verbs (captured, retook, seized control); the actor decides, so the nearest actor cue before the
 * trigger — or the agent after "by" in a passive ("was recaptured by government troops") — picks the class.
 */
import { actorCues } from './lexicon.js';

/** The side that took the territory: a government or a non-state actor. */
export type Taker = 'government' | 'nonState';

function lastMatch(re: RegExp, text: string): number {
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index + m[0].length;
  return last;
}

/** As lastMatch, skipping an actor cue that names the side driven out or fought (`opponentBefore` in actors.json). */
function lastTaker(re: RegExp, text: string): number {
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!actorCues.opponentBefore.test(text.slice(Math.max(0, m.index - 60), m.index))) last = m.index + m[0].length;
  }
  return last;
}

function firstMatch(re: RegExp, text: string): number {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m ? m.index : -1;
}

/**
 * Decides who took territory at the trigger `[start, end)` of `text`: the agent of a passive first, then the
 * nearest actor cue before the trigger (within 160 characters; not one right after a verb of driving out or
 * "against" / "from", which names the losing side), then the nearest after it; `nonState` when
 * nothing tells, since ACLED codes most territorial changes reported in the news as taken by armed groups.
 */
export function territoryTaker(text: string, start: number, end: number): Taker {
  // "the militants were pushed back / driven out": the subject lost the ground, so the other side took it.
  // Only a participle is passive ("were pushed back"); "are now in full control of" is no passive.
  const loser = /\b(were|was|been|being|are|is)\s+(\w+\s+)?$/i.test(text.slice(Math.max(0, start - 30), start)) && /^[a-z]+(ed|en|wn|un)\b/i.test(text.slice(start, end));
  const taker = decide(text, start, end);
  // Only invert when an actor was the subject; "Bakhmut has been occupied" has a place for subject.
  // The subject is the noun phrase right before the auxiliary ("the militants were pushed back"), not an actor named
  // earlier in the sentence ("The army announced that the town had been liberated from the terrorists").
  const near = text.slice(Math.max(0, start - 60), start).replace(/\b(were|was|been|being|are|is)\s+(\w+\s+)?$/i, '');
  const subjectIsActor = [actorCues.government, actorCues.nonState].some((re) => {
    const end = lastMatch(re, near);
    return end !== -1 && /^(\s+[\w'’-]+){0,2}\s+(have|has|had)?\s*$/i.test(near.slice(end) + ' ');
  });
  if (!loser || !subjectIsActor || /^\s*(\w+\s+){0,3}by\b/i.test(text.slice(end, end + 80))) return taker;
  return taker === 'government' ? 'nonState' : 'government';
}

/**
 * The event code of a trigger's class: `@territory` becomes ACLED's government-regains or non-state-overtakes code
 * by {@link territoryTaker}; any other class is its own code.
 */
export function eventCode(cls: string, text: string, start: number, end: number): string {
  if (cls !== '@territory') return cls;
  return territoryTaker(text, start, end) === 'government' ? 'GOV_REGAINS_TERIT' : 'NON_STATE_ACTOR_OVERTAKES_TER';
}

function decide(text: string, start: number, end: number): Taker {
  const after = text.slice(end, end + 80);
  const passive = /^\s*(\w+\s+){0,3}by\s+(.{0,60})/i.exec(after);
  if (passive) {
    const g = firstMatch(actorCues.government, passive[2]);
    const n = firstMatch(actorCues.nonState, passive[2]);
    if (g !== -1 || n !== -1) return n === -1 || (g !== -1 && g < n) ? 'government' : 'nonState';
  }
  // "The militants, who clashed with soldiers for hours, seized the village": an actor inside a relative clause set
  // off by commas is who the subject fought, not the subject.
  const before = text.slice(Math.max(0, start - 160), start).replace(/,\s*(who|which|whom)\b[^,;.]*,/gi, (m) => ' '.repeat(m.length));
  const g = lastTaker(actorCues.government, before);
  const n = lastTaker(actorCues.nonState, before);
  if (g !== -1 || n !== -1) return g > n ? 'government' : 'nonState';
  const g2 = firstMatch(actorCues.government, after);
  const n2 = firstMatch(actorCues.nonState, after);
  if (g2 !== -1 && (n2 === -1 || g2 < n2)) return 'government';
  return 'nonState';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let demonymRe: RegExp | null = null;

/** Words before a demonym that name a backer of the taker, not the taker (`backedBy` in actors.json). */
const BACKERS = actorCues.backedBy;

/**
 * The country of the state actor named nearest before the trigger ("Russian forces captured …" → `RU`), or
 * null. ACLED codes a state force taking a place in another country as a foreign state actor, under
 * "Non-state actor overtakes territory".
 */
export function takerCountry(text: string, start: number): string | null {
  demonymRe ??= new RegExp(`(?<![\\w.])(${Object.keys(actorCues.demonyms).sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w])`, 'gi');
  const before = text.slice(Math.max(0, start - 120), start);
  let last: string | null = null;
  demonymRe.lastIndex = 0;
  // "Syrian forces backed by Russian air strikes recaptured …": a state that backs the taker is not the taker.
  for (let m = demonymRe.exec(before); m; m = demonymRe.exec(before)) {
    if (!BACKERS.test(before.slice(Math.max(0, m.index - 40), m.index))) last = m[1].toLowerCase();
  }
  return last ? actorCues.demonyms[last] ?? null : null;
}

let stateAttackRe: RegExp | null = null;

/**
 * True when a state's armed force named by its demonym is the agent of an attack word in `text` ("Russian
 * forces attack Kherson", "a Ukrainian attack killed three civilians"): such an attack, with no weapon named,
 * takes the class of `stateAttack` in data/actors.json (remote violence).
 */
export function stateForceAttack(text: string): boolean {
  demonymRe ??= new RegExp(`(?<![\\w.])(${Object.keys(actorCues.demonyms).sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w])`, 'gi');
  stateAttackRe ??= new RegExp(actorCues.stateAttack.after);
  demonymRe.lastIndex = 0;
  for (let m = demonymRe.exec(text); m; m = demonymRe.exec(text)) {
    if (stateAttackRe.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) return true;
  }
  return false;
}
