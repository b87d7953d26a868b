/**
 * The scored decision "are these two person descriptions the same person?": surname similarity under
 * transliteration, compatibility of first names, and context (side, role, co-occurring entities).
 * Two different people who share a surname are kept apart by their first names or by conflicting sides.
 */
import { keySimilarity, keySimilarityBound } from './similarity.js';

/** What is known about a person, in comparable form. */
export interface PersonFeatures {
  /** Transliteration keys of first names seen (empty when only a surname is known). */
  readonly firstKeys: readonly string[];
  /** Transliteration keys of surnames seen. */
  readonly lastKeys: readonly string[];
  readonly side?: string;
  /** Title head words of the roles seen (`minister`, `spokesman`, …). */
  readonly roleHeads: readonly string[];
  /** Ids of other entities seen in the same documents. */
  readonly cooc: readonly string[];
}

/** The outcome of a comparison. */
export interface PersonMatch {
  /** Higher is more alike; `-Infinity` when something rules the match out. */
  readonly score: number;
  /** True when one side has no first name, so only the surname and context decide. */
  readonly surnameOnly: boolean;
  /** The surnames' best key similarity; on a rejection by length alone, its upper bound (below 0.8 either way). */
  readonly surnameSimilarity: number;
}

/** Score needed to merge two full names. */
export const FULL_NAME_THRESHOLD = 1.2;
/** Surname similarity needed to join a surname-only description to a full one. */
export const SURNAME_ONLY_THRESHOLD = 0.9;

function best(a: readonly string[], b: readonly string[], f: (x: string, y: string) => number): number {
  let m = 0;
  for (const x of a) for (const y of b) m = Math.max(m, f(x, y));
  return m;
}

/**
 * First-name compatibility: same equivalence class (Sergey/Serhiy) or near-identical long spelling counts
 * fully; a one-letter difference in a short name (Jack/Jake) counts a little and needs context; an initial
 * matches its name; anything else rules the match out.
 */
function firstNameScore(a: readonly string[], b: readonly string[], classOf: (key: string) => number | undefined): number {
  let score = -Infinity;
  for (const x of a) {
    for (const y of b) {
      const cx = classOf(x);
      if (x === y || (cx !== undefined && cx === classOf(y))) return 0.3;
      const sim = keySimilarity(x, y);
      if (sim >= 0.8 && Math.min(x.length, y.length) >= 5) score = Math.max(score, 0.2);
      else if ((x.length === 1 || y.length === 1) && x[0] === y[0]) score = Math.max(score, 0.1);
      else if (sim >= 0.6) score = Math.max(score, 0.05);
    }
  }
  return score;
}

/** Scores whether `a` and `b` describe the same person. */
export function scorePersonMatch(
  a: PersonFeatures,
  b: PersonFeatures,
  classOf: (key: string) => number | undefined,
): PersonMatch {
  const surnameOnly = !a.firstKeys.length || !b.firstKeys.length;
  // Surnames whose lengths alone rule out 0.8 are rejected before any edit distance is computed.
  const bound = best(a.lastKeys, b.lastKeys, keySimilarityBound);
  if (bound < 0.8) return { score: -Infinity, surnameOnly, surnameSimilarity: bound };
  const surnameSimilarity = best(a.lastKeys, b.lastKeys, keySimilarity);
  const reject = { score: -Infinity, surnameOnly, surnameSimilarity };
  if (surnameSimilarity < 0.8) return reject;
  if (a.side && b.side && a.side !== b.side) return reject;
  let score = surnameSimilarity;
  if (!surnameOnly) {
    const first = firstNameScore(a.firstKeys, b.firstKeys, classOf);
    if (first === -Infinity) return reject;
    score += first;
  }
  if (a.side && a.side === b.side) score += 0.15;
  if (a.roleHeads.some((r) => b.roleHeads.includes(r))) score += 0.15;
  if (a.cooc.some((c) => b.cooc.includes(c))) score += 0.1;
  return { score, surnameOnly, surnameSimilarity };
}

/** True when a match is strong enough to merge. */
export function accepts(m: PersonMatch): boolean {
  if (m.score === -Infinity) return false;
  return m.surnameOnly ? m.surnameSimilarity >= SURNAME_ONLY_THRESHOLD : m.score >= FULL_NAME_THRESHOLD;
}
