/**
 * Decoding bytes into text: BOMs, UTF-16 without BOM, strict UTF-8, then legacy single-byte encodings
 * (Windows-1251/1252, KOI8-R, ISO-8859-x) by detection. Binary and empty inputs are refused with a reason.
 * The decoded string (without a BOM) is the input "as read" that every offset indexes.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** The result of decoding: text with its encoding, or a refusal with a reason. */
export type Decoded =
  | { ok: true; text: string; encoding: string; warning?: string }
  | { ok: false; reason: string; rule: string };

const MAGIC: ReadonlyArray<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable (ELF)'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF media file'],
  [[0x00, 0x00, 0x00], 'a binary file'],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Share of NUL bytes at even and odd positions in the first 4 KiB: UTF-16 text has them on one side only. */
function nulProfile(bytes: Uint8Array): { even: number; odd: number; total: number } {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 ? odd++ : even++);
  return { even: even / Math.max(1, n / 2), odd: odd / Math.max(1, n / 2), total: (even + odd) / Math.max(1, n) };
}

const SINGLE_BYTE = new Set(['windows-1251', 'windows-1252', 'windows-1250', 'koi8-r', 'iso-8859-1', 'iso-8859-2', 'iso-8859-5', 'iso-8859-15', 'windows-1253', 'windows-1254']);

/** Decodes `bytes`, or says why it cannot be read as text. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file: nothing to read', rule: 'ingest/empty' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return finish(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  const nul = nulProfile(bytes);
  if (nul.odd > 0.3 && nul.even < 0.05) return finish(new TextDecoder('utf-16le').decode(bytes), 'utf-16le');
  if (nul.even > 0.3 && nul.odd < 0.05) return finish(new TextDecoder('utf-16be').decode(bytes), 'utf-16be');
  for (const [sig, what] of MAGIC) {
    if (startsWith(bytes, sig)) return { ok: false, reason: `binary file (${what}), not text: skipped`, rule: 'ingest/binary' };
  }
  if (nul.total > 0.01) return { ok: false, reason: 'binary file (contains NUL bytes), not text: skipped', rule: 'ingest/binary' };
  try {
    return finish(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch {
    // Not valid UTF-8: either a legacy single-byte encoding or UTF-8 with a few broken bytes.
  }
  const lossy = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let multibyte = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f) multibyte++;
  }
  const at = firstInvalidUtf8(bytes);
  if (multibyte > replaced * 4 && (replaced <= 2 || replaced / lossy.length < 0.01)) {
    return finish(lossy, 'utf-8', `invalid UTF-8 (first bad byte at offset ${at}): ${replaced} byte sequence(s) replaced with U+FFFD`);
  }
  const guess = (chardet.detect(bytes) ?? '').toLowerCase();
  const encoding = SINGLE_BYTE.has(guess) ? guess : 'windows-1252';
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  // Said either way: a guessed encoding can be wrong, and the analyst should know the text was not UTF-8.
  return finish(text, encoding, SINGLE_BYTE.has(guess)
    ? `not valid UTF-8 (first bad byte at offset ${at}): read as ${encoding} by detection`
    : `not valid UTF-8 (first bad byte at offset ${at}) and no encoding recognised: read as windows-1252`);
}

/** Byte offset of the first byte that does not start or continue a well-formed UTF-8 sequence (-1 when none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= bytes.length + (n ? 0 : 1)) return i;
    for (let k = 1; k <= n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

function finish(text: string, encoding: string, warning?: string): Decoded {
  if (!text.trim()) return { ok: false, reason: 'empty file: only whitespace', rule: 'ingest/empty' };
  // Control characters other than whitespace in quantity mean a binary format we did not recognise.
  let control = 0;
  const n = Math.min(text.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control / n > 0.05) return { ok: false, reason: 'binary file (control characters), not text: skipped', rule: 'ingest/binary' };
  return warning ? { ok: true, text, encoding, warning } : { ok: true, text, encoding };
}
