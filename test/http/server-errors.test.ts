/**
 * Requests Node's HTTP parser refuses before the app sees them still get the API's JSON error body.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { createDoc } from '../../src/core/index.js';
import { memoryDesk, startServer, type RunningServer } from '../../src/http/index.js';
import { deskDocs } from './desk-docs.js';

let server: RunningServer | undefined;

before(async () => {
  server = await startServer({ store: memoryDesk(deskDocs()), extract: async (inits) => inits.map((i) => createDoc(i)) });
});
after(async () => {
  await server?.close();
});

test('a query too long for the headers answers 431 with a JSON error', async () => {
  const response = await fetch(`${server!.url}/api/documents?q=${'a'.repeat(100_000)}`);
  assert.equal(response.status, 431);
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  const body = (await response.json()) as { error: { status: number; message: string } };
  assert.equal(body.error.status, 431);
  assert.match(body.error.message, /too large/);
});

test('a malformed request line answers 400 with a JSON error', async () => {
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(server!.port, '127.0.0.1', () => socket.write('GARBAGE\r\n\r\n'));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
  assert.match(raw, /^HTTP\/1\.1 400 /);
  assert.deepEqual(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)), { error: { status: 400, message: 'malformed HTTP request' } });
});

test('the server still answers after refusing those requests', async () => {
  const response = await fetch(`${server!.url}/api/documents`);
  assert.equal(response.status, 200);
});
