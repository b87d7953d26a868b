import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeExpressions } from '../../src/stages/time/index.js';
import { findDateline } from '../../src/stages/time/rules/dateline.js';
import { resolveWeekday } from '../../src/stages/time/rules/resolve-weekday.js';

const values = (text: string, ref?: string) => timeExpressions(text, ref).map((t) => [text.slice(t.start, t.end), t.value]);

test('datelines in several forms', () => {
  assert.equal(findDateline(' date 2023-05-25 Russia’s Wagner Group')?.value, '2023-05-25');
  assert.equal(findDateline('Headline\n\nMay 12, 2023\n\nText')?.value, '2023-05-12');
  assert.equal(findDateline('Kyiv, 12.05.2023 — text')?.value, '2023-05-12');
  assert.equal(findDateline('Posted 3 June 2024 by staff')?.value, '2024-06-03');
  assert.equal(findDateline('Published 31.02.2023'), undefined, 'impossible dates are no dates');
  assert.equal(findDateline('x'.repeat(500) + ' May 12, 2023'), undefined, 'only the head of the text is a dateline');
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

test('without a publication date relative expressions stay unresolved, absolute ones resolve', () => {
  const r = timeExpressions('On Wednesday, and on May 12, 2023, and next July.', undefined);
  assert.deepEqual(r.map((t) => t.value), [null, '2023-05-12', null]);
  assert.ok(r[0].unresolved);
});

test('not time expressions: bare number ranges, "now", abbreviations that are words, durations', () => {
  assert.deepEqual(values('They advanced 200 to 400 meters.', '2023-05-12'), []);
  assert.deepEqual(values('We are Russians like you now.', '2023-05-12'), []);
  assert.deepEqual(values('Sat down with officials.', '2023-05-12'), []);
  assert.deepEqual(values('This has been going on for several months.', '2023-05-12'), []);
});

test('precision follows the expression', () => {
  const r = timeExpressions('Earlier this week and in early May 2023 and on 3 March.', '2023-05-12');
  assert.deepEqual(r.map((t) => t.precision), ['week', 'month', 'day']);
});
