import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findProposition, findPropositions, type PlaceCandidate } from '../../src/stages/claims/rules/proposition.js';

/**
 * The propositions of `content`, said by `side` with cue `cue`. Every "Bakhmut", "Soledar" and "Ukraine" in the
 * text before the content (`before`) and in the content is a place mention.
 */
function props(content: string, side?: string, cue = 'said', before = '') {
  const text = before + content;
  const places: PlaceCandidate[] = [];
  for (const [name, id, broad] of [['Bakhmut', 'geo:713174', false], ['Soledar', 'geo:1', false], ['Ukraine', 'geo:ua', true]] as const) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) places.push({ id, start: at, end: at + name.length, text: name, broad, resolved: true, ...(broad ? { country: true } : {}) });
  }
  places.sort((a, b) => a.start - b.start);
  return findPropositions({ content, offset: before.length, places, anaphorFloor: 0, speakerSide: side, cue });
}
const one = (content: string, side?: string, cue = 'said', before = '') => props(content, side, cue, before)[0];
const brief = (p: ReturnType<typeof one>) => p && [p.kind, p.place, p.holder, p.polarity];

test('capture: holder from the subject NP, the by-phrase, else the speaker’s side; evidence says how', () => {
  const p = one('Russian forces captured Soledar', 'UA');
  assert.deepEqual(brief(p), ['control', 'geo:1', 'RU', 'asserts']);
  assert.equal(p?.evidence.roles.holder, 'subject NP "Russian forces"');
  assert.equal(p?.evidence.roles.place, 'object "Soledar"');
  assert.equal(p?.evidence.rule, 'claims/frame-capture');
  assert.equal(one('Ukrainian forces retook Bakhmut', 'RU')?.holder, 'UA');
  assert.equal(one('Bakhmut was captured by Russian forces', 'GB')?.holder, 'RU');
  const own = one('they had captured Bakhmut', 'RU');
  assert.deepEqual(brief(own), ['control', 'geo:713174', 'RU', 'asserts']);
  assert.ok(own!.confidence >= 0.5 && own!.confidence <= 1);
});

test('“the town”, “it”, “there” resolve to the place named before, and the evidence says so', () => {
  // (Moscow, the speaker, is no place candidate: the stage leaves speakers' names out.)
  const p = one('its troops had taken the town', 'RU', 'announced', 'Fighting raged around Soledar. Moscow ');
  assert.deepEqual(brief(p), ['control', 'geo:1', 'RU', 'asserts']);
  assert.equal(p?.evidence.roles.place, 'object anaphor "the town" -> Soledar');
});

test('the speaker’s own name is never the place (the caller leaves speaker mentions out)', () => {
  // "Moscow" is the speaker, so the stage passes no place for it: the town before it is meant.
  const p = findProposition({ content: 'its troops had taken the town', offset: 34, places: [{ id: 'geo:1', start: 21, end: 28, text: 'Soledar' }], anaphorFloor: 0, speakerSide: 'RU', cue: 'announced' });
  assert.equal(p?.place, 'geo:1');
});

test('partial control: the side still holding asserts; the other side’s full control is denied, less confidently', () => {
  const all = props('defenders still controlled an area of Bakhmut', 'UA');
  assert.deepEqual(brief(all[0]), ['control', 'geo:713174', 'UA', 'asserts']);
  assert.deepEqual(brief(all[1]), ['control', 'geo:713174', 'RU', 'denies']);
  assert.ok(all[1].confidence < 0.5);
});

test('negation: a negated deed is the speaker’s denial; a denial cue or falsity phrase denies', () => {
  assert.deepEqual(brief(one('Bakhmut has not been captured', 'UA')), ['control', 'geo:713174', 'RU', 'denies']);
  assert.deepEqual(brief(one('Russian troops captured Bakhmut', 'UA', 'denied')), ['control', 'geo:713174', 'RU', 'denies']);
  assert.deepEqual(brief(one('it is not true that Soledar was captured', 'UA')), ['control', 'geo:1', 'RU', 'denies']);
});

test('hypothetical, planned, threatened and questioned deeds give nothing', () => {
  assert.equal(one('Russian forces could take Bakhmut within days', 'UA'), undefined);
  assert.equal(one('Russia plans to capture Bakhmut', 'UA'), undefined);
  assert.equal(one('they would seize Soledar if talks failed', 'RU'), undefined);
  assert.equal(one('Russian troops will take Bakhmut', 'RU', 'vowed'), undefined);
  assert.equal(one('has Russia captured Bakhmut?', 'UA'), undefined);
  assert.equal(one('an upcoming Ukrainian counteroffensive near Bakhmut', 'US'), undefined);
});

