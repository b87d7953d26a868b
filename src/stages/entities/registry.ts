/**
 * The run-wide entity registry: hands out ids so that the same person, organisation or weapon gets one id
 * in every document of a run, across spelling variants. It starts from the knowledge base and grows with
 * every document (a person first seen as "Hannah Malial" is found again as "Hanna Maliar").
 *
 * Ids are deterministic: `person:<kb id>` when linked to the knowledge base, else `person:<folded name>`
 * of the first form seen (with `-2`, `-3` only if two different people fold to the same name).
 */
import type { KnowledgeBase } from './kb.js';
import type { Lexicon } from './lexicon.js';
import { idSlug, toAsciiLower, translitKey } from './rules/fold.js';
import { accepts, scorePersonMatch, type PersonFeatures } from './rules/person-match.js';

/** What the registry knows about a person. Mutable: it accumulates over the run. */
export interface PersonRecord {
  readonly id: string;
  /** Canonical name: the knowledge-base name, else the first full form seen. */
  name: string;
  side?: string;
  role?: string;
  readonly kbId?: string;
  firstKeys: string[];
  lastKeys: string[];
  roleHeads: string[];
  cooc: string[];
  /** Every surface form seen. */
  readonly forms: Set<string>;
  /** The last document that resolved to this person: another person of that document is someone else. */
  lastDoc?: string;
}

/** What the registry knows about an organisation or weapon. */
export interface ThingRecord {
  readonly id: string;
  readonly kind: 'organization' | 'weapon';
  name: string;
  side?: string;
  type?: string;
  role?: string;
  readonly kbId?: string;
  readonly forms: Set<string>;
}

/** A person description from one document, to be resolved to a record. */
export interface PersonQuery extends PersonFeatures {
  /** The fullest form in the document. */
  readonly name: string;
  readonly role?: string;
  readonly kbId?: string;
  readonly forms: readonly string[];
  /** The document it comes from; its other persons were already judged different people. */
  readonly docId?: string;
}

/** Splits a person name into first-name keys and surname key (particles such as "al" or "van" stay with the surname). */
export function nameKeys(name: string): { firstKeys: string[]; lastKeys: string[] } {
  const parts = name.split(/\s+/).filter((p) => p && !/^(jr|sr|ii|iii)\.?$/i.test(p));
  if (!parts.length) return { firstKeys: [], lastKeys: [] };
  const last = translitKey(parts[parts.length - 1]);
  const first = parts.length > 1 ? translitKey(parts[0]) : '';
  return { firstKeys: first ? [first] : [], lastKeys: last ? [last] : [] };
}

/** The title head words in a role ("deputy defense minister" → minister). */
export function roleHeads(role: string | undefined, lex: Lexicon): string[] {
  if (!role) return [];
  return role
    .toLowerCase()
    .split(/[^a-z.]+/)
    .filter((w) => w && lex.titleHeads.has(w) && !lex.titleModifiers.has(w));
}

const ORG_FILLER = new Set(['the', 'of', 'for', 'and', 's', 'on', 'in']);
const SPELLING: Record<string, string> = { defence: 'defense', organisation: 'organization', centre: 'center' };

/**
 * The order-free key of an organisation name: words folded, nationality words replaced by their side,
 * fillers dropped, sorted. "Russian Ministry of Defense", "Russia's Defense Ministry" and "Russian Defence
 * Ministry" share it, and so do word-order variants from translation ("Free Russian Army"/"Russian Free Army").
 */
export function orgKey(name: string, lex: Lexicon): string {
  const words = toAsciiLower(name)
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9.]+/)
    .map((w) => w.replace(/\.$/, ''))
    .filter((w) => w && !ORG_FILLER.has(w))
    .map((w) => lex.sides.get(w)?.toLowerCase() ?? SPELLING[w] ?? w);
  return [...new Set(words)].sort().join('-');
}

// Letters the similarity treats as cheap confusions share a block letter, so variants always meet in one block.
const BLOCK_LETTER: Record<string, string> = { h: 'g', k: 'g', z: 's', f: 'v', l: 'r' };
const VOWEL = /[aeiou]/;

/**
 * The block of a surname key: its first letter and first consonant after it, confusable letters merged
 * (Maliar/Malial → `m r`, Syrskyi/Silsky → `s r`), so a run with thousands of people compares few pairs.
 */
function blockOf(key: string): string {
  const letter = (c: string | undefined) => (c ? BLOCK_LETTER[c] ?? c : '');
  let second = '';
  for (let i = 1; i < key.length; i++) {
    if (!VOWEL.test(key[i])) {
      second = letter(key[i]);
      break;
    }
  }
  return letter(key[0]) + second;
}

/** The registry. */
export class EntityRegistry {
  private readonly persons: PersonRecord[] = [];
  private readonly personsById = new Map<string, PersonRecord>();
  private readonly blocks = new Map<string, PersonRecord[]>();
  private readonly ids = new Set<string>();
  private readonly things = new Map<string, ThingRecord>();
  private readonly thingsByKey = new Map<string, ThingRecord>();

