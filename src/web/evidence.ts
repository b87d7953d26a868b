/**
 * Evidence quotes kept short: a claim's span can run to a thousand words (a long quoted statement), so a quote
 * shows the sentence that carries the claim — the one naming the proposition's predicate or place — and a
 * "show more" button reveals the rest. A carrying sentence longer than {@link MAX_WORDS} is cut around that word.
 */
import { h } from './dom.js';

export const MAX_WORDS = 60;

/** Sentences of a quote: ends at . ! ? (and a closing quote), before a capital or an opening quote. */
export function quoteSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[.!?]+["”’)]*\s+(?=["“‘(]?[A-Z0-9])/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(text.slice(start, m.index + m[0].length).trim());
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

/** Lower-case words of a hint such as `object "Kherson"` or `entered`. */
function hintWords(hints: readonly string[]): string[] {
  return hints.flatMap((x) => [...x.matchAll(/"([^"]+)"/g)].map((m) => m[1]).concat(/"/.test(x) ? [] : [x])).map((w) => w.toLowerCase()).filter((w) => w.length > 1);
}

/**
 * The short form of a quote: the first sentence containing a hint (predicate, place) or the first sentence,
 * cut to {@link MAX_WORDS} words around the hint. `cut` tells whether anything was left out.
 */
export function shortQuote(text: string, hints: readonly string[]): { short: string; cut: boolean } {
  const words = hintWords(hints);
  const sentences = quoteSentences(text);
  if (!sentences.length) return { short: text, cut: false };
  const carrying = sentences.find((s) => words.some((w) => s.toLowerCase().includes(w))) ?? sentences[0];
  const tokens = carrying.split(/\s+/);
  let short = carrying;
  if (tokens.length > MAX_WORDS) {
    const at = Math.max(0, tokens.findIndex((t) => words.some((w) => t.toLowerCase().includes(w.split(/\s+/)[0]))));
    const from = Math.max(0, Math.min(at - Math.floor(MAX_WORDS / 3), tokens.length - MAX_WORDS));
    short = `${from > 0 ? '… ' : ''}${tokens.slice(from, from + MAX_WORDS).join(' ')}${from + MAX_WORDS < tokens.length ? ' …' : ''}`;
  } else if (sentences.length > 1) {
    const i = sentences.indexOf(carrying);
    short = `${i > 0 ? '… ' : ''}${carrying}${i < sentences.length - 1 ? ' …' : ''}`;
  }
  return { short, cut: short !== text };
}

/** A quote linking to its evidence, short, with "show more" / "show less" when it was cut. */
export function evidenceQuote(text: string, hints: readonly string[], href: string): HTMLElement {
  const { short, cut } = shortQuote(text, hints);
  const link = h('a', { href, class: 'evidence', title: 'Open the article with this evidence highlighted' }, `“${short}”`);
  if (!cut) return h('div', { class: 'quote' }, link);
  let open = false;
  const toggle = h('button', { type: 'button', class: 'more', 'aria-expanded': 'false' }, `show more (${text.split(/\s+/).length} words)`);
  toggle.addEventListener('click', () => {
    open = !open;
    link.textContent = `“${open ? text : short}”`;
    toggle.textContent = open ? 'show less' : `show more (${text.split(/\s+/).length} words)`;
    toggle.setAttribute('aria-expanded', String(open));
  });
  return h('div', { class: 'quote cut' }, link, toggle);
}
