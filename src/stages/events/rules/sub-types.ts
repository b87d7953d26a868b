/**
 * Sub-type rules: once a sentence's class is chosen, evidence beside the predicate — the weapon's payload, the way a
 * place changed hands — may call for a sibling sub-type ("barrel bombs loaded with chlorine" is a chemical attack,
 * not an air strike; a town "taken after the army withdrew" is a non-violent transfer). An ordered list of named
 * rules with their vocabularies in `data/subtypes.json`; the first that holds decides, and its name is recorded on
 * the event's rule (`+<name>`).
 */
import data from '../data/subtypes.json' with { type: 'json' };
import { subTypeAblated } from './ablation.js';

/** A named sub-type rule. */
export interface SubTypeRule {
  readonly name: string;
  /** What it reads: `weapon`, `target`, `transfer`, `actor`. */
  readonly evidence: string;
  readonly from: ReadonlySet<string>;
  /** The predicate rules it applies to (any when absent). */
  readonly predicates?: ReadonlySet<string>;
  readonly to: string;
  readonly sentence?: RegExp;
  /** Evidence that the `sentence` evidence is background (an earlier happening): the rule does not apply. */
  readonly unless?: RegExp;
  readonly after?: RegExp;
  /** Evidence right before the predicate (within `window` characters): who did it. */
  readonly before?: RegExp;
  readonly window: number;
}

interface RuleData {
  name: string;
  evidence: string;
  from: string[];
  predicates?: string[];
  to: string;
  sentence?: string;
  unless?: string;
  after?: string;
  before?: string;
  window?: number;
}

export const subTypeRules: readonly SubTypeRule[] = (data.rules as RuleData[]).map((r) => ({
  name: r.name,
  evidence: r.evidence,
  from: new Set(r.from),
  predicates: r.predicates ? new Set(r.predicates) : undefined,
  to: r.to,
  sentence: r.sentence ? new RegExp(r.sentence, 'i') : undefined,
  unless: r.unless ? new RegExp(r.unless, 'i') : undefined,
  after: r.after ? new RegExp(r.after, 'i') : undefined,
  before: r.before ? new RegExp(r.before, 'i') : undefined,
  window: r.window ?? 120,
}));

/**
 * The rule that gives the event of class `code`, made by the predicate rule `predicate` at `[start, end)` of
 * `sentence`, another sub-type; or null.
 */
export function refineSubType(code: string, predicate: string, sentence: string, start: number, end: number): SubTypeRule | null {
  for (const r of subTypeRules) {
    if (!r.from.has(code) || (r.predicates && !r.predicates.has(predicate)) || subTypeAblated(r.name)) continue;
    if (r.sentence && !r.sentence.test(sentence)) continue;
    if (r.unless && r.unless.test(sentence)) continue;
    if (r.after && !r.after.test(sentence.slice(end, end + r.window))) continue;
    if (r.before && !r.before.test(sentence.slice(Math.max(0, start - r.window), start))) continue;
    return r;
  }
  return null;
}
