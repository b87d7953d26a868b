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
