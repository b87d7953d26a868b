import { test } from 'node:test';
import assert from 'node:assert/strict';
import { context, run } from './helpers.js';

// Junk input never throws and never yields a span that is not the input slice.
test('junk input: empty, punctuation, huge words, mixed scripts, random characters', async () => {
  const ctx = await context();
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const alphabet = 'aZ É ж Ж ’\'-.,;:\n\t“”()0123456789 Mr. F-16 The said Ivan Петров al-';
  const randomText = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  const inputs = [
    '',
    '   \n\n  ',
    '.,;:!?—–…“”',
    'A'.repeat(5000),
    'Ivan-'.repeat(500),
    `${'Ivan Petrov, '.repeat(50)}said.`,
    '’s ’s ’s',
    'Mr. Mr. Mr.',
    ...Array.from({ length: 30 }, (_, i) => randomText(50 + i * 10)),
  ];
  for (const input of inputs) {
    const doc = run(input, ctx);
    assert.ok(!doc.messages.some((m) => m.rule === 'entities/crash'), `crash on ${JSON.stringify(input.slice(0, 40))}`);
    for (const e of doc.entities) for (const m of e.mentions) assert.equal(input.slice(m.start, m.end), m.text);
  }
});
