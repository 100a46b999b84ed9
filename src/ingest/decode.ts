import iconv from 'iconv-lite';
import type { EncodingInfo, SourceError } from '../schema/result.js';

export type Decoded = { ok: true; text: string; encoding: EncodingInfo } | { ok: false; error: SourceError };

/** File signatures of common binary formats that sometimes land in scraped corpora. */
const MAGIC: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['gzip archive', [0x1f, 0x8b]],
  ['WebP/RIFF file', [0x52, 0x49, 0x46, 0x46]],
];

const MAX_INVALID_OFFSETS = 20;

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
}

/** Binary when it carries a known signature, or NUL / control bytes that text never has. */
function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) if (startsWith(bytes, sig)) return name;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  // An indexed loop: a typed array's iterator costs several times more per byte.
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'binary data (NUL bytes)';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n * 0.1 ? 'binary data (control bytes)' : null;
}

function countReplacementInBytes(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return n;
}

/**
 * Decode a file's bytes: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8; a file that is not
 * valid UTF-8 and has no valid multi-byte sequence at all is a legacy 8-bit file (Windows-1252);
 * otherwise invalid sequences become U+FFFD and are counted, to be reported as a finding.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: { reason: 'empty', message: 'the file is empty' } };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const info = (name: string, bom: boolean, invalid = 0, offsets: number[] = []): EncodingInfo => ({
    name,
    bom,
    invalidSequences: invalid,
    invalidOffsets: offsets,
  });
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: info('utf-16le', true) };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: info('utf-16be', true) };
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? buf.subarray(3) : buf;

  const kind = binaryKind(body);
  if (kind) return { ok: false, error: { reason: 'binary', message: `not a text document: looks like ${kind}` } };

  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  // The common case, valid UTF-8, needs no character-by-character pass.
  if (!text.includes('\ufffd')) return { ok: true, text, encoding: info('utf-8', bom) };
  const literal = countReplacementInBytes(body);
  const offsets: number[] = [];
  let replaced = 0;
  let multibyte = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) {
      replaced++;
      if (offsets.length < MAX_INVALID_OFFSETS) offsets.push(i);
    } else if (c > 0x7f) multibyte++;
  }
  const invalid = Math.max(0, replaced - literal);
  if (invalid === 0) return { ok: true, text, encoding: info('utf-8', bom) };
  if (multibyte === 0 && literal === 0) {
    return { ok: true, text: iconv.decode(body, 'windows-1252'), encoding: info('windows-1252', bom) };
  }
  return { ok: true, text, encoding: info('utf-8', bom, invalid, literal === 0 ? offsets : []) };
}
