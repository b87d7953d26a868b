import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binDates, unitFor } from '../../src/web/timeline-bins.js';

test('the bin follows the range: days, weeks, months, years', () => {
  assert.equal(unitFor(10), 'day');
  assert.equal(unitFor(200), 'week');
  assert.equal(unitFor(1000), 'month');
  assert.equal(unitFor(5000), 'year');
  const days = binDates(['2023-05-12', '2023-05-12', '2023-05-25']);
  assert.equal(days.unit, 'day');
  assert.equal(days.bins.length, 14, 'contiguous, empty days included');
  assert.deepEqual(days.bins.filter((b) => b.count).map((b) => [b.from, b.count]), [['2023-05-12', 2], ['2023-05-25', 1]]);
});

test('a date far outside the bulk goes to an earlier bin instead of stretching the axis', () => {
  const dates = [...Array.from({ length: 72 }, (_, i) => `${2022 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}-15`), '1914-06-28'];
  const { unit, bins } = binDates(dates);
  assert.equal(unit, 'month');
  assert.equal(bins[0].kind, 'earlier');
  assert.equal(bins[0].count, 1);
  assert.equal(bins[0].from, '1914-06-28');
  assert.equal(bins.filter((b) => b.kind === 'range').length, 24);
  assert.equal(bins.reduce((a, b) => a + b.count, 0), 73, 'every date counted once');
});

test('weeks start on Monday and every date falls in the bin that spans it', () => {
  const dates = ['2023-01-01', '2023-03-15', '2023-06-30'];
  const { unit, bins } = binDates(dates);
  assert.equal(unit, 'week');
  for (const d of dates) assert.equal(bins.filter((b) => b.from <= d && d <= b.to).length, 1, d);
  assert.equal(new Date(bins[0].from).getUTCDay(), 1);
});
