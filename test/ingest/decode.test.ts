import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../src/ingest/index.js';

const ok = (bytes: Uint8Array) => {
  const r = decodeBytes(bytes);
  assert.ok(r.ok, `decoded: ${!r.ok ? r.reason : ''}`);
  return r as Extract<typeof r, { ok: true }>;
};

test('empty and whitespace-only files are refused as empty', () => {
  for (const b of [new Uint8Array(), Buffer.from('  \n\t\n')]) {
    const r = decodeBytes(b);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.rule, 'ingest/empty');
  }
});

test('binary files are refused with what they are', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1');
  const r1 = decodeBytes(png);
  const r2 = decodeBytes(pdf);
  assert.ok(!r1.ok && /PNG/.test(r1.reason) && r1.rule === 'ingest/binary');
  assert.ok(!r2.ok && /PDF/.test(r2.reason));
  const random = Buffer.alloc(4096);
  for (let i = 0; i < random.length; i++) random[i] = (i * 7919) % 256;
  assert.equal(decodeBytes(random).ok, false);
});

test('UTF-8 with and without BOM; the BOM is not part of the input', () => {
  assert.equal(ok(Buffer.from('\ufeffKyiv’s “news”', 'utf8')).text, 'Kyiv’s “news”');
  const r = ok(Buffer.from('Bakhmut\r\nline two', 'utf8'));
  assert.equal(r.text, 'Bakhmut\r\nline two', 'CRLF kept as read');
  assert.equal(r.encoding, 'utf-8');
});

test('UTF-16 with a BOM and without one', () => {
  const text = 'Бахмут and Bakhmut, “quoted”';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.equal(ok(le).text, text);
  assert.equal(ok(Buffer.from('Plain English text in UTF-16 without a byte order mark.', 'utf16le')).encoding, 'utf-16le');
});

test('Windows-1251 Cyrillic and Windows-1252 curly quotes are detected', () => {
  const ru = 'Министерство обороны России заявило, что российские войска полностью заняли город Бахмут в Донецкой области. Украина это отрицает.';
  const r = ok(iconv.encode(ru, 'windows-1251'));
  assert.equal(r.text, ru);
  assert.equal(r.encoding, 'windows-1251');
  assert.match(r.warning ?? '', /not valid UTF-8 \(first bad byte at offset 0\): read as windows-1251 by detection/, 'a detected encoding is said, not silent');
  const en = 'The minister said \u201cthe city is under control\u201d and added that fighting continues \u2013 officials confirmed.';
  assert.equal(ok(iconv.encode(en, 'windows-1252')).text, en);
});

test('invalid UTF-8 bytes in otherwise valid UTF-8 are replaced with a warning', () => {
  const bytes = Buffer.concat([Buffer.from('Zelensky’s office — said «yes» ', 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from(' and more text ’ here', 'utf8')]);
  const r = ok(bytes);
  assert.match(r.warning ?? '', /invalid UTF-8 \(first bad byte at offset (\d+)\)/);
  assert.equal(Number(/offset (\d+)/.exec(r.warning!)![1]), Buffer.byteLength('Zelensky’s office — said «yes» ', 'utf8'), 'the offset is the bad byte\'s');
  assert.ok(r.text.includes('\ufffd'));
});
