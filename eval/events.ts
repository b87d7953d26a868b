/**
 * Events harness: CASE 2021 sub-event accuracy and macro-F1 (each snippet classified by its main event with
 * `classifyEvent`, ACLED sub-event types mapped to CASE codes by data/taxonomy.json), reported separately on the
 * development half (even rows, used to write the lexicon) and the held-out half (odd rows); then the seed
 * fixtures through the whole pipeline: every gold event found with its place; and documents per second.
 *
 * Options: `--errors` prints the misclassified development snippets (held-out snippets are never printed).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { classifyEvent } from '../src/stages/events/rules/classify-event.js';
import { SHARED } from '../scripts/shared-dir.js';


interface Row {
  id: string;
  text: string;
  gold: string;
}

function readCase(): Row[] {
  const lines = readFileSync(join(SHARED, 'eval/case2021/dev.tsv'), 'utf8').split('\n').slice(1);
  return lines
    .filter((l) => l.trim())
    .map((l) => {
      const [id, text, gold] = l.split('\t');
      return { id, text, gold: gold.trim() };
    });
}

interface Scored {
  accuracy: number;
  macroF1: number;
  perLabel: { label: string; p: number; r: number; f1: number; n: number }[];
  confusions: Map<string, number>;
  errors: { row: Row; pred: string }[];
}

/** Accuracy, macro-F1 over the gold labels, per-label P/R/F1 and the confusion pairs. */
function score(rows: Row[]): Scored {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const confusions = new Map<string, number>();
  const errors: { row: Row; pred: string }[] = [];
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let correct = 0;
  for (const row of rows) {
    const pred = classifyEvent(row.text)?.code ?? 'NONE';
    if (pred === row.gold) {
      correct++;
      inc(tp, row.gold);
    } else {
      inc(fp, pred);
      inc(fn, row.gold);
      inc(confusions, `${row.gold} -> ${pred}`);
      errors.push({ row, pred });
    }
  }
  const labels = [...new Set(rows.map((r) => r.gold))].sort();
  const perLabel = labels.map((label) => {
    const t = tp.get(label) ?? 0;
    const p = t / Math.max(1, t + (fp.get(label) ?? 0));
    const r = t / Math.max(1, t + (fn.get(label) ?? 0));
    return { label, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, n: t + (fn.get(label) ?? 0) };
  });
  return {
    accuracy: correct / rows.length,
    macroF1: perLabel.reduce((s, x) => s + x.f1, 0) / perLabel.length,
    perLabel,
    confusions,
    errors,
  };
}

const f = (x: number) => x.toFixed(3);

function caseSuite(args: string[]): void {
  const rows = readCase();
  const dev = rows.filter((_, i) => i % 2 === 0);
  const held = rows.filter((_, i) => i % 2 === 1);
  const t0 = performance.now();
  const sDev = score(dev);
  const sHeld = score(held);
  const sAll = score(rows);
  const ms = performance.now() - t0;
  console.log(`CASE 2021 dev.tsv sub-event type (${rows.length} snippets; ${((3 * rows.length) / (ms / 1000)).toFixed(0)} snippets/s)`);
  console.log(`  half      n    accuracy  macro-F1`);
  for (const [name, s, n] of [['dev', sDev, dev.length], ['held-out', sHeld, held.length], ['all', sAll, rows.length]] as const) {
    console.log(`  ${name.padEnd(8)} ${String(n).padStart(4)}    ${f(s.accuracy)}     ${f(s.macroF1)}`);
  }
  console.log(`\n  per label (all)                    P      R      F1    n   F1 dev  F1 held`);
  for (const x of sAll.perLabel) {
    const d = sDev.perLabel.find((y) => y.label === x.label)?.f1 ?? 0;
    const h = sHeld.perLabel.find((y) => y.label === x.label)?.f1 ?? 0;
    console.log(`    ${x.label.padEnd(31)} ${f(x.p)}  ${f(x.r)}  ${f(x.f1)}  ${String(x.n).padStart(3)}  ${f(d)}   ${f(h)}`);
  }
  const none = sAll.errors.filter((e) => e.pred === 'NONE').length;
  console.log(`  snippets without any trigger (predicted NONE): ${none}`);
  // Confusions and errors are listed for the development half only: held-out texts and their answers are never shown.
  const top = [...sDev.confusions].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(`\n  most frequent confusions of the development half (gold -> predicted):`);
  for (const [k, n] of top) console.log(`    ${String(n).padStart(3)}  ${k}`);
  if (args.includes('--errors')) {
    console.log(`\n  errors (dev):`);
    for (const e of sDev.errors) console.log(`    [${e.row.gold} -> ${e.pred}] ${e.row.text.slice(0, 200)}`);
  }
}

/** Seeds: every gold event found with its place, through the whole pipeline. */
async function seedSuite(): Promise<void> {
  const { createContext, extractText } = await import('../src/pipeline.js');
  const dir = join(SHARED, 'fixtures/seeds');
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as {
    docs: Record<string, { published: string | null; events: { kind: string; place: string }[]; places: { name: string; forms: string[] }[] }>;
  };
  const ctx = await createContext({});
  let found = 0;
  let total = 0;
  const lines: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const t0 = performance.now();
  const docs = files.map((file) => {
    const g = gold.docs[file];
    const text = readFileSync(join(dir, file), 'utf8');
    const published = g?.published ? { value: g.published, rule: 'eval/gold' } : undefined;
    return { file, g, doc: extractText(text, { id: file.replace(/\.txt$/, ''), published }, ctx) };
  });
  const ms = performance.now() - t0;
  for (const { file, g, doc } of docs) {
    if (!g) continue;
    const names = new Map(doc.entities.map((e) => [e.id, e]));
    for (const ge of g.events) {
      total++;
      const forms = g.places.find((p) => p.name === ge.place)?.forms ?? [ge.place];
      const hit = doc.events.find((e) => {
        const place = e.place ? names.get(e.place) : undefined;
        if (!place) return false;
        const surface = [place.name, ...place.mentions.map((m) => m.text)].map((s) => s.toLowerCase());
        return forms.some((f) => surface.includes(f.toLowerCase()));
      });
      if (hit) found++;
      lines.push(`    ${hit ? 'found ' : 'MISSED'} ${file} ${ge.kind} @ ${ge.place}${hit ? ` as ${hit.subType} (${hit.rule}): "${hit.text.slice(0, 80)}"` : ''}`);
    }
    for (const e of doc.events) {
      const place = e.place ? names.get(e.place)?.name ?? e.place : '-';
      lines.push(`      event ${e.id} ${e.subType} @ ${place} ${e.date ?? ''} fat=${e.fatalities ?? '-'} claims=${e.claims?.length ?? 0} "${e.text.slice(0, 70)}"`);
    }
  }
  // The events stage alone, on the documents the earlier stages prepared (repeated to get a stable figure).
  const { eventsStage } = await import('../src/stages/events/index.js');
  const rounds = 40;
  const t1 = performance.now();
  for (let r = 0; r < rounds; r++) for (const { doc } of docs) eventsStage.run(doc, ctx);
  const stageMs = performance.now() - t1;
  console.log(`\nSeeds: gold events found with their place: ${found}/${total}`);
  console.log(`  throughput: ${(docs.length / (ms / 1000)).toFixed(1)} documents/s whole pipeline; ${((rounds * docs.length) / (stageMs / 1000)).toFixed(0)} documents/s events stage alone`);
  for (const l of lines) console.log(l);
}

/** Runs the events harness. */
export default async function events(args: string[]): Promise<void> {
  caseSuite(args);
  await seedSuite();
}
