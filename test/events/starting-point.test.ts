import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, extractText } from '../../src/pipeline.js';

const ctx = await createContext({});

test('a starting point ("since … in February 2022") never dates an event; a date of the happening does', () => {
  const since = extractText('Russian troops shelled Kupiansk, which they have held since September 2022.', { id: 'a' }, ctx);
  assert.ok(since.events.length > 0, 'the shelling is an event');
  for (const e of since.events) assert.equal(e.date, null, `${e.type} is not dated by a starting point`);
  const dated = extractText('On 3 March 2023 Russian troops shelled Kupiansk.', { id: 'b' }, ctx);
  assert.ok(dated.events.length > 0);
  assert.equal(dated.events[0].date, '2023-03-03');
});

test('a starting point never suppresses the event it does not date (its year is not history)', () => {
  // Published two years after the starting point: the sentence names only an earlier year, inside "since …".
  for (const text of [
    'Russian troops shelled Kupiansk since February 2022.',
    'Russian troops have shelled Kupiansk since the war began in February 2022.',
    'Russian troops have shelled Kupiansk since the start of the war.',
  ]) {
    const doc = extractText(text, { id: 'c', published: { value: '2024-03-01', rule: 'test' } }, ctx);
    assert.equal(doc.events.length, 1, `one event: ${text}`);
    assert.equal(doc.events[0].date, '2024-03-01', 'dated by the report (week precision), not by the starting point');
  }
  // A year of the happening itself before the report's year is still history, also when the happening is the
  // starting point ("since the attack in March 2022").
  const began = extractText('Since Russian troops shelled Kupiansk in March 2022, residents have left.', { id: 'e', published: { value: '2024-03-01', rule: 'test' } }, ctx);
  assert.equal(began.events.length, 0);
  const old = extractText('In February 2022 Russian troops shelled Kupiansk.', { id: 'd', published: { value: '2024-03-01', rule: 'test' } }, ctx);
  assert.equal(old.events.length, 0);
});