test('historical background gives nothing', () => {
  assert.equal(one('the Germans captured Bakhmut in 1942', 'UA'), undefined);
});

test('nouns are not deeds: “the capture of Bakhmut”, “took place”, “occupied territories”, “captured 20 soldiers”', () => {
  assert.equal(one('Russia wants the capture of Bakhmut', 'UA'), undefined);
  assert.equal(one('the event took place in Bakhmut', 'RU'), undefined);
  assert.equal(one('they held talks in Soledar', 'RU'), undefined);
  assert.equal(props('Russian forces captured 20 soldiers near Bakhmut', 'UA').find((p) => p.kind === 'control'), undefined);
});

test('a country is the place only when nothing more precise is named', () => {
  assert.equal(one('Russian forces captured Soledar in eastern Ukraine', 'UA')?.place, 'geo:1');
});

test('denied breakthroughs are the other side’s advance', () => {
  assert.deepEqual(brief(one('claims of a Ukrainian breakthrough near Bakhmut are false', 'RU')), ['advance', 'geo:713174', 'UA', 'denies']);
});

test('a retaking measured in kilometres is an advance', () => {
  assert.deepEqual(brief(one('their forces had retaken about 2 kilometres near Bakhmut', 'UA')), ['advance', 'geo:713174', 'UA', 'asserts']);
  assert.deepEqual(brief(one('Ukrainian forces advanced up to 2 kilometres south of Bakhmut')), ['advance', 'geo:713174', 'UA', 'asserts']);
});

test('withdrawal leaves the place to the other side; a fall goes to the to-phrase', () => {
  assert.deepEqual(brief(one('Russian troops withdrew from Soledar', 'UA')), ['control', 'geo:1', 'UA', 'asserts']);
  assert.deepEqual(brief(one('Soledar fell to Russian forces', 'GB')), ['control', 'geo:1', 'RU', 'asserts']);
});

test('encirclement', () => {
  assert.deepEqual(brief(one('Russian forces encircled Bakhmut', 'UA')), ['encirclement', 'geo:713174', 'RU', 'asserts']);
  assert.equal(one('his fighters had encircled Ukrainian units near Soledar', 'RU')?.evidence.roles.place, 'object "Soledar"');
});

test('losses: a count next to a counted noun, for the side that suffered them', () => {
  const l = one('it had killed more than 70 of them', 'RU');
  assert.deepEqual([l?.kind, l?.count, l?.holder], ['losses', 70, 'UA']);
  assert.deepEqual([one('150 Ukrainian soldiers were killed', 'RU')?.count, one('150 Ukrainian soldiers were killed', 'RU')?.holder], [150, 'UA']);
  assert.deepEqual([one('Russia lost 300 troops')?.count, one('Russia lost 300 troops')?.holder], [300, 'RU']);
});

test('counts never come from clock times, dates, years, model designations or unit numbers', () => {
  assert.equal(one('they destroyed the 93rd brigade at 07:40', 'RU'), undefined);
  assert.equal(one('the strike at 07:40 killed soldiers', 'RU'), undefined);
  assert.equal(one('forces destroyed 2022 tanks', 'RU'), undefined);
  // The designation's number is no count; the article is: one craft (conf. low: no side named).
  assert.equal(one('an Su-25 was shot down', 'UA')?.count, 1);
  assert.equal(one('Su-25 jets were shot down', 'UA'), undefined);
  assert.equal(one('on 24 February soldiers were killed', 'UA'), undefined);
  assert.equal(one('they killed 12 soldiers of the 93rd brigade at 07:40', 'RU')?.count, 12);
});

test('“the situation is under control” denies the other side’s advance; control by someone is control', () => {
  assert.deepEqual(brief(one('the situation near Bakhmut is under control', 'RU')), ['advance', 'geo:713174', 'UA', 'denies']);
  assert.deepEqual(brief(one('Bakhmut is under the control of Russian forces', 'GB')), ['control', 'geo:713174', 'RU', 'asserts']);
});

test('no proposition without front-line words or a place', () => {
  assert.equal(one('the weather was fine', 'UA'), undefined);
  assert.equal(one('they captured it', 'RU'), undefined);
});

