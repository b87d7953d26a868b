import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickPlaces, type PlaceCandidate } from '../../src/stages/events/rules/pick-places.js';

function cands(sentence: string, places: [string, string, string?][]): PlaceCandidate[] {
  return places.map(([surface, id, type]) => {
    const start = sentence.indexOf(surface);
    return { id, type, start, end: start + surface.length };
  });
}

test('the most specific place wins', () => {
  const s = 'Armed groups occupied Kozinka in the Belgorod region of Russia.';
  const c = cands(s, [['Kozinka', 'geo:1', 'city'], ['Belgorod', 'geo:2', 'admin1'], ['Russia', 'geo:3', 'country']]);
  assert.deepEqual(pickPlaces(s, s.indexOf('occupied'), s.indexOf('occupied') + 8, c), ['geo:1']);
});

test('a list of places yields each place', () => {
  const s = 'Drones were shot down in Oriol, in Tula, and in Voronezh.';
  const c = cands(s, [['Oriol', 'geo:1', 'city'], ['Tula', 'geo:2', 'city'], ['Voronezh', 'geo:3', 'city']]);
  assert.deepEqual(pickPlaces(s, 12, 21, c), ['geo:1', 'geo:2', 'geo:3']);
});

test('metonyms and adjectives are not places', () => {
  const s = 'Moscow said Russian forces shelled the area.';
  const c: PlaceCandidate[] = [{ id: 'geo:9', type: 'city', start: 0, end: 6, metonym: true }];
  assert.deepEqual(pickPlaces(s, 27, 34, c), []);
});

test('nearest of equals', () => {
  const s = 'After talks in Geneva, shelling hit Donetsk on Monday.';
  const c = cands(s, [['Geneva', 'geo:1', 'city'], ['Donetsk', 'geo:2', 'city']]);
  assert.deepEqual(pickPlaces(s, s.indexOf('shelling'), s.indexOf('shelling') + 8, c), ['geo:2']);
});

test('an agent or a speaker is not the place', () => {
  const s = 'Air defences shot down drones launched by Ukraine, Moscow said.';
  const c = cands(s, [['Ukraine', 'geo:1', 'country'], ['Moscow', 'geo:2', 'city']]);
  assert.deepEqual(pickPlaces(s, 13, 22, c), []);
});

test('a dateline and the subject of the trigger are not the place', () => {
  const s = 'BEIRUT (AP) — Turkey has shelled a city in northeastern Syria.';
  const c = cands(s, [['BEIRUT', 'geo:1', 'city'], ['Turkey', 'geo:2', 'country'], ['Syria', 'geo:3', 'country']]);
  const t = s.indexOf('shelled');
  assert.deepEqual(pickPlaces(s, t, t + 7, c), ['geo:3']);
});

test("the trigger's own argument beats a more specific place elsewhere", () => {
  const s = 'Bakhmut has been occupied and fighting is limited to a few buildings at the end of Tchaikovsky Avenue.';
  const c = cands(s, [['Bakhmut', 'geo:1', 'city'], ['Tchaikovsky Avenue', 'geo:2']]);
  const t = s.indexOf('occupied');
  assert.deepEqual(pickPlaces(s, t, t + 8, c), ['geo:1']);
});

test('the destination of a retreat is not the place', () => {
  const s = 'The ministry said it had driven the militants back to Ukraine.';
  const c = cands(s, [['Ukraine', 'geo:1', 'country']]);
  const t = s.indexOf('driven');
  assert.deepEqual(pickPlaces(s, t, t + 6, c), []);
});

test('a qualifier of the place before it is never the place', () => {
  const s = 'A strike hit a house in Zvanivka, Bakhmut, Donetsk Oblast.';
  const c = cands(s, [['Zvanivka', 'geo:1', 'city'], ['Bakhmut', 'geo:2', 'city'], ['Donetsk Oblast', 'geo:3', 'admin1']]).map((x, i) => (i ? { ...x, qualifier: true } : x));
  assert.deepEqual(pickPlaces(s, s.indexOf('strike'), s.indexOf('strike') + 6, c), ['geo:1']);
});

test('a list goes on past the reach of the locative window', () => {
  const s = 'Russian shelling hit Kramatorsk, Sloviansk and Druzhkivka on Monday.';
  const c = cands(s, [['Kramatorsk', 'geo:1', 'city'], ['Sloviansk', 'geo:2', 'city'], ['Druzhkivka', 'geo:3', 'city']]);
  assert.deepEqual(pickPlaces(s, s.indexOf('shelling'), s.indexOf('shelling') + 8, c), ['geo:1', 'geo:2', 'geo:3']);
});

test('locatives joined by "and" are one list unless a verb of their own lies between', async () => {
  const { placesOf } = await import('../../src/stages/events/rules/pick-places.js');
  const s = 'Air defences destroyed three drones over the Voronezh region and one drone each over the Belgorod, Kursk and Ryazan regions.';
  const c = cands(s, [['Voronezh region', 'geo:1', 'admin1'], ['Belgorod', 'geo:2', 'admin1'], ['Kursk', 'geo:3', 'admin1'], ['Ryazan regions', 'geo:4', 'admin1']]);
  const noVerb = () => false;
  assert.deepEqual(placesOf(s, s.indexOf('destroyed'), s.indexOf('destroyed') + 9, c, noVerb).ids, ['geo:1', 'geo:2', 'geo:3', 'geo:4']);
  const t = 'Drones were shot down over Belgorod and a fire broke out in Kursk.';
  const d = cands(t, [['Belgorod', 'geo:2', 'city'], ['Kursk', 'geo:3', 'city']]);
  const verb = (from: number, to: number) => t.slice(from, to).includes('broke');
  assert.deepEqual(placesOf(t, t.indexOf('shot'), t.indexOf('shot') + 14, d, verb).ids, ['geo:2']);
});

test('a facility with the town it lies in after it passes its place on to the town', () => {
  const s = 'Artillery shelled the Zarivstal steel plant in Kupiansk overnight.';
  const c = cands(s, [['Zarivstal steel plant', 'geo:f', 'facility'], ['Kupiansk', 'geo:1', 'city']]);
  assert.deepEqual(pickPlaces(s, s.indexOf('shelled'), s.indexOf('shelled') + 7, c), ['geo:1']);
  const t = 'Artillery shelled the Zarivstal steel plant overnight.';
  assert.deepEqual(pickPlaces(t, t.indexOf('shelled'), t.indexOf('shelled') + 7, cands(t, [['Zarivstal steel plant', 'geo:f', 'facility']])), ['geo:f']);
});
