import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Doc, type Entity } from '../../src/core/index.js';
import { claimsStage } from '../../src/stages/claims/index.js';

const TEXT = [
  'Ukraine’s deputy defence minister Hanna Maliar said on Tuesday that defenders still controlled part of Bakhmut.',
  '“Nothing more is happening,” she wrote on Telegram.',
  'The ministry said in a statement that its troops had captured Bakhmut.',
  'Moscow declared that 70 soldiers were killed.',
  'Meanwhile Russian military bloggers claimed that Wagner had taken the city.',
].join(' ');

function mention(text: string, from = 0) {
  const start = TEXT.indexOf(text, from);
  return { start, end: start + text.length, text, rule: 'test', sentence: 0 };
}

/** A document as the earlier stages would leave it: entities, times and a publication date. */
function doc(): Doc {
  const entities: Entity[] = [
    { id: 'person:hanna-maliar', kind: 'person', name: 'Hanna Maliar', side: 'UA', mentions: [mention('Hanna Maliar')] },
    { id: 'org:russian-defence-ministry', kind: 'organization', name: 'Russian Defence Ministry', side: 'RU', mentions: [mention('Russian', TEXT.indexOf('Meanwhile') + 100)].filter((m) => m.start > 0) },
    { id: 'geo:713174', kind: 'place', name: 'Bakhmut', geonamesId: 713174, mentions: [mention('Bakhmut'), mention('Bakhmut', TEXT.indexOf('captured'))] },
  ];
  const d = createDoc({ id: 'd', input: TEXT, format: 'text', published: { value: '2023-05-25', rule: 'test' } });
  const tuesday = mention('on Tuesday');
  return { ...d, entities, times: [{ ...tuesday, value: '2023-05-23', precision: 'day', sentence: 0 }] };
}

test('claims carry speaker, side, channel, date and proposition', () => {
  const out = claimsStage.run(doc(), {});
  const [maliar, quote, ministry, moscow, bloggers] = out.claims;
  assert.equal(out.claims.length, 5, JSON.stringify(out.claims.map((c) => c.content)));
  assert.deepEqual([maliar.speaker, maliar.side, maliar.date, maliar.datePrecision], ['person:hanna-maliar', 'UA', '2023-05-23', 'day']);
  // Partial control: the defenders' side holds (asserted); the other side's full control is denied (implied).
  assert.deepEqual(maliar.proposition && [maliar.proposition.kind, maliar.proposition.place, maliar.proposition.holder, maliar.proposition.polarity], ['control', 'geo:713174', 'UA', 'asserts']);
  assert.deepEqual(maliar.propositions?.map((p) => [p.kind, p.holder, p.polarity]), [['control', 'UA', 'asserts'], ['control', 'RU', 'denies']]);
  assert.match(maliar.proposition?.evidence?.roles.holder ?? '', /defenders/);
  assert.deepEqual([quote.speaker, quote.speakerText, quote.channel, quote.date, quote.datePrecision], ['person:hanna-maliar', 'she', 'Telegram', '2023-05-25', 'week']);
  assert.equal(ministry.channel, 'statement');
  assert.deepEqual([moscow.speaker, moscow.side, moscow.proposition?.kind, moscow.proposition?.count], [null, 'RU', 'losses', 70]);
  assert.equal(bloggers.side, 'RU');
  assert.deepEqual(bloggers.proposition && [bloggers.proposition.holder, bloggers.proposition.place], ['RU', 'geo:713174']);
});