test('a capture by a group without a side keeps the holder unknown, with low confidence', () => {
  const at = 'the armed groups occupied the settlement of Kozinka near the border'.indexOf('Kozinka');
  const p = findProposition({ content: 'the armed groups occupied the settlement of Kozinka near the border', offset: 0, places: [{ id: 'place:kozinka', start: at, end: at + 7 }], cue: 'reported' });
  assert.deepEqual([p?.kind, p?.place, p?.holder, p?.polarity], ['control', 'place:kozinka', undefined, 'asserts']);
  assert.ok(p!.confidence < 0.5);
});

test('“a”/“an” before a singular counted noun is a count of one', () => {
  const l = one('saboteurs destroyed a Tupolev Tu-22M heavy bomber at the airbase', 'UA');
  assert.deepEqual([l?.kind, l?.count, l?.holder], ['losses', 1, 'RU']);
  assert.equal(one('they visited a school', 'UA'), undefined);
});

test('an aside between commas keeps the subject before it', () => {
  assert.deepEqual(brief(one('Russian forces, backed by heavy artillery, captured Soledar', 'UA')), ['control', 'geo:1', 'RU', 'asserts']);
  assert.equal(one('Russian forces, backed by heavy artillery, captured Soledar', 'UA')?.evidence.roles.holder, 'subject NP "Russian forces"');
});

test('a country after a comma qualifies the place before it; it is no second place', () => {
  const content = 'Russian forces captured Soledar in Donetsk Oblast, Ukraine';
  const at = (s: string) => content.indexOf(s);
  const places: PlaceCandidate[] = [
    { id: 'geo:1', start: at('Soledar'), end: at('Soledar') + 7, text: 'Soledar' },
    { id: 'geo:don', start: at('Donetsk'), end: at('Donetsk') + 14, text: 'Donetsk Oblast', broad: true },
    { id: 'geo:ua', start: at('Ukraine'), end: at('Ukraine') + 7, text: 'Ukraine', broad: true, country: true },
  ];
  const all = findPropositions({ content, offset: 0, places, speakerSide: 'UA', cue: 'said' });
  assert.deepEqual(all.map((p) => p.place), ['geo:1']);
});

test('losses with an article: "a … aircraft" counts one, over an "and" inside the phrase, not past a preposition', () => {
  const p = one('it shot down a Russian A-50 airborne early warning and control aircraft', 'UA');
  assert.deepEqual(p && [p.kind, p.count, p.holder], ['losses', 1, 'RU']);
  // "a drone attack on the aircraft": the article's phrase ends at "on"; no count, no losses.
  assert.equal(props('they launched a drone attack on the aircraft', 'UA').filter((x) => x.kind === 'losses').length, 0);
});

test('the death of a named officer: losses of one, the speaker’s own side unless the phrase names one', () => {
  const p = one('the death of major general Ivan Petrov, deputy commander of the corps', 'RU', 'announces');
  assert.deepEqual(p && [p.kind, p.count, p.holder, p.polarity, p.rule], ['losses', 1, 'RU', 'asserts', 'claims/frame-death']);
  assert.equal(p?.evidence.roles.holder, "speaker's own side");
  const q = one('the deaths of 12 Ukrainian soldiers', 'RU', 'confirmed');
  assert.deepEqual(q && [q.count, q.holder], [12, 'UA']);
  // Not a person: "the death of diplomacy" is no loss; a place after "of" is none either.
  assert.equal(props('the death of diplomacy', 'RU', 'announced').length, 0);
  assert.equal(props('the death of Bakhmut as a city', 'RU', 'announced').length, 0);
});

test('a denial of any losses with no count: losses of the speaker’s side, denied; only with a denial cue', () => {
  const p = one('any casualties have occurred', 'UA', 'denies');
  assert.deepEqual(p && [p.kind, p.holder, p.polarity, p.count], ['losses', 'UA', 'denies', undefined]);
  assert.equal(props('any casualties have occurred', 'UA', 'said').length, 0);
});

test('victims of a participle after a passive take the side of what the passive says was hit', () => {
  const all = props('A Ukrainian Air Force transport plane is shot down and crashes near the city, killing five crew members', 'UA');
  // The plane itself (one, its subject) and its crew (five, the participle's object), both Ukrainian.
  assert.deepEqual(all.map((x) => [x.kind, x.count, x.holder]).sort(), [['losses', 1, 'UA'], ['losses', 5, 'UA']]);
  const p = all.find((x) => x.count === 5);
  assert.ok(p?.evidence.rules.includes('claims/holder-passive-subject'));
  // An active clause before the participle: this rule does not apply.
  const q = one('Russian missiles hit the base, killing five soldiers', 'UA');
  assert.ok(q && !q.evidence.rules.includes('claims/holder-passive-subject'));
});

