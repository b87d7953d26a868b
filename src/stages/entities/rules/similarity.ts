/**
 * String similarity of transliteration keys: a weighted edit distance where the confusions that machine
 * translation and romanisation produce (l/r as in Malial/Maliar and Silsky/Syrskyi, vowel for vowel,
 * g/h as in Serhiy/Sergey) cost half an edit.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const CHEAP_PAIRS = new Set(['lr', 'rl', 'gh', 'hg', 'vf', 'fv', 'sz', 'zs', 'kg', 'gk']);

// The letters by character code: the edit distance's inner loop builds no string per cell.
const VOWEL_CODE = new Uint8Array(128);
for (const v of VOWELS) VOWEL_CODE[v.charCodeAt(0)] = 1;
const CHEAP_CODES = new Set([...CHEAP_PAIRS].map((p) => p.charCodeAt(0) * 65536 + p.charCodeAt(1)));
const isVowel = (c: number): boolean => c < 128 && VOWEL_CODE[c] === 1;

/** What substituting one letter for another costs (character codes). */
function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  if (isVowel(a) && isVowel(b)) return 0.5;
  if (CHEAP_CODES.has(a * 65536 + b)) return 0.5;
  return 1;
}

/** Weighted Levenshtein distance of two keys (insertions and deletions of a vowel cost 0.5). */
export function keyDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + (isVowel(b.charCodeAt(j - 1)) ? 0.5 : 1);
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    const del = isVowel(ca) ? 0.5 : 1;
    cur[0] = prev[0] + del;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const ins = isVowel(cb) ? 0.5 : 1;
      cur[j] = Math.min(prev[j] + del, cur[j - 1] + ins, prev[j - 1] + substitutionCost(ca, cb));
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[m];
}

/**
 * An upper bound of {@link keySimilarity} from the lengths alone (every extra letter costs at least half an edit):
 * a cheap test that rules most pairs out before the edit distance is computed.
 */
export function keySimilarityBound(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len ? 1 - (0.5 * Math.abs(a.length - b.length)) / len : 0;
}

/** True when the keys' similarity is at least `min`, computing the edit distance only when the lengths allow it. */
export function keysSimilarAtLeast(a: string, b: string, min: number): boolean {
  return keySimilarityBound(a, b) >= min && keySimilarity(a, b) >= min;
}

/** Similarity in [0, 1] of two transliteration keys: 1 − distance / longer length. */
export function keySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const len = Math.max(a.length, b.length);
  if (!len) return 0;
  return Math.max(0, 1 - keyDistance(a, b) / len);
}
