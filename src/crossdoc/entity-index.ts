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

/** A surface form while merging: its first text, count and first/last publication dates. */
export interface FormAcc {
  text: string;
  count: number;
  first: string | null;
  last: string | null;
}

/** An entity while merging documents: everything of {@link EntitySummary} but its documents, with forms by folded key. */
export type EntityAcc = Omit<{ -readonly [K in keyof EntitySummary]: EntitySummary[K] }, 'aliases' | 'docIds'> & {
  forms: Record<string, FormAcc>;
};

/** What one document says of an entity: its fields, its mention count and its name forms (folded key, first text, count). */
export type EntityContribution = Omit<EntitySummary, 'aliases' | 'docIds'> & {
  readonly forms: readonly { readonly key: string; readonly text: string; readonly count: number }[];
};

/** The contributions of a document's entities, in its order. */
export function entityContributions(doc: SourceDoc): EntityContribution[] {
  return doc.entities.map((e) => {
    const forms = new Map<string, { key: string; text: string; count: number }>();
    for (const m of e.mentions) {
      // A mention that is not a name ("the president", a first name alone) still counts, but is no alias.
      if (!isNameForm(m.text, e.name, e.kind)) continue;
      // Case and accents are not new spellings; "MALIAR" in a headline is the same alias as "Maliar".
      const key = foldName(m.text);
      const f = forms.get(key) ?? { key, text: m.text, count: 0 };
      f.count++;
      forms.set(key, f);
    }
    return {
      id: e.id, kind: e.kind, name: e.name, side: e.side ?? null, role: e.role ?? null, type: e.type ?? null,
      lat: e.lat ?? null, lon: e.lon ?? null, country: e.country ?? null, geonamesId: e.geonamesId ?? null,
      mentions: e.mentions.length, forms: [...forms.values()],
    };
  });
}

/**
 * Adds a document's contribution to an entity (a new one when `acc` is undefined): the first document to give a
 * field keeps it, counts add up, forms keep their first text and widen their dates. Documents must come in order.
 */
export function mergeContribution(acc: EntityAcc | undefined, c: EntityContribution, published: string | null): EntityAcc {
  const a: EntityAcc = acc ?? {
    id: c.id, kind: c.kind, name: c.name, side: null, role: null, type: null, lat: null, lon: null,
    country: null, geonamesId: null, mentions: 0, forms: {},
  };
  a.side ??= c.side;
  a.role ??= c.role;
  a.type ??= c.type;
  a.lat ??= c.lat;
  a.lon ??= c.lon;
  a.country ??= c.country;
  a.geonamesId ??= c.geonamesId;
  a.mentions += c.mentions;
  for (const { key, text, count } of c.forms) {
    const f = a.forms[key] ?? { text, count: 0, first: published, last: published };
    f.count += count;
    if (compareDates(published, f.first) < 0) f.first = published;
    if (compareDates(f.last, published) < 0 && published !== null) f.last = published;
    a.forms[key] = f;
  }
  return a;
}

/** The summary of a merged entity, with the documents that name it (in order). */
export function entitySummary(a: EntityAcc, docIds: readonly string[]): EntitySummary {
  const { forms, ...rest } = a;
  return {
    ...rest,
    aliases: Object.values(forms)
      .sort((x, y) => y.count - x.count || x.text.localeCompare(y.text))
      .map((f) => ({ text: f.text, count: f.count, firstSeen: f.first, lastSeen: f.last })),
    docIds,
  };
}

/** Merges the entities of all documents by id. Later documents fill what earlier ones left unknown. */
export function indexEntities(docs: readonly SourceDoc[]): Map<string, EntitySummary> {
  const acc = new Map<string, { a: EntityAcc; docs: Set<string> }>();
  for (const doc of docs) {
    for (const c of entityContributions(doc)) {
      const slot = acc.get(c.id);
      const a = mergeContribution(slot?.a, c, doc.published);
      if (slot) slot.docs.add(doc.id);
      else acc.set(c.id, { a, docs: new Set([doc.id]) });
    }
  }
  const out = new Map<string, EntitySummary>();
  for (const { a, docs: ids } of acc.values()) out.set(a.id, entitySummary(a, [...ids]));
  return out;
}
