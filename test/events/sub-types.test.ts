import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsStage } from '../../src/stages/events/index.js';
import { subTypeRules, refineSubType } from '../../src/stages/events/rules/sub-types.js';
import { entity, makeDoc } from './helpers.js';

/** The sub-types of the events of an invented text in which every town name given is a placed city. */
function subTypes(text: string, towns: string[] = []): string[] {
  const doc = makeDoc(text, {
    published: '2023-05-12',
    entities: (d) => towns.map((t, i) => entity(d, 'place', `geo:${i + 1}`, t, { type: 'city', country: 'UA' })),
  });
  return eventsStage.run(doc, {}).events.map((e) => e.subType);
}

test('the sub-type rules are an ordered list of named rules, each naming its evidence', () => {
  assert.deepEqual(
    subTypeRules.map((r) => `${r.name}:${r.evidence}`),
    ['chemical-payload:weapon', 'unopposed:transfer', 'civilian-victims:target', 'civilian-site-stormed:target', 'settlement-raided:target', 'dispersed-crowd-destroys:actor', 'rioters-destroy:actor', 'mob-destroys:actor', 'people-attacked-too:target', 'enemy-property:target', 'protesters-harmed:target', 'shot-at-a-protest:target', 'violent-crackdown:actor', 'protesters-violent:actor', 'crowd-clashed-with-police:actor', 'crowd-dispersed-was-violent:actor', 'captives-killed:target', 'device-found:weapon', 'explosion-harm:target', 'people-intercepted:target', 'people-intercepted-passive:target'],
  );
  assert.equal(refineSubType('AIR_STRIKE', 'air-strike', 'Jets dropped bombs on Lisova.', 5, 12), null);
});

test('weapon evidence: a munition loaded with a chemical agent is a chemical attack; a chemical site struck is not', () => {
  assert.deepEqual(subTypes('A government helicopter dropped barrel bombs loaded with chlorine cylinders on Lisova.', ['Lisova']), ['Chemical weapon']);
  assert.deepEqual(subTypes('The army fired shells containing sarin at Lisova.', ['Lisova']), ['Chemical weapon']);
  // The chemical words name what was struck, not the weapon.
  assert.deepEqual(subTypes('Warplanes struck three chemical weapons facilities in Lisova.', ['Lisova']), ['Air/drone strike']);
  assert.deepEqual(subTypes('A helicopter dropped barrel bombs on Lisova.', ['Lisova']), ['Air/drone strike']);
});

test('transfer evidence: a place left by its holders or taken after they withdrew changed hands without violence', () => {
  assert.deepEqual(subTypes('Government troops have withdrawn from the Hirske area, residents said.', ['Hirske']), ['Non-violent transfer of territory']);
  assert.deepEqual(subTypes('The militants seized Hirske following the withdrawal of army units.', ['Hirske']), ['Non-violent transfer of territory']);
  assert.deepEqual(subTypes('The militants seized Hirske after heavy fighting.', ['Hirske']), ['Non-state actor overtakes territory']);
  assert.deepEqual(subTypes('The rebels entered Hirske before dawn and had not encountered any resistance.', ['Hirske']), ['Non-violent transfer of territory']);
  // Withdrawing from talks or a treaty is no transfer of territory; a company is no party to the war.
  assert.ok(!subTypes('The rebels withdrew from the talks in Hirske.', ['Hirske']).includes('Non-violent transfer of territory'));
  assert.deepEqual(subTypes('The retailer withdrew from Hirske last year.', ['Hirske']), []);
});

test('an earlier happening told as background does not decide the sub-type', () => {
  // Pluperfect in a relative clause: the ceasefire was declared before; the bombing is the news.
  assert.deepEqual(subTypes('Warplanes bombed Lisova on Wednesday, striking areas where Russia had declared a ceasefire.', ['Lisova']), ['Air/drone strike']);
  // What lies ahead has not happened.
  assert.deepEqual(subTypes('Militants seized two oil fields near Hirske on Tuesday, just ahead of more peace talks.', ['Hirske']), ['Non-state actor overtakes territory']);
});

test('target evidence: property looted or torched needs no actor word; looted funds are no event', () => {
  assert.deepEqual(subTypes('About 20 shops were looted in Lisova on Monday night.', ['Lisova']), ['Looting/property destruction']);
  assert.deepEqual(subTypes('The minister looted state funds in Lisova.', ['Lisova']), []);
});

test('actor evidence: a state as the subject of a clause is the actor of every strike predicate in it', () => {
  const text = 'Russia carried out at least four strikes on Lisova, damaging businesses.';
  const doc = makeDoc(text, {
    published: '2023-05-12',
    entities: (d) => [entity(d, 'place', 'geo:1', 'Lisova', { type: 'city', country: 'UA' }), entity(d, 'place', 'geo:2', 'Russia', { type: 'country', country: 'RU' })],
  });
  assert.deepEqual(eventsStage.run(doc, {}).events.map((e) => e.subType), ['Shelling/artillery/missile attack']);
  // Without a state (or any actor) the strike word is not enough.
  assert.deepEqual(subTypes('The company carried out at least four strikes on Lisova.', ['Lisova']), []);
});

