/** Test helpers for the events stage: hand-built documents, so the tests do not depend on other stages. */
import { analyse, createDoc, type Doc, type Entity, type Sentence, type TimeExpression, type Claim } from '../../src/core/index.js';

/** Sentences of a plain text split after final punctuation and at line ends (enough for hand-written test texts). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?\n]+[.!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    const end = m.index + m[0].trimEnd().length;
    if (end > start) out.push({ index: out.length, start, end, vStart: start, vEnd: end, text: text.slice(start, end), rule: 'test/split' });
  }
  return out;
}

/** A place or other entity mentioned at every occurrence of `surface`. */
export function entity(doc: { input: string; sentences: readonly Sentence[] }, kind: Entity['kind'], id: string, surface: string, extra: Partial<Entity> = {}): Entity {
  const mentions = [];
  for (let i = doc.input.indexOf(surface); i !== -1; i = doc.input.indexOf(surface, i + 1)) {
    const s = doc.sentences.find((x) => x.start <= i && i < x.end)!;
    mentions.push({ start: i, end: i + surface.length, text: surface, rule: 'test/entity', sentence: s.index });
  }
  return { id, kind, name: surface, mentions, ...extra };
}

/** A document with sentences, its linguistic layer, and the layers given. */
export function makeDoc(
  text: string,
  layers: {
    published?: string;
    entities?: (d: { input: string; sentences: readonly Sentence[] }) => Entity[];
    times?: (d: { input: string; sentences: readonly Sentence[] }) => TimeExpression[];
    claims?: (d: { input: string; sentences: readonly Sentence[] }) => Claim[];
  } = {},
): Doc {
  const base = createDoc({ id: 't', input: text, format: 'text', published: layers.published ? { value: layers.published, rule: 'test' } : undefined });
  const sentences = splitSentences(text);
  const d = { input: text, sentences };
  return {
    ...base,
    sentences,
    // The real linguistic layer over the test sentences, as the segment stage builds it.
    lang: analyse(text, sentences.map((x) => ({ start: x.vStart, end: x.vEnd }))),
    entities: layers.entities?.(d) ?? [],
    times: layers.times?.(d) ?? [],
    claims: layers.claims?.(d) ?? [],
  };
}
