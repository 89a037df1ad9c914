import { describe, expect, it } from 'vitest';
import { smallPieces } from '../../src/store/codec.js';
import {
  deriveSealing,
  isEncrypted,
  passphraseKeyring,
  READ_PIECE,
  type SealedSource,
  seal,
  sealPieces,
  unseal,
  unsealSource,
  WrongPassphrase,
} from '../../src/store/crypto.js';

// Made once and checked independently (Python's hashlib.scrypt and cryptography's AESGCM): a file
// written by this format must stay readable by every later rel.
const KNOWN = {
  passphrase: 'correct horse',
  salt: Buffer.alloc(16, 7),
  kdf: { logN: 10, r: 8, p: 1 },
  key: 'e67d05f8e1922fb06100008e67a8a5a150455910913118aeae9dd1750c44ebc0',
  check: '5801a3b55c6a742e18454fcb6decda95',
  file: 'UkVMQ1JZUFQBAQoIAQcHBwcHBwcHBwcHBwcHBwdYAaO1XGp0LhhFT8tt7NqVafJusgyD5iNoEwhYKBegRdmPC0vw/YaIM/MJnUHgze0+0Y8Gyq1HnjrS1jIqzPM+Tj5BLt8TWsIkRtqFHg==',
  text: '{"schema":2,"people":[]}\n',
};

const ring = (passphrase: string) => passphraseKeyring(async () => passphrase);

/** A file's bytes read as files.ts reads them: into one buffer, reused (and so overwritten) by every read. */
function reusing(bytes: Buffer, asked: number[]): SealedSource {
  const buffer = Buffer.alloc(READ_PIECE);
  return {
    size: bytes.length,
    read(position, length) {
      asked.push(length);
      buffer.fill(0);
      return buffer.subarray(0, bytes.copy(buffer, 0, position, position + length));
    },
  };
}

