import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAttributions, MAX_CONTENT_LENGTH } from '../../src/stages/claims/rules/attributions.js';
import { splitSentences } from '../../src/stages/claims/rules/sentences.js';

/** Speaker, cue and content texts of every attribution of a text. */
function attributions(text: string) {
  return findAttributions(text, splitSentences(text)).map((a) => ({
    speaker: a.speaker ? text.slice(a.speaker[0], a.speaker[1]) : null,
    cue: text.slice(a.cue[0], a.cue[1]),
    content: text.slice(a.content[0], a.content[1]),
    rule: a.rule,
  }));
}
const one = (text: string) => {
  const found = attributions(text);
  assert.equal(found.length, 1, JSON.stringify(found));
  return found[0];
};

test('indirect speech with that and a time lead-in', () => {
  const a = one('Ukrainian Deputy Defense Minister Hanna Maliar said Friday that their forces had retaken 2 kilometers.');
  assert.equal(a.speaker, 'Ukrainian Deputy Defense Minister Hanna Maliar');
  assert.equal(a.cue, 'said');
  assert.equal(a.content, 'their forces had retaken 2 kilometers');
});

test('quote, cue, speaker', () => {
  const a = one('“We still hold the southwest,” Maliar said.');
  assert.deepEqual([a.speaker, a.content, a.rule], ['Maliar', 'We still hold the southwest', 'claims/quote-speaker-said']);
});

test('quote, cue, speaker inverted', () => {
  const a = one('“The city has fallen,” said the ministry.');
  assert.deepEqual([a.speaker, a.content], ['the ministry', 'The city has fallen']);
});

test('speaker, cue, quote with a channel', () => {
  const a = one('Evgeny Poddubny wrote on Telegram, “Let’s assume that the enemy counteroffensive has begun.”');
  assert.equal(a.speaker, 'Evgeny Poddubny');
  assert.equal(a.content, 'Let’s assume that the enemy counteroffensive has begun');
});

test('a quote spanning sentences stays one content', () => {
  const a = one('Yusov said, “The enemy is exhausted. Their offensive has failed.”');
  assert.equal(a.content, 'The enemy is exhausted. Their offensive has failed');
});

test('appositive speaker and postposed content', () => {
  const a = attributions('Troops advanced 400 meters, Sergey Cherevati, spokesman for the Eastern group, said.')[0];
  assert.deepEqual([a.speaker, a.content], ['Sergey Cherevati', 'Troops advanced 400 meters']);
});

test('title before the name in commas', () => {
  const a = one('But Ukraine’s deputy defense minister, Hannah Malial, said defenders still controlled an area.');
  assert.deepEqual([a.speaker, a.content], ['Hannah Malial', 'defenders still controlled an area']);
});

test('according to, before and after the content', () => {
  assert.deepEqual([one('According to British intelligence, Russia sent reinforcements.').speaker, one('According to British intelligence, Russia sent reinforcements.').content], ['British intelligence', 'Russia sent reinforcements']);
  const b = one('Russia sent reinforcements, according to the Institute for the Study of War.');
  assert.deepEqual([b.speaker, b.content], ['the Institute for the Study of War', 'Russia sent reinforcements']);
});

test('colon form', () => {
  const a = one('The governor wrote on Telegram: the attack was repelled.');
  assert.deepEqual([a.speaker, a.content, a.rule], ['The governor', 'the attack was repelled', 'claims/colon']);
});

test('participial cue takes the subject', () => {
  const found = attributions('The Russian Ministry of Defense followed suit, announcing that the city had been conquered.');
  assert.equal(found[0].speaker, 'The Russian Ministry of Defense');
  assert.equal(found[0].content, 'the city had been conquered');
});

test('passive nominal cue', () => {
  const found = attributions('The ministry dismissed statements circulated by Telegram channels about breakthroughs on the front.');
  const p = found.find((a) => a.rule === 'claims/passive-nominal');
  assert.ok(p);
  assert.equal(p.speaker, 'Telegram channels');
  assert.equal(p.content, 'breakthroughs on the front');
});

test('a quote continuation keeps the speaker', () => {
  const found = attributions('“It has been going on for months,” she wrote on Telegram. “Nothing more is happening.”');
  assert.equal(found.length, 2);
  assert.equal(found[1].speaker, 'she');
  assert.equal(found[1].rule, 'claims/quote-continuation');
});

test('collective and anonymous sources', () => {
  assert.equal(one('Military bloggers reported that Kozinka was occupied.').speaker, 'Military bloggers');
  assert.equal(one('The city was quiet on Sunday, sources said.').speaker, 'sources');
});

