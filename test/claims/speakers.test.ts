import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { claimsStage } from '../../src/stages/claims/index.js';
import { checkSpeakerSpans } from '../../src/stages/claims/rules/speaker-span.js';

/**
 * Speaker classes of issue 11 (item 3, branch `speakers9`), each with invented news sentences — none is from an
 * evaluation corpus. The claims stage runs on the segment stage's linguistic layer (its tags check speaker phrases).
 */
function claims(text: string): [string | null, string, string][] {
  const doc = [cleanStage, segmentStage, claimsStage].reduce((d, s) => s.run(d, {}), createDoc({ id: 't', input: text, format: 'text' }));
  assert.ok(doc.lang?.words.length, 'the segment stage left no linguistic layer');
  return doc.claims.map((c) => [c.speakerText, c.content, c.rule]);
}
const speakers = (text: string) => claims(text).map(([s]) => s);

test('a "cue" after a possessive or a modifier is the noun of a noun phrase, not a statement', () => {
  assert.deepEqual(speakers('The governor’s request for more shelters went unanswered for a week.'), []);
  // "announced" modifies "plans": the one claim is the mayor's outlining (a stance cue), with the noun phrase as content.
  assert.deepEqual(claims('The mayor outlined his announced plans to rebuild the bridge.').map(([s, c]) => [s, c]), [['The mayor', 'his announced plans to rebuild the bridge']]);
  // The verb before the noun phrase speaks, with the noun phrase as what it rejects.
  assert.deepEqual(speakers('Many residents dismissed the general staff’s claims about the bridge.'), ['Many residents']);
  // A verb after a plural subject stays a cue.
  assert.deepEqual(speakers('Ukrainian officials fear that the town could fall within days.'), ['Ukrainian officials']);
  assert.deepEqual(speakers('Military analysts estimate that the brigade lost half its tanks.'), ['Military analysts']);
});

test('a speaker phrase read back over a finite verb: the clause it ends is not the speaker', () => {
  // "The commanders took questions …": "questions" is the verb's object, no cue.
  assert.deepEqual(speakers('The commanders took questions from journalists invited to the briefing.'), []);
  // Behind a speech verb the phrase lies in that verb's content: one claim, the outer speaker's.
  assert.deepEqual(speakers('The governor said he expects the evacuation to end on Friday.'), ['The governor']);
});

test('"it" before "appeared", "emerged", "turned out" is a dummy subject, never a source', () => {
  assert.deepEqual(speakers('It appeared that the Russian troops had withdrawn from the village.'), []);
  assert.deepEqual(speakers('It emerged on Monday that the bridge had been destroyed.'), []);
  assert.deepEqual(speakers('It turned out that the town was still held by Ukrainian forces.'), []);
  // A referring "it" still speaks.
  assert.deepEqual(speakers('The ministry issued an update. It said the attack had been repelled.'), ['It']);
});

test('a published statement ("a video posted on Telegram") is what was published, not a speaker', () => {
  assert.deepEqual(speakers('In a video posted on Telegram on Sunday, the commander said his unit had held the line.'), ['the commander']);
  assert.deepEqual(speakers('In a statement released late on Friday, the ministry said the attack had been repelled.'), ['the ministry']);
  // The author of a statement in an opening phrase is not the speaker of the clause after its comma.
  assert.deepEqual(speakers('In a message released by his press office, the governor said the curfew would be lifted.'), ['the governor']);
  // A statement noun as the subject keeps its author as the speaker.
  assert.deepEqual(speakers('A video posted by the brigade on Telegram said the bridge was destroyed.'), ['the brigade']);
});

test('passives: "was widely criticized", "was once asked" make no speaker of the subject', () => {
  assert.deepEqual(speakers('The spokesman was widely criticized for his remarks about the shelling.'), []);
  assert.deepEqual(speakers('The minister was once asked how the war would end.'), []);
  // With an agent, the agent speaks.
  assert.deepEqual(speakers('Calls for a ceasefire were firmly rejected by the Kremlin.'), ['the Kremlin']);
});

test('"was quoted as saying", "was cited by an agency as saying": the subject speaks, not the outlet', () => {
  const q = claims('The governor was quoted as saying that the shelling had stopped overnight.');
  assert.deepEqual(q.map(([s, c, r]) => [s, c, r.split('+')[0]]), [['The governor', 'the shelling had stopped overnight', 'claims/quoted-as-saying']]);
  assert.deepEqual(speakers('The spokesman was widely quoted as saying the offensive had stalled.'), ['The spokesman']);
  assert.deepEqual(speakers('The defence ministry was cited by a state news agency as saying that its forces took the village.'), ['The defence ministry']);
  assert.deepEqual(speakers('The commander has been quoted by local media as saying the town was encircled.'), ['The commander']);
});