describe('encryption format', () => {
  it('derives the known key and key check', async () => {
    const sealing = await deriveSealing(KNOWN.passphrase, KNOWN.salt, KNOWN.kdf);
    expect(sealing.key.toString('hex')).toBe(KNOWN.key);
    expect(sealing.check.toString('hex')).toBe(KNOWN.check);
  });

  it('reads the known file', async () => {
    const bytes = Buffer.from(KNOWN.file, 'base64');
    expect(isEncrypted(bytes)).toBe(true);
    expect((await unseal('known', bytes, ring(KNOWN.passphrase))).text).toBe(KNOWN.text);
  });

  it('writes a text in pieces and reads it back a piece at a time, as one file of the same format', async () => {
    const sealing = await deriveSealing(KNOWN.passphrase, KNOWN.salt, KNOWN.kdf);
    // Pieces of every size around the read's step (1 MiB), a character split across none of
    // them, and characters of two, three and four bytes cut between two of the pieces read.
    const text = 'Ana Silva — émigré 🎉 '.repeat(120_000);
    const pieces = [text.slice(0, 10), text.slice(10, 700_001), text.slice(700_001)];
    const sealed = sealPieces(pieces, sealing);
    const bytes = Buffer.concat([...sealed.pieces]);
    expect(bytes.length).toBe(Buffer.byteLength(text) + 81);
    const read = await unseal('f', bytes, ring(KNOWN.passphrase));
    expect(read.text).toBe(text);
    // The mark: the nonce (bytes 53 to 65) and the tag (the last 16).
    expect(read.mark.equals(sealed.mark())).toBe(true);
    expect(read.mark.equals(Buffer.concat([bytes.subarray(53, 65), bytes.subarray(-16)]))).toBe(true);
    // From a file read into one buffer that every read reuses, never more than READ_PIECE at once.
    const asked: number[] = [];
    const fromFile = await unsealSource('f', reusing(bytes, asked), ring(KNOWN.passphrase));
    expect(fromFile.text).toBe(text);
    expect(fromFile.mark.equals(sealed.mark())).toBe(true);
    expect(Math.max(...asked)).toBe(READ_PIECE);
    expect(asked.reduce((a, b) => a + b)).toBe(bytes.length);
    // Damaged: found so before any of its text is given.
    const damaged = Buffer.from(bytes);
    damaged[3_000_000] = damaged[3_000_000]! ^ 1;
    await expect(unsealSource('f', reusing(damaged, []), ring(KNOWN.passphrase))).rejects.toThrow(
      /damaged or was tampered with/,
    );
  });

  it('reads only the two ends of a file before the key is had, and none of it past a wrong passphrase', async () => {
    const sealing = await deriveSealing(KNOWN.passphrase, KNOWN.salt, KNOWN.kdf);
    const bytes = seal('x'.repeat(3 << 20), sealing);
    const reads: number[][] = [];
    const source = reusing(bytes, []);
    const watched = {
      size: source.size,
      read: (position: number, length: number) => {
        reads.push([position, length]);
        return source.read(position, length);
      },
    };
    await expect(unsealSource('f', watched, ring('wrong'))).rejects.toThrow(WrongPassphrase);
    expect(reads).toEqual([
      [0, 65],
      [bytes.length - 16, 16],
    ]);
  });

  it('says a file that ends before its size (cut while read) became shorter, and gives none of it', async () => {
    const sealing = await deriveSealing(KNOWN.passphrase, KNOWN.salt, KNOWN.kdf);
    const bytes = seal('y'.repeat(3 << 20), sealing);
    const full = reusing(bytes, []);
    // The body's second piece comes short, as when the file is cut in place while it is read.
    const cut = {
      size: bytes.length,
      read: (position: number, length: number) =>
        full.read(position, position > READ_PIECE ? length - 1 : length),
    };
    await expect(unsealSource('f', cut, ring(KNOWN.passphrase))).rejects.toThrow(
      /became shorter while rel read it/,
    );
  });

  it("cuts an encrypted journal's text into small pieces, never between the halves of a character", () => {
    const limit = 1 << 19;
    for (const at of [limit - 2, limit - 1, limit, limit + 1, 2 * limit - 1]) {
      // A character of two UTF-16 units (🎉) at each offset around a cut.
      const text = `${'a'.repeat(at)}🎉${'b'.repeat(limit + 3)}`;
      const pieces = [...smallPieces(['{', text, '}'])];
      expect(pieces.join('')).toBe(`{${text}}`);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(limit);
        expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
      }
    }
  });

  it('round-trips text with a new nonce on every write', async () => {
    const sealing = await deriveSealing('pw', Buffer.alloc(16, 1), KNOWN.kdf);
    const text = 'Ana Silva — émigré 🎉\n'.repeat(50);
    const [a, b] = [seal(text, sealing), seal(text, sealing)];
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('Ana'))).toBe(false);
    expect((await unseal('f', a, ring('pw'))).text).toBe(text);
    expect((await unseal('f', b, ring('pw'))).text).toBe(text);
  });

  it('tells a wrong passphrase', async () => {
    await expect(unseal('f', Buffer.from(KNOWN.file, 'base64'), ring('wrong'))).rejects.toThrow(
      /Wrong passphrase/,
    );
  });

  const known = Buffer.from(KNOWN.file, 'base64');
  it.each([
    ['the header digest', 46, /header is damaged/],
    ['the salt', 14, /header is damaged/],
    ['the key check', 30, /header is damaged/],
    ['the nonce', 54, /damaged or was tampered/],
    ['the ciphertext', 70, /damaged or was tampered/],
    ['the tag', known.length - 1, /damaged or was tampered/],
  ])('tells a flipped byte in %s from a wrong passphrase', async (_where, offset, message) => {
    const bytes = Buffer.from(known);
    bytes[offset] = bytes[offset]! ^ 0x01;
    await expect(unseal('f', bytes, ring(KNOWN.passphrase))).rejects.toThrow(message);
  });

  it('refuses a truncated file as damage', async () => {
    await expect(unseal('f', known.subarray(0, 40), ring('x'))).rejects.toThrow(/too short/);
  });

  it('derives each key once per keyring and asks for the passphrase once', async () => {
    let asked = 0;
    const keyring = passphraseKeyring(async () => {
      asked++;
      return KNOWN.passphrase;
    });
    const [a, b] = await Promise.all([
      keyring.sealingFor('f', KNOWN.salt, KNOWN.kdf),
      keyring.sealingFor('f', KNOWN.salt, KNOWN.kdf),
    ]);
    expect(a).toBe(b);
    expect(asked).toBe(1);
  });
});
