// readVersionedText: the text of a file as decodeUtf8 gives it, or the same refusal, or a file that
// is not text (an encrypted journal) left open to be read in pieces, with the version of the very
// file read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEncrypted } from '../../src/store/crypto.js';
import { diskFull, onCheckpoint } from '../../src/store/faults.js';
import { decodeUtf8, fileVersion, readVersionedText } from '../../src/store/files.js';
import { tempDir } from '../helpers/rel.js';

const file = (bytes: number[] | Buffer) => {
  const f = path.join(tempDir('read-text'), 'journal.json');
  fs.writeFileSync(f, Buffer.from(bytes));
  return f;
};

describe('readVersionedText', () => {
  it.each([
    { what: 'ASCII', bytes: Buffer.from('{"people":[]}') },
    { what: 'a byte-order mark, kept for the parse to drop', bytes: Buffer.from('\ufeff{"a":1}') },
    { what: 'two-, three- and four-byte characters', bytes: Buffer.from('{"n":"Zoë 李雷 🎉"}') },
    { what: 'a U+FFFD written as such', bytes: Buffer.from('{"n":"\ufffd"}') },
    { what: 'nothing', bytes: Buffer.alloc(0) },
  ])('gives the text of $what, and its version', ({ bytes }) => {
    const f = file(bytes);
    expect(readVersionedText(f, 'j.json', isEncrypted)).toEqual({
      text: decodeUtf8('j.json', bytes),
      version: fileVersion(f),
    });
  });

  it.each([
    { what: 'a two-byte start ended early', bytes: [0x13, 0x44, 0xcd, 0x3a] },
    { what: 'a continuation byte alone', bytes: [0x41, 0x80] },
    { what: 'an overlong form', bytes: [0x7b, 0xe0, 0x80, 0x80, 0x7d] },
    { what: 'a surrogate', bytes: [0x22, 0xed, 0xa0, 0x80, 0x22] },
    { what: 'a cut-short character at the end', bytes: [0x41, 0xe2, 0x82] },
  ])('refuses $what with the message decodeUtf8 gives, naming the label', ({ bytes }) => {
    const f = file(bytes);
    let expected: unknown;
    try {
      decodeUtf8('j.json', Buffer.from(bytes));
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(Error);
    expect(() => readVersionedText(f, 'j.json', isEncrypted)).toThrow((expected as Error).message);
  });

  it('gives an encrypted file open, its bytes read a piece at a time from where they are asked for', () => {
    const bytes = Buffer.concat([Buffer.from('RELCRYPT'), Buffer.from([1, 1, 0xff, 0xfe, 0x80])]);
    const f = file(bytes);
    const read = readVersionedText(f, 'j.json', isEncrypted);
    if (!read || !('opened' in read)) throw new Error('not given open');
    const { opened } = read;
    try {
      expect([read.version, opened.version, opened.size]).toEqual([fileVersion(f), fileVersion(f), 13]);
      expect(opened.read(8, 3)).toEqual(bytes.subarray(8, 11));
      expect(opened.read(0, 13)).toEqual(bytes);
      // Fewer where the file ends.
      expect(opened.read(10, 8)).toEqual(bytes.subarray(10));
    } finally {
      opened.close();
    }
  });

  it('tells a piece that cannot be read as a file that cannot be read', () => {
    const f = file(Buffer.concat([Buffer.from('RELCRYPT'), Buffer.alloc(100)]));
    const read = readVersionedText(f, 'j.json', isEncrypted);
    if (!read || !('opened' in read)) throw new Error('not given open');
    onCheckpoint((step) => {
      if (step === 'sealed-read') throw diskFull(step);
    });
    try {
      expect(() => read.opened.read(0, 65)).toThrow(`Cannot read ${f}: ENOSPC`);
    } finally {
      onCheckpoint(undefined);
      read.opened.close();
    }
  });

  it('gives undefined for a file that is not there', () => {
    expect(readVersionedText(path.join(tempDir('read-text'), 'none.json'), 'j', isEncrypted)).toBeUndefined();
  });
});