test('metonym speaker', () => {
  assert.equal(one('Moscow declared that the village was liberated.').speaker, 'Moscow');
});

test('negative cases: nouns and names are not cues', () => {
  assert.deepEqual(attributions('The report was published on Monday.'), []);
  assert.deepEqual(attributions('The United States would send more tanks.'), []);
  assert.deepEqual(attributions('Russian troops shelled the town overnight.'), []);
  assert.deepEqual(attributions('Kyiv has rejected claims of a major push.').filter((a) => a.cue === 'claims'), []);
});

test('bad input: unbalanced quotes, other scripts, a 5,000-word quote, one long quote', () => {
  const words = Array.from({ length: 5000 }, (_, i) => `слово${i % 7}`).join(' ');
  const inputs = [
    `He said “${words}`,
    `“${words} said ${words}”`,
    `「${words}」と彼は言った。`,
    `"${'a said b. '.repeat(3000)}"`,
  ];
  for (const text of inputs) {
    const found = findAttributions(text, splitSentences(text));
    for (const a of found) assert.ok(a.content[1] - a.content[0] <= MAX_CONTENT_LENGTH, 'no claim spans the whole article');
  }
});

test('a relative pronoun after a name: the speaker runs from the name through the pronoun', () => {
  const found = attributions('His statements were backed up by a top Russian military blogger, Evgeny Poddubny, who wrote on Telegram, “Let’s assume that the enemy counteroffensive has begun,” after saying so.');
  const a = found.find((x) => x.rule === 'claims/relative-speaker');
  assert.ok(a);
  assert.equal(a.speaker, 'Evgeny Poddubny, who');
  assert.equal(a.content, 'Let’s assume that the enemy counteroffensive has begun');
});

test('a time phrase before the appositive is not the speaker', () => {
  const a = one('At the same time, the chief of the Wagner Group, Yevgeny Prigozhin, was insisting that the counteroffensive had begun.');
  assert.equal(a.speaker, 'Yevgeny Prigozhin');
});

test('a quoted title before the speaker is not the content', () => {
  const a = one('On “Fox News Sunday,” Governor Mike Pence said the tweets were wrong.');
  assert.deepEqual([a.speaker, a.content], ['Governor Mike Pence', 'the tweets were wrong']);
});

test('a coordinated cue takes the subject of the clause', () => {
  const found = attributions('Prigozhin threatened to withdraw his fighters and said the ministry had betrayed them.');
  const a = found.find((x) => x.rule === 'claims/coordinated');
  assert.ok(a);
  assert.deepEqual([a.speaker, a.content], ['Prigozhin', 'the ministry had betrayed them']);
});

test('a relative clause after an appositive keeps the named head', () => {
  const found = attributions('Vyacheslav Gladkov, governor of Russia’s Belgorod region, which borders Ukraine, said the border guard was fighting saboteurs.');
  assert.equal(found[0].speaker, 'Vyacheslav Gladkov');
  assert.equal(found[0].content, 'the border guard was fighting saboteurs');
});

test('adverbs before the cue; nouns ending in -ly stay speakers', () => {
  assert.equal(one('Cruz has long said that he qualifies.').speaker, 'Cruz');
  assert.equal(one('The Kremlin pointedly denied that talks were held.').speaker, 'The Kremlin');
  assert.equal(one('Relatives of the Tkachenko family said the village was shelled.').speaker, 'Relatives of the Tkachenko family');
});

test('a cue ending its sentence with a colon takes the next paragraph', () => {
  const a = one('The governor added:\n\nThe enemy shelled the village twice overnight.');
  assert.equal(a.content, 'The enemy shelled the village twice overnight');
});

test('passive cue with an agent', () => {
  const a = one('Claims of a breakthrough were rejected by the Russian Defense Ministry on Friday.');
  assert.deepEqual([a.speaker, a.content, a.rule], ['the Russian Defense Ministry', 'Claims of a breakthrough', 'claims/passive-by']);
});

test('a title-case quote before the speaker is a title', () => {
  const a = one('In his book, “Make Your Kid a Millionaire,” Mr. McKinley suggested that parents save early.');
  assert.deepEqual([a.speaker, a.content], ['Mr. McKinley', 'parents save early']);
});

test('time phrases after the cue are not content', () => {
  const a = one('“Not paying taxes makes me smart,” Trump said last week.');
  assert.deepEqual([a.speaker, a.content], ['Trump', 'Not paying taxes makes me smart']);
});

test('a possessive owner of a statement noun speaks', () => {
  const found = attributions('Kyiv rejected Moscow’s claim that its troops had taken Bakhmut.');
  const a = found.find((x) => x.rule === 'claims/possessive-noun');
  assert.ok(a);
  assert.deepEqual([a.speaker, a.cue, a.content], ['Moscow’s', 'claim', 'its troops had taken Bakhmut']);
});

