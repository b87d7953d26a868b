/**
 * Features of the averaged-perceptron tagger, as 32-bit hashes: no strings are built per token. Shared by the
 * runtime tagger (`tagger.ts`) and the training script (`scripts/train-tagger.ts`), so that both hash alike.
 *
 * Templates (Honnibal-style, plus shape and affixes): bias; the word; suffixes of 1–4 and prefixes of 1–3
 * characters; its shape; the part after its last hyphen; the previous tag, the two previous tags, previous tag +
 * word, previous tag + suffix; the words and 3-letter suffixes one and two to the left and right; word bigrams;
 * for words not in the vocabulary, shape, suffix and previous tag; and the most frequent training label of this
 * and the neighbouring words (look-ahead through the lexicon).
 */

/** FNV-1a over `s[from, to)`, lower-cased for ASCII letters. */
export function hashRange(s: string, from: number, to: number, seed = 0x811c9dc5): number {
  let h = seed | 0;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h;
}

/** Mixes a template number with one or two values into a feature key (never 0, the empty slot). */
export function mix(t: number, a: number, b = 0): number {
  let h = Math.imul(t + 1, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

const H_YEAR = hashRange('!YEAR', 0, 5);
const H_DIGITS = hashRange('!DIGITS', 0, 7);
export const H_START = [hashRange('-START-', 0, 7), hashRange('-START2-', 0, 8)];
export const H_END = [hashRange('-END-', 0, 5), hashRange('-END2-', 0, 6)];

/** Per-word hashes of one sentence, in typed arrays reused between sentences. */
export class WordHashes {
  word = new Int32Array(256);
  suf1 = new Int32Array(256);
  suf2 = new Int32Array(256);
  suf3 = new Int32Array(256);
  suf4 = new Int32Array(256);
  pre1 = new Int32Array(256);
  pre3 = new Int32Array(256);
  shape = new Int32Array(256);
  tail = new Int32Array(256);
  /** 1 when the word is in the model's vocabulary (seen at least twice in training), else 0. */
  known = new Uint8Array(256);
  /** The word's most frequent label in training (its lexicon entry), or -1 when unknown. */
  mft = new Int32Array(256);

  ensure(n: number): void {
    if (n <= this.word.length) return;
    const size = Math.max(n, this.word.length * 2);
    for (const k of ['word', 'suf1', 'suf2', 'suf3', 'suf4', 'pre1', 'pre3', 'shape', 'tail'] as const) this[k] = new Int32Array(size);
    this.known = new Uint8Array(size);
    this.mft = new Int32Array(size);
  }

  /** Copies slot `i` (the word's hashes, `known` and `mft`, all pure functions of the word) into `to` (11 ints). */
  save(i: number, to: Int32Array): void {
    to[0] = this.word[i];
    to[1] = this.suf1[i];
    to[2] = this.suf2[i];
    to[3] = this.suf3[i];
    to[4] = this.suf4[i];
    to[5] = this.pre1[i];
    to[6] = this.pre3[i];
    to[7] = this.shape[i];
    to[8] = this.tail[i];
    to[9] = this.known[i];
    to[10] = this.mft[i];
  }

  /** Fills slot `i` from what {@link save} kept of the same word. */
  load(i: number, from: Int32Array): void {
    this.word[i] = from[0];
    this.suf1[i] = from[1];
    this.suf2[i] = from[2];
    this.suf3[i] = from[3];
    this.suf4[i] = from[4];
    this.pre1[i] = from[5];
    this.pre3[i] = from[6];
    this.shape[i] = from[7];
    this.tail[i] = from[8];
    this.known[i] = from[9];
    this.mft[i] = from[10];
  }

  /** Fills slot `i` from the word `w`; `known` says whether it is in the vocabulary. */
  set(i: number, w: string, mft: number): void {
    this.known[i] = mft >= 0 ? 1 : 0;
    this.mft[i] = mft;
    const n = w.length;
    const c0 = w.charCodeAt(0);
    let word: number;
    if (c0 >= 48 && c0 <= 57) word = n === 4 && isDigits(w) ? H_YEAR : H_DIGITS;
    else word = hashRange(w, 0, n);
    this.word[i] = word;
    this.suf1[i] = hashRange(w, n - 1, n, 1);
    this.suf2[i] = hashRange(w, Math.max(0, n - 2), n, 2);
    this.suf3[i] = hashRange(w, Math.max(0, n - 3), n, 3);
    this.suf4[i] = hashRange(w, Math.max(0, n - 4), n, 4);
    this.pre1[i] = c0;
    this.pre3[i] = hashRange(w, 0, Math.min(3, n), 5);
    // Shape: X x d or the character itself, runs collapsed, at most 5 symbols; hashed as it is built.
    let h = 0x811c9dc5;
    let last = -1;
    let len = 0;
    let hyphen = -1;
    for (let k = 0; k < n; k++) {
      const c = w.charCodeAt(k);
      const s = c >= 65 && c <= 90 ? 88 : c >= 97 && c <= 122 ? 120 : c >= 48 && c <= 57 ? 100 : c > 127 ? (w[k] !== w[k].toLowerCase() ? 88 : 120) : c;
      if (c === 45) hyphen = k;
      if (s !== last && len < 5) {
        h = Math.imul(h ^ s, 0x01000193);
        len++;
        last = s;
      }
    }
    this.shape[i] = h;
    this.tail[i] = hyphen > 0 && hyphen < n - 1 ? hashRange(w, hyphen + 1, n, 7) : 0;
  }
}

function isDigits(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Number of feature keys {@link features} writes. */
export const FEATURE_COUNT = 33;

/**
 * Writes the feature keys of word `i` of a sentence of `n` words into `out`, given the two previous tags
 * (`p1`, `p2`, as label numbers; the start labels for the first words).
 */
export function features(hw: WordHashes, n: number, i: number, p1: number, p2: number, out: Int32Array): void {
  const w = hw.word[i];
  const wm1 = i > 0 ? hw.word[i - 1] : H_START[0];
  const wm2 = i > 1 ? hw.word[i - 2] : H_START[1];
  const wp1 = i + 1 < n ? hw.word[i + 1] : H_END[0];
  const wp2 = i + 2 < n ? hw.word[i + 2] : H_END[1];
  out[0] = mix(0, 0);
  out[1] = mix(1, w);
  out[2] = mix(2, hw.suf1[i]);
  out[3] = mix(3, hw.suf2[i]);
  out[4] = mix(4, hw.suf3[i]);
  out[5] = mix(5, hw.suf4[i]);
  out[6] = mix(6, hw.pre1[i]);
  out[7] = mix(7, hw.pre3[i]);
  out[8] = mix(8, hw.shape[i]);
  out[9] = mix(9, hw.tail[i]);
  out[10] = mix(10, p1);
  out[11] = mix(11, p1, p2);
  out[12] = mix(12, p1, w);
  out[13] = mix(13, p1, hw.suf3[i]);
  out[14] = mix(14, wm1);
  out[15] = mix(15, i > 0 ? hw.suf3[i - 1] : 0);
  out[16] = mix(16, wm2);
  out[17] = mix(17, wp1);
  out[18] = mix(18, i + 1 < n ? hw.suf3[i + 1] : 0);
  out[19] = mix(19, wp2);
  out[20] = mix(20, wm1, w);
  out[21] = mix(21, w, wp1);
  out[22] = mix(22, i + 1 < n ? hw.shape[i + 1] : 0, i === 0 ? 1 : 0);
  out[23] = mix(23, hw.shape[i], i === 0 ? 1 : 0);
  // Unknown words (not seen twice in training) by shape, position and suffix: how new names and words behave.
  const unknown = hw.known[i] === 0;
  out[24] = unknown ? mix(24, hw.shape[i], i === 0 ? 1 : 0) : mix(24, 0, 7);
  out[25] = unknown ? mix(25, hw.suf3[i], hw.shape[i]) : mix(25, 0, 7);
  out[26] = unknown ? mix(26, p1, hw.shape[i]) : mix(26, 0, 7);
  // Look-ahead through the lexicon: the most frequent labels of the next words (a greedy tagger cannot see their
  // predicted tags), with the word and the previous tag.
  const m1 = i + 1 < n ? hw.mft[i + 1] : -2;
  const m2 = i + 2 < n ? hw.mft[i + 2] : -2;
  out[27] = mix(27, m1);
  out[28] = mix(28, m2, m1);
  out[29] = mix(29, hw.mft[i], m1);
  out[30] = mix(30, w, m1);
  out[31] = mix(31, p1, m1);
  out[32] = mix(32, hw.mft[i], i > 0 ? hw.mft[i - 1] : -2);
}
