import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { patternPrefixes, wordPrefixes } from '../../src/stages/events/rules/prefixes.js';
import { triggers } from '../../src/stages/events/rules/lexicon.js';
import { createContext, extractText } from '../../src/pipeline.js';
import lexicon from '../../src/stages/events/data/lexicon.json' with { type: 'json' };

const ctx = await createContext({});
/** The first event of an invented text through the whole pipeline. */
const first = (text: string) => extractText(text, { id: 't' }, ctx).events[0];

test('pattern prefixes: the literal word starts of every alternative, none when a start is optional', () => {
  assert.deepEqual(patternPrefixes('air ?strikes?|air raids?|aerial (bombardments?|attacks?)'), ['air', 'aer']);
  assert.deepEqual(patternPrefixes('(shot|shoots|shoot) down|downed'), ['sho', 'dow']);
  assert.deepEqual(patternPrefixes('s 300s?|vx'), ['s', 'vx']);
  assert.equal(patternPrefixes('(the )?city'), null);
  assert.equal(patternPrefixes('\\w+ed'), null);
  assert.deepEqual([...wordPrefixes('Air-strikes hit.')].sort(), ['a', 'ai', 'air', 'h', 'hi', 'hit', 's', 'st', 'str']);
});

/** Every sentence-sized piece of the test fixtures' texts. */
function fixtureTexts(): string[] {
  const dir = join(import.meta.dirname, 'fixtures');
  return readdirSync(dir).flatMap((d) => readFileSync(join(dir, d, 'input.txt'), 'utf8').split(/(?<=[.!?])\s+/));
}

test('the prefix filter never skips a pattern that matches (fixture sentences and invented ones)', () => {
  const texts = [
    ...fixtureTexts(),
    'Warplanes struck the village; S-300 missiles were fired at Kharkiv.',
    'A VX attack, an air-strike and a re-taken town: Hundreds protested ON STRIKE.',
    '“Rioting” éattack _attack 2attack',
  ];
  let searched = 0;
  for (const text of texts) {
    const words = wordPrefixes(text);
    for (const t of triggers) {
      t.re.lastIndex = 0;
      const matches = t.re.test(text);
      t.re.lastIndex = 0;
      if (!matches) continue;
      searched++;
      assert.ok(!t.prefixes || t.prefixes.some((p) => words.has(p)), `${t.rule} matches "${text}" but its prefixes ${t.prefixes} are not word starts`);
    }
  }
  assert.ok(searched > 10);
});

