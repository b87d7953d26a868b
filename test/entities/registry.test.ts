import { test } from 'node:test';
import assert from 'node:assert/strict';
import { context, ofKind, run } from './helpers.js';

test('a registry snapshot carries ids into a later run, whatever order documents come in', async () => {
  const first = await context();
  run('Ukrainian military spokesman Serhiy Bratchuk said the port was hit. The Odesa Military Administration agreed.', first, 'a');
  const snap = JSON.parse(JSON.stringify(first.entityRegistry!.snapshot()));
  assert.ok(snap.persons.some((p: { id: string }) => p.id === 'person:serhiy-bratchuk'));

  const later = await context();
  // Without the snapshot, the variant seen first would give its own id.
  later.entityRegistry!.restore(snap);
  const doc = run('Sergey Bratchuk, spokesman for the Ukrainian navy, said two drones were downed.', later, 'b');
  assert.equal(ofKind(doc, 'person')[0].id, 'person:serhiy-bratchuk');
});

test('knowledge-base records are not in the snapshot (the knowledge base is loaded anyway)', async () => {
  const ctx = await context();
  run('President Volodymyr Zelensky spoke.', ctx);
  assert.ok(!ctx.entityRegistry!.snapshot().persons.some((p) => p.kbId));
});

test('without any knowledge base, Hannah Malial / Hanna Maliar / Hana Malyar are one person across documents', async () => {
  const { EntityRegistry } = await import('../../src/stages/entities/registry.js');
  const { KbMatcher } = await import('../../src/stages/entities/rules/kb-matcher.js');
  const { defaultLexicon } = await import('../../src/stages/entities/lexicon.js');
  const empty = { entries: [] };
  const base = await context();
  const ctx = { ...base, entityKb: empty, entityRegistry: new EntityRegistry(empty, defaultLexicon()), entityMatcher: new KbMatcher(empty, defaultLexicon()) };
  const a = run('But Ukraine’s deputy defense minister, Hannah Malial, said defenders still held the area.', ctx, 'a');
  const b = run('Ukrainian Deputy Defense Minister Hanna Maliar said Friday that forces had advanced.', ctx, 'b');
  const c = run('Deputy defence minister Hana Malyar wrote on Telegram that the situation was difficult.', ctx, 'c');
  const ids = [a, b, c].map((d) => ofKind(d, 'person')[0]?.id);
  assert.equal(new Set(ids).size, 1, ids.join(', '));
  assert.equal(ofKind(c, 'person')[0].side, 'UA');
});

test('"… left X, a spokesman for the army said" makes X no person; after a preposition of place no surname from another document is read', async () => {
  const ctx = await context();
  const a = run('Ukrainian troops have left Vovchansk, a spokesman for the Ukrainian army said.', ctx, 'a');
  assert.deepEqual(ofKind(a, 'person').map((e) => e.name), []);
  // A person with a side, registered from one document ("Ostapenko, a spokesman for the Ukrainian army, said"), is no
  // reading of the same word after "in" in another.
  run('Ostapenko, a spokesman for the Ukrainian army, said the town was quiet.', ctx, 'b');
  const text = 'Fighting continued in Ostapenko. Ostapenko also said the roads were open.';
  const c = run(text, ctx, 'c');
  const persons = ofKind(c, 'person').flatMap((e) => e.mentions.map((m) => m.start));
  assert.deepEqual(persons, [text.lastIndexOf('Ostapenko')]);
});
