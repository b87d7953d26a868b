/**
 * The snippet classifier: the main event of a short text as an ACLED type and sub-event type (or one of the
 * 'Other' classes). Pure and without a document, so the CASE 2021 harness and the events stage share it.
 *
 * Scoring: each class sums the weights of its triggers (the strongest counts fully, up to two more at 0.7, so
 * that a class named once with a strong word beats one named often with weak words); triggers in the first
 * sentence count fully and later ones 0.8, and every trigger loses up to 0.4 of its weight from the start to
 * the end of the text, because news snippets lead with their main event. The three factors were chosen by a
 * grid search on the development half of CASE 2021 (docs/events.md).
 */
import { refineSubType } from './sub-types.js';
import { eventClasses, type EventClass } from './lexicon.js';
import { findTriggers, type TriggerMatch } from './find-triggers.js';
import { withoutAblated } from './ablation.js';

/** The classification of a snippet. */
export interface EventClassification extends EventClass {
  /** The winning class's score. */
  readonly score: number;
  /** The strongest trigger of the winning class (offsets into the text). */
  readonly trigger: TriggerMatch;
  /** `events/<trigger rule>`. */
  readonly rule: string;
  /** Score of every class that had a trigger, for inspection. */
  readonly scores: Readonly<Record<string, number>>;
}

/** Weight of triggers after the first sentence, relative to the first. */
const LATER_SENTENCE_FACTOR = 0.8;
/** How much a trigger loses from the start to the end of the text: the lead names the main event first. */
const POSITION_DECAY = 0.4;
/** Weight of a class's second and further triggers, relative to its strongest. */
const FURTHER_TRIGGER_FACTOR = 0.7;
/** Weight (in its context) a refining class's strongest trigger needs before the class inherits the score of the class it refines. */
const REFINE_MIN = 2.5;
/** Triggers counted per class: a long snippet repeating one word should not outvote a precise one. */
const MAX_TRIGGERS = 3;

function firstSentenceEnd(text: string): number {
  const m = /[.!?]["”']?\s+(?=[A-Z"“0-9])/.exec(text);
  return m ? m.index + 1 : text.length;
}

/**
 * Scores every class from its trigger matches; returns the scores and each class's best match. `lead` weighs
 * triggers by their position (for a snippet whose main event comes first); the stage scores one sentence at a
 * time and passes false.
 */
export function scoreClasses(
  text: string,
  matches: readonly TriggerMatch[] = withoutAblated(findTriggers(text)),
  lead = true,
): { scores: Record<string, number>; best: Map<string, TriggerMatch> } {
  const firstEnd = lead ? firstSentenceEnd(text) : text.length;
  const perClass = new Map<string, { w: number; m: TriggerMatch }[]>();
  for (const m of matches) {
    const w = m.weight * (m.start < firstEnd ? 1 : LATER_SENTENCE_FACTOR) * (lead ? 1 - POSITION_DECAY * (m.start / Math.max(1, text.length)) : 1);
    const list = perClass.get(m.code) ?? [];
    // One span counts once per class: overlapping matches of the same class keep the stronger.
    const clash = list.find((x) => x.m.start < m.end && m.start < x.m.end);
    if (clash) {
      if (w > clash.w) {
        clash.w = w;
        clash.m = m;
      }
    } else list.push({ w, m });
    perClass.set(m.code, list);
  }
  const scores: Record<string, number> = {};
  const best = new Map<string, TriggerMatch>();
  for (const [code, list] of perClass) {
    list.sort((a, b) => b.w - a.w || a.m.start - b.m.start);
    scores[code] = list.slice(0, MAX_TRIGGERS).reduce((s, x, i) => s + (i === 0 ? x.w : x.w * FURTHER_TRIGGER_FACTOR), 0);
    best.set(code, list[0].m);
  }
  // A refining class with a trigger of its own inherits the best score of the classes it refines; a trigger
  // weakened by its context ("a protest against police brutality") is not its own.
  const base = { ...scores };
  for (const code of Object.keys(base)) {
    // Judged on the trigger's own weight in its context, before position weighting; an earlier happening told as
    // background ("the previous day, when security forces opened fire") refines nothing.
    if (Math.max(0, ...(perClass.get(code) ?? []).filter((x) => !x.m.context.includes('background')).map((x) => x.m.weight)) < REFINE_MIN) continue;
    const refined = eventClasses.get(code)?.refines ?? [];
    const inherited = Math.max(0, ...refined.map((r) => base[r] ?? 0));
    scores[code] = base[code] + inherited;
  }
  return { scores, best };
}

/**
 * Classifies the main event of `text`. Returns null when no trigger is found (the text reports no event the
 * lexicon knows), never a guess.
 */
export function classifyEvent(text: string): EventClassification | null {
  const { scores, best } = scoreClasses(text);
  let top: string | null = null;
  for (const code of Object.keys(scores)) {
    if (top === null || scores[code] > scores[top]) top = code;
  }
  if (top === null) return null;
  let cls = eventClasses.get(top);
  if (!cls) throw new Error(`events: trigger class "${top}" is not in data/taxonomy.json; add it there`);
  const trigger = best.get(top)!;
  // The sub-type rules of the stage (a chemical payload, a place left by its holders …) apply to a snippet too.
  const refined = refineSubType(top, trigger.rule, text, trigger.start, trigger.end);
  if (refined) cls = eventClasses.get(refined.to) ?? cls;
  return { ...cls, score: scores[top], trigger, rule: `events/${trigger.rule}${refined ? `+${refined.name}` : ''}`, scores };
}
