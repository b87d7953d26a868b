/**
 * Gates: the reasons a predicate found in a sentence reports no happening. An ordered list of named rules (as
 * chrono's refiners); the first that holds blocks the predicate, and its name is what a caller can show. Each
 * gate reads the clause facts of the linguistic layer when the document has them and the context cues of
 * `data/context.json` always, so a document without the layer is still gated.
 */
import type { CueKind } from './context-cues.js';
import type { ClauseFacts } from './clause-facts.js';
import type { TriggerMatch } from './find-triggers.js';

/** What a gate looks at: the sentence, the predicate found in it, and its clause (null without the layer). */
export interface GateInput {
  /** The sentence text (view). */
  readonly sentence: string;
  /** The predicate (offsets relative to the sentence). */
  readonly match: TriggerMatch;
  readonly clause: ClauseFacts | null;
}

/** A named gate. */
export interface Gate {
  readonly name: string;
  /** True when the predicate reports no happening. */
  readonly blocks: (input: GateInput) => boolean;
}

const has = (m: TriggerMatch, ...kinds: CueKind[]) => kinds.some((k) => m.context.includes(k));

/** The protest classes: a crowd described as protesting is protesting (the `description` gate). */
const PROTEST_CODES: ReadonlySet<string> = new Set(['PEACE_PROTEST', 'PROTEST_WITH_INTER', 'FORCE_AGAINST_PROTEST', 'VIOL_DEMONSTR']);

/** Quote marks that open and close direct speech. */
const OPEN_QUOTE = /["“«„]/g;
const CLOSE_QUOTE = /["”»]/;
const SELF_NEGATED = /\b(not|no|without|never|un\w+ed)\b/i;
const SECOND_PERSON = /\b(you|your|you're|you've)\b/i;

/** The direct quotation the offset lies in (text from its opening mark to the offset), or null. */
function quotedBefore(sentence: string, at: number): string | null {
  let open = -1;
  let count = 0;
  OPEN_QUOTE.lastIndex = 0;
  const left = sentence.slice(0, at);
  for (let m = OPEN_QUOTE.exec(left); m; m = OPEN_QUOTE.exec(left)) {
    count++;
    open = m.index;
  }
  // Straight quotes open and close alike: an even count before the offset means it lies outside.
  const straight = (left.match(/"/g) ?? []).length;
  if (open === -1 || (left[open] === '"' && straight % 2 === 0)) return null;
  if (left[open] !== '"' && CLOSE_QUOTE.test(left.slice(open + 1))) return null;
  return count ? left.slice(open + 1) : null;
}

/** Determiners and possessives that open a noun phrase a participle may modify ("the captured soldiers"). */
const NP_OPENER = /\b(the|a|an|its|their|his|her|our|these|those|this|that|newly|recently)\s+$/i;
/** A word that cannot be the noun a participle modifies (a preposition, article, adverb or verb follows a verb). */
const NOT_A_NOUN = /^\s+(by|in|on|at|near|from|to|with|and|or|as|the|a|an|of|over|into|after|before|during|since|for|last|this|overnight|earlier|yesterday|today|were|was|is|are|have|has|had)\b/i;

/** The gates, in order. */
export const gates: readonly Gate[] = [
  // "did not capture", "denied shelling", "no strikes were launched".
  // A predicate that says "not" itself ("without a fight", "not encountered any resistance") is not negated by it.
  { name: 'negated', blocks: ({ match, clause }) => has(match, 'negation') || (!!clause?.negated && clause.governed && !SELF_NEGATED.test(match.text)) },
  // "Could the army take the city?" — asked, not reported.
  {
    name: 'question',
    blocks: ({ sentence, match, clause }) => !!clause?.question || /\?\s*["”'’)]*\s*$/.test(sentence.slice(match.end)) && !/[.!;]\s/.test(sentence.slice(match.end)),
  },
  // "if the talks fail, shelling could resume", "may have struck".
  {
    name: 'hypothetical',
    blocks: ({ match, clause }) =>
      has(match, 'hypothetical', 'modality') || (!!clause?.governed && (clause.modality === 'possible' || clause.modality === 'conditional')),
  },
  // "plans to attack", "will capture", "threatened to strike", "operations to retake".
  {
    name: 'planned',
    blocks: ({ match, clause }) =>
      has(match, 'future', 'purpose') || (!!clause?.governed && ['intended', 'future', 'threat', 'desire'].includes(clause.modality ?? '')),
  },
  // "with orders to capture or kill", "tasked with seizing".
  { name: 'order-or-intent', blocks: ({ match }) => has(match, 'order') },
  // "approves sending anti-personnel mines", "delivers cruise missiles": weapons supplied, not used.
  { name: 'supply', blocks: ({ match }) => has(match, 'supply') },
  // "those who have been detained must be treated humanely".
  { name: 'generic', blocks: ({ match, clause }) => has(match, 'generic') || (clause?.modality === 'obligation' && !clause.isPredicate) },
  // "have yet again demonstrated that …": a protest verb with a complement is figurative.
  { name: 'figurative', blocks: ({ match }) => has(match, 'figurative') },
  // "regularly shells the villages".
  { name: 'habitual', blocks: ({ match }) => has(match, 'habitual') },
  // "a protest against police brutality": what a protest is about.
  { name: 'topic', blocks: ({ match }) => has(match, 'topic') },
  // "soldiers armed with rocket launchers"; "the captured soldiers", "the shelled building": descriptions.
  {
    name: 'description',
    blocks: ({ sentence, match, clause }) => {
      // "air-launched cruise missiles": part of a compound modifier.
      if (has(match, 'description') || /[\p{L}\d]-$/u.test(sentence.slice(Math.max(0, match.start - 2), match.start))) return true;
      // "atrocities committed by Russian forces retreating from Bucha": a present participle describing the noun of a
      // prepositional phrase. Not a protest verb: "police fired on crowds demonstrating against the tax" tells the
      // crowd's protest, under way as the force met it.
      if (clause?.reducedRelative && !PROTEST_CODES.has(match.code)) return true;
      // With the layer, the participle must be tagged as one (VBN or adjective), not as the clause's verb.
      if (clause && (clause.isPredicate || (clause.xtag !== 'VBN' && clause.xtag !== 'JJ'))) return false;
      return (
        /^[a-z]+(ed|en)$/i.test(match.text) &&
        NP_OPENER.test(sentence.slice(0, match.start)) &&
        /^\s+[a-z]{3,}/.test(sentence.slice(match.end)) &&
        !NOT_A_NOUN.test(sentence.slice(match.end))
      );
    },
  },
  // "“You were rioting,” he told them": words addressed to someone inside a quotation are rhetoric.
  {
    name: 'quoted-address',
    blocks: ({ sentence, match }) => {
      const quoted = quotedBefore(sentence, match.start);
      return quoted !== null && SECOND_PERSON.test(quoted);
    },
  },
];

/** The name of the first gate that blocks the predicate, or null when it reports a happening. */
export function blockedBy(input: GateInput): string | null {
  for (const g of gates) if (g.blocks(input)) return g.name;
  return null;
}
