/**
 * Weighted similarity between articles: tf-idf cosine over words, and idf-weighted overlap of entities.
 * Idf matters here because every article about the war names Ukraine and Russia; sharing "Kozinka" says far
 * more about being the same story than sharing "Ukraine".
 */

/** A sparse weighted vector. */
export type Vector = Map<string, number>;

/** Words of three letters or more, lower-cased and accent-folded; short words carry little topic. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/\p{L}{3,}/gu) ?? []
  );
}

/** Inverse document frequencies of the features of many items (`log(1 + n / df)`, never zero). */
export function inverseFrequencies(items: readonly Iterable<string>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const item of items) for (const f of new Set(item)) df.set(f, (df.get(f) ?? 0) + 1);
  const n = items.length;
  const idf = new Map<string, number>();
  for (const [f, count] of df) idf.set(f, Math.log(1 + n / count));
  return idf;
}

/** A tf-idf vector of the features, normalised to unit length. */
export function weightedVector(features: Iterable<string>, idf: Map<string, number>): Vector {
  const v: Vector = new Map();
  for (const f of features) v.set(f, (v.get(f) ?? 0) + (idf.get(f) ?? 1));
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [f, x] of v) v.set(f, x / norm);
  return v;
}

/** Cosine of two unit vectors. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [f, x] of small) {
    const y = large.get(f);
    if (y !== undefined) sum += x * y;
  }
  return sum;
}

/** Idf-weighted Jaccard overlap of two feature sets: shared weight over combined weight. */
export function weightedJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>, idf: Map<string, number>): number {
  let shared = 0;
  let all = 0;
  for (const f of a) {
    const w = idf.get(f) ?? 1;
    all += w;
    if (b.has(f)) shared += w;
  }
  for (const f of b) if (!a.has(f)) all += idf.get(f) ?? 1;
  return all > 0 ? shared / all : 0;
}
