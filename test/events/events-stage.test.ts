import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsStage } from '../../src/stages/events/index.js';
import { entity, makeDoc } from './helpers.js';

test('a sourced, dated, placed event with counts', () => {
  const text = 'Russia said it shot down two drones over Istra on Monday. Nothing else happened.';
  const doc = makeDoc(text, {
    published: '2023-05-12',
    entities: (d) => [entity(d, 'place', 'geo:1', 'Istra', { type: 'city' }), entity(d, 'place', 'geo:2', 'Russia', { type: 'country' })],
    times: (d) => [{ start: 47, end: 56, text: 'on Monday', rule: 't', value: '2023-05-08', precision: 'day', sentence: 0 }],
    claims: () => [
      {
        id: 't#c1', speaker: null, speakerText: 'Russia', cue: 'said', start: 0, end: 57, side: 'RU',
        content: text.slice(12, 56), contentSpan: { start: 12, end: 56, text: text.slice(12, 56), rule: 'c' }, sentence: 0, rule: 'c',
      },
    ],
  });
  const out = eventsStage.run(doc, {});
  assert.equal(out.events.length, 1);
  const e = out.events[0];
  assert.equal(e.id, 't#e1');
  assert.equal(e.subType, 'Disrupted weapons use');
  assert.equal(e.type, 'Strategic developments');
  assert.equal(e.place, 'geo:1');
  assert.equal(e.date, '2023-05-08');
  assert.equal(e.datePrecision, 'day');
  assert.equal(e.quantity, 2);
  assert.deepEqual(e.claims, ['t#c1']);
  assert.equal(text.slice(e.start, e.end), e.text);
  assert.match(e.rule, /^events\//);
});

test('negated, future and hypothetical triggers make no event', () => {
  for (const text of [
    'The army denied carrying out airstrikes on the village.',
    'The rebels plan to attack the base next week.',
    'If the talks fail, shelling could resume.',
    'The fighter jets will be delivered next year.',
  ]) {
    const out = eventsStage.run(makeDoc(text, { published: '2023-05-12' }), {});
    assert.deepEqual(out.events, [], text);
  }
});

test('sentences about the same strike merge; fatalities and injuries are kept', () => {
  const text = 'An air strike hit Idlib on Sunday. The strike killed more than 70 people. Eight people were injured in the air strike.';
  const doc = makeDoc(text, { published: '2023-05-12', entities: (d) => [entity(d, 'place', 'geo:5', 'Idlib', { type: 'city' })] });
  const out = eventsStage.run(doc, {});
  assert.equal(out.events.length, 1);
  assert.equal(out.events[0].place, 'geo:5');
  assert.equal(out.events[0].fatalities, 70);
  assert.equal(out.events[0].injuries, 8);
  // Undated in the text: the publication date at week precision.
  assert.equal(out.events[0].date, '2023-05-12');
  assert.equal(out.events[0].datePrecision, 'week');
});

test('a list of places yields one event per place', () => {
  const text = 'Drones were shot down over Oriol, over Tula, and over Voronezh.';
  const doc = makeDoc(text, {
    entities: (d) => [
      entity(d, 'place', 'geo:1', 'Oriol', { type: 'city' }),
      entity(d, 'place', 'geo:2', 'Tula', { type: 'city' }),
      entity(d, 'place', 'geo:3', 'Voronezh', { type: 'city' }),
    ],
  });
  const out = eventsStage.run(doc, {});
  assert.deepEqual(out.events.map((e) => e.place), ['geo:1', 'geo:2', 'geo:3']);
  assert.deepEqual(out.events.map((e) => e.id), ['t#e1', 't#e2', 't#e3']);
});

test('an empty document and a document without earlier layers', () => {
  assert.deepEqual(eventsStage.run(makeDoc(''), {}).events, []);
  const out = eventsStage.run(makeDoc('Clashes broke out in the north.'), {});
  assert.equal(out.events.length, 1);
  assert.equal(out.events[0].place, null);
  assert.equal(out.events[0].date, null);
});

test('old events are history, not news', () => {
  const text = 'In 2014 rebels seized the airport.';
  const doc = makeDoc(text, {
    published: '2023-05-12',
    times: () => [{ start: 0, end: 7, text: 'In 2014', rule: 't', value: '2014-01-01', precision: 'year', sentence: 0 }],
  });
  assert.deepEqual(eventsStage.run(doc, {}).events, []);
});

test('speakers are not actors; organisations in the sentence are', () => {
  const text = 'Gladkov said the Wagner Group attacked a border checkpoint.';
  const doc = makeDoc(text, {
    entities: (d) => [entity(d, 'person', 'person:gladkov', 'Gladkov'), entity(d, 'organization', 'org:wagner', 'Wagner Group')],
    claims: () => [
      {
        id: 't#c1', speaker: 'person:gladkov', speakerText: 'Gladkov', cue: 'said', start: 0, end: 59,
        content: text.slice(13, 58), contentSpan: { start: 13, end: 58, text: text.slice(13, 58), rule: 'c' }, sentence: 0, rule: 'c',
      },
    ],
  });
  const out = eventsStage.run(doc, {});
  assert.equal(out.events.length, 1);
  assert.equal(out.events[0].subType, 'Armed clash');
  assert.deepEqual(out.events[0].actors, ['org:wagner']);
});

test('"the city" takes the place of the previous sentences; "there were" only as context, below the desk\'s threshold', () => {
  const text = 'Fighting continued near Bakhmut in the Donetsk region. The army said it had recaptured the city. There were airstrikes overnight.';
  const doc = makeDoc(text, {
    entities: (d) => [
      entity(d, 'place', 'geo:1', 'Bakhmut', { type: 'city' }),
      entity(d, 'place', 'geo:2', 'Donetsk region', { type: 'admin1' }),
    ],
  });
  const out = eventsStage.run(doc, {});
  const regain = out.events.find((e) => e.subType === 'Government regains territory');
  assert.equal(regain?.place, 'geo:1');
  const strike = out.events.find((e) => e.subType === 'Air/drone strike');
  assert.equal(strike?.evidence?.roles.place.rule, 'previous-sentences');
  assert.ok((strike?.confidence ?? 1) < (regain?.confidence ?? 0));
});

test('a sentence naming only past years is history even when the time stage left it unresolved', () => {
  const doc = makeDoc('In 2017, the rebels signed a ceasefire agreement.', { published: '2023-05-12' });
  assert.deepEqual(eventsStage.run(doc, {}).events, []);
});

test('weapon nouns alone make no event; ambiguous triggers need a conflict cue', () => {
  for (const text of ['The vehicles launch 155mm shells.', 'The firefighters were busy fighting two apartment fires.', 'Residents of the mine villages face grim living conditions.']) {
    assert.deepEqual(eventsStage.run(makeDoc(text), {}).events, [], text);
  }
});

test('a state force taking a place abroad is a foreign state actor (ACLED: non-state actor overtakes territory)', () => {
  const run = (text: string) =>
    eventsStage.run(makeDoc(text, { entities: (d) => [entity(d, 'place', 'geo:1', 'Bakhmut', { type: 'city', country: 'UA' })] }), {}).events[0];
  assert.equal(run('Russian forces captured Bakhmut.').subType, 'Non-state actor overtakes territory');
  assert.match(run('Russian forces captured Bakhmut.').rule, /\+foreign-state$/);
  assert.equal(run('Ukrainian forces recaptured Bakhmut.').subType, 'Government regains territory');
});

test('actors are the parties of the predicate (subject and object), never the source of the report', () => {
  const text = 'The Northern Brigade shelled positions of the Free Legion near Dovhivka, the Meridian agency reported.';
  const doc = makeDoc(text, {
    entities: (d) => [
      entity(d, 'organization', 'org:brigade', 'Northern Brigade', { type: 'armed-group' }),
      entity(d, 'organization', 'org:legion', 'Free Legion', { type: 'armed-group' }),
      entity(d, 'organization', 'org:meridian', 'Meridian', { type: 'media' }),
      entity(d, 'place', 'geo:1', 'Dovhivka', { type: 'city' }),
    ],
  });
  const [e] = eventsStage.run(doc, {}).events;
  assert.equal(e.subType, 'Shelling/artillery/missile attack');
  assert.ok(e.actors.includes('org:brigade'), JSON.stringify(e.evidence));
  assert.ok(!e.actors.includes('org:meridian'));
  assert.equal(e.evidence?.voice, 'author');
  assert.equal(e.evidence?.roles.place.text, 'Dovhivka');
});

test('plain reports with no named actor still count; the source of a report is not an actor', () => {
  const text = 'Thousands of people protested in the centre of Lisova on Sunday, according to the regional governor.';
  const doc = makeDoc(text, {
    entities: (d) => [entity(d, 'place', 'geo:1', 'Lisova', { type: 'city' }), entity(d, 'person', 'person:gov', 'regional governor')],
  });
  const [e] = eventsStage.run(doc, {}).events;
  assert.equal(e.subType, 'Peaceful protest');
  assert.deepEqual(e.actors, []);
  assert.ok((e.confidence ?? 0) >= 0.5);
});

test('a list of places split by long clauses, and an elliptical second clause, give one event per place', () => {
  const places = ['Lisova', 'Hirske', 'Dovhivka'];
  const run = (text: string) =>
    eventsStage.run(makeDoc(text, { entities: (d) => places.map((p, i) => entity(d, 'place', `geo:${i + 1}`, p, { type: 'city' })) }), {}).events;
  const three = run('Drones fell in Lisova, where a barn burned; in Hirske, where a power line was cut, and in Dovhivka, where nobody was hurt.');
  assert.deepEqual(three.map((e) => e.place), ['geo:1', 'geo:2', 'geo:3']);
  const two = run('The first drone was downed near Lisova, the second near Hirske.');
  assert.deepEqual(two.map((e) => e.place), ['geo:1', 'geo:2']);
});

/** The events of an invented text in which "Lisova" is a placed city. */
const run = (text: string) => eventsStage.run(makeDoc(text, { entities: (d) => [entity(d, 'place', 'geo:1', 'Lisova', { type: 'city' })] }), {}).events;

test('one protest told twice, then as violent, is one violent demonstration; a clash and a capture stay two', () => {
  const riot = run('Hundreds of students protested in Lisova on Monday. Some protesters threw stones at the police and set cars on fire.');
  assert.deepEqual(riot.map((e) => e.subType), ['Violent demonstration']);
  assert.match(riot[0].rule, /\+retold$/);
  const battle = run('Fierce clashes broke out between the army and the rebels in Lisova. The rebels seized the town of Lisova on Tuesday.');
  assert.deepEqual(battle.map((e) => e.subType).sort(), ['Armed clash', 'Non-state actor overtakes territory']);
});

test('a frame verb of the linguistic layer is found in any inflection the patterns miss', () => {
  const doc = makeDoc('Rebel gunners are bombarding Dovhivka again, the monitors said.', {
    entities: (d) => [entity(d, 'place', 'geo:1', 'Dovhivka', { type: 'city' })],
  });
  const [e] = eventsStage.run(doc, {}).events;
  assert.equal(e.subType, 'Shelling/artillery/missile attack');
  assert.equal(e.rule, 'events/frame-bombard');
  assert.equal(e.place, 'geo:1');
  // Without the layer (no words), no frame verb: only the patterns.
  assert.deepEqual(eventsStage.run({ ...doc, lang: { words: [], sentences: [], chunks: [], clauses: [] } }, {}).events, []);
});

test('a capture told again with its manner ("following the withdrawal of …") is one non-violent transfer; the other side withdrawing is its own report', () => {
  const told = run('Armed rebels have taken control of Lisova, a small farming town. The rebels seized the area following the withdrawal of army units.');
  assert.deepEqual(told.map((e) => e.subType), ['Non-violent transfer of territory']);
  assert.match(told[0].rule, /\+retold$/);
  const unopposed = run('Rebel fighters captured the town of Lisova on Monday. The rebels entered the town before dawn and met no resistance.');
  assert.deepEqual(unopposed.map((e) => e.subType), ['Non-violent transfer of territory']);
  // A withdrawal told on its own after a capture is not the capture's manner: the capture stays.
  const sides = run('Rebels captured the town of Lisova on Monday. Government forces withdrew from Lisova, the army said.');
  assert.equal(sides[0].subType, 'Non-state actor overtakes territory');
  // Fighting before the capture: still a capture.
  const fought = run('Armed rebels have taken control of Lisova. The rebels seized the area after two days of heavy fighting.');
  assert.deepEqual(fought.map((e) => e.subType), ['Non-state actor overtakes territory']);
});
