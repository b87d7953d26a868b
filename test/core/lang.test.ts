import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, clauseOf, fold, isHeadlineCase, splitSentences, verbForms, wordAt, wordsIn, type Clause, type Lang } from '../../src/core/index.js';

function run(text: string): Lang {
  return analyse(text, splitSentences(text));
}
const word = (lang: Lang, text: string) => lang.words.findIndex((w) => w.text === text);
const chunkText = (lang: Lang, ch: number) => (ch < 0 ? null : lang.words.slice(lang.chunks[ch].first, lang.chunks[ch].end).map((w) => w.text).join(' '));
function clauseWith(lang: Lang, predicate: string): Clause {
  const c = lang.clauses.find((x) => lang.words[x.predicate].text === predicate);
  assert.ok(c, `a clause with predicate ${predicate}: ${JSON.stringify(lang.clauses.map((x) => lang.words[x.predicate].text))}`);
  return c;
}

test('fold: lower case, diacritics, apostrophes and dashes', () => {
  assert.equal(fold('Zaporizhzhia’s'), "zaporizhzhia's");
  assert.equal(fold('Łukasz ČERNÝ'), 'lukasz cerny');
  assert.equal(fold('pro‑Russian—'), 'pro-russian-');
  assert.equal(fold('Kyiv'), 'kyiv');
});

test('words carry offsets, forms, capitalisation, tags and lemmas', () => {
  const text = 'Russian troops captured the town. NATO fell silent.';
  const lang = run(text);
  for (const w of lang.words) assert.equal(text.slice(w.vStart, w.vEnd), w.text);
  const t = lang.words[word(lang, 'troops')];
  assert.deepEqual([t.tag, t.xtag, t.lemma, t.cap], ['NOUN', 'NNS', 'troop', 'lower']);
  const c = lang.words[word(lang, 'captured')];
  assert.deepEqual([c.tag, c.xtag, c.lemma], ['VERB', 'VBD', 'capture']);
  assert.equal(lang.words[word(lang, 'fell')].lemma, 'fall');
  assert.equal(lang.words[word(lang, 'Russian')].cap, 'title');
  assert.equal(lang.words[word(lang, 'NATO')].cap, 'upper');
  assert.equal(lang.words[word(lang, '.')].cap, 'other');
  assert.deepEqual(lang.sentences.map((s) => [s.first, s.end]), [[0, 6], [6, 10]]);
});

test('helpers: wordAt, wordsIn, clauseOf', () => {
  const text = 'Moscow announced that its troops had taken the town.';
  const lang = run(text);
  assert.equal(wordAt(lang, text.indexOf('troops') + 2), word(lang, 'troops'));
  assert.equal(wordAt(lang, text.indexOf(' that')), -1);
  assert.deepEqual(wordsIn(lang, text.indexOf('its'), text.indexOf(' had')), [word(lang, 'its'), word(lang, 'had')]);
  const inner = clauseOf(lang, word(lang, 'town'));
  assert.equal(lang.words[lang.clauses[inner].predicate].text, 'taken');
  assert.equal(lang.words[lang.clauses[clauseOf(lang, 0)].predicate].text, 'announced');
});

test('a that-clause under a speech verb is reported, with its parent, perfect and past', () => {
  const lang = run('Moscow announced that its troops had taken the town.');
  const main = clauseWith(lang, 'announced');
  const sub = clauseWith(lang, 'taken');
  assert.equal(main.reported, false);
  assert.equal(main.parent, -1);
  assert.equal(chunkText(lang, main.subject), 'Moscow');
  assert.equal(sub.reported, true);
  assert.equal(sub.parent, main.index);
  assert.equal(sub.marker, 'that');
  assert.equal(sub.perfect, true);
  assert.equal(sub.tense, 'past');
  assert.equal(chunkText(lang, sub.subject), 'its troops');
  assert.equal(chunkText(lang, sub.object), 'the town');
});

