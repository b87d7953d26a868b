/**
 * The clean stage: marks boilerplate (share lines, "Read more…", "Source link", "Leave a Reply…", related-headline
 * lists, photo captions) as excluded spans of the input, without editing the text, so that no later stage
 * extracts from them.
 */
import type { Span, Stage } from '../../core/index.js';
import { matchLineRule } from './rules/line-boilerplate.js';
import { relatedHeadlines, type Line } from './rules/related-headlines.js';

/** Splits view text into trimmed, non-empty lines with their view offsets. */
export function viewLines(text: string): Line[] {
  const lines: Line[] = [];
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    let s = at;
    let e = nl;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) lines.push({ start: s, end: e, text: text.slice(s, e) });
    at = nl + 1;
  }
  return lines;
}

/** The clean stage. */
export const cleanStage: Stage = {
  name: 'clean',
  run(doc) {
    const lines = viewLines(doc.view.text);
    const marked = new Map<number, string>();
    lines.forEach((line, i) => {
      // Only short lines are furniture; a long paragraph that happens to begin with "Share" is prose.
      if (line.text.length > 300) return;
      const rule = matchLineRule(line.text);
      if (rule) marked.set(i, rule);
    });
    for (const i of relatedHeadlines(lines)) if (!marked.has(i)) marked.set(i, 'clean/related-headline');
    const excluded: Span[] = [...marked.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([i, rule]) => doc.view.span(lines[i].start, lines[i].end, rule));
    return { ...doc, excluded: [...doc.excluded, ...excluded] };
  },
};
