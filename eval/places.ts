/**
 * Places evaluation on GeoWebNews (Gritta et al. 2019): toponym recognition precision, recall and F1 by span
 * overlap, and geocoding accuracy within 161 km with median and mean error for gold toponyms that carry
 * coordinates and were resolved. Also checks the seed fixtures' gold places.
 *
 * Gold toponyms counted: Literal, Mixed, Coercion, Metonymic, Literal_Modifier, Non_Literal_Modifier,
 * Embedded_Literal and Embedded_Non_Lit — Gritta's literal and associative toponyms — except those whose
 * modifierType is Adjective ("Syrian", "Kurdish"): the product treats such adjectives as demonyms (a side,
 * not a place). Not counted: Demonym, Language, Homonym, Non_Toponym and the common-noun
 * Literal_Expression / Non_Lit_Expression. A second row includes the adjectival modifiers, for comparison.
 *
 * Halves: articles at even positions of GWN.xml (0, 2, 4, …) are the `dev` half, odd positions the `heldout` half;
 * both are reported beside the whole, and the error lists (missed, false, far) show the dev half only.
 *
 * Usage: `npm run eval -- places [--gwn FILE] [--seeds DIR] [--errors N] [--no-entities]`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { createDoc, type Doc } from '../src/core/index.js';
import { createContext, runPipeline, stages } from '../src/pipeline.js';
import { distanceKm } from '../src/stages/places/rules/resolve-places.js';
import { SHARED } from '../scripts/shared-dir.js';

const COUNTED = new Set([
  'Literal', 'Mixed', 'Coercion', 'Metonymic', 'Literal_Modifier', 'Non_Literal_Modifier', 'Embedded_Literal', 'Embedded_Non_Lit',
]);

interface Gold {
  start: number;
  end: number;
  name: string;
  type: string;
  adjective: boolean;
  geonamesId?: number;
  lat?: number;
  lon?: number;
}

interface Predicted {
  start: number;
  end: number;
  text: string;
  type?: string;
  lat?: number;
  lon?: number;
  id: string;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  errors: number[];
  /** Geocoding errors by the predicted place type (country, admin1, city, continent). */
  byType: Map<string, number[]>;
  /** Resolved gold toponyms with a GeoNames id: how many got that very id, and how many were within 161 km or got it. */
  sameId: number;
  withId: number;
  nearOrSame: number;
}

const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, errors: [], byType: new Map(), sameId: 0, withId: 0, nearOrSame: 0 });

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

function predictedPlaces(doc: Doc): Predicted[] {
  const out: Predicted[] = [];
  for (const e of doc.entities) {
    if (e.kind !== 'place') continue;
    for (const m of e.mentions) out.push({ start: m.start, end: m.end, text: m.text, lat: e.lat, lon: e.lon, id: e.id, type: e.type });
  }
  return out.sort((a, b) => a.start - b.start);
}

// One-to-one matching by span overlap, in text order.
function score(gold: Gold[], pred: Predicted[], tally: Tally, misses: string[], falses: string[], far: string[]): void {
  const used = new Set<number>();
  for (const g of gold) {
    let hit = -1;
    for (let i = 0; i < pred.length; i++) {
      if (used.has(i)) continue;
      if (pred[i].start < g.end && g.start < pred[i].end) {
        hit = i;
        break;
      }
    }
    if (hit < 0) {
      tally.fn++;
      misses.push(`${g.name} (${g.type})`);
      continue;
    }
    used.add(hit);
    tally.tp++;
    const p = pred[hit];
    if (g.lat !== undefined && g.lon !== undefined && p.lat !== undefined && p.lon !== undefined) {
      const d = distanceKm({ lat: g.lat, lon: g.lon }, { lat: p.lat, lon: p.lon });
      tally.errors.push(d);
      if (g.geonamesId) {
        tally.withId++;
        const same = p.id === `geo:${g.geonamesId}`;
        if (same) tally.sameId++;
        if (same || d <= 161) tally.nearOrSame++;
      }
      const list = tally.byType.get(p.type ?? '?') ?? [];
      list.push(d);
      tally.byType.set(p.type ?? '?', list);
      if (d > 161) far.push(`${g.name} → ${p.id} ${p.type ?? ""} ${Math.round(d)} km`);
    }
  }
  pred.forEach((p, i) => {
    if (!used.has(i)) {
      tally.fp++;
      falses.push(`${p.text}→${p.id}`);
    }
  });
}