  constructor(
    kb: KnowledgeBase,
    private readonly lex: Lexicon,
  ) {
    for (const e of kb.entries) {
      if (e.kind === 'person') {
        const firstKeys = new Set<string>();
        const lastKeys = new Set<string>();
        for (const n of [e.name, ...(e.aliases ?? [])]) {
          const k = nameKeys(n);
          k.firstKeys.forEach((x) => firstKeys.add(x));
          k.lastKeys.forEach((x) => lastKeys.add(x));
        }
        this.addPerson({
          id: `person:${e.id}`,
          name: e.name,
          side: e.side,
          role: e.role,
          kbId: e.id,
          firstKeys: [...firstKeys],
          lastKeys: [...lastKeys],
          roleHeads: roleHeads(e.role, lex),
          cooc: [],
          forms: new Set([e.name, ...(e.aliases ?? [])]),
        });
      } else {
        const rec: ThingRecord = {
          id: `${e.kind === 'organization' ? 'org' : 'weapon'}:${e.id}`,
          kind: e.kind,
          name: e.name,
          side: e.side,
          type: e.type,
          kbId: e.id,
          forms: new Set([e.name, ...(e.aliases ?? [])]),
        };
        this.things.set(rec.id, rec);
        this.ids.add(rec.id);
        for (const n of [e.name, ...(e.aliases ?? [])]) {
          const key = `${e.kind}:${e.kind === 'organization' ? orgKey(n, lex) : idSlug(n)}`;
          if (!this.thingsByKey.has(key)) this.thingsByKey.set(key, rec);
        }
      }
    }
  }

  private addPerson(rec: PersonRecord): void {
    this.persons.push(rec);
    this.personsById.set(rec.id, rec);
    this.ids.add(rec.id);
    this.index(rec);
  }