test('cognitive and attitude verbs are cues; action verbs are not', () => {
  assert.deepEqual([one('Western officials fear that the offensive could stall.').speaker, one('Western officials fear that the offensive could stall.').cue], ['Western officials', 'fear']);
  assert.equal(one('Kyiv hopes that the jets will arrive by summer.').content, 'the jets will arrive by summer');
  assert.equal(one('Zelensky urged allies to send more air defence systems.').cue, 'urged');
  assert.equal(one('The governor criticized the evacuation plan as too slow.').speaker, 'The governor');
  assert.equal(one('Military analysts expect a counteroffensive in the spring.').cue, 'expect');
  for (const action of [
    'Russian forces launched a missile strike on Odesa overnight.',
    'Ukrainian air defences shot down 12 drones over Kyiv.',
    'Wagner fighters captured the railway station on Tuesday.',
  ]) assert.deepEqual(attributions(action), [], action);
});

test('base forms need a plural or first/second-person subject, never an infinitive or a noun', () => {
  assert.deepEqual(attributions('The ministry plans to announce new measures on Friday.').filter((a) => a.cue === 'announce'), []);
  assert.deepEqual(attributions('Moscow made an aggressive pledge to halt the strikes.'), []);
  assert.deepEqual(attributions('Editor’s note: the article was updated.').filter((a) => a.cue === 'note'), []);
  assert.equal(one('We expect the front line to hold.').speaker, 'We');
});

test('a relative clause with an organisation: ", which contended that …"', () => {
  const found = attributions('The fine was levied by the European Commission, which contended that Ireland undertaxed the company.');
  const a = found.find((x) => x.rule === 'claims/relative-speaker');
  assert.ok(a, JSON.stringify(found));
  assert.deepEqual([a.speaker, a.content], ['the European Commission, which', 'Ireland undertaxed the company']);
});

test('an ambiguous cue after ", which": the antecedent speaks; without the comma it does not', () => {
  const found = attributions('The strike failed, according to the regional command, which says it has shot down four drones.');
  const a = found.find((x) => x.rule === 'claims/relative-speaker');
  assert.ok(a, JSON.stringify(found));
  assert.deepEqual([a.speaker, a.content], ['the regional command, which', 'it has shot down four drones']);
  // "the report which says …": a restrictive relative of an ambiguous verb stays no attribution.
  assert.equal(attributions('They read the report which says the bridge is closed.').filter((x) => x.rule === 'claims/relative-speaker').length, 0);
});

test('a subject with a post-modifier speaks, not the object of its preposition', () => {
  assert.equal(one('Experts on North Korea and nuclear nonproliferation said the latest test could change that.').speaker, 'Experts');
  assert.equal(one('A Quinnipiac University poll released in late August found that most voters agreed.').speaker, 'A Quinnipiac University poll');
  assert.equal(one('Human rights groups warned that the administration was giving up leverage.').speaker, 'Human rights groups');
  assert.equal(one('Donald Trump is once again questioning the integrity of the voting system.').speaker, 'Donald Trump');
  assert.deepEqual(attributions('It slowed the offensive, which is what the Ukrainian command wanted to achieve.'), []);
});

test('verbs of continuing keep the subject; a reduced passive has no speaker before it', () => {
  assert.equal(one('The ministry continued to insist that the bridge was intact.').speaker, 'The ministry');
  assert.equal(one('Officials went on to warn that the dam could fail.').speaker, 'Officials');
  assert.deepEqual(attributions('It was a compromise rebuffed by Republicans.'), []);
  assert.equal(one('Zelensky pointed to the destroyed bridge as proof of the attack.').cue, 'pointed to');
});

test('a coordinated verb inside a reported clause belongs to that clause; attacked is an action', () => {
  const found = attributions('Military journalists reported that the armed groups occupied the settlement of Kozinka near the border and attacked two other settlements.');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.deepEqual([found[0].speaker, found[0].cue], ['Military journalists', 'reported']);
});

test('mixed quote marks pair; a prepositional aside between speaker and cue is skipped; "my" opens a speaker', () => {
  const a = one('"The bridge is gone,” said Oleh Synehubov, the regional governor.');
  assert.deepEqual([a.speaker, a.content], ['Oleh Synehubov', 'The bridge is gone']);
  const b = one('The governor, at a later briefing, said, “The shelling has stopped.”');
  assert.deepEqual([b.speaker, b.content], ['The governor', 'The shelling has stopped']);
  assert.equal(one('"We will rebuild," my father often said.').speaker, 'my father');
});

