import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeExpressions, type TimeState } from '../../src/stages/time/index.js';
import { isoMonday, shiftDate } from '../../src/stages/time/rules/calendar.js';
import { findDateline } from '../../src/stages/time/rules/dateline.js';
import { resolveWeekday } from '../../src/stages/time/rules/resolve-weekday.js';
import { createContext, extractText } from '../../src/pipeline.js';

const values = (text: string, ref?: string) => timeExpressions(text, ref).map((t) => [text.slice(t.start, t.end), t.value]);

test('datelines in several forms', () => {
  assert.equal(findDateline(' date 2023-05-25 Russia’s Wagner Group')?.value, '2023-05-25');
  assert.equal(findDateline('Headline\n\nMay 12, 2023\n\nText')?.value, '2023-05-12');
  assert.equal(findDateline('Kyiv, 12.05.2023 — text')?.value, '2023-05-12');
  assert.equal(findDateline('Posted 3 June 2024 by staff')?.value, '2024-06-03');
  assert.equal(findDateline('Published 31.02.2023'), undefined, 'impossible dates are no dates');
  assert.equal(findDateline('x'.repeat(500) + ' May 12, 2023'), undefined, 'only the head of the text is a dateline');
  assert.equal(findDateline('Published on 12 May 2023. Text')?.value, '2023-05-12');
  assert.equal(findDateline('On 24 February 2022, the invasion began.'), undefined, 'a date in a sentence is no dateline');
  assert.equal(findDateline('Fighting since March 3, 2022 has left the city in ruins.'), undefined);
  assert.equal(findDateline('On 24 February 2022, the invasion began. Kyiv, 12.05.2023 — text')?.value, '2023-05-12');
});

test('news weekdays point back unless the words before them look forward', () => {
  assert.equal(resolveWeekday('2023-05-12', 3, 'past'), '2023-05-10');
  assert.equal(resolveWeekday('2023-05-12', 5, 'past'), '2023-05-12');
  assert.equal(resolveWeekday('2023-05-12', 4, 'future'), '2023-05-18');
  assert.equal(resolveWeekday('2023-05-12', 5, 'next-week'), '2023-05-19');
  assert.equal(resolveWeekday('2023-05-12', 5, 'last-week'), '2023-05-05');
  assert.deepEqual(values('On Wednesday reports emerged.', '2023-05-12'), [['On Wednesday', '2023-05-10']]);
  assert.deepEqual(values('Overnight Thursday, the ministry said.', '2023-05-12'), [['Overnight Thursday', '2023-05-11']]);
  assert.deepEqual(values('He said they would withdraw starting this Thursday.', '2023-05-21'), [['this Thursday', '2023-05-25']]);
});

test('calendar arithmetic: shifts keep month ends, weeks start on ISO Monday', () => {
  assert.equal(shiftDate('2023-01-31', 'month', 1), '2023-02-28');
  assert.equal(shiftDate('2024-03-01', 'day', -1), '2024-02-29');
  assert.equal(shiftDate('2023-05-12', 'year', -1), '2022-05-12');
  assert.equal(isoMonday('2023-05-14'), '2023-05-08', 'a Sunday belongs to the week that began on Monday');
  assert.equal(isoMonday('2023-05-08'), '2023-05-08');
});

/**
 * Relative forms in news sentences: [sentence, expression as found, value against publication 2023-05-12
 * (a Friday), value when the only reference is "On 24 February 2022" (a Thursday) earlier in the text].
 */