test('a passive push: the subject was driven back, the other side advanced; a by-phrase names it outright', () => {
  const p = one('Russian forces have been pushed back from Bakhmut', 'UA');
  assert.deepEqual(brief(p), ['advance', 'geo:713174', 'UA', 'asserts']);
  assert.ok(p?.evidence.rules.includes('claims/holder-passive-advance'));
  assert.equal(one('Ukrainian troops pushed back Russian forces near Bakhmut', 'UA')?.holder, 'UA');
  assert.equal(one('Russian forces were driven back near Bakhmut by Ukrainian troops', 'GB')?.holder, 'UA');
});

test('"in full control of" is holding', () => {
  assert.deepEqual(brief(one('Russian forces were in full control of Bakhmut', 'UA')), ['control', 'geo:713174', 'RU', 'asserts']);
});

test('"took heavy losses in its assault on X": no capture of X, and "its" is the subject named outright', () => {
  const ps = props('Russia has taken heavy losses in its assault on Bakhmut', 'UA');
  assert.equal(ps.filter((p) => p.kind === 'control').length, 0);
  const adv = ps.find((p) => p.kind === 'advance');
  assert.equal(adv?.holder, 'RU');
});

test('a hedge over a that-clause ("it does not appear that") denies only what follows it', () => {
  const ps = props('Although the Russians have made gains near Bakhmut, it does not appear that they have encircled Soledar', 'US');
  const adv = ps.find((p) => p.kind === 'advance');
  const enc = ps.find((p) => p.kind === 'encirclement');
  assert.deepEqual(adv && [adv.holder, adv.polarity], ['RU', 'asserts']);
  // An observer's "they" is the side named before it in the content.
  assert.deepEqual(enc && [enc.place, enc.holder, enc.polarity], ['geo:1', 'RU', 'denies']);
});

test('"the destroyed city": an anaphor may carry one adjective', () => {
  const p = one('it had fully captured the destroyed city after a long battle', 'RU', 'said', 'The fighting for Bakhmut went on. ');
  assert.deepEqual(brief(p), ['control', 'geo:713174', 'RU', 'asserts']);
  assert.equal(p?.evidence.roles.place, 'object anaphor "the destroyed city" -> Bakhmut');
  // "the town of" names its place; a capitalised word is no adjective.
  assert.equal(props('they took the main road', 'RU').filter((x) => x.kind === 'control').length, 0);
});

test('"still occupied a part of" the city is control, not an advance', () => {
  const p = one('it still occupied a small part of Bakhmut', 'UA');
  assert.deepEqual(brief(p), ['control', 'geo:713174', 'UA', 'asserts']);
  assert.ok(!p?.evidence.rules.includes('claims/capture-part'));
  // Read as a capture with "still" (when the partial phrase is not listed) it is control too.
  const q = props('it still recaptured a small part of Bakhmut', 'UA').find((x) => x.rule === 'claims/frame-capture');
  assert.deepEqual(q && [q.kind, q.evidence.rules.includes('claims/still-holds')], ['control', true]);
  assert.equal(one('Ukrainian troops have recaptured parts of central Bakhmut', 'UA')?.kind, 'advance');
  // A participle after its subject is the verb, not an adjective ("in occupied territories" is one).
  assert.deepEqual(brief(one('Ukrainian troops recaptured parts of Bakhmut', 'RU')), ['advance', 'geo:713174', 'UA', 'asserts']);
  assert.equal(props('shelling in occupied territories near Bakhmut', 'UA').length, 0);
});

test('interceptions: a named side is the holder; with none, a belligerent’s default is weak; places do not multiply a count', () => {
  const ps = props('five Ukrainian drones and two rockets were intercepted over Bakhmut and Soledar', 'RU');
  assert.deepEqual(ps.map((p) => [p.kind, p.count, p.holder]).sort(), [['losses', 2, 'UA'], ['losses', 5, 'UA']]);
  const d = one('nine drones were downed over the city', 'UA');
  assert.deepEqual(d && [d.count, d.holder], [9, 'RU']);
  assert.ok(d!.confidence < 0.5, String(d!.confidence));
  assert.ok(d?.evidence.rules.includes('claims/holder-materiel-default'));
});

