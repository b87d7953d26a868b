/**
 * Child process for crash.test.ts: stores two documents, then starts a third and stops inside its transaction
 * (after the document row, its sources and entities were written), says HALFWAY on stdout and waits to be killed.
 * Usage: node --import tsx test/store/crash-child.ts <pglite-dir | postgres-url> [schema]
 */
import { openPglite, openPostgres, Store, type Db } from '../../src/store/index.js';
import { ARTICLE, ARTICLE_2, textDoc, withPeople } from './sample-article.js';

const [target, schema] = process.argv.slice(2);
const db = target.startsWith('postgres') ? await openPostgres(target, { schema }) : await openPglite(target);
const store = new Store(db);
await store.migrate();
const people = [{ id: 'person:hanna-maliar', name: 'Hanna Maliar', forms: ['Hanna Maliar', 'Maliar'] }];
await store.ingestDocuments([withPeople(textDoc('a', ARTICLE), people), textDoc('b', ARTICLE_2)]);
process.stdout.write('STORED\n');

const hanging: Db = {
  ...db,
  transaction: (fn) =>
    db.transaction((tx) =>
      fn({
        exec: tx.exec,
        query: async (sql, params) => {
          if (sql.includes('INSERT INTO mentions')) {
            process.stdout.write('HALFWAY\n');
            await new Promise(() => {});
          }
          return tx.query(sql, params);
        },
      }),
    ),
};
// Keeps the process alive while it hangs inside the transaction.
setInterval(() => {}, 1000);
const third = `${ARTICLE_2}\nHanna Maliar later said more. ${ARTICLE.slice(0, 400)}`;
await new Store(hanging).ingestDocuments([withPeople(textDoc('c', third), people)]);
