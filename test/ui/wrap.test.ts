import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { ONE_COLUMN_EACH, visibleWidth } from '../../src/ui/wrap.js';

describe('visibleWidth', () => {
  it('takes the length for exactly the characters string-width gives one column, alone and beside others', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const char = String.fromCodePoint(cp);
      if (!ONE_COLUMN_EACH.test(char)) continue;
      if (stringWidth(char) !== 1 || stringWidth(`a${char}b`) !== 3 || stringWidth(`${char}${char}`) !== 2) {
        wrong.push(`U+${cp.toString(16).padStart(4, '0')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['plain ASCII', 'Tom Fox', 7],
    ['the punctuation rel prints', '2 years ago · 3 Feb 2024 – due…', 31],
    ['accented Latin', 'Zoë Müller-Łukasz', 17],
    ['a combining accent', 'Zoe\u0308', 3],
    ['wide (CJK) characters', '山田 太郎', 9],
    ['an emoji', 'Ana 🎂', 6],
    ['an emoji made of several', 'Ana 👩‍👩‍👧', 6],
    ['a zero-width space', 'a\u200bb', 2],
    ['a soft hyphen', 'co\u00adop', 4],
    ['colour codes', '\u001b[31mred\u001b[39m · x', 7],
  ])('%s', (_, text, width) => {
    expect(visibleWidth(text)).toBe(width);
    expect(visibleWidth(text)).toBe(stringWidth(text));
  });
});
