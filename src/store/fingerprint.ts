/**
 * Document fingerprints: the exact-duplicate hash of the normalised text, and for near-duplicates a MinHash
 * signature over word shingles with locality-sensitive-hashing band keys, so that a store finds candidates by
 * plain indexed equality and confirms them by estimated Jaccard similarity.
 *
 * Why MinHash and not SimHash: on a 250-word article, editing two phrases moved a 64-bit SimHash by 6 bits,
 * beyond what four 16-bit bands can find (3); MinHash estimates the shingle overlap (0.94 there) directly.
 *
 * Pure functions, no I/O, so both backends and the tests share one definition of "the same text".
 */
import { createHash } from 'node:crypto';
import type { Doc } from '../core/index.js';

/** Words per shingle: long enough that shared stock phrases do not make different articles look alike. */
export const SHINGLE_WORDS = 4;

/** Values in a MinHash signature. */
export const MINHASH_SIZE = 64;

/**
 * Signature values per LSH band (so 16 bands). Two texts become candidates when one band agrees in full, with
 * probability 1 - (1 - J^4)^16: 0.9998 at Jaccard 0.8, 0.025 at 0.2 (candidates are then checked).
 */
export const BAND_ROWS = 4;

/** Least estimated Jaccard similarity of the shingle sets for a near-duplicate. */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;

/** Fewer shingles than this and similarity says little (one changed word is a large share), so no near-duplicate lookup. */
export const MIN_SHINGLES = 10;

/** The fingerprint of one document. */
export interface Fingerprint {
  /** SHA-256 (hex) of the normalised text; of the raw input when the normalised text is empty. */
  readonly hash: string;
  /** The MinHash signature as signed 32-bit integers (a Postgres `integer[]`); null when the text is too short to compare. */
  readonly minhash: readonly number[] | null;
  /** The LSH band keys of the signature (signed 32-bit, one per band); null with `minhash`. */
  readonly bands: readonly number[] | null;
  /** Number of distinct word shingles. */
  readonly shingles: number;
  /** Number of words in the normalised text. */
  readonly words: number;
}

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The normalised form of a text used for exact duplicates: NFKC, lower case, quotes and dashes folded,
 * whitespace collapsed. Why: the same article read from a text file and from HTML differs in exactly these.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The readable text of a document without its boilerplate and its headline: `doc.view.text` minus the
 * `doc.excluded` ranges and minus the title when the title lies in the view (the first line of a text file).
 * Ranges index the input, so they are mapped into the view first. Why: two copies of one article carry different
 * "Read more" and share lines, an HTML page keeps its headline outside the body, and outlets retitle stories.
 */
export function keptText(doc: Pick<Doc, 'view' | 'excluded'> & Partial<Pick<Doc, 'title'>>): string {
  const text = doc.view.text;
  const ranges = doc.excluded.map((span) => [doc.view.toView(span.start), doc.view.toView(span.end)] as const);
  const title = doc.title?.span;
  if (title) {
    const [a, b] = [doc.view.toView(title.start), doc.view.toView(title.end)];
    // Only when the view really shows the title there: an HTML <title> maps to an empty or unrelated range.
    if (b > a && normalizeText(text.slice(a, b)) === normalizeText(title.text)) ranges.push([a, b]);
  }
  if (!ranges.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [a, b] of ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0])) {
    if (a > at) parts.push(text.slice(at, a));
    at = Math.max(at, b);
  }
  parts.push(text.slice(at));
  // A space keeps the words on both sides of a removed range from gluing together.
  return parts.join(' ');
}

/** The words of a normalised text, in order. */
export function words(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

/** FNV-1a over UTF-16 units, finished with murmur3's fmix32 so that nearby strings spread over all bits. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** murmur3's 32-bit finaliser: a fast bijective mixer, used with a seed per permutation. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One 32-bit seed per MinHash permutation, fixed so that signatures compare across processes and versions. */
const SEEDS: readonly number[] = Array.from({ length: MINHASH_SIZE }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9)));

/**
 * The distinct 32-bit hashes of a word list's shingles (a text shorter than a shingle is one shingle). Each word is
 * hashed once and a shingle's hash combines its words' hashes, so no shingle string is built (a 50 MB text has
 * millions of shingles).
 */
export function shingleHashes(list: readonly string[], size = SHINGLE_WORDS): Set<number> {
  const hashes = new Set<number>();
  const wordHashes = list.map(hash32);
  const shingle = (from: number, to: number): number => {
    let h = 0x811c9dc5;
    for (let j = from; j < to; j++) h = Math.imul(h ^ wordHashes[j], 0x01000193);
    return fmix32(h);
  };
  if (list.length > 0 && list.length < size) hashes.add(shingle(0, list.length));
  for (let i = 0; i + size <= list.length; i++) hashes.add(shingle(i, i + size));
  return hashes;
}

/** The MinHash signature of a shingle set: per permutation, the least permuted hash (unsigned 32-bit). */
export function minhash(shingles: Iterable<number>): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const h of shingles) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = fmix32(h ^ SEEDS[i]);
      if (v < signature[i]) signature[i] = v;
    }
  }
  return signature;
}

/** The LSH band keys of a signature: one 32-bit hash per band of {@link BAND_ROWS} values, as signed integers. */
export function bandKeys(signature: ArrayLike<number>): number[] {
  const keys: number[] = [];
  for (let b = 0; b < MINHASH_SIZE / BAND_ROWS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < BAND_ROWS; r++) h = fmix32(Math.imul(h ^ signature[b * BAND_ROWS + r], 0x01000193));
    keys.push(h | 0);
  }
  return keys;
}

/** Estimated Jaccard similarity of two shingle sets: the share of signature positions that agree. */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || !a.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if ((a[i] | 0) === (b[i] | 0)) same++;
  return same / a.length;
}

/** Fingerprints a text that has not been normalised yet; `fallback` is hashed instead when it normalises to nothing. */
export function fingerprintText(text: string, fallback = text): Fingerprint {
  const normalized = normalizeText(text);
  const list = words(normalized);
  const shingles = shingleHashes(list);
  const hash = createHash('sha256')
    .update(normalized || `raw:${fallback}`)
    .digest('hex');
  const signature = shingles.size >= MIN_SHINGLES ? Array.from(minhash(shingles), (v) => v | 0) : null;
  return { hash, minhash: signature, bands: signature && bandKeys(signature), shingles: shingles.size, words: list.length };
}

/**
 * Fingerprints a document over its kept text (view minus boilerplate and headline). An empty document hashes its raw
 * input, so that two different empty pages are not taken for one another.
 */
export function fingerprintDoc(doc: Pick<Doc, 'view' | 'excluded' | 'input'> & Partial<Pick<Doc, 'title'>>): Fingerprint {
  return fingerprintText(keptText(doc), doc.input);
}
