/**
 * Text search over documents, one meaning for every desk: the query's words (letters and digits, lower-cased), each
 * of which must begin a word of the document's title or readable text. The store answers it with Postgres full-text
 * search (`Store.searchDocuments`, an indexed `tsvector` with the `simple` configuration); documents in memory with
 * {@link matchesQuery}. A query without a word (`%`, `_`) matches nothing.
 */

/** The words of a query, lower-cased; none for punctuation alone. */
export function queryWords(q: string): string[] {
  return [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
}

/** A matcher for documents in memory: true when every query word begins a word of one of the texts (title, text). */
export function matchesQuery(words: readonly string[]): (...texts: string[]) => boolean {
  // One pattern per word, compiled once per query; the words hold only letters and digits, nothing to escape.
  const patterns = words.map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w}`, 'iu'));
  return (...texts) => patterns.every((p) => texts.some((t) => p.test(t)));
}