test('facilities destroyed are losses; quotation marks inside the counted phrase are skipped', () => {
  const p = one('it has destroyed 83 Ukrainian “above-ground military facilities”, including 11 aerodromes', 'RU');
  assert.deepEqual(p && [p.kind, p.count, p.holder], ['losses', 83, 'UA']);
});

test('quotation marks inside a predicate do not split it ("were “moving further” into")', () => {
  const p = one('our units were “moving deeper” into Soledar', 'UA');
  assert.deepEqual(brief(p), ['advance', 'geo:1', 'UA', 'asserts']);
  assert.equal(p?.evidence.predicate, 'moving deeper into');
});

test('a reduced relative in the subject does not give its side ("forces sent to attack Ukraine’s east left X")', () => {
  const p = one('most of the Russian troops sent to encircle Ukraine’s eastern cities departed Soledar', 'GB');
  assert.deepEqual(brief(p), ['control', 'geo:1', 'UA', 'asserts']);
  assert.ok(p?.evidence.rules.includes('claims/subject-reduced-relative'));
  // Without a participle the side inside the subject still counts.
  assert.equal(one('Ukrainian forces departed Soledar', 'GB')?.holder, 'RU');
});

test('leaving as a verb: forces that leave a place leave it to the other side; "chose to" is a deed', () => {
  const p = one('when Russian units chose to leave Soledar, they did so in order', 'GB');
  assert.deepEqual(brief(p), ['control', 'geo:1', 'UA', 'asserts']);
  assert.equal(p?.evidence.rule, 'claims/frame-leave');
  assert.deepEqual(brief(one('Ukrainian troops have left Bakhmut', 'RU')), ['control', 'geo:713174', 'RU', 'asserts']);
  // Not a withdrawal: no forces in the subject, a preposition before the place, a plan.
  assert.equal(one('the shelling left Bakhmut without power', 'UA'), undefined);
  assert.equal(one('the Russian troops left for Bakhmut', 'UA'), undefined);
  assert.equal(one('Russian troops plan to leave Bakhmut', 'UA'), undefined);
});

test('leaving as a noun: the leaver is the modifier or the of-phrase, the other side holds', () => {
  assert.deepEqual(brief(one('the Russian withdrawal from Soledar was completed', 'UA')), ['control', 'geo:1', 'UA', 'asserts']);
  assert.deepEqual(brief(one('Kyiv welcomed the withdrawal of Russian troops from Bakhmut', 'GB')), ['control', 'geo:713174', 'UA', 'asserts']);
  assert.deepEqual(brief(one('Russian forces completed their retreat from Soledar', 'GB')), ['control', 'geo:1', 'UA', 'asserts']);
  // A belligerent's own, unmodified withdrawal: the other side holds, weaker.
  const own = one('the withdrawal from Soledar was orderly', 'UA');
  assert.deepEqual(brief(own), ['control', 'geo:1', 'RU', 'asserts']);
  assert.ok(own!.confidence < 0.65);
  // A planned withdrawal is none.
  assert.equal(one('a possible withdrawal from Soledar', 'UA'), undefined);
});

test('"N each over A, B and C": a distributive count is one loss of N at each place', () => {
  const ps = props('air defences destroyed five drones over Ukraine and two drones each over Bakhmut and Soledar', 'RU');
  const at = (place: string) => ps.filter((p) => p.kind === 'losses' && p.place === place).map((p) => p.count);
  assert.deepEqual(at('geo:713174'), [2]);
  assert.deepEqual(at('geo:1'), [2]);
  assert.ok(ps.some((p) => p.count === 5));
  // Without "each" a later count is left alone (it may be part of the first).
  const total = props('air defences destroyed five drones over Ukraine and two over Bakhmut', 'RU');
  assert.deepEqual(total.map((p) => p.count), [5]);
});

test('"the region" refers back to the last region named (not a country), and is no vaguer stand-in', () => {
  const before = 'The incursion into the Kursk region went on. Ukraine said it advanced. Russian officials ';
  const content = 'acknowledged Ukrainian gains in the region';
  const text = before + content;
  const region = text.indexOf('Kursk region');
  const country = text.indexOf('Ukraine');
  const places: PlaceCandidate[] = [
    { id: 'geo:kursk-oblast', start: region, end: region + 'Kursk region'.length, text: 'Kursk region', broad: true, resolved: true },
    { id: 'geo:ua', start: country, end: country + 'Ukraine'.length, text: 'Ukraine', broad: true, country: true, resolved: true },
  ];
  const [p] = findPropositions({ content, offset: before.length, places, anaphorFloor: 0, speakerSide: 'RU', cue: 'said' });
  assert.deepEqual(brief(p), ['advance', 'geo:kursk-oblast', 'UA', 'asserts']);
  assert.ok(!p.evidence.rules.includes('claims/place-broad'));
  // With no region before it, "the region" is only a filler.
  assert.deepEqual(brief(one('Russian forces advanced in the region near Soledar', 'UA')), ['advance', 'geo:1', 'RU', 'asserts']);
});

