/**
 * Place mentions for propositions, in view offsets: the places stage's entities when there are any, else a
 * fallback that takes capitalised words after locative prepositions and control verbs (ids `place:<folded>`, the
 * project's id form for ungeocoded places), so propositions still name a place when the places stage is missing.
 */
import type { Doc } from '../../../core/index.js';
import { lexicon } from './lexicon.js';
import type { PlaceCandidate } from './proposition.js';

const BROAD_TYPES = new Set(['country', 'admin1', 'continent', 'region']);
const NOT_PLACES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'telegram', 'the', 'we', 'they', 'it', 'he', 'she']);
const LOCATIVE = /(?<![\p{L}])(?:in|of|at|near|around|outside|into|captured|took|seized|conquered|occupied|liberated|retook|retaken|recaptured|encircled|toward|towards|from)\s+(\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}-]+)?)/gu;

/** Folds a name for a `place:` id: lower case, no diacritics, hyphens for spaces. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]s$/, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

/** Every place mention of the document in view offsets, sorted by start. */
export function placeMentions(doc: Doc): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const e of doc.entities) {
    if (e.kind !== 'place') continue;
    const broad = BROAD_TYPES.has(e.type ?? '');
    for (const m of e.mentions) out.push({ id: e.id, start: doc.view.toView(m.start), end: doc.view.toView(m.end - 1) + 1, broad, ...(e.type === 'country' ? { country: true } : {}), resolved: !e.unresolved && e.geonamesId !== undefined, text: m.text, ...(m.metonym ? { metonym: true } : {}) });
  }
  if (!out.length) {
    const text = doc.view.text;
    for (const m of text.matchAll(LOCATIVE)) {
      const name = m[1].replace(/['’]s$/, '');
      const key = name.toLowerCase();
      if (NOT_PLACES.has(key.split(/\s+/)[0]) || lexicon.sideWords.has(key)) continue;
      const start = (m.index ?? 0) + m[0].length - m[1].length;
      out.push({ id: `place:${foldName(name)}`, start, end: start + name.length, text: name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
