import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Entity } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { claimsStage } from '../../src/stages/claims/index.js';
import { personGenders } from '../../src/stages/claims/rules/gender.js';
import { resolveSpeaker, type PriorSpeaker } from '../../src/stages/claims/rules/speaker.js';

/**
 * Speaker classes of issue 11 (item 3, branch `speakers11`): pronoun gender agreement, singular indefinite phrases
 * before a noun, participles after a restrictive relative clause, reduced relatives ending in a pronoun. Every
 * sentence is invented; none is from an evaluation corpus.
 */
function claims(text: string): [string | null, string, string][] {
  const doc = [cleanStage, segmentStage, claimsStage].reduce((d, s) => s.run(d, {}), createDoc({ id: 't', input: text, format: 'text' }));
  assert.ok(doc.lang?.words.length, 'the segment stage left no linguistic layer');
  return doc.claims.map((c) => [c.speakerText, c.content, c.rule]);
}
const speakers = (text: string) => claims(text).map(([s]) => s);

/** Person entities with a mention at each occurrence of each name in `text`. */
function persons(text: string, names: Record<string, string>): Entity[] {
  return Object.entries(names).map(([id, name]) => ({
    id,
    kind: 'person' as const,
    name,
    mentions: [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ start: m.index!, end: m.index! + name.length, text: name, rule: 'test', sentence: 0 })),
  }));
}

test('a person’s gender is read from the text: a title before the name, a subject pronoun after it', () => {
  const text = 'Mrs. Ortiz met Hale on Monday. Later, Hale said he would not run. Ortiz says she will.';
  const g = personGenders(text, persons(text, { o: 'Ortiz', h: 'Hale' }));
  assert.equal(g.get('o'), 'female');
  assert.equal(g.get('h'), 'male');
  // An object or a possessive is no evidence: "told Ortiz that he", "Ortiz's aide said he".
  const t2 = 'The envoy told Ortiz that he was leaving. Ortiz’s aide said he agreed.';
  assert.equal(personGenders(t2, persons(t2, { o: 'Ortiz' })).get('o'), undefined);
  // A gendered role word counts too.
  const e: Entity = { ...persons('Ortiz', { o: 'Ortiz' })[0], role: 'party spokeswoman' };
  assert.equal(personGenders('Ortiz', [e]).get('o'), 'female');
});

test('"she" skips a person the text calls "he", and the other way round', () => {
  const text = 'Ms. Ortiz spoke first. Then Hale said he would vote no. She said the bill would pass.';
  const entities = persons(text, { o: 'Ortiz', h: 'Hale' });
  const genders = personGenders(text, entities);
  const prior: PriorSpeaker[] = [{ id: 'h', kind: 'person', text: 'Hale', start: text.indexOf('Hale'), sentence: 1 }];
  const at = text.indexOf('She');
  const q = { text: 'She', start: at, end: at + 3, contextText: 'She', sentence: 2 };
  assert.deepEqual(resolveSpeaker(q, entities, prior, undefined, genders), { speaker: 'o', side: undefined, rule: 'claims/speaker-pronoun-gender' });
  // Without the evidence the last speaker is taken, as before.
  assert.equal(resolveSpeaker(q, entities, prior).speaker, 'h');
  // A pronoun of the same gender keeps the last speaker.
  const he = text.indexOf('he would');
  assert.equal(resolveSpeaker({ text: 'he', start: he, end: he + 2, contextText: 'he', sentence: 2 }, entities, prior, undefined, genders).speaker, 'h');
});

test('a singular indefinite phrase before a noun-tagged "cue" is that noun’s modifier, no speaker', () => {
  assert.deepEqual(speakers('The mayor cited a Harbor Gazette report that the bridge was unsafe.'), ['The mayor']);
  assert.deepEqual(speakers('A court rejected a defence request to delay the hearing.'), ['A court']);
  // A plural or a verb after "a" still speaks.
  assert.deepEqual(speakers('A few analysts believe the offensive will stall.'), ['A few analysts']);
  assert.deepEqual(speakers('A spokesman says the offensive will stall.'), ['A spokesman']);
  // A past form the tagger reads as a noun stays a verb.
  assert.deepEqual(speakers('The town has fallen, a senior official told reporters.'), ['a senior official']);
});