  private index(rec: PersonRecord): void {
    for (const k of rec.lastKeys) {
      const b = blockOf(k);
      const list = this.blocks.get(b) ?? [];
      if (!list.includes(rec)) list.push(rec);
      this.blocks.set(b, list);
    }
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  private classOf = (key: string): number | undefined => this.lex.givenNames.get(key);

  /** The best-scoring known person for a description, or undefined when none is accepted. */
  matchPerson(q: PersonFeatures, docId?: string): PersonRecord | undefined {
    const seen = new Set<PersonRecord>();
    let bestRec: PersonRecord | undefined;
    let bestScore = -Infinity;
    for (const k of q.lastKeys) {
      for (const rec of this.blocks.get(blockOf(k)) ?? []) {
        if (seen.has(rec)) continue;
        seen.add(rec);
        if (docId !== undefined && rec.lastDoc === docId) continue;
        const m = scorePersonMatch(q, rec, this.classOf);
        if (accepts(m) && m.score > bestScore) {
          bestScore = m.score;
          bestRec = rec;
        }
      }
    }
    return bestRec;
  }

  /** Resolves a document's person to a record, creating one when no known person matches. */
  resolvePerson(q: PersonQuery): PersonRecord {
    const kbRec = q.kbId ? this.persons.find((p) => p.kbId === q.kbId) : undefined;
    const rec = kbRec ?? this.matchPerson(q, q.docId);
    if (!rec) {
      const created: PersonRecord = {
        id: this.uniqueId(`person:${idSlug(q.name) || 'unnamed'}`),
        name: q.name,
        side: q.side,
        role: q.role,
        firstKeys: [...q.firstKeys],
        lastKeys: [...q.lastKeys],
        roleHeads: [...q.roleHeads],
        cooc: [...q.cooc],
        forms: new Set(q.forms),
        lastDoc: q.docId,
      };
      this.addPerson(created);
      return created;
    }
    const merge = (into: string[], from: readonly string[]) => {
      for (const x of from) if (!into.includes(x)) into.push(x);
    };
    const newLast = q.lastKeys.some((k) => !rec.lastKeys.includes(k));
    merge(rec.firstKeys, q.firstKeys);
    merge(rec.lastKeys, q.lastKeys);
    merge(rec.roleHeads, q.roleHeads);
    merge(rec.cooc, q.cooc);
    for (const f of q.forms) rec.forms.add(f);
    rec.side ??= q.side;
    rec.role ??= q.role;
    // A record known only by a surname takes the first full name seen as its canonical name.
    if (!rec.kbId && rec.name.split(/\s+/).length < 2 && q.name.split(/\s+/).length >= 2) rec.name = q.name;
    if (newLast) this.index(rec);
    rec.lastDoc = q.docId;
    return rec;
  }

  /** Resolves an organisation or weapon by knowledge-base id, name key, or creates it. */
  resolveThing(kind: 'organization' | 'weapon', q: { name: string; kbId?: string; side?: string; type?: string }): ThingRecord {
    const prefix = kind === 'organization' ? 'org' : 'weapon';
    if (q.kbId) {
      const rec = this.things.get(`${prefix}:${q.kbId}`);
      if (rec) return rec;
    }
    const key = `${kind}:${kind === 'organization' ? orgKey(q.name, this.lex) : idSlug(q.name)}`;
    const known = this.thingsByKey.get(key);
    if (known) {
      known.forms.add(q.name);
      known.side ??= q.side;
      known.type ??= q.type;
      return known;
    }
    const rec: ThingRecord = {
      id: this.uniqueId(`${prefix}:${idSlug(q.name) || 'unnamed'}`),
      kind,
      name: q.name,
      side: q.side,
      type: q.type,
      forms: new Set([q.name]),
    };
    this.things.set(rec.id, rec);
    this.thingsByKey.set(key, rec);
    return rec;
  }

  /** The one known person whose surname key is `key`, or undefined when none or several (ambiguous). */
  personBySurname(key: string): PersonRecord | undefined {
    let found: PersonRecord | undefined;
    for (const rec of this.blocks.get(blockOf(key)) ?? []) {
      if (!rec.lastKeys.includes(key)) continue;
      if (found) return undefined;
      found = rec;
    }
    return found;
  }

  /** Every person known so far (knowledge base first, then in order of first sight). */
  allPersons(): readonly PersonRecord[] {
    return this.persons;
  }

  /**
   * What the run learnt beyond the knowledge base, as plain JSON: persist it (the store) and hand it to
   * {@link EntityRegistry.restore} in a later run, so that ids stay the same whatever order documents come in.
   */
  snapshot(): RegistrySnapshot {
    return {
      persons: this.persons
        .filter((p) => !p.kbId)
        .map((p) => ({ ...p, forms: [...p.forms], lastDoc: undefined })),
      things: [...this.things.values()]
        .filter((t) => !t.kbId)
        .map((t) => ({ ...t, forms: [...t.forms] })),
    };
  }

  /** Adds the records of an earlier run's {@link EntityRegistry.snapshot}; records whose id is already known are skipped. */
  restore(snap: RegistrySnapshot): void {
    for (const p of snap.persons) {
      if (this.ids.has(p.id)) continue;
      this.addPerson({ ...p, forms: new Set(p.forms), lastDoc: undefined });
    }
    for (const t of snap.things) {
      if (this.ids.has(t.id)) continue;
      const rec: ThingRecord = { ...t, forms: new Set(t.forms) };
      this.things.set(rec.id, rec);
      this.ids.add(rec.id);
      for (const f of rec.forms) {
        const key = `${rec.kind}:${rec.kind === 'organization' ? orgKey(f, this.lex) : idSlug(f)}`;
        if (!this.thingsByKey.has(key)) this.thingsByKey.set(key, rec);
      }
    }
  }

  /**
   * The learnt records (not from the knowledge base) among `ids`, as {@link EntityRegistry.snapshot} gives them: what
   * linking one document changed, to be shared with other processes (`src/queue/shared-registry.ts`).
   */
  recordsOf(ids: Iterable<string>): RegistrySnapshot {
    const persons: RegistrySnapshot['persons'][number][] = [];
    const things: RegistrySnapshot['things'][number][] = [];
    for (const id of new Set(ids)) {
      const p = this.personsById.get(id);
      if (p && !p.kbId) persons.push({ ...p, forms: [...p.forms], lastDoc: undefined });
      const t = this.things.get(id);
      if (t && !t.kbId) things.push({ ...t, forms: [...t.forms] });
    }
    return { persons, things };
  }

  /**
   * Adds records, or brings the known records with the same ids up to date with them (another process learnt more
   * about them): names, sides, keys and forms are taken from `snap`, forms already seen here are kept.
   */
  update(snap: RegistrySnapshot): void {
    const fresh: RegistrySnapshot = {
      persons: snap.persons.filter((p) => !this.ids.has(p.id)),
      things: snap.things.filter((t) => !this.ids.has(t.id)),
    };
    for (const p of snap.persons) {
      const rec = this.personsById.get(p.id);
      if (!rec || rec.kbId) continue;
      rec.name = p.name;
      rec.side = p.side;
      rec.role = p.role;
      rec.firstKeys = [...p.firstKeys];
      rec.lastKeys = [...p.lastKeys];
      rec.roleHeads = [...p.roleHeads];
      rec.cooc = [...p.cooc];
      for (const f of p.forms) rec.forms.add(f);
      this.index(rec);
    }
    for (const t of snap.things) {
      const rec = this.things.get(t.id);
      if (!rec || rec.kbId) continue;
      rec.name = t.name;
      rec.side = t.side;
      rec.type = t.type;
      rec.role = t.role;
      for (const f of t.forms) {
        rec.forms.add(f);
        const key = `${rec.kind}:${rec.kind === 'organization' ? orgKey(f, this.lex) : idSlug(f)}`;
        if (!this.thingsByKey.has(key)) this.thingsByKey.set(key, rec);
      }
    }
    this.restore(fresh);
  }
}

/** A registry's learnt records as plain JSON (see {@link EntityRegistry.snapshot}). */
export interface RegistrySnapshot {
  readonly persons: readonly (Omit<PersonRecord, 'forms'> & { forms: string[] })[];
  readonly things: readonly (Omit<ThingRecord, 'forms'> & { forms: string[] })[];
}
