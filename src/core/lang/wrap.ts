/**
 * Hard-wrapped plain text (e-mail, wire copy, transcripts saved as .txt): paragraphs broken into lines of about the
 * same width (60–80 columns) with single newlines. In such a document a single newline inside a paragraph is a
 * "soft" break — a space for sentence splitting and for the claim rules that read to the end of a line. Everything
 * else stays a hard break: blank lines, lines of ordinary one-paragraph-per-line text, short lines (headlines,
 * verse), list items and transcript labels. The text is never rewritten; only which newlines count changes.
 *
 * Detection (document level, then per break):
 * 1. Every single newline between two non-blank lines is a break; its line is the line before it.
 * 2. The width W is the 90th percentile of the lengths of break lines no longer than MAX_WIDTH.
 * 3. A break fits the wrap when its line is at most MAX_WIDTH long and the line plus a space plus the next line's
 *    first word would pass FILL of W (a wrapper moved that word down because it did not fit).
 * 4. A break before a line that a rule of `KEEP_BREAK_RULES` keeps apart (a list item, a transcript label, a deeper
 *    indent) stays hard and is not counted.
 * 5. The document is wrapped when W ≥ MIN_WIDTH, at least MIN_BREAKS of the other breaks fit and they are at least
 *    MIN_SHARE of them (one-paragraph-per-line news has long lines and short ones: few breaks fit), and at least
 *    MIN_LOWER of the fitting ones go on in lower case (a list of headlines of even length never does). In a wrapped
 *    document the fitting breaks are soft; the others (after a short line: a headline, a paragraph's last line)
 *    stay hard.
 */

/** Longest line of a wrapped document: wrappers use 60–80 columns; a longer line is a paragraph of its own. */
const MAX_WIDTH = 100;
/** Narrowest wrap width we recognise: below it, short lines of even length are verse or lists more often than prose. */
const MIN_WIDTH = 50;
/** A wrapped line with the next word would come within this share of the width (greedy and optimal wrappers). */
const FILL = 0.85;
/** Breaks that must fit, and their least share of all breaks, for a document to count as wrapped. */
const MIN_BREAKS = 2;
const MIN_SHARE = 0.7;
/** Least share of fitting breaks whose next line starts in lower case (a sentence going on): prose, not a list of titles. */
const MIN_LOWER = 0.3;

/** A rule that keeps a fitting break of a wrapped document hard; `test` sees the lines before and after it. */
export interface KeepBreakRule {
  readonly name: string;
  readonly test: (before: string, after: string) => boolean;
}

/** Ordered rules that keep a break hard inside a wrapped document (see docs/language.md, Sentences). */
export const KEEP_BREAK_RULES: readonly KeepBreakRule[] = [
  // "- Item", "• item", "1. item", "(a) item": each item is its own line.
  { name: 'wrap/list-item', test: (_b, a) => /^[ \t]*(?:[-*•‣▪–—][ \t\u00a0]|\(?\d{1,3}[.)][ \t\u00a0]|\([a-z]\)[ \t\u00a0])/u.test(a) },
  // "MR. KIRBY: …", "THE PRESIDENT:\u00a0 …", "Q\u00a0 …": a transcript turn starts a line.
  { name: 'wrap/transcript-label', test: (_b, a) => /^[ \t]*(?:[A-Z][A-Z.'’-]*(?:[ \u00a0][A-Z][A-Z.'’-]*){0,4}:|Q(?=[ \u00a0\t:]))/.test(a) },
  // A line indented deeper than the one before opens a paragraph (first-line indent) or a block.
  { name: 'wrap/indent', test: (b, a) => indent(a) > indent(b) },
];

function indent(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

/** Length of a line without trailing white space (and `\r`). */
function trimmedLength(text: string, start: number, end: number): number {
  while (end > start && /[ \t\r\u00a0]/.test(text[end - 1])) end--;
  return end - start;
}

/** Length of the first breakable word of a line (up to a space or tab; a no-break space does not break). */
function firstWordLength(line: string): number {
  const s = line.replace(/^[ \t]+/, '');
  const m = /[ \t\r]/.exec(s);
  return m ? m.index : s.length;
}

let cacheText: string | undefined;
let cacheSoft: number[] = [];

/** The soft newlines of `text` (view offsets of `\n`), ascending; empty when the text is not hard-wrapped. */
export function softBreaks(text: string): readonly number[] {
  if (text === cacheText) return cacheSoft;
  cacheSoft = findSoftBreaks(text);
  cacheText = text;
  return cacheSoft;
}

function findSoftBreaks(text: string): number[] {
  if (text.indexOf('\n') < 0) return [];
  interface Break { nl: number; len: number; before: string; after: string }
  const breaks: Break[] = [];
  let start = 0;
  let prev: { start: number; end: number } | null = null;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const blank = /^[\s\u00a0]*$/.test(text.slice(start, nl));
    if (blank) prev = null;
    else {
      if (prev) {
        breaks.push({ nl: prev.end, len: trimmedLength(text, prev.start, prev.end), before: text.slice(prev.start, prev.end), after: text.slice(start, nl) });
      }
      prev = { start, end: nl };
    }
    start = nl + 1;
  }
  if (breaks.length < MIN_BREAKS) return [];
  const lengths = breaks.map((b) => b.len).filter((n) => n <= MAX_WIDTH).sort((a, b) => a - b);
  if (!lengths.length) return [];
  const width = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.9))];
  if (width < MIN_WIDTH) return [];
  // Breaks a rule keeps hard (before a list item or a label) say nothing about the wrap either way.
  const open = breaks.filter((b) => !KEEP_BREAK_RULES.some((r) => r.test(b.before, b.after)));
  const fits = open.filter((b) => b.len <= MAX_WIDTH && b.len + 1 + firstWordLength(b.after) > FILL * width);
  if (fits.length < MIN_BREAKS || fits.length < MIN_SHARE * open.length) return [];
  // A wrap cuts sentences mid-way: the next line goes on in lower case often; a list of headlines never does.
  if (fits.filter((b) => /^[ \t]*\p{Ll}/u.test(b.after)).length < MIN_LOWER * fits.length) return [];
  return fits.map((b) => b.nl);
}

/** Binary search: is the newline at `pos` soft? */
export function isSoftBreak(text: string, pos: number): boolean {
  const soft = softBreaks(text);
  let lo = 0;
  let hi = soft.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (soft[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return soft[lo] === pos;
}

/** The first hard newline at or after `from` (soft ones read as spaces), or -1. */
export function hardLineEnd(text: string, from: number): number {
  let nl = text.indexOf('\n', from);
  while (nl >= 0 && isSoftBreak(text, nl)) nl = text.indexOf('\n', nl + 1);
  return nl;
}

/** The last hard newline before `pos` (soft ones read as spaces), or -1. */
export function hardLineStartBefore(text: string, pos: number): number {
  let nl = pos > 0 ? text.lastIndexOf('\n', pos - 1) : -1;
  while (nl >= 0 && isSoftBreak(text, nl)) nl = nl > 0 ? text.lastIndexOf('\n', nl - 1) : -1;
  return nl;
}
