/**
 * The people harness: runs the seed fixtures through one context (so the run-wide registry is shared) and
 * scores persons and organisations against `shared/fixtures/seeds/gold.json`:
 * per-document person recall/precision, surface-form coverage, side accuracy, organisation recall,
 * cross-document "same person" pairwise precision/recall/F1, and documents/s of the entities stage.
 *
 * `npm run eval -- people` (add `--no-kb` to run without the knowledge base, showing what recognition alone does).
 * With `--gwn` it also runs GeoWebNews (200 unseen news articles with gold toponyms): how many person mentions
 * fall on a gold literal toponym (false persons such as "Tula"), and documents/s on real articles.
 * With `--polnear` it measures speaker coverage on PolNeAR: the share of gold attribution sources (excluding
 * pronouns) that overlap a person or organisation mention — what the claims stage can resolve speakers to.
 * With `--gwn-places` it lists what the entities stage costs the places stage on GeoWebNews: every gold toponym
 * (the places suite's counted types, adjectives left out) that places finds alone but not after entities,
 * with the person/organisation mention that claimed it (grouped by kind and rule).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, extractText, runPipeline, stages } from '../src/pipeline.js';
import { createDoc, type Context, type Doc, type Entity } from '../src/core/index.js';
import { entitiesStage, EntityRegistry } from '../src/stages/entities/index.js';
import { defaultLexicon } from '../src/stages/entities/lexicon.js';
import { KbMatcher } from '../src/stages/entities/rules/kb-matcher.js';
import { SHARED } from '../scripts/shared-dir.js';

interface GoldPerson {
  name: string;
  side?: string;
  forms: string[];
}
interface GoldDoc {
  published?: string | null;
  persons: GoldPerson[];
  organizations?: string[];
}
interface Gold {
  docs: Record<string, GoldDoc>;
  cross_document?: { same_person?: { name: string; forms: string[] }[] };
}

const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

/** Runs the harness. */
export default async function people(args: string[]): Promise<void> {
  const seeds = join(SHARED, 'fixtures', 'seeds');
  const gold = JSON.parse(readFileSync(join(seeds, 'gold.json'), 'utf8')) as Gold;
  const noKb = args.includes('--no-kb');
  let ctx: Context = await createContext({});
  if (noKb) {
    const empty = { entries: [] };
    const lex = defaultLexicon();
    ctx = { ...ctx, entityKb: empty, entityRegistry: new EntityRegistry(empty, lex), entityMatcher: new KbMatcher(empty, lex) };
  }
  console.log(noKb ? 'knowledge base: none (--no-kb)' : 'knowledge base: built-in');

  const docs: { name: string; doc: Doc; g: GoldDoc }[] = [];
  for (const [name, g] of Object.entries(gold.docs)) {
    const text = readFileSync(join(seeds, name), 'utf8');
    const published = g.published ? { value: g.published, rule: 'eval/gold' } : undefined;
    docs.push({ name, doc: extractText(text, { id: name, published }, ctx), g });
  }

  // Cross-document items: every (doc, gold form) with the id of the predicted entity carrying it.
  const items: { gold: string; pred: string }[] = [];
  let unique = 0;
  console.log('doc                         persons  recall  precision  forms    side     orgs');
  for (const { name, doc, g } of docs) {
    const persons = doc.entities.filter((e) => e.kind === 'person');
    const orgs = doc.entities.filter((e) => e.kind === 'organization');
    const carrying = (form: string): Entity | undefined => persons.find((e) => e.mentions.some((m) => norm(m.text) === norm(form)));
    let found = 0;
    let formsOk = 0;
    let formsAll = 0;
    let sideOk = 0;
    const matched = new Set<string>();
    const problems: string[] = [];
    for (const gp of g.persons) {
      const hits = gp.forms.map(carrying);
      for (let i = 0; i < gp.forms.length; i++) items.push({ gold: gp.name, pred: hits[i]?.id ?? `missing:${unique++}` });
      const ids = hits.filter((h): h is Entity => !!h).map((h) => h.id);
      const best = [...new Set(ids)].sort((a, b) => ids.filter((x) => x === b).length - ids.filter((x) => x === a).length)[0];
      formsAll += gp.forms.length;
      if (!best) {
        problems.push(`missed ${gp.name} (${gp.forms.join(', ')})`);
        continue;
      }
      found++;
      matched.add(best);
      const entity = persons.find((e) => e.id === best)!;
      const covered = gp.forms.filter((f) => entity.mentions.some((m) => norm(m.text) === norm(f))).length;
      formsOk += covered;
      if (covered < gp.forms.length) problems.push(`${gp.name}: forms ${covered}/${gp.forms.length} in ${best}`);
      if (entity.side === gp.side) sideOk++;
      else problems.push(`${gp.name}: side ${entity.side ?? '-'} ≠ ${gp.side}`);
    }
    const falsePersons = persons.filter((e) => !matched.has(e.id));
    for (const e of falsePersons) problems.push(`false person ${e.id} (${e.mentions.map((m) => m.text).join(', ')})`);
    const orgGold = g.organizations ?? [];
    let orgFound = 0;
    for (const o of orgGold) {
      if (orgs.some((e) => norm(e.name) === norm(o) || e.mentions.some((m) => norm(m.text).includes(norm(o))))) orgFound++;
      else problems.push(`missed organisation ${o}`);
    }
    console.log(
      `${name.padEnd(28)}${String(persons.length).padEnd(9)}${pct(found, g.persons.length).padEnd(8)}` +
        `${pct(persons.length - falsePersons.length, persons.length).padEnd(11)}${pct(formsOk, formsAll).padEnd(9)}` +
        `${pct(sideOk, found).padEnd(9)}${pct(orgFound, orgGold.length)}`,
    );
    for (const p of problems) console.log(`    ${p}`);
  }

  // Pairwise "same person" over both documents.
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const same = items[i].gold === items[j].gold;
      const pred = items[i].pred === items[j].pred;
      if (same && pred) tp++;
      else if (pred) fp++;
      else if (same) fn++;
    }
  }
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  console.log(`cross-document same-person pairs: precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f1.toFixed(3)}  (${items.length} forms)`);

  // Throughput of the entities stage alone: documents prepared by the stages before it, then timed.
  const before = stages.slice(0, stages.indexOf(entitiesStage));
  const prepared = docs.map(({ name, doc }) => runPipeline(createDoc({ id: name, input: doc.input, format: 'text', published: doc.published }), ctx, before));
  const rounds = 40;
  const t0 = performance.now();
  for (let k = 0; k < rounds; k++) for (const d of prepared) entitiesStage.run(d, ctx);
  const secs = (performance.now() - t0) / 1000;
  console.log(`entities stage: ${((rounds * prepared.length) / secs).toFixed(0)} documents/s (${rounds * prepared.length} runs of the seed articles)`);
  if (args.includes('--gwn')) geoWebNews(ctx);
  if (args.includes('--polnear')) polnear(ctx);
  if (args.includes('--gwn-places')) await placesClaimed();
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'him', 'them', 'who']);

