import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/sha256.js';

const native = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('gives the published digest of %j', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  // Every length across the block and padding edges (55, 56, 63, 64, 119, 120 bytes...), in
  // characters of one to four UTF-8 bytes, lone surrogates included: node:crypto's digest of the
  // same text, as the state files were named before.
  const texts: string[] = [
    '/home/ana/.local/share/rel/journal.json',
    'C:\\Users\\Zoë\\journal.json',
    '\ud800',
    'a\udc00b',
  ];
  const alphabet = ['a', 'é', '€', '🎉', '/', '\u0000', '\ud83d'];
  for (let n = 0; n <= 200; n++) {
    texts.push(Array.from({ length: n }, (_, i) => alphabet[(i * 5 + n) % alphabet.length]).join(''));
    texts.push('x'.repeat(n));
  }
  it('equals node:crypto for every length up to 200 characters', () => {
    const wrong = texts.filter((text) => sha256Hex(text) !== native(text));
    expect(wrong).toEqual([]);
  });

  it('equals node:crypto for a text of several blocks', () => {
    const long = 'the journal '.repeat(10_000);
    expect(sha256Hex(long)).toBe(native(long));
  });
});