test('a complement without "that" and a quotation before its speaker are reported', () => {
  const a = run('The ministry said Russian forces withdrew from the village.');
  const w = clauseWith(a, 'withdrew');
  assert.equal(w.reported, true);
  assert.equal(chunkText(a, w.subject), 'Russian forces');
  const b = run('“Our forces have liberated the village,” the ministry said.');
  const l = clauseWith(b, 'liberated');
  assert.equal(l.reported, true);
  assert.equal(l.parent, clauseWith(b, 'said').index);
  // A plain statement is not reported.
  assert.equal(clauseWith(run('Russian forces withdrew from the village.'), 'withdrew').reported, false);
});

test('a participle after a noun is not the predicate of a finite clause', () => {
  const lang = run('Soldiers armed with rocket launchers stood guard.');
  const stood = clauseWith(lang, 'stood');
  assert.equal(chunkText(lang, stood.subject), 'Soldiers');
  const finite = lang.clauses.filter((c) => c.finite);
  assert.deepEqual(finite.map((c) => lang.words[c.predicate].text), ['stood']);
  const armed = lang.clauses.find((c) => lang.words[c.predicate].text === 'armed');
  if (armed) assert.equal(armed.parent, stood.index);
});

test('modality: could → possible, plans to → intended, threatens to → threat, will → future, if → conditional', () => {
  const could = clauseWith(run('Russia could take the city.'), 'take');
  assert.equal(could.modality, 'possible');
  assert.equal(could.negated, false);
  const plans = run('The army plans to encircle the town.');
  const enc = clauseWith(plans, 'encircle');
  assert.equal(enc.modality, 'intended');
  assert.equal(chunkText(plans, enc.subject), 'The army');
  assert.equal(clauseWith(run('Moscow threatens to strike the capital.'), 'strike').modality, 'threat');
  assert.equal(clauseWith(run('Russian troops will attack the city.'), 'attack').modality, 'future');
  const cond = run('If the troops withdraw, the city will fall.');
  const w = clauseWith(cond, 'withdraw');
  assert.equal(w.modality, 'conditional');
  assert.equal(w.marker, 'if');
  assert.equal(w.parent, clauseWith(cond, 'fall').index);
  // Plain past: no modality.
  const took = clauseWith(run('Russia took the city.'), 'took');
  assert.deepEqual([took.modality, took.tense, took.negated, took.question], [null, 'past', false, false]);
});

test('negation: not, never, failed to', () => {
  const a = clauseWith(run('Ukraine did not withdraw from Bakhmut.'), 'withdraw');
  assert.equal(a.negated, true);
  assert.equal(a.tense, 'past');
  assert.equal(clauseWith(run('Russian forces never entered the town.'), 'entered').negated, true);
  assert.equal(clauseWith(run('The assault failed to capture the bridge.'), 'capture').negated, true);
  assert.equal(clauseWith(run('The assault captured the bridge.'), 'captured').negated, false);
  // "not only" / "not just" focus on more: no negation.
  assert.equal(clauseWith(run('The rebels not only captured the bridge but also the station.'), 'captured').negated, false);
  assert.equal(clauseWith(run('The rebels have not just captured the bridge.'), 'captured').negated, false);
});

test('questions: inverted auxiliary and question mark', () => {
  const lang = run('Did Russia capture Soledar?');
  const c = clauseWith(lang, 'capture');
  assert.equal(c.question, true);
  assert.equal(chunkText(lang, c.subject), 'Russia');
  assert.equal(lang.clauses.length, 1);
  assert.equal(clauseWith(run('Russia captured Soledar.'), 'captured').question, false);
});

test('a transcript\'s question label "Q" opening a line is a list marker, not the subject of the question', () => {
  const lang = run('Intro.\nQ Has Soledar fallen?');
  assert.equal(lang.words[word(lang, 'Q')].xtag, 'LS');
  const c = clauseWith(lang, 'fallen');
  assert.equal(chunkText(lang, c.subject), 'Soledar');
  assert.ok(c.rules.includes('lang/clause/inverted-aux'));
  // Not a capital Q inside running text or before a lower-case word.
  assert.notEqual(run('Q said the town had fallen.').words[0].xtag, 'LS');
});

