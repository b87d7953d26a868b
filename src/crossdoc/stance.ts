/**
 * Stances: what one claim says about a proposition (who holds or gains what, asserted or denied), and the
 * rules that decide when two stances contradict or agree.
 */
import type { Proposition } from '../core/index.js';

/** What one claim says: the holder (`RU`, `UA`, …, or null when the text names none) and the polarity. */
export interface Stance {
  readonly holder: string | null;
  readonly polarity: 'asserts' | 'denies';
}

/**
 * Kinds where one holder excludes every other: a town is controlled by one side at a time, so "RU holds
 * Bakhmut" and "UA holds Bakhmut" contradict. Advances, encirclements and losses can be true of both sides at
 * once, so for them only "X did" against "X did not" contradicts.
 */
export const EXCLUSIVE_KINDS: ReadonlySet<string> = new Set(['control']);

/** The stance of a proposition. */
export function stanceOf(p: Pick<Proposition, 'holder' | 'polarity'>): Stance {
  return { holder: p.holder ?? null, polarity: p.polarity };
}

/** A stable label for a stance, e.g. `RU asserts`, used to group agreeing claims. */
export function stanceLabel(s: Stance): string {
  return `${s.holder ?? '?'} ${s.polarity}`;
}

/**
 * True when the two stances cannot both be true: one asserts what the other denies (same holder, opposite
 * polarity), or — for exclusive kinds — both assert different holders. A stance without a holder contradicts
 * nothing, because we cannot tell what it is about.
 */
export function contradicts(kind: string, a: Stance, b: Stance): boolean {
  if (a.holder === null || b.holder === null) return false;
  if (a.holder === b.holder) return a.polarity !== b.polarity;
  return EXCLUSIVE_KINDS.has(kind) && a.polarity === 'asserts' && b.polarity === 'asserts';
}

/** True when the two stances say the same thing. */
export function agrees(a: Stance, b: Stance): boolean {
  return a.holder === b.holder && a.polarity === b.polarity;
}
