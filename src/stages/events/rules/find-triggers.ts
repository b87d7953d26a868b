/**
 * Finds event triggers in a text: every match of every trigger of `data/triggers.json` whose conditions hold,
 * with its class resolved (a change of control becomes government/non-state by its actor) and its context.
 */
import { contextOf, contextFactor, type CueKind } from './context-cues.js';
import { triggers, type Trigger } from './lexicon.js';
import { wordPrefixes } from './prefixes.js';
import { eventCode } from './territory.js';

/** A trigger found in a text. */
export interface TriggerMatch {
  /** The trigger's rule name (`air-strike`). */
  readonly rule: string;
  /** Resolved class code (`AIR_STRIKE`, `GOV_REGAINS_TERIT`, …). */
  readonly code: string;
  /** Weight from the lexicon, scaled by the context factor. */
  readonly weight: number;
  /** Weight from the lexicon alone. */
  readonly baseWeight: number;
  /** Offsets in the text searched. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Context cues governing it. */
  readonly context: readonly CueKind[];
  /** A supporting cue only (a weapon or actor noun), not a happening. */
  readonly cue: boolean;
  /** Ambiguous: an event in a document only beside an actor or conflict cue. */
  readonly needsActor: boolean;
  /** The outcome of another predicate when its sentence has one ("killing ten civilians"). */
  readonly outcome: boolean;
  /** Tells a toll ("soldiers were killed", "left five dead"): an explosion beside it claims it. */
  readonly toll?: boolean;
  /** An attack or killing word that says nothing of the means. */
  readonly generic: boolean;
  /** A weapon, giving its class to a generic attack. */
  readonly instrument: boolean;
}

/** The sentence around `at` in `text` (cheap: split on final punctuation), for the context cues. */
function sentenceStart(text: string, at: number): number {
  const re = /[.!?]["”']?\s+(?=[A-Z"“0-9])/g;
  let start = 0;
  for (let m = re.exec(text); m && m.index < at; m = re.exec(text)) start = m.index + m[0].length;
  return start;
}

/** Determiners that may open a sentence before a capitalised word that is no name ("An IED blast"). */
const DETERMINER = /^(A|An|The|This|That|These|Those|Another|Each|Every|Some|No)$/;

/**
 * True when a capitalised match sits inside a multi-word name ("Levant Liberation Board", "Free Syrian Army"):
 * a word of a name is not a trigger. A capital at the start of a sentence does not count.
 */
function inName(text: string, start: number, end: number): boolean {
  if (!/^[A-Z]/.test(text[start])) return false;
  if (titleCase(text, start)) return false;
  const before = text.slice(Math.max(0, start - 40), start);
  const prev = /([A-Za-z][\w'’]*)[ ]+$/.exec(before);
  // After a dateline ("KABUL —", "KYIV, May 3 (Reuters) -") a capital starts the sentence, not a name.
  const sentenceInitial = /(^|[.!?:"“—–()-]\s*)$/.test(before);
  // A capitalised determiner that opens the sentence ("An IED blast …", "The Taliban …") is no word of a name.
  const beforePrev = text.slice(Math.max(0, start - 40 - 20), start - (prev?.[0].length ?? 0));
  const prevStartsSentence = !!prev && (start - prev[0].length === 0 || /[.!?:"“—–()-]\s*$/.test(beforePrev) || beforePrev.length === 0);
  const prevCap = !!prev && /^[A-Z][a-z]/.test(prev[1]) && !sentenceInitial && !(prevStartsSentence && DETERMINER.test(prev[1]));
  const next = /^[ ]+([A-Za-z][\w'’]*)/.exec(text.slice(end, end + 40));
  const nextCap = !!next && /^[A-Z]/.test(next[1]);
  return (prevCap || nextCap) && !sentenceInitial;
}

/** True when the sentence around `at` is a title-case headline ("Nepal Earthquake Death Toll Crosses 2,200"). */
function titleCase(text: string, at: number): boolean {
  const s = sentenceStart(text, at);
  const rest = text.slice(s);
  const end = rest.search(/[.!?](\s|$)/);
  const words = (end === -1 ? rest : rest.slice(0, end)).match(/[A-Za-z][\w'’-]*/g) ?? [];
  const long = words.filter((w) => w.length > 3);
  return long.length >= 3 && long.filter((w) => /^[A-Z]/.test(w)).length / long.length >= 0.8;
}

function conditionsHold(t: Trigger, text: string, start: number, end: number): boolean {
  if (t.with && !t.with.test(text)) return false;
  if (t.without && t.without.test(text)) return false;
  // `after` or, failing it, a name after the trigger (`afterName`); a trigger with only `afterName` needs the name.
  if ((t.after || t.afterName) && !t.after?.test(text.slice(end, end + t.window))) {
    const name = t.afterName?.test(text.slice(end, end + t.window));
    if (!name) return false;
  }
  if (t.before && !t.before.test(text.slice(Math.max(0, start - t.window), start))) return false;
  return true;
}

/** Trigger indices by the word prefixes their matches start with (rules/prefixes.ts), built once. */
const byPrefix = new Map<string, number[]>();
triggers.forEach((t, i) => {
  for (const p of t.prefixes ?? []) {
    const list = byPrefix.get(p) ?? [];
    list.push(i);
    byPrefix.set(p, list);
  }
});

/** Which triggers can match in `text`: those whose prefix begins one of its words, and those without prefixes. */
function candidates(text: string): Uint8Array {
  const run = new Uint8Array(triggers.length);
  for (let i = 0; i < triggers.length; i++) if (!triggers[i].prefixes) run[i] = 1;
  for (const p of wordPrefixes(text)) for (const i of byPrefix.get(p) ?? []) run[i] = 1;
  return run;
}

/**
 * Every trigger match in `text`. `text` should be one sentence (the stage) or one short snippet (the
 * classifier); `with`/`without` conditions look at all of it.
 */
export function findTriggers(text: string): TriggerMatch[] {
  const found: TriggerMatch[] = [];
  const run = candidates(text);
  for (let ti = 0; ti < triggers.length; ti++) {
    if (!run[ti]) continue;
    const t = triggers[ti];
    t.re.lastIndex = 0;
    for (let m = t.re.exec(text); m; m = t.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) {
        t.re.lastIndex++;
        continue;
      }
      if (inName(text, start, end) || !conditionsHold(t, text, start, end)) continue;
      const s = sentenceStart(text, start);
      const context = contextOf(text.slice(s), start - s, end - s);
      const code = eventCode(t.cls, text, start, end);
      found.push({ rule: t.rule, code, weight: t.weight * contextFactor(context), baseWeight: t.weight, start, end, text: m[0], context, cue: t.cue, needsActor: t.needsActor, outcome: t.outcome, toll: t.toll, generic: t.generic, instrument: t.instrument });
    }
  }
  return found.sort((a, b) => a.start - b.start || b.weight - a.weight);
}