function row(label: string, t: Tally): string {
  const p = t.tp / Math.max(1, t.tp + t.fp);
  const r = t.tp / Math.max(1, t.tp + t.fn);
  const f = (2 * p * r) / Math.max(1e-9, p + r);
  const e = [...t.errors].sort((a, b) => a - b);
  const acc = e.filter((x) => x <= 161).length / Math.max(1, e.length);
  const median = e.length ? e[Math.floor(e.length / 2)] : NaN;
  const mean = e.reduce((s, x) => s + x, 0) / Math.max(1, e.length);
  const cells = [label, t.tp + t.fn, t.tp + t.fp, p.toFixed(3), r.toFixed(3), f.toFixed(3), e.length, acc.toFixed(3), median.toFixed(0), mean.toFixed(0)];
  return cells.map((c, i) => String(c).padStart(i === 0 ? 0 : 8).padEnd(i === 0 ? 34 : 0)).join('');
}

function top(list: string[], n: number): string {
  const counts = new Map<string, number>();
  for (const x of list) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([k, v]) => `${k}×${v}`).join(', ');
}

const placesIndex = stages.findIndex((s) => s.name === 'places');

/** Runs the GeoWebNews and seed-fixture evaluations and prints one table. */
export default async function evalPlaces(args: string[]): Promise<void> {
  const gwn = arg(args, '--gwn', join(SHARED, 'eval/geowebnews/GWN.xml'));
  const seeds = arg(args, '--seeds', join(SHARED, 'fixtures/seeds'));
  const shown = +arg(args, '--errors', '12');
  // --no-entities measures the places stage alone, without the mentions the entities stage claims first.
  const upToPlaces = stages.slice(0, placesIndex + 1).filter((s) => !(args.includes('--no-entities') && s.name === 'entities'));
  const t0 = performance.now();
  const ctx = await createContext({}, upToPlaces);
  const loadMs = performance.now() - t0;

  const strict = tally();
  const withAdj = tally();
  const half = { dev: tally(), heldout: tally() };
  const misses: string[] = [];
  const falses: string[] = [];
  const far: string[] = [];
  let docs = 0;
  let runMs = 0;
  if (existsSync(gwn)) {
    const parser = new XMLParser({ parseTagValue: false, trimValues: false, isArray: (n) => n === 'toponym' || n === 'article' });
    const articles = parser.parse(readFileSync(gwn, 'utf8')).articles.article as {
      text: string;
      toponyms?: { toponym: Record<string, string>[] };
    }[];
    articles.forEach((a, n) => {
      const text = String(a.text);
      const gold: Gold[] = [];
      for (const t of a.toponyms?.toponym ?? []) {
        if (!COUNTED.has(t.type)) continue;
        const lat = t.latitude !== undefined && t.latitude !== '' ? +t.latitude : undefined;
        const lon = t.longitude !== undefined && t.longitude !== '' ? +t.longitude : undefined;
        const geonamesId = t.geonamesID ? +t.geonamesID : undefined;
        gold.push({ start: +t.start, end: +t.end, name: t.extractedName, type: t.type, adjective: t.modifierType === 'Adjective', geonamesId, lat, lon });
      }
      gold.sort((x, y) => x.start - y.start);
      const t1 = performance.now();
      const doc = runPipeline(createDoc({ id: `gwn-${n}`, input: text, format: 'text' }), ctx, upToPlaces);
      runMs += performance.now() - t1;
      docs++;
      const pred = predictedPlaces(doc);
      const dev = n % 2 === 0;
      // Error lists come from the dev half only: the held-out half is measured, never read.
      score(gold.filter((g) => !g.adjective), pred, strict, dev ? misses : [], dev ? falses : [], dev ? far : []);
      score(gold.filter((g) => !g.adjective), pred, dev ? half.dev : half.heldout, [], [], []);
      score(gold, pred, withAdj, [], [], []);
    });
  } else console.log(`(GeoWebNews not found at ${gwn})`);

  console.log(['suite', 'gold', 'pred', 'P', 'R', 'F1', 'coded', 'acc@161', 'med km', 'mean km'].map((c, i) => c.padStart(i === 0 ? 0 : 8).padEnd(i === 0 ? 34 : 0)).join(''));
  console.log(row('GeoWebNews (toponyms, no adj.)', strict));
  console.log(row('GeoWebNews (with adjectival mod.)', withAdj));
  console.log(row('  dev half (even articles)', half.dev));
  console.log(row('  held-out half (odd articles)', half.heldout));
  console.log(`docs ${docs}, ${(docs / Math.max(1e-9, runMs / 1000)).toFixed(1)} docs/s (clean..places), gazetteer load ${(loadMs / 1000).toFixed(2)} s`);
  console.log(
    `gold with GeoNames id: ${strict.withId} resolved; same id ${(strict.sameId / Math.max(1, strict.withId)).toFixed(3)}; ` +
      `same id or within 161 km ${(strict.nearOrSame / Math.max(1, strict.withId)).toFixed(3)} ` +
      '(countries and divisions carry derived points, so the same entity can lie over 161 km from GeoNames\' point)',
  );
  const byType = [...strict.byType].sort((a, b) => b[1].length - a[1].length);
  console.log(`acc@161 by resolved type: ${byType.map(([t, e]) => `${t} ${(e.filter((x) => x <= 161).length / e.length).toFixed(2)} (n=${e.length})`).join(', ')}`);
  if (shown > 0) {
    console.log('errors of the dev half:');
    console.log(`missed: ${top(misses, shown)}`);
    console.log(`false: ${top(falses, shown)}`);
    console.log(`far: ${far.slice(0, shown).join('; ')}`);
  }

  const goldFile = join(seeds, 'gold.json');
  if (!existsSync(goldFile)) return;
  const seedGold = JSON.parse(readFileSync(goldFile, 'utf8')) as {
    docs: Record<string, { published?: string; places?: { name: string; forms: string[]; lat: number; lon: number; km: number }[] }>;
  };
  let ok = 0;
  let total = 0;
  for (const [file, g] of Object.entries(seedGold.docs)) {
    const path = join(seeds, file);
    if (!existsSync(path) || !g.places) continue;
    const doc = runPipeline(createDoc({ id: file, input: readFileSync(path, 'utf8'), format: 'text' }), ctx, upToPlaces);
    for (const place of g.places) {
      total++;
      const forms = new Set(place.forms.map((f) => f.toLowerCase()));
      const found = doc.entities.filter((e) => e.kind === 'place' && e.mentions.some((m) => forms.has(m.text.toLowerCase().replace(/\s+/g, ' '))));
      const verdicts = found.map((e) =>
        e.unresolved ? 'unresolved' : `${Math.round(distanceKm(place, { lat: e.lat!, lon: e.lon! }))} km`,
      );
      const texts = new Set(found.flatMap((e) => e.mentions.map((m) => m.text.toLowerCase().replace(/\s+/g, ' '))));
      const missing = place.forms.filter((f) => !texts.has(f.toLowerCase()));
      const good = found.length > 0 && found.every((e) => e.unresolved || distanceKm(place, { lat: e.lat!, lon: e.lon! }) <= place.km);
      if (good) ok++;
      const note = missing.length ? `; forms not found: ${missing.join(', ')}` : '';
      console.log(`seed ${file.slice(0, 3)} ${place.name.padEnd(16)} ${good ? 'ok  ' : 'FAIL'} ${verdicts.join(', ') || 'not found'} (within ${place.km} km)${note}`);
    }
  }
  console.log(`seed places: ${ok}/${total} found within their km or unresolved`);
}