test('passive: subject is the patient, agent from the by-phrase', () => {
  const lang = run('The village was captured by Wagner.');
  const c = clauseWith(lang, "captured");
  assert.equal(c.passive, true);
  assert.equal(c.tense, 'past');
  assert.equal(chunkText(lang, c.subject), 'The village');
  assert.equal(chunkText(lang, c.agent), 'Wagner');
  assert.equal(c.object, -1);
  assert.equal(clauseWith(run('Wagner captured the village.'), 'captured').passive, false);
});

test('chunks: noun phrases, verb groups, prepositional phrases', () => {
  const lang = run('Ukraine’s armed forces have not retreated from the eastern city of Bakhmut.');
  const kinds = lang.chunks.map((c) => `${c.kind}:${lang.words.slice(c.first, c.end).map((w) => w.text).join(' ')}`);
  assert.ok(kinds.includes('NP:Ukraine ’s armed forces'), kinds.join(' | '));
  assert.ok(kinds.includes('VG:have not retreated'), kinds.join(' | '));
  assert.ok(kinds.includes('PP:from the eastern city'), kinds.join(' | '));
  assert.ok(kinds.includes('NP:Bakhmut'), kinds.join(' | '));
  const c = clauseWith(lang, 'retreated');
  assert.deepEqual([c.negated, c.perfect, c.tense], [true, true, 'present']);
});

test('attribution around quotations and appositions', () => {
  const a = run('Alexander Syrskyi said: “We continue to advance on the outskirts of the town.”');
  assert.equal(clauseWith(a, 'advance').reported, true);
  assert.equal(clauseWith(a, 'advance').parent, clauseWith(a, 'said').index);
  const b = run('Ukrainian soldiers advanced 400 meters, Serhiy Cherevatyi, spokesman for the eastern command, said.');
  const said = clauseWith(b, 'said');
  assert.equal(chunkText(b, said.subject), 'Serhiy Cherevatyi');
  assert.equal(clauseWith(b, 'advanced').reported, true);
  assert.equal(clauseWith(b, 'advanced').parent, said.index);
  const c = run('The Institute for the Study of War, a think tank in Washington, noted that the assault had stalled.');
  assert.equal(chunkText(c, clauseWith(c, 'noted').subject), 'The Institute');
  // A that-clause after a participle hangs on the participle.
  const d = run('The ministry followed suit, announcing that its forces had conquered the city.');
  const conquered = clauseWith(d, 'conquered');
  assert.equal(conquered.reported, true);
  assert.equal(d.words[d.clauses[conquered.parent].predicate].text, 'announcing');
});

test('a speech verb with a to-infinitive reports it: "claimed to have captured"', () => {
  const lang = run('The Wagner group claimed to have captured the town this week.');
  const c = clauseWith(lang, 'captured');
  assert.deepEqual([c.reported, c.perfect, c.modality, c.parent], [true, true, null, -1]);
  assert.equal(chunkText(lang, c.subject), 'The Wagner group');
  assert.equal(lang.words[c.governor].text, 'claimed');
});

test('bare participles and to-infinitives are not finite clauses', () => {
  const lang = run('Ukrainian forces launched operations to retake lost ground.');
  const finite = lang.clauses.filter((c) => c.finite).map((c) => lang.words[c.predicate].text);
  assert.deepEqual(finite, ['launched']);
  assert.equal(lang.words[lang.clauses[clauseOf(lang, word(lang, 'ground'))].predicate].text, 'lost');
});

test('coordinated verb phrases share the subject', () => {
  const lang = run('Russian troops captured the village and advanced on the town.');
  const adv = clauseWith(lang, 'advanced');
  assert.equal(chunkText(lang, adv.subject), 'Russian troops');
  assert.equal(adv.parent, -1);
});