test('what is only expected is no event: an eventual prisoner swap, talks ahead', () => {
  assert.deepEqual(subTypes('He said the capture would speed up returns in Lisova in an eventual prisoner swap.', ['Lisova']), []);
});

test('actor evidence: people a passive arrest is done to imply the state; a crowd that blocks roads protests', () => {
  assert.deepEqual(subTypes('Two journalists were detained in Lisova on Monday.', ['Lisova']), ['Arrests']);
  assert.deepEqual(subTypes('Two men were arrested in Lisova for drug smuggling.', ['Lisova']), []);
  assert.deepEqual(subTypes('Farmers blocked highways around Lisova with tractors.', ['Lisova']), ['Peaceful protest']);
  assert.deepEqual(subTypes('The police blocked the road to Lisova.', ['Lisova']), []);
});

test('target evidence: armed men who killed non-combatants attacked civilians; combatants killed in a clash stay a clash', () => {
  assert.deepEqual(subTypes('Unidentified gunmen killed a tribal elder in Lisova.', ['Lisova']), ['Attack']);
  assert.deepEqual(subTypes('Soldiers killed 20 insurgents near Lisova.', ['Lisova']), ['Armed clash']);
  assert.deepEqual(subTypes('Three soldiers killed in an ambush near Lisova.', ['Lisova']), ['Armed clash']);
});

test('riot-control weapons used on a crowd are a protest with intervention', () => {
  assert.deepEqual(subTypes('Police used tear gas to disperse students in Lisova.', ['Lisova']), ['Protest with intervention']);
  assert.deepEqual(subTypes('The army tested tear gas canisters near Lisova.', ['Lisova']), []);
});

test('passive subjects and coordinated verbs: the place taken is the passive subject; a bare verb after "and" shares the infinitive', () => {
  const took = makeDoc('The town of Hajin was captured on Friday.', { published: '2023-05-12', entities: (d) => [entity(d, 'place', 'geo:1', 'Hajin', { type: 'city', country: 'SY' })] });
  const events = eventsStage.run(took, {}).events;
  assert.deepEqual(events.map((e) => [e.subType, e.place]), [['Non-state actor overtakes territory', 'geo:1']]);
  assert.deepEqual(subTypes('A teacher was beheaded in Lisova.', ['Lisova']), ['Attack']);
  assert.deepEqual(subTypes('The decree gives the army the power to evacuate people and take control of Lisova.', ['Lisova']), []);
  assert.deepEqual(subTypes('The convoy came under fire near Lisova.', ['Lisova']), ['Armed clash']);
});

test('coordinated predicates of one class with places of their own are one event per place; a present tense is no infinitive', () => {
  const events = subTypes('Russian forces strike Lisova and launch missiles on Hirske.', ['Lisova', 'Hirske']);
  assert.deepEqual(events, ['Shelling/artillery/missile attack', 'Shelling/artillery/missile attack']);
  assert.deepEqual(subTypes('The rebels will enter and capture Hirske.', ['Hirske']), []);
  assert.deepEqual(subTypes('Their aims were to seize Lisova, replace the government, and take control of Hirske.', ['Lisova', 'Hirske']), []);
});

test('target evidence: a place where civilians gather stormed is an attack; a town stormed is taken', () => {
  assert.deepEqual(subTypes('Armed men stormed a church in Lisova.', ['Lisova']), ['Attack']);
  assert.deepEqual(subTypes('Rebels stormed the town of Lisova.', ['Lisova']), ['Non-state actor overtakes territory']);
});

test('target evidence: a village raided and its people killed is an attack on civilians, not a capture', () => {
  assert.deepEqual(subTypes('Gunmen stormed a village near Lisova and killed 16 residents.', ['Lisova']), ['Attack']);
  // Soldiers killed in the storming: the place may have changed hands; the rule reads the people killed.
  assert.deepEqual(subTypes('Rebels stormed the town of Lisova, killing ten soldiers.', ['Lisova']), ['Non-state actor overtakes territory']);
});

test('actor evidence: property destroyed by rioters is a violent demonstration, by a mob mob violence, by militants destruction', () => {
  assert.deepEqual(subTypes('Rioters burned vehicles and looted shops in Lisova.', ['Lisova']), ['Violent demonstration']);
  assert.deepEqual(subTypes('An angry mob torched the homes of two men in Lisova.', ['Lisova']), ['Mob violence']);
  assert.deepEqual(subTypes('Militants torched the homes of two men in Lisova.', ['Lisova']), ['Looting/property destruction']);
});

