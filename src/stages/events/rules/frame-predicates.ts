/**
 * Frame predicates from the linguistic layer: a verb whose lemma `data/frames.json` lists proposes its class in
 * any inflection ("shells", "recaptures", "ambushed"), beside the patterns of `data/triggers.json`, which stay
 * for nouns, phrases and multi-word predicates. A word a pattern already covers is left to the pattern.
 */
import type { Doc, Sentence } from '../../../core/index.js';
import framesData from '../data/frames.json' with { type: 'json' };
import { contextOf, contextFactor } from './context-cues.js';
import type { TriggerMatch } from './find-triggers.js';
import { territoryTaker } from './territory.js';

interface FrameVerb {
  class: string;
  w: number;
  needsActor?: boolean;
  generic?: boolean;
  outcome?: boolean;
}

const verbs = new Map(Object.entries(framesData.verbs as Record<string, FrameVerb>));

/** The frame predicates of sentence `s` not already covered by `covered` (offsets relative to the sentence). */
export function framePredicates(doc: Doc, s: Sentence, text: string, covered: readonly TriggerMatch[]): TriggerMatch[] {
  const lang = doc.lang;
  const ls = lang?.sentences[s.index];
  if (!ls) return [];
  const out: TriggerMatch[] = [];
  for (let i = ls.first; i < ls.end; i++) {
    const w = lang.words[i];
    if (w.tag !== 'VERB') continue;
    const frame = verbs.get(w.lemma);
    if (!frame) continue;
    const start = w.vStart - s.vStart;
    const end = w.vEnd - s.vStart;
    if (start < 0 || end > text.length || covered.some((m) => m.start < end && start < m.end)) continue;
    const context = contextOf(text, start, end);
    const code =
      frame.class === '@territory'
        ? territoryTaker(text, start, end) === 'government'
          ? 'GOV_REGAINS_TERIT'
          : 'NON_STATE_ACTOR_OVERTAKES_TER'
        : frame.class;
    out.push({
      rule: `frame-${w.lemma}`,
      code,
      weight: frame.w * contextFactor(context),
      baseWeight: frame.w,
      start,
      end,
      text: text.slice(start, end),
      context,
      cue: false,
      needsActor: frame.needsActor ?? false,
      outcome: frame.outcome ?? false,
      generic: frame.generic ?? false,
      instrument: false,
    });
  }
  return out;
}
