/**
 * Linking a document's entities to the run-wide registry in one serial step, after extraction ran elsewhere (a worker
 * thread of the extraction pool with a registry of its own). The entities stage records, on the document, every call
 * it made to its registry in order (`doc.entityLinks`); replaying those calls against the run's registry in input
 * order gives the ids, canonical names and registry sides that a serial run gives, and rewrites every reference to
 * them (claim speakers, event actors).
 */
import type { Claim, ConflictEvent, Doc, Entity, Mention } from '../../core/index.js';
import type { EntityRegistry, PersonQuery } from './registry.js';

/** One call the entities stage made to its registry for the entity it emitted as `local`. */
export interface EntityLink {
  /** The id the entity carries in the document (the extracting registry's). */
  readonly local: string;
  readonly kind: 'person' | 'organization' | 'weapon';
  /** A person: the query given to `resolvePerson`, with the document's own side and role. */
  readonly person?: PersonQuery;
  /** An organisation or weapon: the query given to `resolveThing`. */
  readonly thing?: { readonly name: string; readonly kbId?: string; readonly side?: string; readonly type?: string };
  /** The side and role the document gives (before the registry's own). */
  readonly side?: string;
  readonly role?: string;
}

declare module '../../core/doc.js' {
  interface Doc {
    /** The entities stage's registry calls, in order (see {@link linkEntities}); not part of the extraction contract. */
    readonly entityLinks?: readonly EntityLink[];
  }
}

/**
 * Replays `doc.entityLinks` against `registry` and returns the document with the registry's ids, names, sides and
 * roles, read as the stage reads them; two entities that the registry finds to be one are merged. A document
 * without links is returned as it is.
 */
export function linkEntities(doc: Doc, registry: EntityRegistry): Doc {
  const links = doc.entityLinks;
  if (!links?.length) return doc;
  const ids = new Map<string, string>();
  const people = new Map<string, { rec: { name: string; side?: string; role?: string }; side?: string; role?: string }>();
  const things = new Map<string, { name: string; side?: string; type?: string }>();
  for (const l of links) {
    if (l.person) {
      const rec = registry.resolvePerson(l.person);
      let p = people.get(rec.id);
      if (!p) people.set(rec.id, (p = { rec }));
      p.side ??= l.side;
      p.role ??= l.role;
      if (!ids.has(l.local)) ids.set(l.local, rec.id);
    } else if (l.thing) {
      const rec = registry.resolveThing(l.kind === 'weapon' ? 'weapon' : 'organization', l.thing);
      if (!things.has(rec.id)) things.set(rec.id, { name: rec.name, side: l.thing.side ?? rec.side, type: l.thing.type ?? rec.type });
      if (!ids.has(l.local)) ids.set(l.local, rec.id);
    }
  }
  const idOf = (id: string) => ids.get(id) ?? id;
  const at = new Map<string, number>();
  const entities: Entity[] = [];
  for (const e of doc.entities) {
    const id = ids.get(e.id);
    if (id === undefined) {
      entities.push(e);
      continue;
    }
    const p = people.get(id);
    const t = things.get(id);
    const next = stripUndefined(
      p
        ? { ...e, id, name: p.rec.name, side: p.side ?? p.rec.side, role: p.role ?? p.rec.role }
        : { ...e, id, name: t!.name, side: t!.side, type: t!.type },
    );
    const same = at.get(id);
    if (same !== undefined) {
      // Two entities of the extracting registry are one of the run's: one entity with both entities' mentions.
      const mentions: Mention[] = [...entities[same].mentions, ...next.mentions].sort((a, b) => a.start - b.start);
      entities[same] = { ...entities[same], mentions };
      continue;
    }
    at.set(id, entities.length);
    entities.push(next);
  }
  // A claim whose speaker had no side where it was extracted takes the side the run's registry knows (as a serial run).
  const sideOf = new Map(entities.map((e) => [e.id, e.side]));
  const claims: Claim[] = doc.claims.map((c) => {
    if (!c.speaker || !ids.has(c.speaker)) return c;
    const speaker = idOf(c.speaker);
    const side = c.side ?? sideOf.get(speaker);
    if (side === c.side) return { ...c, speaker };
    // In the claims stage's field order: the side follows the speaker's span.
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c)) {
      if (k === 'side') continue;
      out[k] = k === 'speaker' ? speaker : v;
      if (k === (c.speakerSpan ? 'speakerSpan' : 'speakerText')) out.side = side;
    }
    return out as unknown as Claim;
  });
  const events: ConflictEvent[] = doc.events.map((ev) =>
    ev.actors.some((a) => ids.has(a)) ? { ...ev, actors: [...new Set(ev.actors.map(idOf))] } : ev,
  );
  return { ...doc, entities, claims, events };
}

function stripUndefined<T extends object>(e: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (v !== undefined) out[k] = v;
  return out as T;
}
