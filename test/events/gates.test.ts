import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsStage } from '../../src/stages/events/index.js';
import { blockedBy, gates } from '../../src/stages/events/rules/gates.js';
import { findTriggers } from '../../src/stages/events/rules/find-triggers.js';
import { clauseFacts } from '../../src/stages/events/rules/clause-facts.js';
import { entity, makeDoc } from './helpers.js';

/** The events of an invented sentence in which every capitalised town name given is a placed city. */
function eventsOf(text: string, towns: string[] = [], published = '2023-05-12') {
  const doc = makeDoc(text, {
    published,
    entities: (d) => towns.map((t, i) => entity(d, 'place', `geo:${i + 1}`, t, { type: 'city', country: 'UA' })),
  });
  return eventsStage.run(doc, {}).events;
}

/** The gate that blocks the trigger whose text is `word` in `sentence`. */
function gateOf(sentence: string, word: string): string | null {
  const m = findTriggers(sentence).find((x) => x.text.toLowerCase() === word.toLowerCase());
  assert.ok(m, `no trigger "${word}" in: ${sentence}`);
  return blockedBy({ sentence, match: m, clause: null });
}

test('the gates are an ordered list of named rules', () => {
  assert.deepEqual(
    gates.map((g) => g.name),
    ['negated', 'question', 'hypothetical', 'planned', 'order-or-intent', 'supply', 'generic', 'figurative', 'habitual', 'topic', 'description', 'quoted-address'],
  );
});

test('each gate blocks its kind of predicate (invented sentences)', () => {
  const cases: [string, string, string][] = [
    ['The brigade did not shell Dovhivka.', 'shell', 'negated'],
    ['The parliament approved sending anti-personnel mines to the border guards.', 'mines', 'supply'],
    ['Did the marines capture Lisova on Friday?', 'capture', 'question'],
    ['If the talks collapse, the rebels could shell the town.', 'shell', 'hypothetical'],
    ['The guerrillas plan to seize the town of Hirske.', 'seize', 'planned'],
    ['The squad was sent north with orders to shell or storm the town.', 'storm', 'order-or-intent'],
    ['Those who have been detained must be treated humanely.', 'detained', 'generic'],
    ['The militia routinely shells farms along the river.', 'shells', 'habitual'],
    ['Students marched in a rally against police brutality.', 'brutality', 'topic'],
    ['Guards armed with rocket-propelled grenades stood at the gate.', 'rocket-propelled grenades', 'description'],
    ['“You were rioting like animals,” the officer told the crowd.', 'rioting', 'quoted-address'],
    ['The villagers have once again demonstrated that they can hold the ford.', 'demonstrated', 'figurative'],
    ['The shelling demonstrated how fragile the truce is.', 'demonstrated', 'figurative'],
  ];
  for (const [sentence, word, gate] of cases) assert.equal(gateOf(sentence, word), gate, sentence);
});

test('gated sentences make no event in a document', () => {
  for (const text of [
    'The brigade did not shell Dovhivka.',
    'The farmers of Lisova have yet again demonstrated their resolve, the governor said.',
    'Did the marines capture Lisova on Friday?',
    'The guerrillas plan to seize the town of Hirske.',
    'The squad was sent to Lisova with orders to shell or storm the town.',
    'Those who have been detained in Hirske must be treated humanely, the monitors said.',
    'Soldiers armed with rocket launchers stood guard outside the station in Hirske.',
    '“You were rioting in Lisova,” the governor told the crowd.',
    'The army regularly shells villages near Hirske.',
    'The mayor announced a new shelter to protect pupils from missile strikes in Lisova.',
    'The ministry delivered air-launched cruise missiles to the navy.',
  ]) {
    assert.deepEqual(eventsOf(text, ['Dovhivka', 'Lisova', 'Hirske']), [], text);
  }
});

test('history: more than a year before the document, or only earlier years named', () => {
  assert.deepEqual(eventsOf('In 2014 rebels seized the airport in Lisova.', ['Lisova']), []);
  // Without a publication date the document's year comes from its own dates.
  const doc = makeDoc('On 3 March 2023 the marines recaptured Lisova. In 2014 rebels seized the airport in Hirske.', {
    entities: (d) => [entity(d, 'place', 'geo:1', 'Lisova', { type: 'city' }), entity(d, 'place', 'geo:2', 'Hirske', { type: 'city' })],
    times: () => [{ start: 3, end: 15, text: '3 March 2023', rule: 't', value: '2023-03-03', precision: 'day', sentence: 0 }],
  });
  const out = eventsStage.run(doc, {}).events;
  assert.deepEqual(out.map((e) => e.place), ['geo:1']);
});

