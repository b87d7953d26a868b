import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { claimsStage } from '../../src/stages/claims/index.js';

/**
 * Speaker shapes of wire and newspaper copy (issue 11, branch `speakers13`), each with invented news sentences —
 * none is from an evaluation corpus.
 */
function claims(text: string): [string | null, string, string][] {
  const doc = [cleanStage, segmentStage, claimsStage].reduce((d, s) => s.run(d, {}), createDoc({ id: 't', input: text, format: 'text' }));
  return doc.claims.map((c) => [c.speakerText, c.content, c.rule]);
}
const speakers = (text: string) => claims(text).map(([s]) => s);

test('a double hyphen is a dash: an aside between two of them lies between the speaker and the cue', () => {
  assert.deepEqual(speakers('Ivan Petrov -- the head of the regional council -- told reporters that the town had no heating.'), ['Ivan Petrov']);
  // A long aside with a comma inside it is skipped whole.
  assert.deepEqual(speakers('Ivan Petrov, the chief executive of Volna Media -- the company that owns the regional broadcaster, which is also streamed on its own site -- told me, “We are only a content provider.”'), ['the chief executive of Volna Media']);
});

test('"…, the agency has learned.": a cue that closes the sentence after the content needs no particle', () => {
  assert.deepEqual(claims('The shelling of the depot was ordered by a senior commander, the agency has learned.').map(([s, c]) => [s, c]), [['the agency', 'The shelling of the depot was ordered by a senior commander']]);
  assert.deepEqual(speakers('The brigade lost about a third of its tanks, the ministry estimates.'), ['the ministry']);
  // Before an object, or alone, "learned" is no cue.
  assert.deepEqual(speakers('The soldiers learned the truth about the convoy.'), []);
  assert.deepEqual(speakers('The commander learned.'), []);
});

test('a time phrase opening the clause without a comma: the post-modified subject after it speaks, not the object of its preposition', () => {
  assert.deepEqual(speakers('On Monday officials in Kyiv said the bridge was closed.'), ['officials']);
  assert.deepEqual(speakers('Yesterday experts on the region said the offensive had stalled.'), ['experts']);
  assert.deepEqual(speakers('Last week Petrenko in a radio interview said the railway workers were to blame.'), ['Petrenko']);
  // Without a post-modifier the phrase before the cue stays the speaker.
  assert.deepEqual(speakers('On Monday the ministry said the bridge was closed.'), ['the ministry']);
});

test('a negated "be" or "have" written with its clitic keeps the cue after it ("isn’t saying whether", "hasn’t said")', () => {
  assert.deepEqual(speakers('The ministry isn’t saying whether the convoy was hit.'), ['The ministry']);
  assert.deepEqual(speakers('Officials aren’t saying how many soldiers died.'), ['Officials']);
  assert.deepEqual(speakers('The governor hasn’t said whether the evacuation will resume.'), ['The governor']);
});

test('passives: "first"/"later" may stand between the auxiliary and the participle; a bare pronoun subject is no statement', () => {
  assert.deepEqual(claims('The strike was first reported by a regional broadcaster.').map(([s, c]) => [s, c]), [['a regional broadcaster', 'The strike']]);
  assert.deepEqual(speakers('The strike on the depot was later confirmed by the regional governor.'), ['the regional governor']);
  assert.deepEqual(speakers('It was first declared by the president in 2014.'), []);
});

test('a participle right after a name has the name as its subject, also after a preposition', () => {
  assert.deepEqual(claims('The video ends with footage of Petrenko saying, “We will hold the town.”').map(([s, c]) => [s, c]), [['Petrenko', 'We will hold the town']]);
  assert.deepEqual(speakers('The briefing ended with Petrenko insisting that the town would hold.'), ['Petrenko']);
});

test('", each saying …": a distributive pronoun before a participle speaks for the clause subject', () => {
  assert.deepEqual(claims('Both sides traded blame on Sunday, each saying the other had broken the ceasefire.').map(([s, c, r]) => [s, c, r.split('+')[0]]), [['each', 'the other had broken the ceasefire', 'claims/distributive-participle']]);
  assert.deepEqual(speakers('The two brigades withdrew, both saying they had run out of ammunition.'), ['both']);
});

test('a statement the subject put out speaks for it also through "that says"; a statement it dismissed does not', () => {
  assert.deepEqual(claims('The ministry released a statement on Friday that says the bridge was destroyed.').map(([s, c]) => [s, c]), [['The ministry', 'the bridge was destroyed']]);
  // The ministry rejects the report: it does not say the bridge was destroyed.
  assert.deepEqual(claims('The ministry dismissed a report saying the bridge was destroyed.').map(([s, c]) => [s, c]), [['The ministry', 'a report saying the bridge was destroyed']]);
  assert.deepEqual(speakers('The ministry denied a report on Friday that said the bridge was destroyed.'), ['The ministry', 'that']);
});

