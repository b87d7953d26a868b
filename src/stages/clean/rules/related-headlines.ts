/**
 * Related-headline lists: after the article body ends, pages list other stories as short title-like lines
 * without final punctuation. Such lines in the tail of a document — after the last line that reads as prose —
 * are boilerplate, as is any title-like line that repeats another line exactly.
 */

/** A line of view text. */
export interface Line {
  readonly start: number;
  readonly end: number;
  /** The line without surrounding whitespace. */
  readonly text: string;
}

const TERMINAL = /[.!?…"”’»)\]:;,]$/u;

/** True for a short line without final punctuation whose words are mostly capitalised (a headline). */
export function isTitleLike(text: string): boolean {
  if (!text || TERMINAL.test(text) || text.length > 160) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}"“‘']/u.test(w)).length;
  return capitalised / words.length >= 0.6;
}

/** True when a line reads as prose: ends like a sentence and has enough words. */
export function isProse(text: string): boolean {
  return /[.!?…"”’»)]$/u.test(text) && text.split(/\s+/).length >= 6;
}

/**
 * Indices of lines that are related headlines: title-like lines after the last prose line, and title-like lines
 * that occur more than once (the first line of the document, the article's own headline, is kept when it
 * occurs once).
 */
export function relatedHeadlines(lines: readonly Line[]): number[] {
  const out = new Set<number>();
  let lastProse = -1;
  for (let i = 0; i < lines.length; i++) if (isProse(lines[i].text)) lastProse = i;
  if (lastProse >= 0) {
    for (let i = lastProse + 1; i < lines.length; i++) if (isTitleLike(lines[i].text)) out.add(i);
  }
  const seen = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (!isTitleLike(t)) continue;
    const key = t.toLowerCase();
    const list = seen.get(key) ?? [];
    list.push(i);
    seen.set(key, list);
  }
  for (const list of seen.values()) if (list.length > 1) for (const i of list) out.add(i);
  return [...out].sort((a, b) => a - b);
}