const RELATIVE: ReadonlyArray<readonly [string, string, string, string]> = [
  ['The town fell the day before, officials said.', 'the day before', '2023-05-11', '2022-02-23'],
  ['Two days later, troops withdrew from the village.', 'Two days later', '2023-05-14', '2022-02-26'],
  ['On Tuesday the ministry said its forces had repelled an attack.', 'On Tuesday', '2023-05-09', '2022-02-22'],
  ['Yesterday shelling resumed in the east.', 'Yesterday', '2023-05-11', '2022-02-23'],
  ['Last week the army advanced near the river.', 'Last week', '2023-05-01', '2022-02-14'],
  ['Overnight Thursday, drones struck an oil depot.', 'Overnight Thursday', '2023-05-11', '2022-02-24'],
  ['Earlier Monday, officials reported casualties.', 'Earlier Monday', '2023-05-08', '2022-02-21'],
  ['This week fighting intensified around the city.', 'This week', '2023-05-08', '2022-02-21'],
  ['In March the offensive began.', 'March', '2023-03-01', '2022-03-01'],
  ['The next day they returned to the town.', 'The next day', '2023-05-13', '2022-02-25'],
  ['The following day the governor confirmed the strike.', 'The following day', '2023-05-13', '2022-02-25'],
  ['A day later, the mayor said the bridge had been destroyed.', 'A day later', '2023-05-13', '2022-02-25'],
  ['Last month the front barely moved.', 'Last month', '2023-04-01', '2022-01-01'],
  ['Three weeks ago, the brigade was withdrawn.', 'Three weeks ago', '2023-04-21', '2022-02-03'],
  ['Earlier this month, the governor ordered an evacuation.', 'this month', '2023-05-01', '2022-02-01'],
  ['On March 3 the bridge was blown up.', 'On March 3', '2023-03-03', '2022-03-03'],
  ['Tonight air-raid sirens sounded across the region.', 'Tonight', '2023-05-12', '2022-02-24'],
  ['Last night drones attacked the port.', 'Last night', '2023-05-11', '2022-02-23'],
  ['Two years ago the village was still under occupation.', 'Two years ago', '2021-01-01', '2020-01-01'],
  ['A week earlier, the commander had been dismissed.', 'A week earlier', '2023-05-05', '2022-02-17'],
  ['The previous day, artillery hit a school.', 'The previous day', '2023-05-11', '2022-02-23'],
  ['The day after, rescuers were still searching the rubble.', 'The day after', '2023-05-13', '2022-02-25'],
  ['Next week the talks will resume.', 'Next week', '2023-05-15', '2022-02-28'],
  ['Last Friday a missile hit the train station.', 'Last Friday', '2023-05-05', '2022-02-18'],
  ['Earlier in the week the militia claimed the hill.', 'Earlier in the week', '2023-05-08', '2022-02-21'],
  ['On Sunday the governor said two people were killed.', 'On Sunday', '2023-05-07', '2022-02-20'],
  ['The attack came on Wednesday night.', 'on Wednesday night', '2023-05-10', '2022-02-23'],
  ['Three days later the city was encircled.', 'Three days later', '2023-05-15', '2022-02-27'],
  ['A week later, the defenders surrendered.', 'A week later', '2023-05-19', '2022-03-03'],
  ['The same day, a convoy was ambushed.', 'The same day', '2023-05-12', '2022-02-24'],
  ['The previous week, the regiment had lost two tanks.', 'The previous week', '2023-05-01', '2022-02-14'],
  ['Five days ago the power plant was shelled.', 'Five days ago', '2023-05-07', '2022-02-19'],
  ['Last year the bridge was rebuilt.', 'Last year', '2022-01-01', '2021-01-01'],
  ['On Saturday morning, explosions were heard.', 'On Saturday morning', '2023-05-06', '2022-02-19'],
  ['The night before, sirens had sounded.', 'The night before', '2023-05-11', '2022-02-23'],
  ['Earlier this year, the region was retaken.', 'this year', '2023-01-01', '2022-01-01'],
  ['In April the army regrouped.', 'April', '2023-04-01', '2022-04-01'],
  ['The next morning, the town was quiet.', 'The next morning', '2023-05-13', '2022-02-25'],
  ['Four weeks later the counteroffensive stalled.', 'Four weeks later', '2023-06-09', '2022-03-24'],
  ['A month later, the city fell.', 'A month later', '2023-06-01', '2022-03-01'],
  ['The day before yesterday, a drone hit a depot.', 'The day before yesterday', '2023-05-10', '2022-02-22'],
  ['This month the shelling has eased.', 'This month', '2023-05-01', '2022-02-01'],
  ['Six months ago the front line ran along the river.', 'Six months ago', '2022-11-01', '2021-08-01'],
  ['Last Tuesday the governor resigned.', 'Last Tuesday', '2023-05-09', '2022-02-22'],
  ['Since Monday the town has been without power.', 'Since Monday', '2023-05-08', '2022-02-21'],
  ['Two weeks earlier, the division had crossed the river.', 'Two weeks earlier', '2023-04-28', '2022-02-10'],
  ['The following week, reinforcements arrived.', 'The following week', '2023-05-15', '2022-02-28'],
  ['On 5 May the convoy was hit.', 'On 5 May', '2023-05-05', '2022-05-05'],
  ['Late on Friday, the separatists said they had taken the station.', 'on Friday', '2023-05-12', '2022-02-18'],
  ['By Thursday evening the column had reached the outskirts.', 'By Thursday evening', '2023-05-11', '2022-02-24'],
];