test('a cue in the infinitive after a channel or statement noun is a purpose clause of the subject', () => {
  assert.deepEqual(claims('Zelensky used his nightly address to warn that the town could fall.').map(([s, c, r]) => [s, c, r.split('+')[0]]), [['Zelensky', 'the town could fall', 'claims/purpose-infinitive']]);
  assert.deepEqual(speakers('The governor took to Telegram overnight to accuse the army of abandoning the town.'), ['The governor']);
  assert.deepEqual(speakers('The mayor went on television to say that the shelters were full.'), ['The mayor']);
  // After a listener the infinitive is the listener's ("asked the governor to confirm"): no purpose clause.
  assert.deepEqual(claims('Residents asked the governor to confirm that the bridge had reopened.').map(([, , r]) => r.split('+')[0]), ['claims/speaker-said']);
});

test('after "do", "does", "did" a base form is the finite verb: any subject speaks', () => {
  assert.deepEqual(speakers('The governor does believe the town will hold.'), ['The governor']);
  assert.deepEqual(speakers('The ministry did not expect the bridge to fall.'), ['The ministry']);
  // Without "do" a singular subject still makes no cue of a base form.
  assert.deepEqual(speakers('The governor will expect the town to hold.'), []);
});

test('"She continued, “…”": a comma before an opening quote stands for the colon a cue needs', () => {
  assert.deepEqual(claims('The governor spoke for an hour. She continued, “For us, the shelling has never stopped.”').map(([s, c]) => [s, c]), [['She', 'For us, the shelling has never stopped']]);
  // Without a quote after the comma, "continued" is no cue.
  assert.deepEqual(speakers('The shelling continued, and the residents left.'), []);
});

test('"say that, in addition to …, …": an aside right after "that" opens the content', () => {
  assert.deepEqual(claims('Officials said on Monday that, despite the shelling, the town held.').map(([s, c]) => [s, c]), [['Officials', 'despite the shelling, the town held']]);
  assert.deepEqual(claims('Local officials say that, in addition to the bridge, the town lost power.').map(([, c]) => c), ['in addition to the bridge, the town lost power']);
});

test('a passive with "being" has its agent as speaker; the content ends before the auxiliaries', () => {
  assert.deepEqual(claims('The strike is being reported by local media.').map(([s, c]) => [s, c]), [['local media', 'The strike']]);
  assert.deepEqual(claims('The plan has been rejected by the ministry.').map(([s, c]) => [s, c]), [['the ministry', 'The plan']]);
  // Not a cue: no claim.
  assert.deepEqual(speakers('The town is being shelled by artillery.'), []);
});

test('a preposition inside a body’s name ("the Committee on Foreign Affairs") stays inside the speaker', () => {
  assert.deepEqual(speakers('The Committee on Foreign Affairs said the aid would be approved.'), ['The Committee on Foreign Affairs']);
  assert.deepEqual(speakers('He said the Commission on Border Security announced that the crossing would reopen.'), ['He', 'the Commission on Border Security']);
  // A person before "in" is no body: the place after it is not part of the speaker.
  assert.deepEqual(speakers('Zelensky in Kyiv said the aid would be approved.'), ['Zelensky']);
});

test('a subject of two conjuncts speaks as one, with no single entity and a side only when both name it', () => {
  const sides = (text: string) => {
    const doc = [cleanStage, segmentStage, claimsStage].reduce((d, s) => s.run(d, {}), createDoc({ id: 't', input: text, format: 'text' }));
    return doc.claims.map((c) => [c.speakerText, c.side ?? null]);
  };
  assert.deepEqual(sides('Ukrainian and Russian officials said the talks would resume.'), [['Ukrainian and Russian officials', null]]);
  assert.deepEqual(sides('Moscow and Kyiv said the talks would resume.'), [['Moscow and Kyiv', null]]);
  // A base form after two conjuncts is plural.
  assert.deepEqual(speakers('Moscow and Kyiv accuse each other of shelling the plant.'), ['Moscow and Kyiv']);
  // "and" between clauses joins no subject.
  assert.deepEqual(speakers('The town fell and officials said the bridge was hit.'), ['officials']);
  assert.deepEqual(speakers('Russia attacked the city and officials said the bridge was hit.'), ['officials']);
});

test('an aside between commas before "that" is not content ("claimed, without providing evidence, that …")', () => {
  assert.deepEqual(claims('The ministry claimed, without providing evidence, that its forces had taken the village.').map(([, c]) => c), ['its forces had taken the village']);
  assert.deepEqual(claims('The ministry said, however, that the village was still held.').map(([, c]) => c), ['the village was still held']);
});

test('a speaker resolved to an entity keeps the side an earlier claim of that entity found', async () => {
  const { createContext, extractText } = await import('../../src/pipeline.js');
  const doc = extractText('Ivan Petrenko, the governor of the Kharkiv region, said the town was shelled overnight. The governor added that two people were injured.', { id: 't' }, await createContext());
  assert.deepEqual(doc.claims.map((c) => [c.speakerText, c.side]), [['Ivan Petrenko', 'UA'], ['The governor', 'UA']]);
});

test('a participle that took its speaker from a dropped noun "cue" takes the last kept speaker of the sentence', () => {
  assert.deepEqual(claims('A regional court rejected a media request to publish the files, saying the case was closed.').map(([s, c]) => [s, c]), [
    ['A regional court', 'a media request to publish the files, saying the case was closed'],
    ['A regional court', 'the case was closed'],
  ]);
  assert.deepEqual(speakers('The court rejected the governor’s request to publish the files, saying the case was closed.'), ['The court', 'The court']);
});