test('the general lexicon: built from seeds, every class known, no person or artefact nouns', () => {
  const classes = new Set(triggers.map((t) => t.cls));
  for (const [word, e] of [...Object.entries(lexicon.verbs), ...Object.entries(lexicon.nouns)]) {
    assert.ok(classes.has(e.class), `${word}: class ${e.class} has no trigger`);
    assert.match(e.from, /^[a-z_-]+#[nv]\d+$/);
  }
  for (const agent of ['attacker', 'kidnapper', 'detonator', 'bomber']) assert.equal(agent in lexicon.nouns, false, agent);
  assert.ok(lexicon.actors.includes('insurgent') && lexicon.actors.includes('gunman'));
  // Crowds are actor enough only for protests and riots (actors.json `crowd`), not for every ambiguous predicate.
  assert.ok(!lexicon.actors.includes('protester') && !lexicon.actors.includes('crowd'));
});

test('lexicon predicates: a verb and its particle, a noun-phrase head, in any inflection', () => {
  const blew = first('Insurgents blew up a bridge near Kandahar on Monday, killing two policemen.');
  assert.equal(blew?.subType, 'Remote explosive/landmine/IED');
  assert.match(blew?.rule ?? '', /lexicon-verb-blow-up/);
  const noun = first('Soldiers carried out the strangulation of two detainees in Homs.');
  assert.equal(noun?.subType, 'Attack');
  assert.match(noun?.rule ?? '', /lexicon-noun-strangulation/);
  // A lexicon word with no party or conflict word in its sentence makes no event.
  assert.equal(first('The company announced the redeployment of its sales staff in Lyon.'), undefined);
});

test('a frame verb outweighing the pattern that covers its word replaces it; a state subject is actor enough for a battle', () => {
  // The pattern "bombarded" (weak, air or artillery) alone makes no event; the layer's verb "bombard" does.
  const bombarded = first('Russian forces bombarded Kharkiv overnight.');
  assert.equal(bombarded?.subType, 'Shelling/artillery/missile attack');
  assert.match(bombarded?.rule ?? '', /frame-bombard/);
  // "repels" needs an actor: the country that is the clause's subject is one.
  assert.equal(first('Ukraine repels attacks in the Donbas.')?.subType, 'Armed clash');
  // Not for a protest: "Ukraine protests" is a diplomatic act.
  assert.equal(first('Ukraine protests the decision in a note to Hungary.'), undefined);
});

test('clause frames: a light verb with an event noun as object, a cue verb as the predicate of a crowd', () => {
  // "offensive" alone is a supporting cue; launched, it is a battle (and "to retake" is the offensive's purpose).
  const offensive = first('The army launched an offensive to retake the town of Kismayo.');
  assert.equal(offensive?.subType, 'Armed clash');
  assert.match(offensive?.rule ?? '', /support-launch-offensive/);
  assert.equal(first('Hundreds of people marched through Kismayo demanding the release of detained journalists.')?.subType, 'Peaceful protest');
  // Troops marching are no protest.
  assert.equal(first('Troops marched into Kismayo.'), undefined);
});

test('clause frames: a weapon or blast as the subject of an impact verb, a killing "to death"', () => {
  const blast = first('An explosion ripped through a crowded market in Kismayo, witnesses said.');
  assert.equal(blast?.subType, 'Remote explosive/landmine/IED');
  assert.match(blast?.rule ?? '', /weapon-subject-rip\+blast/);
  // In a document reporting an accident, a blast word is not enough.
  assert.equal(first('A gas leak caused an explosion. The explosion ripped through a market in Kismayo.'), undefined);
  // The crowd that kills makes it mob violence; villagers killed by assailants are the victims of an attack.
  assert.equal(first('Villagers beat a suspected thief to death in Kismayo.')?.subType, 'Mob violence');
  assert.equal(first('Assailants hacked three villagers to death in Kismayo.')?.subType, 'Attack');
  assert.equal(first('The man was burned to death in a house fire in Kismayo.'), undefined);
});

test('the agent of a passive strikes as a subject does; "holding out" is a defence, "sunk" a naval battle', () => {
  assert.equal(first('Kyiv was attacked by drones overnight.')?.subType, 'Air/drone strike');
  assert.equal(first('Russian troops are holding out in the town of Bakhmut.')?.subType, 'Armed clash');
  assert.equal(first('Ukraine has sunk a Russian landing ship off Crimea.')?.subType, 'Armed clash');
  // A ferry that sank is an accident: the pattern of a disaster keeps the word.
  assert.equal(first('The ferry sank off Lesbos, killing 30 migrants.'), undefined);
});

test('a participle modifying a noun is no happening', () => {
  assert.equal(first('Unjustly imprisoned journalists and other government critics cast a shadow over the vote in Minsk.'), undefined);
});

test('object frames: a discovery or seizure verb whose object names a weapon, a set-up verb whose object names a base', () => {
  // Weapon nouns from WordNet, in any inflection, however far from the verb; the rule names the frame and the verb.
  assert.deepEqual(lexicon.weapons.filter((w: string) => ['carbine', 'detonator', 'ammunition', 'missile', 'knife', 'round'].includes(w)), ['ammunition', 'carbine', 'detonator']);
  const found = first('Soldiers unearthed a stockpile of detonators and dynamite near Lisova.');
  assert.equal(found?.subType, 'Disrupted weapons use');
  assert.equal(found?.rule, 'events/object-weapons-found-unearth');
  const base = first('Rebel fighters erected a garrison outside Lisova.');
  assert.equal(base?.subType, 'Headquarters or base established');
  assert.equal(base?.rule, 'events/object-base-set-up-erect');
  // The object decides: no weapon, no base, no event of theirs.
  for (const text of ['Investigators unearthed documents about the minister near Lisova.', 'The company erected a new warehouse outside Lisova.', 'Police recovered a stolen car near Lisova.']) {
    assert.ok(!extractText(text, { id: 't' }, ctx).events.some((e) => /object-/.test(e.rule)), text);
  }
});

test('object frames back the patterns up: with the pattern entry ablated, a territory verb whose object names a place-like noun still takes territory', async () => {
  const { setAblation } = await import('../../src/stages/events/rules/ablation.js');
  const text = 'Government troops regained the strategic hilltop near Kharkiv on Monday.';
  assert.equal(first(text)?.rule, 'events/change-of-control');
  setAblation(new Set(['change-of-control|regain']));
  try {
    const e = first(text);
    assert.equal(e?.subType, 'Government regains territory');
    assert.equal(e?.rule, 'events/object-territory-taken-regain');
    // Without an actor, or with an object that is no place, nothing.
    assert.equal(first('The ruling party regained control of parliament in Kharkiv.'), undefined);
    assert.equal(first('Soldiers recovered the bodies of two villagers near Kharkiv.'), undefined);
    // "control" counts through its "of" phrase: a place-like noun or a name, not broadcasting towers.
    assert.equal(first('In Kharkiv, Russia is taking control of broadcasting towers.'), undefined);
    setAblation(new Set(['change-of-control|took', 'captured-place|took']));
    assert.equal(first('Rebel fighters took control of the village near Kharkiv.')?.rule, 'events/object-territory-taken-take');
  } finally {
    setAblation(null);
  }
});
