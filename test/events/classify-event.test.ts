import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyEvent } from '../../src/stages/events/index.js';

const cases: [string, string, string][] = [
  ['Russian warplanes bombed a market in the rebel-held town on Tuesday, killing 12.', 'Explosions/Remote violence', 'Air/drone strike'],
  ['A drone strike hit a car near the border.', 'Explosions/Remote violence', 'Air/drone strike'],
  ['Shelling of the city centre continued overnight, local officials said.', 'Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['A roadside bomb exploded as a patrol passed, wounding three soldiers.', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['A suicide bomber blew himself up at a checkpoint.', 'Explosions/Remote violence', 'Suicide bomb'],
  ['Attackers hurled a grenade into a crowded bar.', 'Explosions/Remote violence', 'Grenade'],
  ['Government troops clashed with insurgents in the hills for several hours.', 'Battles', 'Armed clash'],
  ['The army recaptured the town from the rebels after a week of fighting.', 'Battles', 'Government regains territory'],
  ['Insurgents seized the district capital on Friday.', 'Battles', 'Non-state actor overtakes territory'],
  ['Gunmen opened fire on villagers at a market, killing seven.', 'Violence against civilians', 'Attack'],
  ['Armed men kidnapped two aid workers on the road to the airport.', 'Violence against civilians', 'Abduction/forced disappearance'],
  ['Thousands of people rallied peacefully in the capital to demand new elections.', 'Protests', 'Peaceful protest'],
  ['Rioters threw stones at police and torched cars.', 'Riots', 'Violent demonstration'],
  ['Air defences shot down 25 of 25 drones over the region, the ministry said.', 'Strategic developments', 'Disrupted weapons use'],
  ['Police arrested 40 activists overnight.', 'Strategic developments', 'Arrests'],
  ['The two sides agreed to a ceasefire starting at midnight.', 'Strategic developments', 'Agreement'],
  ['Troops set up a new military base near the village.', 'Strategic developments', 'Headquarters or base established'],
  ['A magnitude 6.1 earthquake struck the coast.', 'Other', 'Natural disaster'],
  ['The group claimed responsibility for the bombing in a statement.', 'Other', 'Attribution of responsibility'],
];

for (const [text, type, subType] of cases) {
  test(`classifies: ${text}`, () => {
    const c = classifyEvent(text);
    assert.ok(c, 'a class');
    assert.equal(c.subType, subType);
    assert.equal(c.type, type);
    assert.match(c.rule, /^events\//);
    assert.equal(text.slice(c.trigger.start, c.trigger.end), c.trigger.text);
  });
}

test('no trigger, no class', () => {
  assert.equal(classifyEvent('The minister opened a new school and praised the teachers.'), null);
});

test('words inside a name are not triggers', () => {
  // "Liberation" in an organisation's name is not a liberation of territory.
  const c = classifyEvent('The Levant Liberation Board published a statement.');
  assert.equal(c, null);
});

test('a passive "were pushed back" gives the ground to the other side', () => {
  assert.equal(classifyEvent('The militants were pushed back from the area by the army.')?.code, 'GOV_REGAINS_TERIT');
  assert.equal(classifyEvent('The rebels were driven out of the town.')?.code, 'GOV_REGAINS_TERIT');
});

test('a capital after a dateline starts the sentence, not a name', () => {
  assert.equal(classifyEvent('KABUL — Clashes erupted overnight between troops and insurgents.')?.code, 'ARMED_CLASH');
  assert.equal(classifyEvent('KYIV (Reuters) - Shelling hit the city centre.')?.code, 'ART_MISS_ATTACK');
});

test('disaster words in their conflict sense are not disasters', () => {
  assert.equal(classifyEvent('Rebels stormed the town as talks collapsed and documents leaked.')?.type, 'Battles');
});