test('every span indexes the input; ids are unique', () => {
  const out = claimsStage.run(doc(), {});
  const ids = new Set(out.claims.map((c) => c.id));
  assert.equal(ids.size, out.claims.length);
  for (const c of out.claims) {
    for (const s of [c.contentSpan, c.cueSpan, c.speakerSpan]) if (s) assert.equal(TEXT.slice(s.start, s.end), s.text);
    assert.equal(c.content, c.contentSpan.text);
    assert.ok(c.start <= c.contentSpan.start && c.contentSpan.end <= c.end);
    assert.match(c.rule, /^claims\//);
  }
});

test('works on a bare document: no sentences, entities or times', () => {
  const bare = createDoc({ id: 'b', input: 'The governor said the village was liberated.', format: 'text' });
  const out = claimsStage.run(bare, {});
  assert.equal(out.claims.length, 1);
  assert.equal(out.claims[0].date, null);
  assert.equal(out.claims[0].speaker, null);
  // No place entity and no named place: a capture without a place is no proposition.
  assert.equal(out.claims[0].proposition, undefined);
});

test('no entity, no place: a proposition never references a place id that is not an entity of the document', () => {
  // The places stage found nothing: "Bakhmut" is no entity, so the capture has no place and gives no proposition.
  const input = 'The ministry said that Russian forces had captured Bakhmut. The governor said that 12 soldiers were killed.';
  const out = claimsStage.run(createDoc({ id: 'np', input, format: 'text' }), {});
  const ids = new Set(out.entities.map((e) => e.id));
  const props = out.claims.flatMap((c) => c.propositions ?? (c.proposition ? [c.proposition] : []));
  for (const p of props) if (p.place) assert.ok(ids.has(p.place), `dangling place id ${p.place}`);
  assert.deepEqual(props.map((p) => [p.kind, p.count ?? null, p.place ?? null]), [['losses', 12, null]]);
});

test('a month in a "since …" phrase is a starting point, never the date of the claim', () => {
  const run = (input: string) => {
    const at = input.indexOf('February 2022');
    const times = [{ start: at, end: at + 13, text: 'February 2022', rule: 'time/absolute', value: '2022-02-01', precision: 'month' as const, sentence: 0 }];
    return claimsStage.run({ ...createDoc({ id: 's', input, format: 'text' }), times }, {}).claims[0];
  };
  const since = run('The ministry said that 12 soldiers were killed, the most since the war began in February 2022.');
  assert.equal(since?.date, null);
  // The same month governing the statement itself dates it.
  assert.deepEqual([run('In February 2022 the ministry said that 12 soldiers were killed.')?.date, run('In February 2022 the ministry said that 12 soldiers were killed.')?.datePrecision], ['2022-02-01', 'month']);
});

test('a publication date from the context dates a claim when the document has none', () => {
  const out = claimsStage.run(createDoc({ id: 'c', input: 'Officials said the town was quiet.', format: 'text' }), { published: '2023-05-12' });
  assert.deepEqual([out.claims[0].date, out.claims[0].datePrecision], ['2023-05-12', 'week']);
});

test('a metonym with a possessive resolves to its side', () => {
  const out = claimsStage.run(createDoc({ id: 'm', input: 'Kyiv rejected Moscow’s claim that its troops had taken the village.', format: 'text' }), {});
  const c = out.claims.find((x) => x.cue === 'claim');
  assert.ok(c);
  assert.equal(c.side, 'RU');
});

test('“it” in a second clause points back at a metonym speaker of the first', () => {
  const input = 'Earlier, Wagner said it had taken the city. Even so, Kyiv has confirmed military advances on the outskirts of Bakhmut, though it has rejected claims of a major push to retake occupied territory.';
  const wagner = input.indexOf('Wagner');
  const bakhmut = input.indexOf('Bakhmut');
  const entities: Entity[] = [
    { id: 'org:wagner-group', kind: 'organization', name: 'Wagner Group', side: 'RU', mentions: [{ start: wagner, end: wagner + 6, text: 'Wagner', rule: 'test', sentence: 0 }] },
    { id: 'place:bakhmut', kind: 'place', name: 'Bakhmut', type: 'city', mentions: [{ start: bakhmut, end: bakhmut + 7, text: 'Bakhmut', rule: 'test', sentence: 1 }] },
  ];
  const out = claimsStage.run({ ...createDoc({ id: 'k', input, format: 'text' }), entities }, {});
  const c = out.claims.find((x) => x.cue === 'rejected');
  assert.ok(c, JSON.stringify(out.claims.map((x) => x.cue)));
  assert.deepEqual([c.speakerText, c.speaker, c.side], ['it', null, 'UA']);
  assert.deepEqual(c.proposition && [c.proposition.kind, c.proposition.holder, c.proposition.polarity], ['advance', 'UA', 'denies']);
});

test('a speaker holding an office over a place takes the side of its country; side words in the title win', () => {
  const input = 'Governor of Luhansk Oblast Serhiy Haidai said that Russian forces had captured Hirske. The mayor of a Russian city said nothing happened. Voronezh Oblast governor Aleksandr Gusev said a drone was shot down.';
  const at = (s: string) => input.indexOf(s);
  const place = (id: string, name: string, country: string): Entity => ({ id, kind: 'place', name, country, type: 'admin1', mentions: [{ start: at(name), end: at(name) + name.length, text: name, rule: 'test', sentence: 0 }] });
  const entities: Entity[] = [place('geo:1', 'Luhansk Oblast', 'UA'), place('geo:2', 'Voronezh Oblast', 'RU'), { ...place('geo:3', 'Hirske', 'UA'), type: 'city' }];
  const out = claimsStage.run({ ...createDoc({ id: 'o', input, format: 'text' }), entities }, {});
  assert.deepEqual(out.claims.map((c) => c.side), ['UA', 'RU', 'RU']);
  assert.match(out.claims[0].rule, /office/);
  assert.deepEqual(out.claims[0].proposition && [out.claims[0].proposition.kind, out.claims[0].proposition.place, out.claims[0].proposition.holder], ['control', 'geo:3', 'RU']);
});

test('phrases that are no source leave the speaker unresolved, and such a claim is no source', () => {
  const out = claimsStage.run(createDoc({ id: 'n', input: 'YouTube said the video was removed. Separately, officials said the town was calm.', format: 'text' }), {});
  const yt = out.claims.find((c) => c.speakerText === 'YouTube');
  assert.ok(yt, JSON.stringify(out.claims.map((c) => c.speakerText)));
  assert.equal(yt.speakerUnresolved, true);
  assert.match(yt.rule, /speaker-not-a-source/);
});

test('“the defence ministry” after a Russian ministry spoke takes that ministry’s side', () => {
  const input = 'The Russian Defence Ministry said its troops repelled an attack. Two tanks were destroyed, according to the defence ministry.';
  const out = claimsStage.run(createDoc({ id: 'm', input, format: 'text' }), {});
  const later = out.claims.find((c) => c.rule.startsWith('claims/according-to'));
  assert.ok(later, JSON.stringify(out.claims.map((c) => c.rule)));
  assert.equal(later.side, 'RU');
});

test('“the Belgian” stands for the person named before', () => {
  const input = 'Jan Peeters, a volunteer from Antwerp, said the unit held the village. The Belgian said it was quiet.';
  const at = input.indexOf('Jan Peeters');
  const entities: Entity[] = [{ id: 'person:jan-peeters', kind: 'person', name: 'Jan Peeters', mentions: [{ start: at, end: at + 11, text: 'Jan Peeters', rule: 'test', sentence: 0 }] }];
  const out = claimsStage.run({ ...createDoc({ id: 'b', input, format: 'text' }), entities }, {});
  const later = out.claims.find((c) => c.speakerText === 'The Belgian');
  assert.ok(later, JSON.stringify(out.claims.map((c) => c.speakerText)));
  assert.equal(later.speaker, 'person:jan-peeters');
  assert.match(later.rule, /speaker-demonym/);
});

test('an alias the text introduces (“X, better known as Y”, “Y (real name X)”) speaks for X', () => {
  const input = 'Alexander Khodakovsky, better known as Skif, commands the battalion. Skif said his men had taken Marinka. Givi (real name Mikhail Tolstykh) fought there. Givi said the airport was held.';
  const ent = (id: string, name: string, side: string): Entity => {
    const at = input.indexOf(name);
    return { id, kind: 'person', name, side, mentions: [{ start: at, end: at + name.length, text: name, rule: 'test', sentence: 0 }] };
  };
  const entities = [ent('person:khodakovsky', 'Alexander Khodakovsky', 'RU'), ent('person:tolstykh', 'Mikhail Tolstykh', 'RU')];
  const out = claimsStage.run({ ...createDoc({ id: 'a', input, format: 'text' }), entities }, {});
  const skif = out.claims.find((c) => c.speakerText === 'Skif');
  const givi = out.claims.find((c) => c.speakerText === 'Givi');
  assert.deepEqual([skif?.speaker, skif?.side, skif?.rule.endsWith('speaker-alias')], ['person:khodakovsky', 'RU', true]);
  assert.deepEqual([givi?.speaker, givi?.side], ['person:tolstykh', 'RU']);
});
