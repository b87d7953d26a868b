/**
 * The entities stage: persons, organisations and weapon systems, each with a stable id from the run-wide
 * registry, canonical name, side and role where the text supports them, and every mention, including
 * surname-only mentions and nominals ("the ministry", "the governor") resolved to their antecedent.
 *
 * Places are not emitted here: the places stage runs next and skips spans covered by these mentions.
 */
import { partitionPoint, type Context, type ContextOptions, type Doc, type Entity, type Mention, type Sentence, type Stage } from '../../core/index.js';
import { builtinKb, loadKb, type KnowledgeBase } from './kb.js';
import { defaultLexicon, placeKey, type Lexicon } from './lexicon.js';
import { EntityRegistry, nameKeys, roleHeads, type PersonQuery, type PersonRecord } from './registry.js';
import type { EntityLink } from './link.js';
import { findEntities, type Candidate, type SentenceFindings } from './rules/find-entities.js';
import { sentenceWords } from './rules/tokenize.js';
import { toAsciiLower, translitKey } from './rules/fold.js';
import { KbMatcher } from './rules/kb-matcher.js';
import { accepts, scorePersonMatch } from './rules/person-match.js';
import { keySimilarityBound, keysSimilarAtLeast } from './rules/similarity.js';

declare module '../../core/context.js' {
  interface Context {
    /** The knowledge base of well-known actors (built-in plus `--kb` files). */
    entityKb?: KnowledgeBase;
    /** The run-wide registry that gives people, organisations and weapons the same id in every document. */
    entityRegistry?: EntityRegistry;
    /** Alias index of the knowledge base, built once. */
    entityMatcher?: KbMatcher;
  }
}

export { EntityRegistry } from './registry.js';
export { findEntityAt, findEntityByText } from './entity-lookup.js';
export { linkEntities, type EntityLink } from './link.js';

interface Resources {
  readonly lex: Lexicon;
  readonly registry: EntityRegistry;
  readonly matcher: KbMatcher;
}

// Contexts made without prepare() (tests, library calls) still get one registry each, kept beside them.
const fallback = new WeakMap<Context, Resources>();

function resources(ctx: Context): Resources {
  const lex = defaultLexicon();
  if (ctx.entityRegistry && ctx.entityMatcher) return { lex, registry: ctx.entityRegistry, matcher: ctx.entityMatcher };
  let r = fallback.get(ctx);
  if (!r) {
    const kb = ctx.entityKb ?? builtinKb();
    r = { lex, registry: new EntityRegistry(kb, lex), matcher: new KbMatcher(kb, lex) };
    fallback.set(ctx, r);
  }
  return r;
}

/** A located candidate: the sentence it lies in. */
interface Located {
  readonly c: Candidate;
  readonly sentence: number;
}

/** A person within one document: candidates grouped before linking. */
interface Cluster {
  readonly items: Located[];
  firstKeys: string[];
  lastKeys: string[];
  name: string;
  nameLength: number;
  kbId?: string;
  side?: string;
  role?: string;
  /** Set when a surname was resolved directly to a person known from earlier documents. */
  record?: PersonRecord;
}

const NOMINAL_DETERMINERS = new Set(['the']);

/** A full-name candidate whose first name is written `first` (case and diacritics aside): "Barry Smith" for "Barry". */
function sameFirstName(c: Candidate, first: string): boolean {
  const words = c.nameWords ?? [];
  return words.length >= 2 && toAsciiLower(words[0]) === toAsciiLower(first);
}

