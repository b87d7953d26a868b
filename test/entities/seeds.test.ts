import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { context, ofKind, run } from './helpers.js';
import { SEEDS as seeds } from '../../scripts/shared-dir.js';

// The seed articles and their gold (scripts/shared-dir.ts finds shared/); the same check as `npm run eval -- people`.
const goldPath = join(seeds, 'gold.json');

test('seed articles: every gold person in one entity with all forms and the right side, no false persons, one id across documents', async () => {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as {
    docs: Record<string, { persons: { name: string; side: string; forms: string[] }[] }>;
  };
  const ctx = await context();
  const idsByGold = new Map<string, Set<string>>();
  for (const [file, g] of Object.entries(gold.docs)) {
    const doc = run(readFileSync(join(seeds, file), 'utf8'), ctx, file);
    const persons = ofKind(doc, 'person');
    const used = new Set<string>();
    for (const gp of g.persons) {
      const owners = new Set(gp.forms.map((f) => persons.find((p) => p.mentions.some((m) => m.text === f))?.id));
      assert.equal(owners.size, 1, `${file}: ${gp.name} forms in ${[...owners].join(', ')}`);
      const id = [...owners][0];
      assert.ok(id, `${file}: ${gp.name} not found`);
      assert.equal(persons.find((p) => p.id === id)?.side, gp.side, `${file}: side of ${gp.name}`);
      used.add(id);
      const set = idsByGold.get(gp.name) ?? new Set();
      set.add(id);
      idsByGold.set(gp.name, set);
    }
    assert.deepEqual(persons.filter((p) => !used.has(p.id)).map((p) => p.name), [], `${file}: false persons`);
  }
  for (const [name, ids] of idsByGold) assert.equal(ids.size, 1, `${name} has ids ${[...ids].join(', ')}`);
});
