import { describe, expect, it } from 'vitest';
import { foldLine, icsText } from '../../src/core/ics.js';

describe('ics text', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b; c\\d', 'a\\, b\\; c\\\\d'],
    ['two\nlines\r\nthree', 'two\\nlines\\nthree'],
  ])('escapes %j', (text, escaped) => expect(icsText(text)).toBe(escaped));

  it('folds at 75 octets without splitting a character, and unfolds to the same line', () => {
    const line = `SUMMARY:${'é'.repeat(60)}${'x'.repeat(40)}😀`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });
});
