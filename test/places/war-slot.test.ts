/**
 * The place slot of war predicates (rules/war-slot.ts) against the real gazetteer: a village or town named once,
 * with no locative preposition and no other support, is a place when it is what a war predicate is about —
 * and a person's name or a word the document writes in lower case is not. Invented sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Doc, type Entity, type Stage } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { placesStage } from '../../src/stages/places/index.js';

const upTo: Stage[] = [cleanStage, segmentStage, placesStage];
const ctx = await placesStage.prepare!({}, {});
const places = (text: string): Entity[] =>
  upTo.reduce((d: Doc, s) => s.run(d, ctx), createDoc({ id: 't', input: text, format: 'text' })).entities.filter((e) => e.kind === 'place');
const mentionOf = (text: string, form: string) => {
  for (const e of places(text)) for (const m of e.mentions) if (m.text === form) return { id: e.id, rule: m.rule };
  return undefined;
};

// GeoNames ids of Ukrainian villages and towns named once in the sentences below.
const VOVCHANSK = 'geo:689304';
const TONENKE = 'geo:691412';
const KRYNKY = 'geo:703861';
const ROBOTYNE = 'geo:695586';
const VUHLEDAR = 'geo:690823';

test('the object of a war verb, or of a war noun or verb with its preposition, is a place', () => {
  // Each sentence names its place once; the mention resolves to the GeoNames id and names the slot rule.
  const cases: [string, string, string, RegExp][] = [
    ['Russian forces captured Vovchansk.', 'Vovchansk', VOVCHANSK, /places\/war-slot-object/],
    ['Russian units encircled Tonenke overnight.', 'Tonenke', TONENKE, /places\/war-slot-object/],
    ['Marines attacked Krynky again.', 'Krynky', KRYNKY, /places\/war-slot-object/],
    ["Kyiv's troops took back Robotyne.", 'Robotyne', ROBOTYNE, /places\/war-slot-object/],
    ['Moscow said its forces had "liberated" Vovchansk.', 'Vovchansk', VOVCHANSK, /places\/war-slot-object/],
    ['The battle for Vuhledar is not over.', 'Vuhledar', VUHLEDAR, /places\/war-slot-preposition/],
    ['Troops withdrew from Robotyne.', 'Robotyne', ROBOTYNE, /places\/war-slot-preposition/],
    ['Russian troops pushed further towards Tonenke.', 'Tonenke', TONENKE, /places\/war-slot-preposition/],
    ['Marines pulled out of Krynky.', 'Krynky', KRYNKY, /places\/war-slot-preposition/],
  ];
  for (const [text, form, id, rule] of cases) {
    const m = mentionOf(text, form);
    assert.equal(m?.id, id, text);
    assert.match(m!.rule, rule, text);
  }
});

test('the subject of "fell", "came under" or of a passive war verb is a place', () => {
  const fell = mentionOf('Tonenke fell after weeks of fighting.', 'Tonenke');
  assert.equal(fell?.id, TONENKE);
  assert.match(fell!.rule, /places\/war-slot-subject/);
  const under = mentionOf('Robotyne came under heavy fire.', 'Robotyne');
  assert.equal(under?.id, ROBOTYNE);
  assert.match(under!.rule, /places\/war-slot-subject/);
  assert.deepEqual(places('Robotyne came to an agreement.'), []);
  const passive = mentionOf('Krynky was captured.', 'Krynky');
  assert.equal(passive?.id, KRYNKY);
  assert.match(passive!.rule, /places\/war-slot-subject/);
  // Adverbs between the verb and its words ("is now under").
  const now = mentionOf('Tonenke is now under Russian control.', 'Tonenke');
  assert.equal(now?.id, TONENKE);
  assert.match(now!.rule, /places\/war-slot-subject/);
});

test('a list shares the slot of its member: "stormed Tonenke and Krynky"', () => {
  const out = places('Russian units stormed Tonenke and Krynky.');
  assert.deepEqual(out.map((e) => e.id).sort(), [KRYNKY, TONENKE].sort());
});

test('outside a war slot the same name, named once and unsupported, stays out', () => {
  assert.deepEqual(places('Journalists praised Tonenke.'), []);
  assert.deepEqual(places('Russian forces praised Vovchansk.'), []);
});

test('no person, firm or lower-case word is made a place by a war slot', () => {
  for (const text of [
    'Police captured Clark after a chase.',
    'He defended Smith in court.',
    'Marcus was captured by the police.',
    'Critics attacked Tymoshenko.',
    'Hackers hit Sony in 2014.',
    // A possessive is no slot filler: the object is the mayor.
    "Russian forces captured Tonenke's mayor.",
    // A word the document also writes in lower case.
    'Russian forces cut the vovchansk road and then captured Vovchansk.',
  ]) assert.deepEqual(places(text).map((e) => e.name), [], text);
});

test('a name the text calls a village or town ("the village of Tonenke") is that populated place', () => {
  for (const text of ['Russian forces have captured the village of Tonenke.', 'Fighting continued near the village of Tonenke.', 'Shelling hit the town of Tonenke.']) {
    const m = mentionOf(text, 'Tonenke');
    assert.equal(m?.id, TONENKE, text);
    assert.match(m!.rule, /places\/war-slot-preposition/, text);
  }
});

test('in a title-case headline a place after a capitalised verb or noun is not part of a longer name', () => {
  // The capitals of a headline carry no name signal: "Controls", "Shell", "Again" do not make "Bakhmut" the
  // inner word of a name the gazetteer lacks.
  for (const text of ['Conflicting Accounts on Who Controls Krynky', 'Russian Forces Shell Krynky Again', 'Russian Forces Attack Krynky as Ukraine Holds Bridgehead']) {
    assert.equal(mentionOf(text, 'Krynky')?.id, KRYNKY, text);
  }
  // A name that is really longer keeps its words: no place inside an organisation's name.
  assert.equal(mentionOf('Officials Said Krynky Brigade Commanders Were Removed', 'Krynky'), undefined);
});

test('a town told as held ("is under our control", "is ours", "is in Ukrainian hands"), left, or named by a bearing ("north of X") is a place', () => {
  const cases: [string, string, string, RegExp][] = [
    ['Vuhledar is under our control, the commander said.', 'Vuhledar', VUHLEDAR, /places\/war-slot-subject/],
    ['Vuhledar is ours.', 'Vuhledar', VUHLEDAR, /places\/war-slot-subject/],
    ['Robotyne is in Ukrainian hands.', 'Robotyne', ROBOTYNE, /places\/war-slot-subject/],
    ['The marines have left Krynky.', 'Krynky', KRYNKY, /places\/war-slot-object/],
    ['Russian forces advanced north of Robotyne.', 'Robotyne', ROBOTYNE, /places\/war-slot-preposition/],
    ['Fighting raged on the edge of Tonenke.', 'Tonenke', TONENKE, /places\/war-slot-preposition/],
  ];
  for (const [text, form, id, rule] of cases) {
    const m = mentionOf(text, form);
    assert.equal(m?.id, id, text);
    assert.match(m!.rule, rule, text);
  }
});

test('"positions in X": the place of positions held is a place', () => {
  const m = mentionOf('Ukrainian marines still hold positions in Krynky.', 'Krynky');
  assert.equal(m?.id, KRYNKY);
});