test('real happenings pass the gates (negative cases of the gates)', () => {
  const real: [string, string][] = [
    ['Thousands of people protested in the city centre of Lisova on Sunday.', 'Peaceful protest'],
    ['The rebels shelled Dovhivka overnight, the governor said.', 'Shelling/artillery/missile attack'],
    ['Police detained twelve activists in Hirske.', 'Arrests'],
    ['“The troops shelled our street all night,” a resident of Lisova said.', 'Shelling/artillery/missile attack'],
    ['The captured soldiers were paraded through Lisova after the rebels seized Hirske.', 'Non-state actor overtakes territory'],
  ];
  for (const [text, subType] of real) {
    const out = eventsOf(text, ['Dovhivka', 'Lisova', 'Hirske']);
    assert.ok(out.some((e) => e.subType === subType), `${text}: ${out.map((e) => e.subType).join(', ')}`);
  }
});

test('the gates read the clause of the linguistic layer: a counterfactual is hypothetical, not planned', () => {
  const text = 'The brigade would have shelled Dovhivka had the truce failed.';
  const doc = makeDoc(text);
  const m = findTriggers(text).find((x) => x.text === 'shelled')!;
  const clause = clauseFacts(doc, m.start, m.end);
  assert.equal(clause?.modality, 'conditional');
  assert.equal(blockedBy({ sentence: text, match: m, clause }), 'hypothetical');
  // The subject of the clause is not a place role: the layer gives it as a noun phrase.
  assert.equal(text.slice(clause!.subject!.vStart, clause!.subject!.vEnd), 'The brigade');
});

test('an anniversary names history before the predicate only; an adverbial clause keeps its own polarity', () => {
  const arrests = eventsOf('Police arrested dozens of activists in Lisova ahead of the anniversary of the uprising.', ['Lisova']);
  assert.deepEqual(arrests.map((e) => e.subType), ['Arrests']);
  assert.deepEqual(eventsOf('Crowds gathered in Lisova on the anniversary of the massacre.', ['Lisova']), []);
  const looted = eventsOf('No arrests have been made after twenty shops were looted by gunmen in Lisova on Monday.', ['Lisova']);
  assert.ok(looted.some((e) => e.subType === 'Looting/property destruction'), JSON.stringify(looted.map((e) => e.subType)));
});

test('a protest verb without a complement is still a protest (the figurative gate needs one)', () => {
  const events = eventsOf('Hundreds of students demonstrated outside the town hall in Lisova on Monday.', ['Lisova']);
  assert.equal(events.length, 1);
  assert.equal(events[0].subType, 'Peaceful protest');
});

test('a state force attacking a town with no weapon named is remote violence, not violence against civilians', () => {
  const events = eventsOf('Syrian forces attacked Lisova, injuring 23 civilians and damaging the school.', ['Lisova']);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'Explosions/Remote violence');
  assert.match(events[0].evidence?.frame.rule ?? '', /\+state-force$/);
  const gunmen = eventsOf('Gunmen attacked villagers in Lisova, killing four civilians.', ['Lisova']);
  assert.equal(gunmen[0]?.type, 'Violence against civilians');
});

test('a defence reported at a place is an armed clash; the same words about prices are not', () => {
  const held = eventsOf('The marines have held the line in Lisova. They halted the rebel assaults near Hirske.', ['Lisova', 'Hirske']);
  assert.deepEqual(held.map((e) => e.subType), ['Armed clash', 'Armed clash']);
  assert.equal(eventsOf('The central bank held the line on rates in Lisova.', ['Lisova']).length, 0);
});

