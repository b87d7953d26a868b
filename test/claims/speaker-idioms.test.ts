import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { claimsStage } from '../../src/stages/claims/index.js';

/**
 * Speakers of quantifier pronouns and of multi-word cues (issue 11, branch `speakers15`), each with invented news
 * sentences — none is from an evaluation corpus.
 */
function claims(text: string): [string | null, string, string][] {
  const doc = [cleanStage, segmentStage, claimsStage].reduce((d, s) => s.run(d, {}), createDoc({ id: 't', input: text, format: 'text' }));
  return doc.claims.map((c) => [c.speakerText, c.content, c.rule]);
}
const speakers = (text: string) => claims(text).map(([s]) => s);

test('a quantifier pronoun that opens its clause is the speaker ("Some said", "but many believe", "all agreed")', () => {
  assert.deepEqual(claims('Most said the ferry had stopped running.').map(([s, c]) => [s, c]), [['Most', 'the ferry had stopped running']]);
  assert.deepEqual(speakers('The mayor was hopeful, but some said the ferry had stopped running.'), ['some']);
  assert.deepEqual(speakers('Many believe the dam will hold.'), ['Many']);
  assert.deepEqual(speakers('Few expect the ferry to run again this winter.'), ['Few']);
  assert.deepEqual(speakers('To different degrees, all agreed that the ferry was unsafe.'), ['all']);
  // Inside a phrase the phrase is read as before; after a bracket the quantifier floats after its subject.
  assert.deepEqual(speakers('Several engineers said the dam would hold.'), ['Several engineers']);
  assert.deepEqual(speakers('Anna Kovac (Greens) and Ivo Marin (Labour) all said the dam would hold.'), ['Ivo Marin']);
  // An ambiguous cue in -s after a quantifier is a noun.
  assert.deepEqual(speakers('Many calls reached the ferry office.'), []);
});

test('a light verb and its object as one cue ("made it clear that", "made no secret of")', () => {
  assert.deepEqual(claims('The port commander made it clear that the port would stay shut.').map(([s, c]) => [s, c]), [['The port commander', 'the port would stay shut']]);
  assert.deepEqual(speakers('The council has made clear that the bridge will not reopen.'), ['The council']);
  assert.deepEqual(claims('The commander made no secret of his doubts about the convoy.').map(([s, c]) => [s, c]), [['The commander', 'his doubts about the convoy']]);
  assert.deepEqual(speakers('The mayor toured the port, making clear that the ferries would run.'), ['The mayor']);
  // "raised concerns about …": the preposition is the idiom's; after "is" the -ing form is the verb.
  assert.deepEqual(claims('The harbour office raised concerns about the ferry schedule.').map(([s, c]) => [s, c]), [['The harbour office', 'the ferry schedule']]);
  assert.deepEqual(speakers('Marta Vidal is raising questions about the tender.'), ['Marta Vidal']);
  assert.deepEqual(speakers('The storm raised questions about the sea wall.'), []);
  // "clear" before a noun is an adjective: no cue; an event as subject is no speaker.
  assert.deepEqual(speakers('The brigade made clear gains along the canal.'), []);
  assert.deepEqual(speakers('The flooding made it clear that the dam was weak.'), []);
});

test('"as X put it" speaks the clause beside it', () => {
  assert.deepEqual(claims('As one ferryman put it, the harbour is a graveyard.').map(([s, c]) => [s, c]), [['one ferryman', 'the harbour is a graveyard']]);
  assert.deepEqual(claims('The harbour is a graveyard, as one ferryman put it on Monday.').map(([s, c]) => [s, c]), [['one ferryman', 'The harbour is a graveyard']]);
  // "put it on the table" places a thing.
  assert.deepEqual(speakers('As the clerk put it on the table, the lights went out.'), []);
});

test('"put the toll at 40": a verb of placing before "at" and a number gives an estimate', () => {
  assert.deepEqual(claims('Regional officials put the death toll at 14.').map(([s, c]) => [s, c]), [['Regional officials', 'the death toll at 14']]);
  assert.deepEqual(speakers('Coast guard officials put the number of missing at more than two dozen.'), ['Coast guard officials']);
  assert.deepEqual(speakers('The crew put the boxes at the gate.'), []);
  // An event as subject is narration, not an estimate of a source.
  assert.deepEqual(speakers('The latest storm puts the number of missing at 30.'), []);
});

test('"X reported from <place>" is a byline; only a "that" after the place makes a claim', () => {
  assert.deepEqual(speakers('Marta Vidal reported from Split.'), []);
  assert.deepEqual(speakers('Marta Vidal reported from Split, and Tomo Horvat from Zadar.'), []);
  assert.deepEqual(claims('The agency reported from Split that the ferry had sunk.').map(([s, c]) => [s, c]), [['The agency', 'the ferry had sunk']]);
});

test('a subject post-modified by a past participle speaks, not the participle\'s agent ("Documents seen by reporters show")', () => {
  assert.deepEqual(claims('Documents seen by reporters show that the depot was empty.').map(([s, c]) => [s, c]), [['Documents', 'the depot was empty']]);
  // An irregular participle (`participleOpeners` in data/speakers.json) or an -ed one, before "by", "to", "through" …
  assert.deepEqual(speakers('Satellite images taken by a private firm show that the bridge fell.'), ['Satellite images']);
  assert.deepEqual(speakers('A map shown to reporters suggests that the line has moved.'), ['A map']);
  assert.deepEqual(speakers('The crew is silent, since logs obtained by the paper suggest that the captain knew.'), ['logs']);
  // After a participle's object, an ambiguous cue in -s that heads a list is a plural noun.
  assert.deepEqual(speakers('The port was a refuge shielded from any awkward questions or complaints.'), []);
});