test('a participle after an opening adverbial phrase takes the main clause’s subject', () => {
  const found = attributions('During a briefing on Monday, Maliar rejected the report, saying the troops had not withdrawn.');
  const a = found.find((x) => x.rule === 'claims/participle');
  assert.ok(a, JSON.stringify(found));
  assert.deepEqual([a.speaker, a.content], ['Maliar', 'the troops had not withdrawn']);
});

test('a coordinated cue after an object complement keeps the speaker', () => {
  const found = attributions('Yusov identified these armed men as Russian guerrillas and said they had launched an armed struggle.');
  const a = found.find((x) => x.rule === 'claims/coordinated');
  assert.ok(a, JSON.stringify(found));
  assert.deepEqual([a.speaker, a.content], ['Yusov', 'they had launched an armed struggle']);
});

test('a subject with a relative clause speaks, not the noun inside the clause', () => {
  assert.equal(one('One of the officers who signed the letter called the order illegal.').speaker, 'One of the officers');
});

test('time phrases and asides before the cue; "went on to" takes any subject; "by" + -ing is a manner', () => {
  assert.equal(one('The operator just this month announced it would restore power.').speaker, 'The operator');
  assert.equal(one('Shoigu went on to discuss the losses near Vuhledar.').speaker, 'Shoigu');
  assert.equal(one('Some analysts, however, question the figures.').speaker, 'Some analysts');
  assert.equal(one('Video of the strike shows a missile hitting the depot.').speaker, 'Video');
  assert.equal(one('The ministry responded by saying the report was false.').cue, 'responded');
});

test('"found" is a finding only with "that" or a subject that produces findings', () => {
  assert.deepEqual(attributions('Russian troops found the bodies of civilians in the basement.'), []);
  assert.equal(attributions('A survey released in May found most residents wanted to stay.').find((a) => a.cue === 'found')?.speaker, 'A survey');
  assert.equal(one('Investigators found that the missile was Russian.').content, 'the missile was Russian');
});

test('"however" after an appositive keeps the appositive head', () => {
  const a = one('Ukrainian leaders, including President Volodymyr Zelensky, however, have insisted that they need more time.');
  assert.deepEqual([a.speaker, a.rule], ['Ukrainian leaders', 'claims/appositive-speaker']);
});

test('labels before a colon and sentence-initial gerunds are not speakers', () => {
  assert.deepEqual(attributions('Correction: An earlier version of this article misstated the date.'), []);
  assert.deepEqual(attributions('The Latest: Kyiv reports heavy shelling overnight').filter((a) => a.rule === 'claims/colon-name'), []);
  assert.deepEqual(attributions('Having said that, the front is quiet.').filter((a) => a.speaker === 'Having'), []);
});

test('a participle after "and" joins the participle before it; opening adverbs are skipped', () => {
  const found = attributions('Recently, however, the institute issued a paper, welcoming the new funding, and calling for permanent bases.');
  assert.deepEqual(found.map((a) => [a.speaker, a.cue]), [['the institute', 'welcoming'], ['the institute', 'calling']]);
});

test('a present participle after the subject is a post-modifier ("an official speaking on condition of anonymity said")', () => {
  const a = one('Most of the brigades sent to the front left the town last week, a senior defense official speaking on condition of anonymity said on Monday.');
  assert.deepEqual([a.speaker, a.content], ['a senior defense official', 'Most of the brigades sent to the front left the town last week']);
  // A cue's own participle ("adding") still opens no post-modifier.
  assert.ok(!attributions('The general stayed silent, the spokesman adding nothing said.').some((x) => x.speaker === 'the spokesman'));
});

test('a determiner after a day opens the content, after a preposition it is the lead-in', () => {
  assert.equal(one('The governor said Tuesday her region’s defenders were holding out.').content, 'her region’s defenders were holding out');
  assert.equal(one('The governor said in a statement their positions had been shelled.').content, 'their positions had been shelled');
});

test('a participle after a closing quote ("…,” adding that …") is said by the quote\'s speaker', () => {
  const found = attributions('In a statement, Peabody said: "Patriot Coal was highly successful," adding that its value quadrupled in a year.');
  const adding = found.find((a) => a.cue === 'adding');
  assert.deepEqual([adding?.speaker, adding?.content, adding?.rule], ['Peabody', 'its value quadrupled in a year', 'claims/participle']);
});