test('"issued a statement saying …", "posted a video claiming …": the clause subject speaks, the content follows the participle', () => {
  const s = claims('The defence ministry issued a statement on Sunday saying that its forces had taken the village.');
  assert.deepEqual(s.map(([sp, c, r]) => [sp, c, r.split('+')[0]]), [['The defence ministry', 'its forces had taken the village', 'claims/statement-participle']]);
  const v = claims('The president posted a video late on Friday saying the troops would hold the city.');
  assert.deepEqual(v.map(([sp, c]) => [sp, c]), [['The president', 'the troops would hold the city']]);
  assert.deepEqual(speakers('The mercenary chief released an audio message claiming his men had taken the town.'), ['The mercenary chief']);
  assert.deepEqual(speakers('The mayor sent a series of tweets early Monday saying that power had been restored.'), ['The mayor']);
});

test('"sources close to the Kremlin said": the object of a relation adjective is no speaker; a title "ambassador to" is kept', () => {
  assert.deepEqual(speakers('Sources close to the Kremlin said the talks had stalled.'), ['Sources']);
  assert.deepEqual(speakers('Officials loyal to Kyiv said the bridge was intact.'), ['Officials']);
  assert.deepEqual(speakers('Bloggers linked to the mercenary group claimed the town had fallen.'), ['Bloggers']);
  assert.deepEqual(speakers('Military bloggers affiliated with the army reported that the village was taken.'), ['Military bloggers']);
  assert.ok(speakers('The ambassador to the United Kingdom Andrey Kelin says that Britain is directly involved.')[0]?.includes('Andrey Kelin'));
});

test('a headline "Title Name: quote" with a lower-case title noun is a claim of the name', () => {
  assert.deepEqual(claims('Kremlin spokesman Dmitry Peskov: “The operation goes according to plan.”').map(([sp, , r]) => [sp, r.split('+')[0]]), [['Kremlin spokesman Dmitry Peskov', 'claims/colon-name']]);
  // Five capitalised words with no title noun are a headline, not a name.
  assert.deepEqual(speakers('Heavy Fighting Around The Town: Troops Were Moved Overnight.'), []);
});

test('the speaker-span rules leave attributions alone without a linguistic layer', () => {
  const raw = { speaker: [0, 3] as const, speakerContext: [0, 3] as const, cue: [4, 8] as const, content: [9, 20] as const, sentence: 0, rule: 'claims/speaker-said' };
  assert.deepEqual(checkSpeakerSpans([raw], undefined), [raw]);
});

// Issue 11 item 3, branch `speakers10`: stance cues, inverted "says", "called on", phrases with no head noun.
test('stance verbs (disagree, applaud, brag, view … as) are cues; forms with a war or noun sense are not', () => {
  assert.deepEqual(speakers('The foreign minister disagrees with the defence ministry’s assessment.'), ['The foreign minister']);
  assert.deepEqual(speakers('The official views the talks as a failure.'), ['The official']);
  assert.deepEqual(speakers('The general brags about his victories on state television.'), ['The general']);
  assert.deepEqual(speakers('The ministry is denouncing what it calls an act of terror.'), ['The ministry']);
  // "show" needs a subject that produces findings (a poll, data); troops show no statement.
  assert.deepEqual(speakers('Polls show most residents want to stay in the city.'), ['Polls']);
  assert.deepEqual(speakers('Russian troops show no sign of leaving the town.'), []);
  // "backed", "blasts" are left out: no speaker in a report of fighting.
  assert.deepEqual(speakers('Russian forces backed by artillery captured the village.'), []);
  assert.deepEqual(speakers('Two loud blasts shook the city before dawn.'), []);
});

test('an ambiguous "says" after the content and before a speaker ending the clause is speech (inverted)', () => {
  assert.deepEqual(claims('The shelling has not stopped, says the district governor.').map(([s, c, r]) => [s, c, r.split('+')[0]]), [['the district governor', 'The shelling has not stopped', 'claims/inverted']]);
  assert.deepEqual(claims('“The shelling has not stopped,” says Ivan Petrenko, head of the district council.').map(([s, , r]) => [s, r.split('+')[0]]), [['Ivan Petrenko', 'claims/quote-said-speaker']]);
  // Before its speaker an ambiguous form still needs one: a noun after a comma says nothing.
  assert.deepEqual(speakers('The town has water again, reports from the area suggest nothing more.'), []);
});

test('"called on X to …": the particle belongs to the cue, the content starts after it', () => {
  assert.deepEqual(claims('The governor called on residents to leave the city.').map(([s, c]) => [s, c]), [['The governor', 'residents to leave the city']]);
  assert.deepEqual(speakers('The governor called the shelling a war crime.'), ['The governor']);
});

test('a determiner phrase ending in a preposition, adjective or participle has no head noun: no speaker', () => {
  assert.deepEqual(speakers('Despite the range of views, the defence talks may be among the least-divisive projects for the alliance.'), []);
  assert.deepEqual(speakers('Despite the nonstop demands from the front, the ministry kept its reserves.'), []);
  // A speaker noun the tagger reads as an adjective keeps the phrase.
  assert.deepEqual(speakers('The military says the bridge was hit overnight.'), ['The military']);
});
