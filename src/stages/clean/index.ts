/**
 * The clean stage: marks boilerplate (share lines, "Read more…", "Source link", "Leave a Reply…", related-headline
 * lists, photo captions) as excluded spans of the input, without editing the text, so that no later stage
 * extracts from them.
 */
import { isSoftBreak, type Span, type Stage } from '../../core/index.js';
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

/** True when the newline before or after a line is a soft break of a hard-wrapped paragraph. */
function softJoined(text: string, line: Line): boolean {
  let before = line.start - 1;
  while (before >= 0 && text[before] !== '\n' && /\s/.test(text[before])) before--;
  let after = line.end;
  while (after < text.length && text[after] !== '\n' && /\s/.test(text[after])) after++;
  return (before >= 0 && text[before] === '\n' && isSoftBreak(text, before)) || (text[after] === '\n' && isSoftBreak(text, after));
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
    // A line of a hard-wrapped paragraph (joined to a neighbour by a soft newline, core `isSoftBreak`) is prose.
    for (const i of [...marked.keys()]) if (softJoined(doc.view.text, lines[i])) marked.delete(i);
    const excluded: Span[] = [...marked.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([i, rule]) => doc.view.span(lines[i].start, lines[i].end, rule));
    return { ...doc, excluded: [...doc.excluded, ...excluded] };
  },
};