test('a nominal frame with no side and no place of its own is none ("the assault affected signals in X")', () => {
  assert.equal(one('The assault affected television and radio signals in five towns near Bakhmut', undefined), undefined);
  assert.equal(one('the damage left by the assault was severe', undefined, 'said', 'Shelling hit Bakhmut. '), undefined);
  // Its own place keeps it, unsure of the side.
  assert.ok(one('the damage left by the assault on Bakhmut was severe', undefined)!.confidence < 0.5);
  // With a side word it stays.
  assert.deepEqual(brief(one('the Russian assault on Bakhmut', 'UA')), ['advance', 'geo:713174', 'RU', 'asserts']);
});

test('a capture told as a noun that opens the content ("hailed its ‘liberation’ by Wagner forces")', () => {
  const p = one("its 'liberation\" by Wagner fighters and Russian troops", 'RU', 'hailed', 'Fighting raged in Bakhmut. Moscow ');
  assert.deepEqual(brief(p), ['control', 'geo:713174', 'RU', 'asserts']);
  assert.match(p!.evidence.roles.holder, /^by-phrase/);
  assert.deepEqual(brief(one('the fall of Soledar to Russian forces', 'GB', 'confirmed')), ['control', 'geo:1', 'RU', 'asserts']);
  // Named in passing, not told: none.
  assert.equal(props('Russian forces moved west after the capture of Soledar', 'UA').some((x) => x.rule === 'claims/frame-capture-noun'), false);
});

test('coordinated predicates share the subject of the first ("had attacked and captured X")', () => {
  // Before: the second verb had no subject and took the speaker's side (UA).
  const p = one('Russian forces had attacked and captured Soledar', 'UA');
  assert.deepEqual(brief(p), ['control', 'geo:1', 'RU', 'asserts']);
  assert.equal(p?.evidence.roles.holder, 'subject NP "Russian forces"');
  const both = props('our forces have liberated Soledar and are moving toward Bakhmut', 'UA').map(brief);
  assert.deepEqual(both.find((b) => b?.[0] === 'advance'), ['advance', 'geo:713174', 'UA', 'asserts']);
  // Noun phrases joined by "and" are no predicates: the subject is not borrowed across them.
  assert.equal(one('shelling and attacks captured Soledar', 'UA')?.holder, 'UA');
});

test('advance by lemma: a movement verb and a direction; a verb of gaining and ground won', () => {
  assert.deepEqual(brief(one('Russian forces are closing in on Bakhmut', 'UA')), ['advance', 'geo:713174', 'RU', 'asserts']);
  assert.equal(one('Russian forces are closing in on Bakhmut', 'UA')?.rule, 'claims/frame-motion');
  assert.deepEqual(brief(one('Russian troops edged closer to Bakhmut', 'UA')), ['advance', 'geo:713174', 'RU', 'asserts']);
  assert.deepEqual(brief(one('Russian troops were pressing steadily toward Soledar', 'UA')), ['advance', 'geo:1', 'RU', 'asserts']);
  // A bare "to" is a relocation, not a direction of attack.
  assert.equal(one('the Russian delegation moved to Bakhmut', 'UA'), undefined);
  assert.deepEqual(brief(one('Russia has gained some territory around Bakhmut', 'US')), ['advance', 'geo:713174', 'RU', 'asserts']);
  assert.deepEqual(brief(one('Ukrainian troops made progress in the direction of Bakhmut', 'RU')), ['advance', 'geo:713174', 'UA', 'asserts']);
  assert.equal(one('Ukrainian troops made progress in the direction of Bakhmut', 'RU')?.rule, 'claims/frame-gains');
  // Planned or questioned movement stays no fact.
  assert.equal(one('Russian forces could push toward Bakhmut', 'UA'), undefined);
  // No place, no advance.
  assert.equal(one('the talks made progress', 'UA'), undefined);
});

