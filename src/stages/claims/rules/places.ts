/**
 * Place mentions for propositions, in view offsets: the places stage's place entities, and nothing else. A
 * proposition's `place` is always the id of an entity in the document's entities list; when the places stage
 * found no place, a control, advance or encirclement proposition has no place and is not made (losses need none).
 */
import type { Doc } from '../../../core/index.js';
import type { PlaceCandidate } from './proposition.js';

const BROAD_TYPES = new Set(['country', 'admin1', 'continent', 'region']);

/** Every place mention of the document in view offsets, sorted by start. */
export function placeMentions(doc: Doc): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const e of doc.entities) {
    if (e.kind !== 'place') continue;
    const broad = BROAD_TYPES.has(e.type ?? '');
    for (const m of e.mentions) out.push({ id: e.id, start: doc.view.toView(m.start), end: doc.view.toView(m.end - 1) + 1, broad, ...(e.type === 'country' ? { country: true } : {}), resolved: !e.unresolved && e.geonamesId !== undefined, text: m.text, ...(m.metonym ? { metonym: true } : {}) });
  }
  return out.sort((a, b) => a.start - b.start);
}
