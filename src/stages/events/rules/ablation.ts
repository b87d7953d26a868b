/**
 * Vocabulary ablation, for the cross-validation of test/events/case-cv.ts only: predicates whose key
 * (`rule|stem`) is in the set are dropped from the stage, as if the lexicon had never had that entry, and so are
 * sub-type rules whose key (`subtype:<name>`) is. The stage
 * leaves it empty (null), and then the check costs one comparison per sentence.
 */
import type { TriggerMatch } from './find-triggers.js';

let disabled: ReadonlySet<string> | null = null;

/**
 * The key of a predicate: its rule and the stem of its first word, lower-cased ("air-strike|airstrike",
 * "base-established|set" for "set up a new observation post"): one entry of a pattern's alternatives.
 */
export function predicateKey(m: Pick<TriggerMatch, 'rule' | 'text'>): string {
  const word = /[\p{L}\d'’-]+/u.exec(m.text)?.[0].toLowerCase() ?? m.text.toLowerCase();
  return `${m.rule}|${word.replace(/(?:ing|ed|es|s)$/, '')}`;
}

/** Sets (or with null clears) the predicate keys the stage ignores. */
export function setAblation(keys: ReadonlySet<string> | null): void {
  disabled = keys && keys.size ? keys : null;
}

/** The key of a sub-type rule (rules/sub-types.ts): `subtype:<name>`. */
export function subTypeKey(name: string): string {
  return `subtype:${name}`;
}

/** True when the sub-type rule `name` is ablated. */
export function subTypeAblated(name: string): boolean {
  return disabled !== null && disabled.has(subTypeKey(name));
}

/** The predicates that are not ablated (the same array when nothing is). */
export function withoutAblated<T extends Pick<TriggerMatch, 'rule' | 'text'>>(matches: T[]): T[] {
  return disabled ? matches.filter((m) => !disabled!.has(predicateKey(m))) : matches;
}
