// rel's own width measure gives what string-width gives, for text of every kind rel may show.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/ui/width.js';

describe('textWidth', () => {
  it.each([
    ['plain ASCII', 'Tom Fox'],
    ['accented Latin', 'Zoë Müller-Łukasz'],
    ['a combining accent', 'Zoe\u0308'],
    ['wide (CJK) characters', '山田 太郎'],
    ['Hangul and kana', '김민준 · たなか'],
    ['fullwidth forms', 'ＡＢＣ１２３'],
    ['an emoji', 'Ana 🎂'],
    ['an emoji made of several', 'Ana 👩‍👩‍👧'],
    ['a flag', 'Team 🇳🇴'],
    ['a keycap and a skin tone', '1️⃣ 👍🏽'],
    ['a text-style symbol', '☺ ♥ ✓ →'],
    ['zero-width characters', 'a\u200bb\u200dc\ufeffd'],
    ['a soft hyphen', 'co\u00adop'],
    ['controls', 'a\u0007b\u009bc'],
    ['right-to-left text', 'שלום עולם'],
    ['Devanagari with vowel signs', 'नमस्ते'],
    ['Thai with marks', 'สวัสดี'],
    ['a variation selector', '✈\ufe0f ✈\ufe0e'],
    ['ambiguous-width characters', '± × ÷ ° § ¶'],
    ['an empty text', ''],
  ])('%s', (_, text) => {
    expect(textWidth(text)).toBe(stringWidth(text));
  });

  it('agrees with string-width on every code point of the Basic Multilingual Plane, alone', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (textWidth(char) !== stringWidth(char)) wrong.push(`U+${cp.toString(16).padStart(4, '0')}`);
    }
    expect(wrong).toEqual([]);
  });
});