test('driving out: the agent holds the place it drove the other side out of; "back from" is its advance', () => {
  const p = one('Ukrainian troops pushed Russian forces out of Bakhmut', 'UA');
  assert.deepEqual(brief(p), ['control', 'geo:713174', 'UA', 'asserts']);
  assert.equal(p?.rule, 'claims/frame-expel');
  assert.deepEqual(brief(one('Russian troops drove Ukrainian units out of Soledar', 'RU')), ['control', 'geo:1', 'RU', 'asserts']);
  assert.deepEqual(brief(one('our troops have pushed the enemy back from Bakhmut', 'UA')), ['advance', 'geo:713174', 'UA', 'asserts']);
  // A passive has no object between verb and particle: the withdraw frame reads it (the other side holds).
  assert.deepEqual(brief(one('Russian forces were pushed out of Bakhmut', 'UA')), ['control', 'geo:713174', 'UA', 'asserts']);
});

test('stopping an attack holds the place it aimed at, not an area fought in', () => {
  assert.deepEqual(brief(one('Ukrainian forces repelled a Russian assault on Bakhmut', 'UA')), ['control', 'geo:713174', 'UA', 'asserts']);
  assert.deepEqual(brief(one('they have stopped the Russian attack north of Soledar', 'UA')), ['control', 'geo:1', 'UA', 'asserts']);
  // "halted Russian attacks in X": where the fighting was, not a place held.
  assert.equal(one('Ukrainian forces halted Russian attacks in Bakhmut', 'UA'), undefined);
  // No attack named: nothing stopped at the place.
  assert.equal(one('the convoy stopped near Bakhmut', 'UA'), undefined);
});

test('"forced to" is a deed: the retreat happened, and "retreat" after "to" is a verb, not the noun', () => {
  const all = props('Russian troops had been forced to retreat from Bakhmut', 'UA').map(brief);
  assert.deepEqual(all, [['control', 'geo:713174', 'UA', 'asserts']]);
  // "ordered to" stays an order.
  assert.equal(one('Russian troops were ordered to retreat from Bakhmut', 'UA'), undefined);
});

test('taking one\'s own forces away ("withdrawn troops from X", "pulled its forces out of X") leaves X to the other side', () => {
  const p = one('Ukrainian commanders have withdrawn troops from Bakhmut', 'UA');
  assert.deepEqual(brief(p), ['control', 'geo:713174', 'RU', 'asserts']);
  assert.equal(p?.rule, 'claims/frame-withdraw');
  assert.deepEqual(brief(one('Russia pulled its forces out of Soledar', 'UA')), ['control', 'geo:1', 'UA', 'asserts']);
  // The object must name forces: "pulled the plug out of" is no withdrawal.
  assert.equal(one('they pulled the funding from Bakhmut', 'UA'), undefined);
});

test('a locative phrase opening the sentence is the place of a clause whose object names none', () => {
  const p = one('In Bakhmut, for example, Russia is taking control of broadcasting towers', 'US');
  assert.deepEqual(brief(p), ['control', 'geo:713174', 'RU', 'asserts']);
  assert.equal(p?.evidence.roles.place, 'fronted locative "Bakhmut"');
  assert.ok(p!.confidence < 0.9);
  // Not fronted (no comma after the phrase, or the phrase after the subject): nothing.
  assert.equal(one('Russia is taking control of broadcasting towers', 'US'), undefined);
});

test('losses told as a total of the side named before the loss noun ("the enemy\'s losses amounted to 600")', () => {
  const p = one("the enemy's losses amounted to 600 personnel over the past day", 'UA');
  assert.deepEqual([p?.kind, p?.holder, p?.polarity, p?.count, p?.rule], ['losses', 'RU', 'asserts', 600, 'claims/frame-loss-total']);
  assert.deepEqual([one('Russian casualties near Bakhmut stood at about 1,000', 'US')?.holder, one('Russian casualties near Bakhmut stood at about 1,000', 'US')?.count], ['RU', 1000]);
  // No side named: no proposition (never the speaker's own by default); no number: none.
  assert.equal(one('the losses amounted to 600 personnel', 'UA'), undefined);
  assert.equal(one('Russian losses were heavy', 'UA'), undefined);
});

test('"completed the capture of X" is a capture; a by-phrase is the agent, never the place of losses', () => {
  assert.deepEqual(brief(one('Russian forces completed the capture of Bakhmut', 'RU')), ['control', 'geo:713174', 'RU', 'asserts']);
  assert.equal(one('it shot down all 30 drones launched by Ukraine', 'RU')?.place, undefined);
  assert.deepEqual(brief(one('Ukrainian forces pushed Russian troops back several kilometres from Bakhmut', 'UA')), ['advance', 'geo:713174', 'UA', 'asserts']);
});