test('a reporter turn of a transcript is held back; the official answer is not', () => {
  const text = 'Briefing.\n\nQ Russian forces shelled Lisova, did they not.\n\nMR. OKONJO: Rebel gunners shelled Hirske on Monday.';
  const doc = makeDoc(text, {
    published: '2023-05-12',
    entities: (d) => ['Lisova', 'Hirske'].map((t, i) => entity(d, 'place', `geo:${i + 1}`, t, { type: 'city', country: 'UA' })),
  });
  const events = eventsStage.run(doc, {}).events;
  const at = (i: number) => events.find((e) => e.place === `geo:${i}`);
  assert.ok((at(1)?.confidence ?? 1) < 0.5, 'the reporter turn is below the desk threshold');
  assert.ok(at(1)?.evidence?.confidence.some((r) => r.startsWith('reporter-turn')));
  assert.ok((at(2)?.confidence ?? 0) >= 0.5, 'the answer is shown');
});

test('a follow-up sentence places a country-level event in a city of that country', () => {
  const text = 'Syrian forces again fired rockets into Syria on Monday. At least one of them landed in Lisova.';
  const doc = makeDoc(text, {
    published: '2023-05-12',
    entities: (d) => [
      entity(d, 'place', 'geo:1', 'Syria', { type: 'country', country: 'SY' }),
      entity(d, 'place', 'geo:2', 'Lisova', { type: 'city', country: 'SY' }),
    ],
  });
  const events = eventsStage.run(doc, {}).events;
  assert.equal(events.length, 1);
  assert.equal(events[0].place, 'geo:2');
  assert.equal(events[0].evidence?.roles.place?.rule, 'follow-up');
});

test('a wave of strikes targeting listed towns is one shelling event per town; a strike targeting demands is none', () => {
  const events = eventsOf('A second wave of strikes on Sunday, targeting Lisova, Hirske and Dovhivka.', ['Lisova', 'Hirske', 'Dovhivka']);
  assert.ok(events.length >= 2, 'one event per listed town');
  assert.ok(events.every((e) => e.subType === 'Shelling/artillery/missile attack'));
  assert.equal(eventsOf('The teachers’ strike targeted the pay offer in Lisova.', ['Lisova']).length, 0);
});

test('fierce fighting at a place needs no actor word', () => {
  const events = eventsOf('There has been vicious fighting near Lisova.', ['Lisova']);
  assert.equal(events[0]?.subType, 'Armed clash');
  assert.equal(eventsOf('Lisova council members were fighting over the budget.', ['Lisova']).length, 0);
});

test('a gate applies to its own clause only: an attempt in a relative clause leaves the main clause an event', () => {
  const shelled = eventsOf('Russian troops shelled Kupiansk, which they have been trying to retake.', ['Kupiansk']);
  assert.deepEqual(shelled.map((e) => e.subType), ['Shelling/artillery/missile attack'], 'the shelling happened; the retaking did not');
  const stormed = eventsOf('The rebels stormed Lisova, which the army had failed to hold.', ['Lisova']);
  assert.equal(stormed.length, 1, 'a negated relative clause does not negate the main clause');
  // The context cues of a relative clause (a question, history) are its own.
  assert.equal(eventsOf('The soldiers, who were never paid, shelled Kupiansk.', ['Kupiansk']).length, 1);
  assert.equal(eventsOf('Russian troops shelled Kupiansk, which they had captured years ago.', ['Kupiansk']).length, 1);
  // The gate still holds in its own clause and in a complement of a gated verb.
  assert.equal(eventsOf('Russian troops are trying to shell Kupiansk.', ['Kupiansk']).length, 0);
  assert.equal(eventsOf('The rebels did not say that they shelled Lisova.', ['Lisova']).length, 0);
});

test('an ambiguous predicate finds its actor in a weapon or in a force named by its demonym', () => {
  assert.deepEqual(eventsOf('Heavy artillery shelled Kupiansk overnight.', ['Kupiansk']).map((e) => e.subType), ['Shelling/artillery/missile attack']);
  assert.equal(eventsOf('Belarusian units shelled Lisova.', ['Lisova']).length, 1);
  // A weapon supplied is no party to any fighting.
  assert.equal(eventsOf('The provision of tanks was approved last week; fighting goes on near Lisova.', ['Lisova']).length, 0);
  // No actor, no weapon: an ambiguous word alone is still no event.
  assert.equal(eventsOf('The company shelled out millions for Lisova.', ['Lisova']).length, 0);
});

test('a present participle describing the noun of a prepositional phrase is a description', () => {
  assert.equal(eventsOf('The President condemned the atrocities committed by Russian forces retreating from Lisova.', ['Lisova']).length, 0);
  assert.equal(eventsOf('Russian forces are retreating from Lisova.', ['Lisova']).length, 1);
});
