// The offset rel names in a file that is not UTF-8 is that of the first byte of the first broken
// character, counting from 0: where a hex editor shows it.
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/store/files.js';

describe('firstInvalidUtf8', () => {
  it.each([
    { bytes: [0x13, 0x44, 0xcd, 0x3a], at: 2 }, // a two-byte start ended early by ':'
    { bytes: [0x41, 0xe2, 0x82, 0x41], at: 1 }, // a three-byte start ended early at its third
    { bytes: [0x41, 0x80], at: 1 }, // a continuation byte with no start
    { bytes: [0xff], at: 0 },
    { bytes: [0x41, 0xc3], at: 1 }, // cut short by the end of the file
    { bytes: [0xe0, 0x80, 0x80], at: 0 }, // an overlong form
    { bytes: [0xc3, 0xa9, 0x41], at: 3 }, // valid: the length
  ])('$bytes: $at', ({ bytes, at }) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });

  it('the message names that byte', () => {
    expect(() => decodeUtf8('j.json', Buffer.from([0x13, 0x44, 0xcd, 0x3a]))).toThrow(
      'j.json is not valid UTF-8: byte 2 (0xcd, counting from 0) begins no character',
    );
  });
});