test('a participle after a restrictive relative clause belongs to the main clause', () => {
  const out = claims('The governor dismissed a contractor who said he was never paid, saying, “His work was poor.”');
  assert.deepEqual(out.filter(([, , r]) => r.startsWith('claims/participle')).map(([s]) => s), ['The governor']);
  // After a non-restrictive relative (a comma before "who") the relative's speaker keeps it.
  const nr = claims('Officials met the mayor, who said the shelters were full, adding that more were needed.');
  assert.deepEqual(nr.filter(([, , r]) => r.startsWith('claims/participle')).map(([s]) => s), ['the mayor, who']);
});

test('a pronoun ending a reduced relative clause is the speaker, not the noun before it', () => {
  assert.deepEqual(speakers('The council missed the target it promised to reach by spring.'), ['it']);
  assert.deepEqual(speakers('Nobody has seen the aid they promised to deliver.'), ['they']);
});

test('a quantified relative ("many of whom") after a comma or a dash is the speaker', () => {
  assert.deepEqual(speakers('The tax angered local farmers, many of whom say it will ruin them.'), ['many of whom']);
  assert.deepEqual(speakers('The mayor won the backing of 40 pastors -- most of whom had criticized him before.'), ['most of whom']);
});

test('a cue word after a determiner inside a post-modifier is a noun: "Critics of the plan said"', () => {
  assert.deepEqual(speakers('Critics of the plan said the bridge was unsafe.'), ['Critics']);
  assert.deepEqual(speakers('Opponents of the pledge said the cost was too high.'), ['Opponents']);
});

test('"those" alone heads a post-modified subject: "Those close to the governor say"', () => {
  assert.deepEqual(speakers('Those close to the governor say she will not run again.'), ['Those']);
  assert.deepEqual(speakers('Those familiar with the talks said a deal was near.'), ['Those']);
});

test('a passive of a listener cue ("were told by X that …") has the that-clause as content, not the listener', () => {
  assert.deepEqual(claims('The reporters were told by the governor that the bridge would reopen.').map(([s, c]) => [s, c]), [['the governor', 'the bridge would reopen']]);
  assert.deepEqual(claims('Residents were urged by the mayor to leave the city.').map(([s, c]) => [s, c]), [['the mayor', 'to leave the city']]);
  // Other passives keep the subject as what the agent rejected.
  assert.deepEqual(claims('Calls for a ceasefire were rejected by the council.').map(([s, c]) => [s, c]), [['the council', 'Calls for a ceasefire']]);
});

test('an appositive name after a description speaks, also when the description ends in a name or has a post-modifier', () => {
  assert.deepEqual(speakers('A spokeswoman for Lopez, Jane Ortiz, said the bill was dead.'), ['Jane Ortiz']);
  assert.deepEqual(speakers('The party’s leader in Ohio, Adam Hale, said the bill was dead.'), ['Adam Hale']);
  // A name with lower-case connectors stays the speaker.
  assert.deepEqual(speakers('The Institute for the Study of War, a think tank, said the town had fallen.'), ['The Institute for the Study of War']);
});

test('a relative clause on an indefinite pronoun ("anybody who complains") is no report', () => {
  assert.deepEqual(speakers('The senator invited someone who has mocked the governor.'), []);
  assert.deepEqual(speakers('Anybody who complains about the curfew is not serious, the mayor said.'), ['the mayor']);
  // A named antecedent still speaks.
  assert.deepEqual(speakers('The reporters met the mayor, who said the curfew would end.'), ['the mayor, who']);
});