test('headlines: a noun-looking present verb after a plural subject, in a sentence with no verb, is the verb', () => {
  const tag = (text: string, w: string) => {
    const lang = run(text);
    return lang.words[word(lang, w)].tag;
  };
  // Each of these words is tagged as a noun by the greedy tagger when no other verb is around.
  assert.equal(tag('Russian forces shell Kherson', 'shell'), 'VERB');
  assert.equal(tag('Russian forces press Avdiivka', 'press'), 'VERB');
  assert.equal(tag('Russian forces clear the village', 'clear'), 'VERB');
  // After an earlier clause's verb ("says"), the rest of the sentence is looked at alone.
  assert.equal(tag('Kyiv says forces repel attacks near the town', 'repel'), 'VERB');
  const lang = run('Russian forces shell Kherson');
  const c = clauseWith(lang, 'shell');
  assert.equal(chunkText(lang, c.subject), 'Russian forces');
  assert.equal(chunkText(lang, c.object), 'Kherson');
  // Not a verb: a title noun after a singular name, an adjective before a noun, a sentence that has its verb.
  assert.equal(tag('Wagner chief Prigozhin', 'chief'), 'NOUN');
  assert.equal(tag('Ukrainian soldiers last week', 'last'), 'ADJ');
  assert.equal(tag('Soldiers watched the shell crater', 'shell'), 'NOUN');
});

test('a word of letters never keeps a punctuation tag', () => {
  for (const text of ['Moscow says troops seize Soledar', 'Troops seize the bridge', 'They seize it']) {
    const lang = run(text);
    for (const w of lang.words) if (/\p{L}/u.test(w.text)) assert.notEqual(w.tag, 'PUNCT', `${w.text} in "${text}"`);
  }
});

test('title-case headlines: common words are tagged as in running text, names keep their tag', () => {
  const tags = (text: string) => Object.fromEntries(run(text).words.map((w) => [w.text, w.xtag]));
  const a = tags('Russian Forces Shell Kherson as Ukraine Holds Bridgehead');
  assert.equal(a.Forces, 'NNS');
  assert.equal(a.Shell, 'VBP');
  assert.equal(a.Holds, 'VBZ');
  assert.equal(a.Kherson, 'NNP');
  const b = tags('Ukraine Says Its Troops Retook Village Near Bakhmut');
  assert.deepEqual([b.Its, b.Troops, b.Retook, b.Near, b.Bakhmut], ['PRP$', 'NNS', 'VBD', 'IN', 'NNP']);
  assert.equal(tags('RUSSIA SEIZES TOWN NEAR BAKHMUT').SEIZES, 'VBZ');
  // Running text with lower-case words of four letters or more is not a headline.
  const c = run('Officials in Kyiv Said Nothing about the Offensive');
  assert.equal(isHeadlineCase(c.words, 0, c.words.length), false);
  const d = run('Russian Forces Shell Kherson');
  assert.equal(isHeadlineCase(d.words, 0, d.words.length), true);
});

test('an irregular past tense tagged as a present verb is a past tense, a participle after have', () => {
  const tags = (text: string) => Object.fromEntries(run(text).words.map((w) => [w.text, w.xtag]));
  assert.equal(tags('Ukraine says its troops retook the village').retook, 'VBD');
  assert.equal(tags('Russian troops have retook the town').retook, 'VBN');
  // A past form that is also the base ("hit") is left to the tagger.
  assert.notEqual(tags('They will hit the depot').hit, 'VBD');
});

test('verbForms inflects a past form: base and third person first, then -ing, past, participle', () => {
  assert.deepEqual(verbForms('established'), ['establish', 'establishes', 'establishing', 'established']);
  assert.deepEqual(verbForms('stopped'), ['stop', 'stops', 'stopping', 'stopped']);
  assert.deepEqual(verbForms('moved'), ['move', 'moves', 'moving', 'moved']);
  assert.deepEqual(verbForms('carried'), ['carry', 'carries', 'carrying', 'carried']);
  assert.deepEqual(verbForms('took').sort(), ['take', 'takes', 'taking', 'taken', 'took'].sort());
  assert.deepEqual(verbForms('took').slice(0, 2), ['take', 'takes']);
  assert.deepEqual(verbForms('set').slice(0, 3), ['set', 'sets', 'setting']);
  assert.deepEqual(verbForms('fled').slice(0, 3), ['flee', 'flees', 'fleeing']);
  // Not a past form, or a form of an auxiliary: nothing to inflect.
  for (const w of ['reach', 'taking', 'forces', 'were', 'had', 'red']) assert.deepEqual(verbForms(w), [], w);
});