/** Share of PolNeAR attribution sources covered by a person or organisation mention. */
function polnear(ctx: Context): void {
  const root = join(SHARED, 'eval', 'polnear');
  const annFiles = readdirSync(join(root, 'attributions')).sort();
  let sources = 0;
  let covered = 0;
  let named = 0;
  let namedCovered = 0;
  const misses: string[] = [];
  const done = new Set<string>();
  for (const ann of annFiles) {
    const base = ann.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (done.has(base)) continue;
    done.add(base);
    const text = readFileSync(join(root, 'text', `${base}.txt`), 'utf8');
    const doc = extractText(text, { id: base }, ctx);
    const mentions = doc.entities.filter((e) => e.kind === 'person' || e.kind === 'organization').flatMap((e) => e.mentions);
    for (const line of readFileSync(join(root, 'attributions', ann), 'utf8').split('\n')) {
      const m = /^T\d+\tSource (\d+) (\d+)\t(.*)$/.exec(line);
      if (!m || PRONOUNS.has(m[3].trim().toLowerCase())) continue;
      const start = Number(m[1]);
      const end = Number(m[2]);
      const hit = mentions.some((x) => x.start < end && start < x.end);
      sources++;
      if (hit) covered++;
      // "Named" sources: a capitalised word after the first one, or a capitalised single word (Trump, Reuters).
      if (/\s\p{Lu}|^\p{Lu}\p{Ll}+$/u.test(m[3])) {
        named++;
        if (hit) namedCovered++;
        else if (misses.length < 10) misses.push(m[3]);
      }
    }
  }
  console.log(`PolNeAR: ${done.size} texts, ${sources} non-pronoun sources, ${pct(covered, sources)} overlap a person/organisation mention; named sources ${pct(namedCovered, named)} of ${named}`);
  console.log(`PolNeAR: named sources missed, e.g. ${misses.join(' | ')}`);
}

const COUNTED = new Set(['Literal', 'Mixed', 'Coercion', 'Metonymic', 'Literal_Modifier', 'Non_Literal_Modifier', 'Embedded_Literal', 'Embedded_Non_Lit']);

