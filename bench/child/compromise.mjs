// Child process of bench/whole-process.ts: compromise's people, places and organisations over every document of a
// JSON Lines file (`{"id","text"}` per line), the way a user would run it. Prints how many it found.
import { readFileSync } from 'node:fs';
import nlp from 'compromise';

let found = 0;
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!line) continue;
  const doc = nlp(JSON.parse(line).text);
  found += doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
}
console.log(`found ${found}`);
