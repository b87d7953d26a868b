/**
 * Binary search over sorted layers (words, sentences, clauses, mentions, turns): one helper instead of a loop
 * written again in every stage.
 */

/**
 * The first index at which `pred` holds, for a predicate that is false for a prefix of `items` and true for the
 * rest (as Rust's `partition_point`); `items.length` when it never holds.
 */
export function partitionPoint<T>(items: readonly T[], pred: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
