/**
 * Invariants of the gazetteer and of resolution: every derived country point lies inside its country's shape;
 * a city and the division of the same name are distinct places, each mention going to the one meant; front-line
 * villages resolve with their context; the seed fixtures' gold places lie within their reference distance.
 * Sentences here are invented for the tests (not taken from any fixture or corpus).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import { createDoc, type Doc, type Entity, type Stage } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { placesStage } from '../../src/stages/places/index.js';
import { distanceKm } from '../../src/stages/places/rules/resolve-places.js';
import { SEEDS } from '../../scripts/shared-dir.js';

const upTo: Stage[] = [cleanStage, segmentStage, placesStage];
const ctx = await placesStage.prepare!({}, {});
const places = (text: string): Entity[] =>
  upTo.reduce((d: Doc, s) => s.run(d, ctx), createDoc({ id: 't', input: text, format: 'text' })).entities.filter((e) => e.kind === 'place');
const byForm = (text: string, form: string): Entity | undefined => places(text).find((e) => e.mentions.some((m) => m.text === form));
const g = ctx.gazetteer!;

test('every country point lies inside its country in Natural Earth (world-atlas)', () => {
  const require = createRequire(import.meta.url);
  const atlas = join(dirname(require.resolve('world-atlas/package.json')), 'countries-50m.json');
  const topo = JSON.parse(readFileSync(atlas, 'utf8'));
  const shapes = feature(topo, topo.objects.countries) as unknown as { features: { id?: string; geometry: unknown }[] };
  const info = readFileSync(new URL('../../src/stages/places/data/countryInfo.txt', import.meta.url), 'utf8');
  const numericToIso = new Map<string, string>();
  for (const line of info.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const c = line.split('\t');
    numericToIso.set(c[2].padStart(3, '0'), c[0]);
  }
  // Natural Earth gives some codes to several features (Australia and the Ashmore and Cartier Islands): inside any.
  const shapesOf = new Map<string, unknown[]>();
  for (const f of shapes.features) {
    const iso = f.id ? numericToIso.get(String(f.id).padStart(3, '0')) : undefined;
    if (iso && f.geometry) shapesOf.set(iso, [...(shapesOf.get(iso) ?? []), f]);
  }
  const outside: string[] = [];
  let checked = 0;
  for (const [iso, list] of shapesOf) {
    const index = g.country(iso);
    if (index === undefined) continue;
    const p = g.place(index);
    checked++;
    if (!list.some((f) => geoContains(f as never, [p.lon, p.lat]))) outside.push(`${iso} ${p.lat},${p.lon}`);
  }
  assert.ok(checked > 200, `only ${checked} countries checked`);
  assert.deepEqual(outside, []);
});

test('a city and the division named after it are distinct places, each mention going to the one meant', () => {
  for (const [city, region] of [['Kharkiv', 'Kharkiv region'], ['Zaporizhzhia', 'Zaporizhzhia Oblast'], ['Belgorod', 'Belgorod region']]) {
    const text = `Missiles hit the ${region} overnight. In ${city} itself, officials counted the damage.`;
    const r = byForm(text, region);
    const c = byForm(text, city);
    assert.equal(r?.type, 'admin1', region);
    assert.equal(c?.type, 'city', city);
    assert.notEqual(r?.id, c?.id);
  }
  // An uppercase dateline is the city, not the division.
  assert.equal(byForm('KHARKIV, Ukraine — A quiet night ended at dawn.', 'KHARKIV')?.type, 'city');
  assert.equal(byForm('ODESA (Ukraine) — Ships waited offshore.', 'ODESA')?.type, 'city');
});

test('front-line villages resolve with their context: region, distance from a town, neighbours', () => {
  // The oblast written after the village picks its namesake in that oblast.
  const inDonetsk = byForm('Shelling damaged homes in Andriivka, Donetsk region, the governor said.', 'Andriivka');
  assert.equal(inDonetsk?.country, 'UA');
  assert.ok(inDonetsk && g.place(g.admin1('UA.05')!).admin1 === 'UA.05');
  const inKharkiv = byForm('Shelling damaged homes in Andriivka, Kharkiv region, the governor said.', 'Andriivka');
  assert.notEqual(inKharkiv?.id, inDonetsk?.id);
  // "N km south of Bakhmut": the namesake at about that distance.
  const bakhmut = { lat: 48.59441, lon: 37.99983 };
  const anchored = byForm('Troops held Andriivka, 10 km south of Bakhmut, after a week of assaults.', 'Andriivka');
  assert.ok(anchored?.lat !== undefined && distanceKm(bakhmut, { lat: anchored.lat, lon: anchored.lon! }) < 20);
  assert.match(anchored!.mentions[0].rule, /distance-anchor/);
  // Neighbours: villages named together near a town stay together.
  const near = places('Assault groups pressed on Klishchiivka and Andriivka near Bakhmut.');
  for (const e of near) if (e.lat !== undefined) assert.ok(distanceKm(bakhmut, { lat: e.lat, lon: e.lon! }) < 30, e.name);
  // German, French and Spanish press forms and the national romanisation reach the same places.
  assert.equal(byForm('Kämpfe um Bachmut und Awdijiwka dauern an.', 'Bachmut')?.id, byForm('Fighting in Bakhmut went on.', 'Bakhmut')?.id);
  assert.equal(byForm('Kämpfe um Bachmut und Awdijiwka dauern an.', 'Awdijiwka')?.id, byForm('Fighting in Avdiivka went on.', 'Avdiivka')?.id);
  assert.equal(byForm('Bombardeos en Jarkov y Bajmut.', 'Jarkov')?.id, 'geo:706483');
  assert.equal(byForm('Frappes sur Kharkov et Oriol.', 'Oriol')?.id, 'geo:515012');
});

test('villages do not flood recognition: a word used in lower case, or alone without context, is no place', () => {
  // Invented: capitalised ordinary words and names that are also names of small Ukrainian villages.
  assert.deepEqual(places('Hope and Victory were the words of the day; victory, he said, needs hope.').map((e) => e.name), []);
  assert.deepEqual(places('Andriivka was mentioned once.').map((e) => e.name), []);
});

test('names inside organisations and units, transcript labels and glosses are not places', () => {
  assert.deepEqual(places("Envoys of the so-called Luhansk People's Republic met a Dnipro battalion commander.").map((e) => e.name), []);
  const transcript = places('Host: Welcome back.\nGuest: Thank you.\nHost: Let us begin with Kyiv.\nGuest: Sure.');
  assert.deepEqual(transcript.map((e) => e.name), ['Kyiv']);
  // In a hard-wrapped paragraph a name after a soft newline is inside a sentence, not a label at a line start.
  const wrapped = places([
    'The alert service listed the sirens of the night in two lines, one for each',
    'Kharkiv: the first at ten and the second at midnight, then the list for the',
    'Kharkiv: region, where the sirens sounded in every district until the early',
    'morning hours, the service said.',
  ].join('\n'));
  assert.ok(wrapped.some((e) => e.name === 'Kharkiv'), JSON.stringify(wrapped.map((e) => e.name)));
  assert.deepEqual(places('The party Hromada (Community) won seats.').map((e) => e.name), []);
  // A capitalised run from a place to an agreement head names the agreement; "talks in Minsk" keep the place.
  assert.deepEqual(places('Moscow left the Black Sea Grain Initiative and rejected the Minsk Agreements.').map((e) => e.name), ['Moscow']);
  assert.deepEqual(places('The ships crossed the Black Sea after the talks in Minsk.').map((e) => e.name).sort(), ['Black Sea', 'Minsk']);
  // A weapon model's name after an article or a count, before a weapon head, is no place; before an attack noun it is.
  assert.deepEqual(places('Troops destroyed a Pantsir missile system near Sevastopol.').map((e) => e.name), ['Sevastopol']);
  assert.deepEqual(places('A Kherson drone attack hit the port.').map((e) => e.name), ['Kherson']);
  // A vessel's name after its noun is no place; an unknown name before an industrial head is the site, unresolved.
  assert.deepEqual(places('Drones hit the cruiser Moskva and the tanker Odesa near Sevastopol.').map((e) => e.name), ['Sevastopol']);
  assert.deepEqual(places('Jets destroyed a landing ship, the Odesa, near Sevastopol.').map((e) => e.name), ['Sevastopol']);
  const site = places('Troops stormed the Zarivstal steel plant.');
  assert.deepEqual(site.map((e) => [e.name, e.unresolved]), [['Zarivstal steel plant', true]]);
});

test('seas and regions that news names get a point: Black Sea, Sea of Azov, Donbas, Siberia, North Caucasus', () => {
  const found = places('Drones flew over the Black Sea and the Sea of Azov toward Donbas, while troops from Siberia and the North Caucasus arrived.');
  for (const name of ['Black Sea', 'Sea of Azov', 'Donbas', 'Siberia', 'North Caucasus']) {
    const e = found.find((x) => x.mentions.some((m) => m.text === name));
    assert.ok(e && e.lat !== undefined && !e.unresolved, name);
  }
});

test('every gold place of the seed fixtures lies within its reference distance, villages included', () => {
  const gold = JSON.parse(readFileSync(join(SEEDS, 'gold.json'), 'utf8')) as {
    docs: Record<string, { places?: { name: string; forms: string[]; lat: number; lon: number; km: number }[] }>;
  };
  let checked = 0;
  for (const [file, d] of Object.entries(gold.docs)) {
    if (!d.places?.length) continue;
    const found = places(readFileSync(join(SEEDS, file), 'utf8'));
    for (const gp of d.places) {
      const forms = new Set(gp.forms.map((f) => f.toLowerCase()));
      const hits = found.filter((e) => e.lat !== undefined && e.mentions.some((m) => forms.has(m.text.toLowerCase().replace(/\s+/g, ' '))));
      assert.ok(hits.length, `${file}: ${gp.name} not geocoded`);
      for (const e of hits) assert.ok(distanceKm(gp, { lat: e.lat!, lon: e.lon! }) <= gp.km, `${file}: ${gp.name} → ${e.name} ${e.lat},${e.lon}`);
      checked++;
    }
  }
  assert.ok(checked >= 10, `only ${checked} seed places checked`);
});

test('a capital hosting talks is not given up for a small namesake near the story\'s other places', () => {
  const text = 'Officials from Ohio and Virginia said the envoys would fly to Vienna and then Warsaw for talks.';
  assert.equal(byForm(text, 'Vienna')?.country, 'AT');
  assert.equal(byForm(text, 'Warsaw')?.country, 'PL');
  // The phrase itself still decides: a qualifier makes it the namesake.
  assert.equal(byForm('Officials met in Vienna, Virginia, on Monday.', 'Vienna')?.country, 'US');
});

test('a bare direction from a town places a village near it; no namesake there leaves it unresolved', () => {
  const bakhmut = { lat: 48.59441, lon: 37.99983 };
  const south = byForm('Troops entered Andriivka, south of Bakhmut, at dawn.', 'Andriivka');
  assert.ok(south?.lat !== undefined && distanceKm(bakhmut, { lat: south.lat, lon: south.lon! }) < 25);
  // Every Hirske lies far from north of Bakhmut: better no point than a wrong one.
  const none = byForm('Troops entered Hirske, north of Bakhmut, at dawn.', 'Hirske');
  assert.equal(none?.unresolved, true);
  assert.match(none!.mentions[0].rule, /anchor-mismatch/);
  // "east of Ukraine" anchors nothing.
  assert.ok(byForm('Fighting went on in Kramatorsk, east of Ukraine.', 'Kramatorsk')?.lat !== undefined);
});

test('a list of towns is not read as a town qualified by the next one', () => {
  // "A, B, and C": B does not qualify A (there is a village called Zaporizhzhia in the Kherson region).
  const list = places('Power cuts hit Zaporizhzhia, Kherson, and Cherkasy overnight.');
  assert.equal(list.find((e) => e.mentions.some((m) => m.text === 'Zaporizhzhia'))?.id, 'geo:687700');
  // A comma after the list's last name still qualifies it.
  assert.equal(byForm('Smoke drifted over Pullman and Moscow, Idaho.', 'Moscow')?.country, 'US');
});

test('a historical person whose name a city once bore is a person, not that city (whole pipeline)', async () => {
  const { createContext, extractText } = await import('../../src/pipeline.js');
  const full = await createContext();
  for (const text of ['Under Stalin, millions died in the famine, the historian said.', 'A statue of Lenin was toppled in the square.']) {
    const doc = extractText(text, {}, full);
    assert.deepEqual(doc.entities.filter((e) => e.kind === 'place').map((e) => e.name), [], text);
    assert.equal(doc.entities.filter((e) => e.kind === 'person').length, 1, text);
  }
});