/** Gold toponyms that the places stage finds alone but loses once the entities stage has claimed their span. */
async function placesClaimed(): Promise<void> {
  const xml = readFileSync(join(SHARED, 'eval', 'geowebnews', 'GWN.xml'), 'utf8');
  const upToPlaces = stages.slice(0, stages.findIndex((s) => s.name === 'places') + 1);
  const alone = upToPlaces.filter((s) => s !== entitiesStage);
  const ctx = await createContext({}, upToPlaces);
  const lost: { kind: string; rule: string; text: string; gold: string; type: string; around: string }[] = [];
  let n = 0;
  let gained = 0;
  for (const article of xml.split('<article ').slice(1)) {
    const text = unescapeXml(/<text>([\s\S]*?)<\/text>/.exec(article)?.[1] ?? '');
    const gold = [...article.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)].map((m) => ({
      type: /<type>([^<]*)<\/type>/.exec(m[1])?.[1] ?? '',
      adjective: /<modifierType>Adjective<\/modifierType>/.test(m[1]),
      start: Number(/<start>(\d+)<\/start>/.exec(m[1])?.[1]),
      end: Number(/<end>(\d+)<\/end>/.exec(m[1])?.[1]),
    })).filter((g) => COUNTED.has(g.type) && !g.adjective);
    const id = `gwn${n++}`;
    const a = runPipeline(createDoc({ id, input: text, format: 'text' }), ctx, alone);
    const b = runPipeline(createDoc({ id, input: text, format: 'text' }), ctx, upToPlaces);
    const placeSpans = (d: Doc) => d.entities.filter((e) => e.kind === 'place').flatMap((e) => e.mentions);
    const pa = placeSpans(a);
    const pb = placeSpans(b);
    const others = b.entities.filter((e) => e.kind !== 'place').flatMap((e) => e.mentions.map((m) => ({ kind: e.kind, m })));
    for (const g of gold) {
      const hit = (ms: readonly { start: number; end: number }[]) => ms.some((m) => m.start < g.end && g.start < m.end);
      if (hit(pa) === hit(pb)) continue;
      if (!hit(pa)) {
        gained++;
        continue;
      }
      const by = others.find((o) => o.m.start < g.end && g.start < o.m.end);
      lost.push({
        kind: by?.kind ?? '-', rule: by?.m.rule ?? '-', text: by?.m.text ?? '-', gold: text.slice(g.start, g.end), type: g.type,
        around: text.slice(Math.max(0, g.start - 40), g.end + 40).replace(/\s+/g, ' '),
      });
    }
  }
  console.log(`GeoWebNews places claimed by entities: ${lost.length} gold toponyms found by places alone but not in the pipeline (${gained} the other way)`);
  const groups = new Map<string, typeof lost>();
  for (const l of lost) groups.set(`${l.kind} ${l.rule}`, [...(groups.get(`${l.kind} ${l.rule}`) ?? []), l]);
  for (const [k, list] of [...groups].sort((x, y) => y[1].length - x[1].length)) {
    console.log(`  ${k}: ${list.length}`);
    for (const l of list) console.log(`    "${l.text}" ⊇ ${l.gold} (${l.type}) … ${l.around} …`);
  }
}

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (s: string) => s.replace(/&(?:amp|lt|gt|quot|apos);/g, (m) => XML_ENTITIES[m]);

/** Person mentions on gold literal toponyms in GeoWebNews, and the stage's speed on those articles. */
function geoWebNews(ctx: Context): void {
  const xml = readFileSync(join(SHARED, 'eval', 'geowebnews', 'GWN.xml'), 'utf8');
  const before = stages.slice(0, stages.indexOf(entitiesStage));
  let mentions = 0;
  let onPlace = 0;
  let persons = 0;
  let ms = 0;
  let n = 0;
  const examples: string[] = [];
  let orgMentions = 0;
  let orgOnPlace = 0;
  const orgExamples: string[] = [];
  for (const article of xml.split('<article ').slice(1)) {
    const text = unescapeXml(/<text>([\s\S]*?)<\/text>/.exec(article)?.[1] ?? '');
    const places = [...article.matchAll(/<toponym>[\s\S]*?<type>([^<]*)<\/type>[\s\S]*?<start>(\d+)<\/start>\s*<end>(\d+)<\/end>/g)]
      .filter((m) => m[1] === 'Literal')
      .map((m) => ({ start: Number(m[2]), end: Number(m[3]) }));
    const doc = runPipeline(createDoc({ id: `gwn${n++}`, input: text, format: 'text' }), ctx, before);
    const t0 = performance.now();
    const out = entitiesStage.run(doc, ctx);
    ms += performance.now() - t0;
    for (const e of out.entities) {
      if (e.kind === 'organization') {
        for (const m of e.mentions) {
          orgMentions++;
          if (places.some((p) => p.start < m.end && m.start < p.end)) {
            orgOnPlace++;
            if (orgExamples.length < 12) orgExamples.push(m.text);
          }
        }
      }
      if (e.kind !== 'person') continue;
      persons++;
      for (const m of e.mentions) {
        mentions++;
        if (places.some((p) => p.start < m.end && m.start < p.end)) {
          onPlace++;
          if (examples.length < 8) examples.push(m.text);
        }
      }
    }
  }
  console.log(`GeoWebNews: ${n} articles, ${persons} persons, ${mentions} person mentions, ${onPlace} on a gold literal toponym (${pct(onPlace, mentions)})${examples.length ? `: ${examples.join(', ')}` : ''}`);
  console.log(`GeoWebNews: ${orgMentions} organisation mentions, ${orgOnPlace} on a gold literal toponym (${pct(orgOnPlace, orgMentions)}): ${orgExamples.join(', ')}`);
  console.log(`GeoWebNews: entities stage ${((1000 * n) / ms).toFixed(0)} documents/s`);
}
