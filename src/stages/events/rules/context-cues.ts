/**
 * Context cues of a trigger: negation ("did not attack"), future ("plans to launch attacks"), modality
 * ("could strike"), hypotheticals ("if they attack") and history ("years ago"). They decide whether a trigger
 * reports a happening at all, so they are checked on the sentence the trigger lies in, never across sentences.
 */
import { contextCues, type ContextCue } from './lexicon.js';

/** The kind of a context cue. */
export type CueKind = ContextCue['kind'];

/**
 * Returns the context cues governing the trigger that starts at `triggerStart` in `sentence`.
 * `before` cues must end right before the trigger (within a few words), so a "no" earlier in the sentence
 * ("no reports of casualties after the grenade blast") does not negate it.
 */
export function contextOf(sentence: string, triggerStart: number, triggerEnd = triggerStart): CueKind[] {
  const left = sentence.slice(Math.max(0, triggerStart - 120), triggerStart);
  const right = sentence.slice(triggerEnd, triggerEnd + 60);
  const kinds: CueKind[] = [];
  const word = sentence.slice(triggerStart, triggerEnd);
  for (const cue of contextCues) {
    if (cue.trigger && !cue.trigger.test(word)) continue;
    if (
      (cue.before && cue.before.test(left)) ||
      (cue.sentence && cue.sentence.test(left)) ||
      (cue.anywhere && cue.anywhere.test(sentence)) ||
      (cue.after && triggerEnd > triggerStart && cue.after.test(right))
    )
      kinds.push(cue.kind);
  }
  return kinds;
}

/** The product of the weight factors of `kinds` (1 when none applies). */
export function contextFactor(kinds: readonly CueKind[]): number {
  let f = 1;
  for (const cue of contextCues) if (kinds.includes(cue.kind)) f *= cue.factor;
  return f;
}

/** Cue kinds under which a trigger reports no happening at all. */
const UNREAL: readonly CueKind[] = ['negation', 'future', 'modality', 'hypothetical', 'purpose', 'habitual', 'topic', 'generic', 'description', 'order', 'supply', 'figurative'];

/**
 * True when the cues say the trigger does not report a happening (negated, future, modal, hypothetical, an intent, a habit or the topic of a protest).
 * History and background triggers are real, only not new; the stage decides what to do with them.
 */
export function isUnreal(kinds: readonly CueKind[]): boolean {
  return kinds.some((k) => UNREAL.includes(k));
}