test('a cue form in its sense of quantity or change is no cue ("added 30,000 troops", "losses declined sharply")', () => {
  assert.deepEqual(speakers('The navy has added 12 patrol boats to the fleet.'), []);
  assert.deepEqual(speakers('The flooding added to the pressure on the port.'), []);
  assert.deepEqual(speakers('Ferry traffic declined sharply in March.'), []);
  assert.deepEqual(speakers('The share of trucks declined from 58 to 55 percent.'), []);
  assert.deepEqual(speakers('The share of trucks declined to 55 percent.'), []);
  // The speech senses keep their shapes.
  assert.deepEqual(speakers('The harbour office added that the port was shut.'), ['The harbour office']);
  assert.deepEqual(speakers('The port was shut, the harbour office added.'), ['the harbour office']);
  assert.deepEqual(speakers('The harbour office declined to comment.'), ['The harbour office']);
});

test('an -ed cue after a phrase that is no speaker, before a verb, is a reduced passive ("The truce announced on Monday collapsed")', () => {
  assert.deepEqual(speakers('The truce announced on Monday collapsed within hours.'), []);
  assert.deepEqual(speakers('The route proposed in March would cut the journey by half.'), []);
  assert.deepEqual(speakers('The curfew ordered in May was lifted.'), []);
  // A speaker noun or a name keeps the cue; content that opens with its own subject too.
  assert.deepEqual(speakers('The ministry announced on Monday the truce had collapsed.'), ['The ministry']);
  assert.deepEqual(speakers('The inquiry announced on Monday that the truce had collapsed.'), ['The inquiry']);
});

test('"show" after a subject that produces findings: polling, figures, statistics, records (evidence subjects)', () => {
  assert.deepEqual(speakers('Polling averages show the mayor with a narrow lead.'), ['Polling averages']);
  assert.deepEqual(speakers('Port statistics show a sharp fall in grain exports.'), ['Port statistics']);
  // Other subjects still need "that".
  assert.deepEqual(speakers('The sailors show no sign of leaving.'), []);
});

test('the apostrophe of a plural possessive is no word of the speaker phrase ("the dockworkers\' union said")', () => {
  assert.deepEqual(speakers("The dockworkers' union said the port would close."), ["The dockworkers' union"]);
  assert.deepEqual(speakers('The dockworkers’ union said the port would close.'), ['The dockworkers’ union']);
});

test('"has spoken about" is a cue like "spoke about"; "speaks Russian" names a language, no statement', () => {
  assert.deepEqual(claims('The mayor has spoken about the need for shelters.').map(([s, c]) => [s, c]), [['The mayor', 'the need for shelters']]);
  assert.deepEqual(speakers('The ferry captain speaks Croatian.'), []);
  assert.deepEqual(speakers('Many islanders speak Italian at home.'), []);
  assert.deepEqual(speakers('The ferry captain speaks fluent German.'), []);
});

test('phrasal and military senses of cue forms are no cue ("showed up", "called up reservists", "defended the town")', () => {
  assert.deepEqual(speakers('Border guards showed up at the ferry on Monday.'), []);
  assert.deepEqual(speakers('The navy called up 4,000 reservists.'), []);
  assert.deepEqual(speakers('The admiral called off the landing.'), []);
  assert.deepEqual(speakers('The marines defended the port for a week.'), []);
  assert.deepEqual(speakers('The brigade defended its positions near the canal.'), []);
  assert.deepEqual(speakers('The garrison maintained control of the harbour.'), []);
  assert.deepEqual(speakers('The navy repeated the assault the next day.'), []);
  assert.deepEqual(speakers('The captain reported for duty in March.'), []);
  assert.deepEqual(speakers('The admiral urged on his crews.'), []);
  // The speech senses keep their shapes.
  assert.deepEqual(speakers('The admiral defended the decision to withdraw.'), ['The admiral']);
  assert.deepEqual(speakers('The port authority maintained that the harbour was open.'), ['The port authority']);
  assert.deepEqual(speakers('The crew reported to the coast guard that the ferry was sinking.'), ['The crew']);
  assert.deepEqual(speakers('The mayor called on residents to leave.'), ['The mayor']);
  assert.deepEqual(speakers('Port statistics showed that exports had fallen.'), ['Port statistics']);
});

test('an act of war heading the phrase before a cue says nothing ("The strike revealed gaps in the defences")', () => {
  assert.deepEqual(speakers('The strike revealed gaps in the harbour defences.'), []);
  assert.deepEqual(speakers('The explosion showed that the sea wall had failed.'), []);
  assert.deepEqual(speakers('The offensive suggested that the navy had recovered.'), []);
  // Whoever reports the act still speaks.
  assert.deepEqual(speakers('The port authority said the strike had revealed gaps in the defences.'), ['The port authority']);
});

test('a headline "<name> on <Topic>: …" with a quote after the colon is the name\'s; "Attack on <place>:" is a topic', () => {
  assert.deepEqual(claims('Petrenko on Ferry Strike: ‘We Will Rebuild the Port’').map(([s]) => s), ['Petrenko']);
  assert.deepEqual(speakers('Strike on Split: 10 dead, dozens injured'), []);
  assert.deepEqual(speakers('Storm on Coast: What We Know'), []);
});