/** Runs recognition, coreference and linking over one document. */
export function extractEntities(doc: Doc, ctx: Context, links: EntityLink[] = []): Entity[] {
  const { lex, registry, matcher } = resources(ctx);
  const text = doc.view.text;
  // The segment stage's sentences and the linguistic layer's words over them (parallel lists).
  const sentences = doc.sentences;
  const lang = doc.lang;
  const findings: SentenceFindings[] = sentences.map((s, k) => {
    const ls = lang.sentences[k];
    const words = ls ? sentenceWords(text, s.vStart, lang.words, ls.first, ls.end) : [];
    return findEntities(text.slice(s.vStart, s.vEnd), s.vStart, words, lex, matcher, s.headline ?? false);
  });
  const classOf = (k: string) => lex.givenNames.get(k);

  // Organisations and weapons: one entity per registry record.
  const things = new Map<string, { entity: Omit<Entity, 'mentions'>; mentions: Mention[] }>();
  const addThing = (c: Candidate, sentence: number) => {
    const kind = c.kind === 'weapon' ? 'weapon' : 'organization';
    const query = { name: c.name, kbId: c.kbId, side: c.side, type: c.type };
    const rec = registry.resolveThing(kind, query);
    links.push({ local: rec.id, kind, thing: query });
    let t = things.get(rec.id);
    if (!t) {
      t = { entity: { id: rec.id, kind, name: rec.name, side: c.side ?? rec.side, type: c.type ?? rec.type }, mentions: [] };
      things.set(rec.id, t);
    }
    t.mentions.push({ ...doc.view.span(c.vs, c.ve, c.rule), sentence });
    return rec.id;
  };

  // Persons: group the document's candidates (full names first, then single surnames).
  const clusters: Cluster[] = [];
  const byLast = new Map<string, Cluster[]>();
  const byBlock = new Map<string, Cluster[]>();
  const blockKey = (k: string) => (k[0] === 'h' ? 'g' : k[0] ?? '');
  const indexCluster = (cl: Cluster, k: string) => {
    for (const [map, key] of [[byLast, k], [byBlock, blockKey(k)]] as const) {
      const list = map.get(key) ?? [];
      if (!list.includes(cl)) list.push(cl);
      map.set(key, list);
    }
  };
  const features = (cl: Pick<Cluster, 'firstKeys' | 'lastKeys' | 'side' | 'role'>) => ({
    firstKeys: cl.firstKeys,
    lastKeys: cl.lastKeys,
    side: cl.side,
    roleHeads: roleHeads(cl.role, lex),
    cooc: [] as string[],
  });
  const persons: Located[] = [];
  findings.forEach((f, si) => {
    for (const c of f.candidates) {
      if (c.kind === 'person') persons.push({ c, sentence: sentences[si].index });
      else addThing(c, sentences[si].index);
    }
  });
  persons.sort((a, b) => (b.c.nameWords?.length ?? 0) - (a.c.nameWords?.length ?? 0) || a.c.vs - b.c.vs);
  for (const item of persons) {
    const c = item.c;
    const keys = nameKeys((c.nameWords ?? [c.name]).join(' '));
    const q = { ...keys, side: c.side, role: c.role };
    if (c.rule === 'entities/kin-name') {
      // "his daughter Yulia" after "Yulia Skripal": a first-name mention of the one person named so in full.
      const named = clusters.filter((cl) => cl.items.some((i) => i.c.vs < c.vs && sameFirstName(i.c, c.name)));
      if (named.length === 1) {
        named[0].items.push({ sentence: item.sentence, c: { ...c, rule: 'entities/first-name' } });
        continue;
      }
    }
    let target = c.kbId ? clusters.find((cl) => cl.kbId === c.kbId) : undefined;
    if (!target) {
      // One article mostly spells a name one way: within a document an exact surname key suffices, a fuzzy
      // one (Malial/Maliar) needs agreeing context (same side or role) — else a list of similar names would collapse.
      let best = -Infinity;
      const exact = new Set(keys.lastKeys.flatMap((k) => byLast.get(k) ?? []));
      for (const cl of keys.lastKeys.flatMap((k) => byBlock.get(blockKey(k)) ?? [])) {
        if (c.kbId && cl.kbId) continue;
        const m = scorePersonMatch(features(q), features(cl), classOf);
        if (!accepts(m) || m.score <= best) continue;
        const context = (q.side && q.side === cl.side) || roleHeads(q.role, lex).some((r) => roleHeads(cl.role, lex).includes(r));
        if (!exact.has(cl) && !context) continue;
        best = m.score;
        target = cl;
      }
    }
    if (target) {
      target.items.push(item);
      target.firstKeys = [...new Set([...target.firstKeys, ...keys.firstKeys])];
      for (const k of keys.lastKeys) if (!target.lastKeys.includes(k)) indexCluster(target, k);
      target.lastKeys = [...new Set([...target.lastKeys, ...keys.lastKeys])];
      target.side ??= c.side;
      target.role ??= c.role;
      // A knowledge-base surname alone ("Sullivan") must not link a full name of this document ("Kevin Sullivan") to the KB.
      if (!(c.kbId && (c.nameWords?.length ?? 1) < 2 && target.firstKeys.length)) target.kbId ??= c.kbId;
      const len = c.nameWords?.length ?? 1;
      if (len > target.nameLength) {
        target.name = c.nameWords?.join(' ') ?? c.name;
        target.nameLength = len;
      }
    } else {
      const created: Cluster = {
        items: [item], ...keys, name: c.nameWords?.join(' ') ?? c.name, nameLength: c.nameWords?.length ?? 1,
        kbId: c.kbId, side: c.side, role: c.role,
      };
      clusters.push(created);
      for (const k of keys.lastKeys) indexCluster(created, k);
    }
  }

  // Surname-only mentions ("Malial", "Yusoff") of a person named in full in this document, or known from earlier ones.
  // The clusters by the first name of their full-name mentions, with the earliest such mention: a given name alone
  // looks its person up here instead of scanning every mention of every cluster.
  const byFirstName = new Map<string, Map<Cluster, number>>();
  for (const cl of clusters) {
    for (const i of cl.items) {
      const words = i.c.nameWords ?? [];
      if (words.length < 2) continue;
      const key = toAsciiLower(words[0]);
      const seen = byFirstName.get(key) ?? new Map<Cluster, number>();
      seen.set(cl, Math.min(seen.get(cl) ?? Infinity, i.c.vs));
      byFirstName.set(key, seen);
    }
  }
  const taken = (si: number, wi: number) => findings[si].candidates.some((c) => c.from <= wi && wi < c.to);
  // A surname repeated through a long document meets the same cluster keys again: each pair's edit distance once.
  const similar = new Map<string, boolean>();
  const similarSurname = (k: string, key: string): boolean => {
    if (keySimilarityBound(k, key) < 0.9) return false;
    const pair = `${k}\u0000${key}`;
    let v = similar.get(pair);
    if (v === undefined) similar.set(pair, (v = keysSimilarAtLeast(k, key, 0.9)));
    return v;
  };
  // Each cluster's mention starts in order, kept up to date as mentions are added (only ever appended to
  // `items`): the nearest earlier mention by binary search, not by scanning every mention for every surname.
  const starts = new Map<Cluster, { seen: number; vs: number[] }>();
  const lastStartAtOrBefore = (cl: Cluster, v: number): number | undefined => {
    let s = starts.get(cl);
    if (!s) starts.set(cl, (s = { seen: 0, vs: [] }));
    for (; s.seen < cl.items.length; s.seen++) {
      const x = cl.items[s.seen].c.vs;
      s.vs.splice(partitionPoint(s.vs, (y) => y > x), 0, x);
    }
    const k = partitionPoint(s.vs, (y) => y > v);
    return k > 0 ? s.vs[k - 1] : undefined;
  };
  findings.forEach((f, si) => {
    for (const w of f.words) {
      if (!w.cap || taken(si, w.index) || w.text.length < 3) continue;
      if (lex.stopWords.has(w.lower) || lex.calendarWords.has(w.lower) || lex.sides.has(w.lower)) continue;
      if (lex.titleHeads.has(w.lower) || lex.orgHeads.has(w.lower)) continue;
      const key = translitKey(w.text);
      if (!key) continue;
      const prev = f.words[w.index - 1];
      const prevCap = prev?.cap && !prev.possessive && !lex.stopWords.has(prev.lower) && /^\s+$/.test(w.gap) && !f.caseless;
      const nextCap = f.words[w.index + 1]?.cap && /^\s+$/.test(f.words[w.index + 1].gap) && !f.caseless;
      if (prevCap || nextCap) continue;
      // A given name alone is no surname mention, unless it is the surname of someone in this document ("Said Hassan" …
      // "Hassan"); it is a first-name mention of the one person of this document named in full before with that first name
      // ("Barry Smith, 80, …" … "Barry said"), never of a person known only from other documents.
      if (lex.givenNames.has(key) && !byLast.has(key)) {
        const after = f.words[w.index + 1];
        // "Mary of Bethany", "Mohamed 'Beebo' Khaled": another person's name goes on.
        if (f.caseless || (after?.cap && /['‘’“”"]/.test(after.gap)) || (after?.lower === 'of' && f.words[w.index + 2]?.cap)) continue;
        const named = [...(byFirstName.get(toAsciiLower(w.text)) ?? [])].filter(([, vs]) => vs < w.vs).map(([cl]) => cl);
        if (named.length !== 1) continue;
        const c: Candidate = { kind: 'person', from: w.index, to: w.index + 1, vs: w.vs, ve: w.ve, rule: 'entities/first-name', name: w.text, nameWords: [w.text] };
        named[0].items.push({ c, sentence: sentences[si].index });
        (findings[si].candidates as Candidate[]).push(c);
        continue;
      }
      let target: Cluster | undefined;
      let bestDist = Infinity;
      for (const cl of byBlock.get(blockKey(key)) ?? []) {
        if (cl.nameLength < 2 && !cl.kbId && !cl.record) continue;
        const exact = cl.lastKeys.includes(key);
        if (!exact && !(key.length >= 5 && cl.lastKeys.some((k) => similarSurname(k, key)))) continue;
        const last = lastStartAtOrBefore(cl, w.vs);
        const dist = (last === undefined ? 1e9 : w.vs - last) + (exact ? 0 : 1e6);
        if (dist < bestDist) {
          bestDist = dist;
          target = cl;
        }
      }
      let rule = 'entities/surname';
      // ("fighting in Vovchansk": after a preposition of place a name known as a surname elsewhere is this document's place.)
      const afterLocative = !!prev && lex.locativeBefore.has(prev.lower) && !w.possessive;
      if (!target && !afterLocative && !lex.placeWords.has(w.lower) && !lex.countriesAndCapitals.has(placeKey(w.text)) && !lex.regions.has(placeKey(w.text))) {
        const rec = registry.personBySurname(key);
        // Only actors with a known side or from the knowledge base: a bare "Brown" is not the Michael Brown of another article.
        if (rec && rec.lastKeys.includes(key) && (rec.kbId || rec.side)) {
          target = clusters.find((cl) => cl.record === rec);
          if (!target) {
            target = { items: [], firstKeys: [], lastKeys: [key], name: w.text, nameLength: 1, record: rec };
            clusters.push(target);
            indexCluster(target, key);
          }
          rule = 'entities/known-surname';
        }
      }
      if (!target) continue;
      const c: Candidate = { kind: 'person', from: w.index, to: w.index + 1, vs: w.vs, ve: w.ve, rule, name: w.text, nameWords: [w.text] };
      target.items.push({ c, sentence: sentences[si].index });
      (findings[si].candidates as Candidate[]).push(c);
    }
  });

  // Link clusters to run-wide records.
  const orgIds = [...things.values()].filter((t) => t.entity.kind === 'organization').map((t) => t.entity.id);
  const people = new Map<string, { rec: PersonRecord; side?: string; role?: string; mentions: Mention[] }>();
  for (const cl of clusters) {
    if (!cl.items.length) continue;
    const query: PersonQuery = cl.record
      ? {
          firstKeys: [...cl.record.firstKeys], lastKeys: [...cl.record.lastKeys], roleHeads: [...cl.record.roleHeads], side: cl.record.side,
          cooc: [], name: cl.record.name, role: cl.record.role, kbId: cl.record.kbId, forms: [], docId: doc.id,
        }
      : {
          ...features(cl),
          docId: doc.id,
          cooc: orgIds,
          name: cl.name,
          role: cl.role,
          kbId: cl.kbId,
          forms: [...new Set(cl.items.filter((i) => i.c.rule !== 'entities/first-name').map((i) => i.c.nameWords?.join(' ') ?? i.c.name))],
        };
    const rec = cl.record ?? registry.resolvePerson(query);
    links.push({ local: rec.id, kind: 'person', person: query, side: cl.side, role: cl.role });
    let p = people.get(rec.id);
    if (!p) {
      p = { rec, mentions: [] };
      people.set(rec.id, p);
    }
    p.side ??= cl.side;
    p.role ??= cl.role;
    for (const i of cl.items) p.mentions.push({ ...doc.view.span(i.c.vs, i.c.ve, i.c.rule), sentence: i.sentence });
  }

  const entities: Entity[] = [];
  for (const p of people.values()) {
    entities.push({
      id: p.rec.id, kind: 'person', name: p.rec.name, side: p.side ?? p.rec.side, role: p.role ?? p.rec.role, mentions: p.mentions,
    });
  }
  for (const t of things.values()) entities.push({ ...t.entity, mentions: t.mentions });
  resolveShortForms(doc, entities, findings, sentences, lex);
  resolveNominals(doc, entities, findings, sentences, lex);
  for (const e of entities) (e.mentions as Mention[]).sort((a, b) => a.start - b.start);
  entities.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return entities.map((e) => stripUndefined(e));
}

/**
 * "the Post" after "the New York Post", "the Institute" after "the Institute for the Study of War": a capitalised
 * head word after "the" is a mention of the nearest earlier organisation whose name ends or starts with it.
 */
function resolveShortForms(doc: Doc, entities: Entity[], findings: SentenceFindings[], sentences: readonly Sentence[], lex: Lexicon): void {
  const orgs = entities.filter((e) => e.kind === 'organization');
  if (!orgs.length) return;
  findings.forEach((f, si) => {
    for (const w of f.words) {
      const the = f.words[w.index - 1];
      if (!w.cap || the?.lower !== 'the' || !/^\s+$/.test(w.gap) || !lex.orgHeads.has(w.lower)) continue;
      const next = f.words[w.index + 1];
      if (next && next.cap && /^\s+$/.test(next.gap)) continue;
      if (f.candidates.some((c) => c.from <= w.index && w.index < c.to)) continue;
      let best: Entity | undefined;
      let bestAt = -1;
      for (const e of orgs) {
        for (const m of e.mentions) {
          const parts = m.text.split(/\s+/);
          if (parts.length < 2 || (parts[parts.length - 1] !== w.text && parts[0] !== w.text)) continue;
          const at = doc.view.toView(m.start);
          if (at < w.vs && at > bestAt) {
            bestAt = at;
            best = e;
          }
        }
      }
      if (best) (best.mentions as Mention[]).push({ ...doc.view.span(w.vs, w.ve, 'entities/org-short-form'), sentence: sentences[si].index });
    }
  });
}

/** "the ministry", "the governor": a mention of the nearest earlier entity that fits. */
function resolveNominals(doc: Doc, entities: Entity[], findings: SentenceFindings[], sentences: readonly Sentence[], lex: Lexicon): void {
  // Nominals are met in text order and each new mention starts at its nominal, before every later one: the mentions
  // are indexed once (sorted starts with the running largest end; per kind of nominal, the starts of the entities it
  // fits) and the new ones tracked as they come, so a document of hundreds of articles is not rescanned per nominal.
  const ranges = entities
    .flatMap((e) => e.mentions.map((m) => [doc.view.toView(m.start), doc.view.toView(m.end)] as const))
    .sort((a, b) => a[0] - b[0]);
  const maxEnd: number[] = [];
  for (const [, e] of ranges) maxEnd.push(Math.max(e, maxEnd.length ? maxEnd[maxEnd.length - 1] : -Infinity));
  let addedEnd = -Infinity;
  const covered = (vs: number) => {
    const k = partitionPoint(ranges, (r) => r[0] > vs);
    return (k > 0 && maxEnd[k - 1] > vs) || addedEnd > vs;
  };
  type Target = NonNullable<ReturnType<Lexicon['nominals']['get']>>;
  const fits = (e: Entity, target: Target) =>
    e.kind === target.kind &&
    !(target.type && e.type !== target.type) &&
    !(target.roleHead && !(e.role ?? '').split(/[^a-z-]+/).some((w) => w === target.roleHead || w.startsWith(`${target.roleHead}-`)));
  // Per target: its entities' mention starts with the entity's index, by start and, at one start, the earliest
  // entity last (the one the scan in entity order kept); and the latest mention added since, which is the nearest.
  const byTarget = new Map<Target, { at: number[]; index: number[]; lastAt: number; lastIndex: number }>();
  const nearest = (target: Target, vs: number): number => {
    let t = byTarget.get(target);
    if (!t) {
      const pairs: Array<[number, number]> = [];
      entities.forEach((e, k) => {
        if (fits(e, target)) for (const m of e.mentions) pairs.push([doc.view.toView(m.start), k]);
      });
      pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
      byTarget.set(target, (t = { at: pairs.map((p) => p[0]), index: pairs.map((p) => p[1]), lastAt: -1, lastIndex: -1 }));
    }
    const k = partitionPoint(t.at, (a) => a >= vs);
    let at = k > 0 ? t.at[k - 1] : -1;
    let index = k > 0 ? t.index[k - 1] : -1;
    if (t.lastAt > at || (t.lastAt === at && t.lastAt >= 0 && t.lastIndex < index)) {
      at = t.lastAt;
      index = t.lastIndex;
    }
    return at >= 0 ? index : -1;
  };
  findings.forEach((f, si) => {
    const words = f.words;
    for (let i = 0; i < words.length - 1; i++) {
      if (!NOMINAL_DETERMINERS.has(words[i].lower)) continue;
      for (const len of [2, 1]) {
        const phrase = words.slice(i + 1, i + 1 + len);
        if (phrase.length < len || phrase.some((p) => !/^\s+$/.test(p.gap))) continue;
        if (phrase.slice(0, -1).some((p) => p.possessive)) continue;
        const target = lex.nominals.get(phrase.map((p) => p.lower).join(' '));
        if (!target) continue;
        const last = phrase[phrase.length - 1];
        const next = words[last.index + 1];
        // "the governor Vyacheslav Gladkov", "the Ministry of Defense": a name follows, so this is a title, not a reference.
        if (next && (next.cap || (next.lower === 'of' && words[next.index + 1]?.cap)) && /^\s+$/.test(next.gap) && !last.possessive) break;
        const vs = phrase[0].vs;
        if (covered(vs)) break;
        const k = nearest(target, vs);
        if (k >= 0) {
          const best = entities[k];
          const m = { ...doc.view.span(vs, last.ve, 'entities/nominal'), sentence: sentences[si].index };
          (best.mentions as Mention[]).push(m);
          addedEnd = Math.max(addedEnd, doc.view.toView(m.end));
          const at = doc.view.toView(m.start);
          for (const [tg, t] of byTarget) {
            if (fits(best, tg)) {
              t.lastAt = at;
              t.lastIndex = k;
            }
          }
        }
        break;
      }
    }
  });
}

function stripUndefined(e: Entity): Entity {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (v !== undefined) out[k] = v;
  return out as unknown as Entity;
}

/** The entities stage. */
export const entitiesStage: Stage = {
  name: 'entities',
  async prepare(ctx: Context, options: ContextOptions): Promise<Context> {
    const kb = await loadKb(options.kbFiles ?? []);
    const lex = defaultLexicon();
    return { ...ctx, entityKb: kb, entityRegistry: new EntityRegistry(kb, lex), entityMatcher: new KbMatcher(kb, lex) };
  },
  run(doc: Doc, ctx: Context): Doc {
    const links: EntityLink[] = [];
    const entities = extractEntities(doc, ctx, links);
    return { ...doc, entities: [...doc.entities, ...entities], entityLinks: [...(doc.entityLinks ?? []), ...links] };
  },
};
