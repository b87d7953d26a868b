/**
 * A demonym used as a plural noun names people acting ("the Russians are making progress"), not where: it gives no
 * country context, so a Ukrainian town is not read as the Russian town that once carried its name. Invented sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, extractText } from '../../src/pipeline.js';

const ctx = await createContext();

test('"the Russians" gives no Russian context to the town they advance on', () => {
  const doc = extractText('The Russians are making slow progress toward Pokrovsk.', {}, ctx);
  const p = doc.entities.find((e) => e.kind === 'place');
  assert.equal(p?.country, 'UA', `${p?.name} ${p?.country}`);
});

test('a demonym before a noun of the war’s actions ("Russian advances", "Russian losses") names who acts, not where', () => {
  const doc = extractText('Asked about the Russian advances and the Russian losses, he said the fighting around Pokrovsk was heavy.', {}, ctx);
  const p = doc.entities.find((e) => e.kind === 'place');
  assert.equal(p?.country, 'UA', `${p?.name} ${p?.country}`);
});

test('a name in the place slot of a war predicate prefers the town inside the theatre (data/theatre.json) over namesakes outside it', () => {
  for (const text of ['Russia says its forces are advancing in the direction of Pokrovsk.', 'Russia says its forces have captured Pokrovsk.']) {
    const p = extractText(text, {}, ctx).entities.find((e) => e.kind === 'place' && e.name !== 'Russia');
    assert.equal(p?.country, 'UA', `${text}: ${p?.name} ${p?.country}`);
  }
});