test('an undated document: no relative form gets a date', () => {
  assert.ok(RELATIVE.length >= 40);
  for (const [sentence, expression] of RELATIVE) {
    const found = timeExpressions(sentence, undefined);
    assert.deepEqual(found.map((t) => sentence.slice(t.start, t.end)), [expression], sentence);
    assert.equal(found[0].value, null, `${sentence}: no date without a reference`);
    assert.ok(found[0].unresolved, `${sentence}: says why it is unresolved`);
  }
});

test('an undated document read sentence after sentence: still no date', () => {
  const state: TimeState = {};
  for (const [sentence] of RELATIVE) {
    for (const t of timeExpressions(sentence, undefined, state)) assert.equal(t.value, null, sentence);
  }
  assert.deepEqual(state, {});
});

test('the same forms against a publication date', () => {
  for (const [sentence, expression, published] of RELATIVE) {
    const found = timeExpressions(sentence, '2023-05-12');
    assert.deepEqual(found.map((t) => [sentence.slice(t.start, t.end), t.value]), [[expression, published]], sentence);
    assert.match(found[0].rule, /^time\/published/, sentence);
  }
});

test('the same forms after an absolute date in an undated text count from it', () => {
  for (const [sentence, expression, , anchored] of RELATIVE) {
    const state: TimeState = {};
    const first = timeExpressions('On 24 February 2022, Russian forces crossed the border.', undefined, state);
    assert.deepEqual(first.map((t) => [t.value, t.rule]), [['2022-02-24', 'time/absolute']]);
    const found = timeExpressions(sentence, undefined, state);
    assert.deepEqual(found.map((t) => [sentence.slice(t.start, t.end), t.value]), [[expression, anchored]], sentence);
    assert.match(found[0].rule, /^time\/anchored-(absolute|previous)/, sentence);
  }
});

test('absolute dates resolve without a reference; a month and day without a year do not', () => {
  const r = timeExpressions('On Wednesday, and on May 12, 2023, and next July.', undefined);
  assert.deepEqual(r.map((t) => [t.value, t.rule]), [
    [null, 'time/weekday'],
    ['2023-05-12', 'time/absolute'],
    ['2023-07-01', 'time/anchored-absolute'],
  ]);
  assert.ok(r[0].unresolved);
  assert.deepEqual(values('On 24 February 2022 Russia invaded.'), [['On 24 February 2022', '2022-02-24']]);
  assert.deepEqual(values('The deal was signed on March 3, 2023.'), [['on March 3, 2023', '2023-03-03']]);
  assert.deepEqual(values('The strike came on the morning of 3 March 2023.'), [['morning of 3 March 2023', '2023-03-03']]);
  assert.deepEqual(values('Fighting flared in March 2022.'), [['March 2022', '2022-03-01']]);
  assert.deepEqual(values('The bridge was hit on 3 March.'), [['on 3 March', null]]);
  assert.deepEqual(values('Shelling began at 5 a.m.', '2023-05-12'), [['at 5 a.m', null]], 'a clock time names no day');
});

