/**
 * What the entities stage must leave to the places stage: bare place names are no persons and capitals in a
 * dateline are no acronyms, while people and organisations around them are still found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { context, ofKind, run, texts } from './helpers.js';

test('countries, capitals and first-level divisions before a speech verb or after a title are no persons', async () => {
  const ctx = await context();
  const doc = run(
    'Tamil Nadu said it had written to the Centre. Saudi Arabia said the talks went well. Burkina Faso said nothing. ' +
      'Andhra Pradesh told the court. According to the minister, Slovenia’s action represented its own interests. ' +
      'Chad Johnson said he would stay. Georgia Smith said so too. Mr. Kent said the vote was close.',
    ctx,
  );
  assert.deepEqual(ofKind(doc, 'person').map((p) => p.name).sort(), ['Chad Johnson', 'Georgia Smith', 'Kent']);
});

test('names that start with or follow the first word of a place name are no persons', async () => {
  const ctx = await context();
  const doc = run(
    'Los Angeles said the fires were out. San Francisco said the same. New Zealand said it would help. ' +
      'St. Louis Police announced arrests. The Christopher Inn opened and Virginia Gateway offers shops. ' +
      'New Jersey Transit said trains ran late. Gov. Jerry Brown said troops would go.',
    ctx,
  );
  assert.deepEqual(ofKind(doc, 'person').map((p) => p.name), ['Jerry Brown']);
});

test('place names in capitals are no acronyms: datelines, capitals, runs of capital words with a place word', async () => {
  const ctx = await context();
  const doc = run(
    'BEIRUT (AP) \uFFFD A Kurdish militia spokesman says the FBI was told.\n' +
      'By Nate Raymond. BOSTON (Reuters) - The owner spoke to the CIA.\n' +
      'HELENA, Mont. (AP) - Montana and the NSA are in talks.\n' +
      '(NEW YORK) — Police officers responded.\n' +
      'HORRY COUNTY, SC (WMBF) - A man was found.\n' +
      'MANILA, Philippines – Ahead of the IMF meeting, LONDON and CAIRO were quiet.\n' +
      'LOS ANGELES, April 05, 2018 (GLOBE NEWSWIRE) -- Investors met.\n' +
      'Officers of the IGFC KP South were present.',
    ctx,
  );
  const acronyms = [...new Set(ofKind(doc, 'organization').flatMap((o) => texts(o)))].sort();
  // A run of capitals without a place word stays abbreviations ("GLOBE NEWSWIRE", "IGFC KP").
  assert.deepEqual(acronyms, ['AP', 'CIA', 'FBI', 'GLOBE', 'IGFC', 'IMF', 'KP', 'NSA', 'Reuters', 'WMBF']);
});

test('acronyms at the start of a sentence stay organisations without a dateline after them', async () => {
  const ctx = await context();
  const doc = run('NATO, meanwhile, said it would respond. SBU officers detained two men. FBI agents searched the house.', ctx);
  assert.deepEqual(ofKind(doc, 'organization').flatMap((o) => texts(o)).sort(), ['FBI', 'NATO', 'SBU']);
});

test('a title after a place name: the person after the title, the place left out', async () => {
  const ctx = await context();
  const doc = run(
    'North Carolina Gov. Roy Cooper said it. New York Attorney General Eric Schneiderman is investigating. ' +
      'Texas Governor Greg Abbott said so. San Diego Police Chief David Nisleit said it. Premier League Chief Richard Masters said.',
    ctx,
  );
  const persons = ofKind(doc, 'person');
  assert.deepEqual(persons.map((p) => [p.name, p.role]), [
    ['Roy Cooper', 'gov.'],
    ['Eric Schneiderman', 'attorney general'],
    ['Greg Abbott', 'governor'],
    ['David Nisleit', 'police chief'],
    ['Richard Masters', 'chief'],
  ]);
  assert.ok(!doc.entities.some((e) => e.mentions.some((m) => /Carolina|York|Texas|Diego|League/.test(m.text))));
});

test('organisation names end at a country complement and give way to a building noun', async () => {
  const ctx = await context();
  const doc = run(
    'He met the General Secretary of the Communist Party of Vietnam Nguyen Phu Trong. ' +
      'The event was held at the Farmers Service Centre, in Goodlands.',
    ctx,
  );
  assert.deepEqual(ofKind(doc, 'organization').flatMap((o) => texts(o)), ['Communist Party of Vietnam']);
});

test('a capitalised title listed among stop words still titles the name after it', async () => {
  const ctx = await context();
  const doc = run('He met President Salome Zourabichvili on Monday. President Vladimir said nothing.', ctx);
  assert.deepEqual(ofKind(doc, 'person').map((p) => [p.name, p.role]), [['Salome Zourabichvili', 'president']]);
});

test('a first name alone refers to the one person named in full before with it, and is then no place', async () => {
  const ctx = await context();
  const doc = run(
    'Barry Smith, 80, and his wife met in Leeds. Barry, who was from Dewsbury, said it was fine. ' +
      'Mary Magdalene and Mary of Bethany went there. Barry Jones came later. Then Barry left.',
    ctx,
  );
  const persons = ofKind(doc, 'person');
  assert.deepEqual(texts(persons.find((p) => p.name === 'Barry Smith')), ['Barry Smith', 'Barry']);
  assert.deepEqual(texts(persons.find((p) => p.name === 'Mary Magdalene')), ['Mary Magdalene']);
  // Two Barrys named in full before it: the last "Barry" is nobody's.
  assert.ok(!persons.some((p) => p.mentions.some((m) => m.text === 'Barry' && m.start > doc.input.indexOf('Then'))));
});

test('common English given names make persons of untitled names; a regnal title takes a given name alone', async () => {
  const ctx = await context();
  const doc = run(
    'Mixed martial arts fighter Conor McGregor was charged. McGregor was released on bail. ' +
      'Pope Francis tweeted his support. He faced Nigel Clough’s side on Saturday.',
    ctx,
  );
  const persons = ofKind(doc, 'person');
  assert.deepEqual(texts(persons.find((p) => p.name === 'Conor McGregor')), ['Conor McGregor', 'McGregor']);
  assert.equal(persons.find((p) => p.name === 'Francis')?.role, 'pope');
  assert.ok(persons.some((p) => p.name === 'Nigel Clough'));
});

test('a given name alone after a kinship noun is a person, or the one named so in full before', async () => {
  const ctx = await context();
  const doc = run(
    'Sergei Skripal and his daughter Yulia Skripal were found. Later Skripal and his daughter Yulia were treated. ' +
      "Rozen's wife, Julia, has taken on the work. He is survived by his brother Alex and girlfriend Olivia.",
    ctx,
  );
  const persons = ofKind(doc, 'person');
  assert.deepEqual(texts(persons.find((p) => p.name === 'Yulia Skripal')).slice(-1), ['Yulia']);
  assert.deepEqual(persons.filter((p) => p.mentions.every((m) => m.rule === 'entities/kin-name')).map((p) => p.name), ['Julia', 'Alex', 'Olivia']);
});

test('a name before ", the general staff said" is no person: the title phrase is the speaker, not an apposition', async () => {
  const ctx = await context();
  const doc = run(
    'Ukrainian troops still held Novomykhailivka, the general staff said. Fighting went on near Orikhiv, a military spokesman said. ' +
      'Olena Shevchuk, a military spokeswoman, said the line held.',
    ctx,
  );
  assert.deepEqual(ofKind(doc, 'person').map((p) => p.name), ['Olena Shevchuk']);
});
