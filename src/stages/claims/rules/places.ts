/**
 * Place mentions for propositions, in view offsets: the places stage's place entities, and nothing else. A
 * proposition's `place` is always the id of an entity in the document's entities list; when the places stage
 * found no place, a control, advance or encirclement proposition has no place and is not made (losses need none).
 * A mention of another kind whose text is a place entity's mention text is that place (entities may type a
 * place as a person in one spot: "around Lysychansk, the official said"), and so is the place name that opens an
 * organisation's mention of a local authority ("Kyiv authorities").
 */
import type { Doc } from '../../../core/index.js';
import type { PlaceCandidate } from './proposition.js';

import frames from '../data/frames.json' with { type: 'json' };

const BROAD_TYPES = new Set(['country', 'admin1', 'continent', 'region']);
/** A name followed by a local authority noun ("Kyiv authorities", `localAuthorities`): the name and the noun. */
const LOCAL_AUTHORITY = new RegExp(`^(.+?)\\s+(?:${frames.localAuthorities.nouns.join('|')})$`, 'i');

/** Every place mention of the document in view offsets, sorted by start. */
export function placeMentions(doc: Doc): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const e of doc.entities) {
    if (e.kind !== 'place') continue;
    const broad = BROAD_TYPES.has(e.type ?? '');
    for (const m of e.mentions) out.push({ id: e.id, start: doc.view.toView(m.start), end: doc.view.toView(m.end - 1) + 1, broad, ...(e.type === 'country' ? { country: true } : {}), ...(e.country ? { inCountry: e.country } : {}), resolved: !e.unresolved && e.geonamesId !== undefined, text: m.text, ...(m.metonym ? { metonym: true } : {}) });
  }
  // A mention another stage typed as a person or organisation whose text is the name of a place entity of the
  // document ("around Lysychansk, the official said" read as a person) is that place.
  const byName = new Map<string, (typeof out)[number]>();
  for (const p of out) if (p.text && !p.metonym) byName.set(p.text, p);
  for (const e of doc.entities) {
    if (e.kind === 'place') continue;
    for (const m of e.mentions) {
      const same = byName.get(m.text);
      if (same) out.push({ ...same, start: doc.view.toView(m.start), end: doc.view.toView(m.end - 1) + 1 });
      // "Kyiv authorities" as one organisation: the place that modifies a local authority is a place mention too.
      const local = same ? null : LOCAL_AUTHORITY.exec(m.text);
      const governed = local ? byName.get(local[1]) : undefined;
      if (governed) out.push({ ...governed, start: doc.view.toView(m.start), end: doc.view.toView(m.start + local![1].length - 1) + 1 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
