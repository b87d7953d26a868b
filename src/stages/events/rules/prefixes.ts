/**
 * Literal word prefixes of a trigger pattern, so that a sentence is searched only with the patterns that can match
 * in it. A trigger matches only at a word start (compilePattern bounds it with `(?<![\w])`), so a match's first one
 * to three characters, lower-cased, are a prefix of a word of the sentence. `patternPrefixes` reads them from the
 * pattern's source (before compilation); `wordPrefixes` lists a text's. A pattern whose start it cannot read gives
 * null, and is always searched: the filter never changes what is found, only how often a pattern runs.
 */

/** Longest prefix kept: three characters tell most words apart. */
const MAX = 3;
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Index of the `)` closing the group opened at `open`, or -1. */
function closing(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Top-level alternatives of a pattern source. */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** The literal prefixes (1–3 lower-case word characters) one alternative can start with, or null when unknown. */
function alternativePrefixes(alt: string): string[] | null {
  let lit = '';
  for (let i = 0; i < alt.length && lit.length < MAX; i++) {
    const c = alt[i];
    const q = alt[i + 1];
    if (isWordChar(c.charCodeAt(0))) {
      // "strikes?" — a character made optional is no longer certain.
      if (q === '?' || q === '*' || (q === '{' && alt[i + 2] === '0')) break;
      lit += c.toLowerCase();
      if (q === '+' || q === '{') break;
      continue;
    }
    if (c === '(' && !lit) {
      if (alt[i + 1] === '?' && alt[i + 2] !== ':') return null; // a lookaround first: unknown
      const end = closing(alt, i);
      if (end === -1) return null;
      const after = alt[end + 1];
      if (after === '?' || after === '*' || (after === '{' && alt[end + 2] === '0')) return null;
      const inner = alt.slice(alt[i + 1] === '?' ? i + 3 : i + 1, end);
      const all: string[] = [];
      for (const a of alternatives(inner)) {
        const p = alternativePrefixes(a);
        if (!p) return null;
        all.push(...p);
      }
      return all;
    }
    break;
  }
  return lit ? [lit] : null;
}

/** The prefixes any match of the pattern `source` starts with, or null when they cannot be read. */
export function patternPrefixes(source: string): string[] | null {
  const all: string[] = [];
  for (const alt of alternatives(source)) {
    const p = alternativePrefixes(alt);
    if (!p) return null;
    all.push(...p);
  }
  return [...new Set(all)];
}

/** The 1–3 character lower-case prefixes of every word (run of `\w` characters) of `text`. */
export function wordPrefixes(text: string): Set<string> {
  const out = new Set<string>();
  let prev = false;
  for (let i = 0; i < text.length; i++) {
    const word = isWordChar(text.charCodeAt(i));
    if (word && !prev) {
      let p = '';
      for (let k = i; k < text.length && k < i + MAX && isWordChar(text.charCodeAt(k)); k++) {
        p += text[k];
        out.add(p.toLowerCase());
      }
    }
    prev = word;
  }
  return out;
}