test('"the next day" counts from the last dated sentence, not from the publication date', () => {
  const state: TimeState = {};
  const doc = [
    'On Tuesday, Russian forces shelled the bridge.',
    'Just the next day, the army said it had retaken the village.',
    'The following day, the governor confirmed it.',
    'A day later, the mayor returned.',
    'Yesterday, officials counted the damage.',
  ].map((s) => timeExpressions(s, '2023-05-12', state).map((t) => [s.slice(t.start, t.end), t.value, t.rule]));
  assert.deepEqual(doc, [
    [['On Tuesday', '2023-05-09', 'time/published-weekday']],
    [['the next day', '2023-05-10', 'time/anchored-previous']],
    [['The following day', '2023-05-11', 'time/anchored-previous']],
    [['A day later', '2023-05-12', 'time/anchored-previous']],
    [['Yesterday', '2023-05-11', 'time/published']],
  ]);
  // In one sentence too; and only a date with a day anchors ("in March 2022" does not fix "the next day").
  assert.deepEqual(values('On 3 March 2023 they attacked, and two days later they withdrew.'), [['On 3 March 2023', '2023-03-03'], ['two days later', '2023-03-05']]);
  assert.deepEqual(values('In March 2022 they attacked, and the next day they withdrew.'), [['March 2022', '2022-03-01'], ['the next day', null]]);
});

test('calendar weeks are dated by their ISO Monday, with week precision', () => {
  for (const [text, value] of [['This week fighting intensified.', '2023-05-08'], ['Fighting intensified earlier this week.', '2023-05-08'], ['Last week the army advanced.', '2023-05-01'], ['Talks resume next week.', '2023-05-15']] as const) {
    const [t] = timeExpressions(text, '2023-05-14');
    assert.deepEqual([t.value, t.precision], [value, 'week'], text);
  }
});

test('not time expressions: bare number ranges, "now", abbreviations that are words, durations', () => {
  assert.deepEqual(values('They advanced 200 to 400 meters.', '2023-05-12'), []);
  assert.deepEqual(values('We are Russians like you now.', '2023-05-12'), []);
  assert.deepEqual(values('Sat down with officials.', '2023-05-12'), []);
  assert.deepEqual(values('The town was under 24/7 shelling.', '2023-05-12'), []);
  assert.deepEqual(values('This has been going on for several months.', '2023-05-12'), []);
});

test('precision follows the expression', () => {
  const r = timeExpressions('Earlier this week and in early May 2023 and on 3 March.', '2023-05-12');
  assert.deepEqual(r.map((t) => t.precision), ['week', 'month', 'day']);
});

test('through the whole pipeline, an undated war report gives no claim and no event a date', async () => {
  const text = [
    'Russian forces shelled the town of Kupiansk overnight Thursday, the regional governor said.',
    'The day before, two civilians were killed when a missile struck a school in Kharkiv, according to local officials.',
    'Two days later, Ukraine’s general staff said its troops had repelled attacks near Bakhmut.',
    'On Tuesday the Russian defence ministry claimed its forces had captured the village of Dubovoe.',
    'Yesterday a drone hit an oil depot in Belgorod, the governor said, and last week artillery destroyed a bridge near Izium.',
    'Earlier Monday, the mayor of Kherson said three people were wounded in shelling.',
  ].join(' ');
  const ctx = await createContext();
  const doc = extractText(text, { id: 'undated' }, ctx);
  assert.equal(doc.published, undefined);
  assert.ok(doc.times.length >= 6, 'the relative expressions are found');
  assert.deepEqual(doc.times.filter((t) => t.value !== null).map((t) => t.text), []);
  assert.ok(doc.claims.length >= 3, 'the report has claims');
  assert.ok(doc.events.length >= 2, 'the report has events');
  assert.deepEqual(doc.claims.filter((c) => c.date).map((c) => [c.content, c.date]), []);
  assert.deepEqual(doc.events.filter((e) => e.date).map((e) => [e.type, e.date]), []);
  // The same text with one absolute date before it: everything after it is dated from it, by a named rule.
  const fixed = extractText(`On 24 February 2022, the invasion began. ${text}`, { id: 'anchored' }, ctx);
  assert.ok(fixed.times.length > 1 && fixed.times.every((t) => t.value !== null));
  assert.ok(fixed.times.slice(1).every((t) => /^time\/anchored-/.test(t.rule)), 'anchored expressions record the rule');
});
