/**
 * Reading plain text: the view is the text itself. The first line is the title when it reads like a headline
 * (short, no final punctuation).
 */
import { makeSpan, type DocInit } from '../core/index.js';

/** Reads a plain-text article into a document. */
export function readText(text: string, base: Omit<DocInit, 'input' | 'format'>): DocInit {
  let title = base.title;
  if (!title) {
    const m = /^\s*([^\n]{3,200}?)[ \t\r]*(?:\n|$)/.exec(text);
    if (m && !/[.!?…:;,"”]$/.test(m[1]) && /\p{Lu}/u.test(m[1][0] ?? '') && m[1].split(/\s+/).length <= 25) {
      const start = m.index + m[0].indexOf(m[1]);
      title = { value: m[1], span: makeSpan(text, start, start + m[1].length, 'ingest/first-line-title') };
    }
  }
  return { ...base, input: text, format: 'text', title };
}
