/**
 * Looking up the entity a piece of text refers to, for later stages (the claims stage resolves speakers
 * with it). Uses only `doc.entities`, so it works on any document this stage has run over.
 */
import type { Doc, Entity } from '../../core/index.js';

/** The person or organisation with a mention overlapping input range `[start, end)`; persons win over organisations. */
export function findEntityAt(doc: Doc, start: number, end: number): Entity | undefined {
  let found: Entity | undefined;
  for (const e of doc.entities) {
    if (e.kind !== 'person' && e.kind !== 'organization') continue;
    if (!e.mentions.some((m) => m.start < end && start < m.end)) continue;
    if (!found || (found.kind !== 'person' && e.kind === 'person')) found = e;
  }
  return found;
}

/**
 * The person or organisation a speaker text names ("Malial", "the ministry", "Hannah Malial"): a mention with
 * the same text, nearest before `before` (an input offset) when given; else an entity whose name ends with it.
 */
export function findEntityByText(doc: Doc, text: string, before = Infinity): Entity | undefined {
  const wanted = text.trim().toLowerCase().replace(/['’]s$/, '');
  let best: Entity | undefined;
  let bestAt = -1;
  for (const e of doc.entities) {
    if (e.kind !== 'person' && e.kind !== 'organization') continue;
    for (const m of e.mentions) {
      if (m.text.toLowerCase() !== wanted || m.start > before) continue;
      if (m.start > bestAt) {
        bestAt = m.start;
        best = e;
      }
    }
  }
  return best ?? doc.entities.find((e) => e.kind === 'person' && e.name.toLowerCase().endsWith(` ${wanted}`));
}
