// Bytes to text for imported files. UTF-8 is the default everywhere; a legacy charset is used only
// for text that is not valid UTF-8, and then it is either the one the user named (--charset) or a
// guess (windows-1252, what Outlook and most 2.1 vCards on Western systems write) that is reported.
// iconv-lite decodes the legacy charsets: Node's TextDecoder('windows-1252') decodes as Latin-1
// here, turning 0x80-0x9F into C1 control characters instead of € “ ” – and the like.
import iconv from 'iconv-lite';

/** The guess for text that is not UTF-8 and does not say what it is. */
export const LEGACY_CHARSET = 'windows-1252';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

export function knownCharset(name: string): boolean {
  return iconv.encodingExists(name);
}

/**
 * Labels that writers put on windows-1252 text: no one means the C1 control characters that
 * ISO-8859-1 has at 0x80-0x9F, so these decode as windows-1252 (as the WHATWG Encoding standard
 * does for the same labels).
 */
const WINDOWS_1252_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii']);

/** Bytes in a named charset; ISO-8859-1 and US-ASCII labels are read as windows-1252. */
export function decodeAs(bytes: Uint8Array, charset: string): string {
  const name = WINDOWS_1252_LABELS.has(charset.trim().toLowerCase()) ? LEGACY_CHARSET : charset;
  return iconv.decode(Buffer.from(bytes), name);
}

/**
 * UTF-16 told by its byte order mark or, without one (Apple Address Book's export), by the zero
 * bytes: text that is mostly ASCII has a zero in every other byte, on the odd side in little-endian.
 */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, Math.min(bytes.length, 1024) & ~1);
  if (sample.length < 4) return undefined;
  let even = 0;
  let odd = 0;
  sample.forEach((byte, i) => {
    if (byte === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  });
  const pairs = sample.length / 2;
  if (odd >= pairs / 4 && even * 8 < odd) return 'utf-16le';
  if (even >= pairs / 4 && odd * 8 < even) return 'utf-16be';
  return undefined;
}

/**
 * The file's bytes with any byte order mark removed and UTF-16 turned into UTF-8, for readers
 * that work on bytes (vCards decode each property by its own CHARSET).
 */
export function asOctets(bytes: Uint8Array): Buffer {
  const utf16 = utf16Of(bytes);
  if (utf16) return Buffer.from(iconv.decode(Buffer.from(bytes), utf16), 'utf8');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.subarray(3));
  return Buffer.from(bytes);
}

export interface DecodedFile {
  text: string;
  /** The legacy charset the file was read in when it was not UTF-8 and none was named. */
  guessed?: string;
}

/**
 * A whole file as text (CSV, JSON): UTF-8 or UTF-16 (with or without a byte order mark), else the
 * charset named, else windows-1252 as a guess.
 */
export function decodeFile(bytes: Uint8Array, charset?: string): DecodedFile {
  const octets = asOctets(bytes);
  if (isUtf8(octets)) return { text: octets.toString('utf8') };
  if (charset) return { text: decodeAs(octets, charset) };
  return { text: decodeAs(octets, LEGACY_CHARSET), guessed: LEGACY_CHARSET };
}
