import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../src/core/index.js';
import { contextState, createContext, restoreContextState, runPipeline } from '../../src/pipeline.js';
import { openStore } from '../../src/store/index.js';

const a = 'Ukrainian army spokesman Serhiy Bondarenko said on Monday that the unit held its positions near the river.';
const b = 'Sergei Bondarenko, a Ukrainian army spokesman, said on Tuesday that shelling had continued overnight.';

function personId(text: string, ctx: Awaited<ReturnType<typeof createContext>>): string | undefined {
  const doc = runPipeline(createDoc({ id: text.slice(0, 10), input: text, format: 'text' }), ctx);
  return doc.entities.find((e) => e.kind === 'person' && /Bondarenko/.test(e.name))?.id;
}

test('entity ids stay the same across runs: the registry a run learnt is kept in the store', async () => {
  const store = await openStore({ dir: 'memory://' });
  try {
    const first = await createContext({});
    const idA = personId(a, first);
    assert.ok(idA, 'the person is found');
    assert.equal(personId(b, first), idA, 'spelling variants are one person within a run');
    await store.setRunState('context', contextState(first));

    // A later run that meets the other spelling first.
    const fresh = await createContext({});
    const unrestored = personId(b, fresh);
    const later = await createContext({});
    restoreContextState(later, await store.getRunState('context'));
    assert.equal(personId(b, later), idA);
    assert.notEqual(unrestored, idA, 'without the saved registry the id would depend on the spelling seen first');
  } finally {
    await store.close();
  }
});