test('a participle opening the sentence ("Citing intelligence reports, Zelensky said …") is said by the subject after its comma', () => {
  const found = attributions('Citing intelligence reports, Zelensky said Russian forces were massing near Kharkiv.');
  assert.deepEqual(found.map((a) => [a.speaker, a.cue, a.content, a.rule]), [
    ['Zelensky', 'Citing', 'intelligence reports', 'claims/participle-fronted'],
    ['Zelensky', 'said', 'Russian forces were massing near Kharkiv', 'claims/speaker-said'],
  ]);
  // The participle heads no speaker phrase of its own ("Citing intelligence" + "reports").
  assert.ok(!found.some((a) => a.speaker?.startsWith('Citing')));
});

test('a quoted title after a possessive is the listener, not the content ("told CNN’s “State of the Union” that …")', () => {
  assert.equal(one('Zelensky told CNN’s “State of the Union” that Russian forces had failed.').content, 'Russian forces had failed');
  assert.match(one('Johnson tells MSNBC’s “Morning Joe” on Friday that “exactly who did it” remains under investigation.').content, /^exactly who did it/);
});

test('an ambiguous cue counts after a quoted question: “…?” Graham asked.', () => {
  assert.deepEqual(attributions('“Does anybody know what the platform is?” Graham asked.').map((a) => [a.speaker, a.cue]), [['Graham', 'asked']]);
  assert.deepEqual(attributions('“We will win.” Graham asked.'), []);
});

test('a prepositional lead-in with no verb that ends the sentence is all lead-in: the content is before the speaker', () => {
  const a = one('“We have taken the bridge,” the commander said in an audio message.');
  assert.deepEqual([a.speaker, a.content, a.rule], ['the commander', 'We have taken the bridge', 'claims/quote-speaker-said']);
  const b = one('Russian troops crossed the river, the institute said in its latest assessment.');
  assert.deepEqual([b.speaker, b.content], ['the institute', 'Russian troops crossed the river']);
  // A lead-in followed by a clause keeps the clause as the content.
  assert.equal(one('The governor said on Friday troops had left the town.').content, 'troops had left the town');
});

test('a speaker and cue between commas inside a clause: the content is the clause around them', () => {
  const a = one('Russian forces, the ministry said, captured the bridge on Friday.');
  assert.deepEqual([a.speaker, a.content, a.rule], ['the ministry', 'Russian forces, the ministry said, captured the bridge on Friday', 'claims/parenthetical-speaker']);
  const b = one('Russian forces have, according to the ministry, captured the bridge.');
  assert.deepEqual([b.speaker, b.content, b.rule], ['the ministry', 'Russian forces have, according to the ministry, captured the bridge', 'claims/parenthetical-speaker']);
  // At the end of the sentence, or before another clause, the content is before the speaker.
  assert.equal(one('Russian forces captured the bridge, according to the ministry.').content, 'Russian forces captured the bridge');
});

test('"according to a statement … by X": the statement\'s author is the speaker, not the statement', () => {
  const a = one('Russian forces captured the bridge, according to a statement on Telegram by the defence ministry.');
  assert.deepEqual([a.speaker, a.content], ['the defence ministry', 'Russian forces captured the bridge']);
  assert.equal(one('Troops left the town, according to the latest report from the General Staff.').speaker, 'the General Staff');
  // A place or a time after "from" is no author; a named author before the noun stays the speaker.
  assert.notEqual(one('Troops left the town, according to reports from the front.').speaker, 'the front');
  assert.equal(one('Troops left the town, according to Russian media reports.').speaker, 'Russian media reports');
});

test('"Ukrainian officials confirm that …", "analysts assess that …": base forms of confirming and assessing are cues after a plural subject', () => {
  assert.equal(one('Ukrainian officials confirm that Russian forces have entered the town.').cue, 'confirm');
  assert.equal(one('Western analysts assess that the offensive has stalled.').cue, 'assess');
  assert.equal(one('The ministry confirmed that the bridge was hit.').cue, 'confirmed');
  // An infinitive is no cue.
  assert.deepEqual(attributions('The ministry was unable to confirm the report.').filter((a) => a.cue === 'confirm'), []);
  // With a plain object it is no speech: only before "that".
  assert.deepEqual(attributions('Voters were removed if they did not confirm their status.').filter((a) => a.cue === 'confirm'), []);
});

test('"said on Monday it had retaken X, a key railway hub": a verb before the comma makes it the content’s comma', () => {
  assert.equal(one('Ukraine said on Monday it had retaken Kupiansk, a key railway hub in the Kharkiv region.').content, 'it had retaken Kupiansk, a key railway hub in the Kharkiv region');
  // A lead-in with no verb still ends at its comma.
  assert.equal(one('Zelensky said in his nightly address, Russian troops have lost heavily.').content, 'Russian troops have lost heavily');
});