test('a realised or failed ability is a deed: "were able to capture X" asserts, "failed to take X" / "have not been able to take X" deny', () => {
  assert.deepEqual(brief(one('Russian forces were able to capture Bakhmut', 'US')), ['control', 'geo:713174', 'RU', 'asserts']);
  assert.deepEqual(brief(one('Russian troops had failed to capture Soledar', 'UA')), ['control', 'geo:1', 'RU', 'denies']);
  assert.deepEqual(brief(one('the Russians have not been able to take Bakhmut', 'US')), ['control', 'geo:713174', 'RU', 'denies']);
  // An ability to come or in the present stays no fact.
  assert.equal(one('Russia will be able to take Bakhmut', 'US'), undefined);
  assert.equal(one('Russian forces are able to take Bakhmut', 'US'), undefined);
});

test('a relative clause\'s antecedent is its object or passive subject ("Bakhmut, which Russian forces now occupy")', () => {
  const p = one('Russian forces shelled Soledar and Bakhmut, which Ukrainian troops still control', 'UA');
  assert.deepEqual(brief(p), ['control', 'geo:713174', 'UA', 'asserts']);
  assert.equal(p?.evidence.roles.place, 'antecedent of "which" "Bakhmut"');
  assert.deepEqual(brief(one('the attack hit Bakhmut, which was captured by Russian forces in May', 'UA')), ['control', 'geo:713174', 'RU', 'asserts']);
  assert.deepEqual(brief(one('the Russians attacked Bakhmut, which they failed to take', 'US')), ['control', 'geo:713174', 'RU', 'denies']);
  // A past perfect in the relative is superseded background: "which Russian troops had occupied".
  assert.deepEqual(props('Ukrainian forces entered Bakhmut, which Russian troops had occupied', 'UA').map(brief), [['advance', 'geo:713174', 'UA', 'asserts']]);
});

test('"Russia\'s failure to take X" denies the capture', () => {
  assert.deepEqual(brief(one("the official pointed to Russia's inability to capture Bakhmut", 'US')), ['control', 'geo:713174', 'RU', 'denies']);
  assert.deepEqual(brief(one("Russia's failure to take Bakhmut showed the limits of its army", 'US')), ['control', 'geo:713174', 'RU', 'denies']);
});

test('a side that did not leave a place holds it ("have not withdrawn from X" → control by that side, asserted)', () => {
  const p = one('Ukrainian forces have not withdrawn from Bakhmut', 'UA');
  assert.deepEqual(brief(p), ['control', 'geo:713174', 'UA', 'asserts']);
  assert.ok(p?.evidence.rules.includes('claims/negated-leaving'));
  // A denial cue keeps the denial of the leaving; a bare leaving is the other side's control.
  assert.deepEqual(brief(one('its forces had withdrawn from Bakhmut', 'UA', 'denied')), ['control', 'geo:713174', 'RU', 'denies']);
  assert.deepEqual(brief(one('Ukrainian forces withdrew from Bakhmut', 'UA')), ['control', 'geo:713174', 'RU', 'asserts']);
});

test('losses: an auxiliary-led predicate after any subject, a model designation, "another N over P", captured people are no captured place', () => {
  // "servicemen" is no plural in -s: the predicate "had been killed" is still a verb.
  assert.deepEqual([one('up to 60 Ukrainian servicemen had been killed near Bakhmut', 'RU')?.count, one('up to 60 Ukrainian servicemen had been killed near Bakhmut', 'RU')?.holder], [60, 'UA']);
  const craft = props('it had destroyed a Ukrainian Su-27 and two Mi-8 helicopters', 'RU').map((p) => [p.kind, p.holder, p.count]);
  assert.deepEqual(craft, [['losses', 'UA', 1], ['losses', 'UA', 2]]);
  const more = props('15 Ukrainian drones were destroyed over Bakhmut and another 10 over Soledar', 'RU').map((p) => [p.place, p.count]);
  assert.deepEqual(more, [['geo:713174', 15], ['geo:1', 10]]);
  // "another" with no place after it is no distributive count.
  assert.deepEqual(props('it shot down 20 drones, and another 5 were jammed', 'UA').map((p) => p.count), [20]);
  const captured = props('two Russian soldiers were captured near Bakhmut', 'UA').map(brief);
  assert.ok(!captured.some((b) => b?.[0] === 'control' || b?.[0] === 'advance'), JSON.stringify(captured));
});