test('target and actor evidence on protests: protesters harmed are force against them, protesters doing violence a violent demonstration', () => {
  // Invented paraphrases: several verbs of force, passives and a nominalisation; the victims are the protesters.
  assert.deepEqual(subTypes('Several protesters were shot and wounded during a march in Lisova on Friday.', ['Lisova']), ['Excessive force against protesters']);
  assert.deepEqual(subTypes('Police officers beat an elderly protester at a rally in Lisova.', ['Lisova']), ['Excessive force against protesters']);
  assert.deepEqual(subTypes('Doctors reported serious injuries among demonstrators after the protest in Lisova.', ['Lisova']), ['Excessive force against protesters']);
  // The protesters as the ones who did violence.
  assert.deepEqual(subTypes('Protesters hurled rocks at the town hall during a demonstration in Lisova.', ['Lisova']), ['Violent demonstration']);
  assert.deepEqual(subTypes('A demonstrator throws a chair into a bonfire during a protest in Lisova.', ['Lisova']), ['Violent demonstration']);
  // What must not change: a peaceful protest, and protesters told as those who hurt others are not victims.
  assert.deepEqual(subTypes('Thousands of people protested peacefully in Lisova on Sunday.', ['Lisova']), ['Peaceful protest']);
  assert.ok(!subTypes('Protesters attacked a policeman during a rally in Lisova.', ['Lisova']).includes('Excessive force against protesters'));
  // Harm told as an earlier happening is background: today's gathering stays a protest.
  assert.equal(refineSubType('PEACE_PROTEST', 'protest', 'Thousands protested in Lisova, undeterred by the previous day when police shot ten protesters.', 10, 19), null);
  assert.equal(refineSubType('PEACE_PROTEST', 'protest', 'Thousands protested in Lisova when police shot ten protesters.', 10, 19)?.name, 'protesters-harmed');
});

test('actor evidence: a state named in the subject acts in a strategic development too (weapons intercepted, a place left)', () => {
  const run = (text: string) =>
    eventsStage
      .run(
        makeDoc(text, {
          published: '2023-05-12',
          entities: (d) => [entity(d, 'place', 'geo:1', 'Lisova', { type: 'city', country: 'UA' }), entity(d, 'place', 'geo:2', 'Moldova', { type: 'country', country: 'MD' })],
        }),
        {},
      )
      .events.map((e) => e.subType);
  assert.deepEqual(run('The Moldova Border Service has intercepted 40 smuggled rifles near Lisova.'), ['Disrupted weapons use']);
  assert.deepEqual(run('Moldova withdrew from Lisova on Tuesday.'), ['Non-violent transfer of territory']);
  // Without a state in the subject the ambiguous word is not enough; nor is a state that signed a trade deal.
  assert.deepEqual(run('The courier service has intercepted a parcel near Lisova.'), []);
  assert.deepEqual(run('Moldova signed a trade agreement with its neighbours in Lisova.'), []);
  assert.deepEqual(run('Moldova withdrew from the talks in Lisova.'), []);
});

test('target evidence: an armed group that killed people named by any person noun (a boy, a young man, journalists) attacked civilians', () => {
  assert.deepEqual(subTypes('The militia has killed a teenage boy and a young man in Lisova.', ['Lisova']), ['Attack']);
  assert.deepEqual(subTypes('Insurgents killed two journalists in Lisova on Monday.', ['Lisova']), ['Attack']);
  // Combatants killed stay a clash; a disaster or an accident is no conflict event.
  assert.deepEqual(subTypes('Soldiers killed two militants in Lisova.', ['Lisova']), ['Armed clash']);
  assert.deepEqual(subTypes('A flood killed a young boy in Lisova.', ['Lisova']), []);
  assert.deepEqual(subTypes('The driver killed a young man in Lisova in a car crash.', ['Lisova']), []);
});

test('target evidence: people intercepted are arrested; weapons, drones and vehicles intercepted are disrupted weapons use', () => {
  assert.deepEqual(subTypes('Police intercepted four armed militants in a car near Lisova.', ['Lisova']), ['Arrests']);
  assert.deepEqual(subTypes('A group of nine men and two women was intercepted by soldiers near Lisova on Monday.', ['Lisova']), ['Arrests']);
  assert.deepEqual(subTypes('Air defences intercepted 12 drones over Lisova.', ['Lisova']), ['Disrupted weapons use']);
  assert.deepEqual(subTypes('Soldiers intercepted a truck carrying rifles near Lisova.', ['Lisova']), ['Disrupted weapons use']);
});

test('actor evidence: demonstrators who fight (the subject of a battle predicate) make a violent demonstration', async () => {
  const { setAblation } = await import('../../src/stages/events/rules/ablation.js');
  assert.deepEqual(subTypes('Protesters battled riot police in Lisova.', ['Lisova']), ['Violent demonstration']);
  // With the riot and protest-clash entries ablated, the fight itself and its subject carry it.
  setAblation(new Set(['riot|rioter', 'protest-clash|fought']));
  try {
    assert.deepEqual(subTypes('Rioters fought with police officers in Lisova before breaching a door.', ['Lisova']), ['Violent demonstration']);
    // Residents fighting a fire are no party; soldiers fighting rebels stay a clash.
    assert.deepEqual(subTypes('Residents fought the fire in Lisova.', ['Lisova']), []);
    assert.deepEqual(subTypes('Soldiers fought with rebels in Lisova.', ['Lisova']), ['Armed clash']);
  } finally {
    setAblation(null);
  }
});
