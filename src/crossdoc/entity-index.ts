/**
 * Entities across documents: one record per entity id with every surface form it was written in (with counts
 * and first/last seen), so that "Hannah Malial" and "Hanna Maliar" read as one person with two aliases.
 */
import type { EntityKind } from '../core/index.js';
import { compareDates } from './dates.js';
import { foldName } from './independence.js';
import type { SourceDoc } from './source-doc.js';

/** A surface form of an entity. */
export interface Alias {
  readonly text: string;
  readonly count: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
}

/** An entity merged over documents. */
export interface EntitySummary {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly side: string | null;
  readonly role: string | null;
  readonly type: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly country: string | null;
  readonly geonamesId: number | null;
  /** Surface forms, most frequent first. */
  readonly aliases: readonly Alias[];
  readonly mentions: number;
  readonly docIds: readonly string[];
}

const words = (s: string) => foldName(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Two words are the same name loosely: one is the other with a variant ending (Zelensky/Zelenskyy, Hanna/Hannah). */
function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4) && Math.abs(a.length - b.length) <= 2);
}

/**
 * Whether a mention's text is a name of the entity, to be listed among its aliases. Coreference links "the
 * president" or "Jake" to a person, and those mentions count, but they are not names: a form in lower case
 * only is a common noun; for a person, one word that matches no word of the name is a title ("President",
 * "Minister"), and one word matching the first word of a longer name but not its last is a first name alone.
 * Decided from the form and the entity's name only, no word lists.
 */
export function isNameForm(text: string, name: string, kind: EntityKind): boolean {
  if (!/\p{Lu}|\p{N}/u.test(text)) return false;
  if (kind !== 'person') return true;
  const form = words(text);
  const full = words(name);
  if (form.length !== 1 || full.length === 0) return true;
  const [w] = form;
  if (!full.some((n) => sameWord(n, w))) return false;
  return !(full.length > 1 && sameWord(full[0], w) && !sameWord(full[full.length - 1], w));
}

/** Merges the entities of all documents by id. Later documents fill what earlier ones left unknown. */
export function indexEntities(docs: readonly SourceDoc[]): Map<string, EntitySummary> {
  type Acc = {
    -readonly [K in keyof EntitySummary]: EntitySummary[K];
  } & { forms: Map<string, { text: string; count: number; first: string | null; last: string | null }>; docs: Set<string> };
  const acc = new Map<string, Acc>();
  for (const doc of docs) {
    for (const e of doc.entities) {
      let a = acc.get(e.id);
      if (!a) {
        a = {
          id: e.id, kind: e.kind, name: e.name, side: null, role: null, type: null, lat: null, lon: null,
          country: null, geonamesId: null, aliases: [], mentions: 0, docIds: [], forms: new Map(), docs: new Set(),
        };
        acc.set(e.id, a);
      }
      a.side ??= e.side ?? null;
      a.role ??= e.role ?? null;
      a.type ??= e.type ?? null;
      a.lat ??= e.lat ?? null;
      a.lon ??= e.lon ?? null;
      a.country ??= e.country ?? null;
      a.geonamesId ??= e.geonamesId ?? null;
      a.docs.add(doc.id);
      a.mentions += e.mentions.length;
      for (const m of e.mentions) {
        // A mention that is not a name ("the president", a first name alone) still counts, but is no alias.
        if (!isNameForm(m.text, e.name, e.kind)) continue;
        // Case and accents are not new spellings; "MALIAR" in a headline is the same alias as "Maliar".
        const key = foldName(m.text);
        const f = a.forms.get(key) ?? { text: m.text, count: 0, first: doc.published, last: doc.published };
        f.count++;
        if (compareDates(doc.published, f.first) < 0) f.first = doc.published;
        if (compareDates(f.last, doc.published) < 0 && doc.published !== null) f.last = doc.published;
        a.forms.set(key, f);
      }
    }
  }
  const out = new Map<string, EntitySummary>();
  for (const a of acc.values()) {
    const { forms, docs: ids, ...rest } = a;
    out.set(a.id, {
      ...rest,
      aliases: [...forms.values()]
        .sort((x, y) => y.count - x.count || x.text.localeCompare(y.text))
        .map((f) => ({ text: f.text, count: f.count, firstSeen: f.first, lastSeen: f.last })),
      docIds: [...ids],
    });
  }
  return out;
}
