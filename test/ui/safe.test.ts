import { describe, expect, it } from 'vitest';
import { safeText } from '../../src/ui/safe.js';

describe('safeText: the rule of the one output writer', () => {
  it.each([
    ['plain text, tab and line feed pass', 'a\tb\nc', 'a\tb\nc'],
    ['CRLF passes (CSV, iCalendar)', 'a\r\nb', 'a\r\nb'],
    ['a lone CR is shown', 'safe\rEVIL', 'safe␍EVIL'],
    ['ESC and BEL are shown', '\x1b]0;t\x07', '␛]0;t␇'],
    ['NUL is shown', 'a\x00b', 'a␀b'],
    ['DEL and C1 become JSON escapes', 'a\x7fb\u009bc\u0085', 'a\\u007fb\\u009bc\\u0085'],
    ["the theme's colour codes are shown without colour", '\x1b[1mbold\x1b[22m', '␛[1mbold␛[22m'],
  ])('%s', (_, text, shown) => {
    expect(safeText(text, false)).toBe(shown);
  });

  it('every control character alone in a text is caught (the quick test before the replace misses none)', () => {
    for (let code = 0; code <= 0xa0; code++) {
      const char = String.fromCharCode(code);
      const shown = safeText(`a${char}b`, false);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters to catch
      if (/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(char)) expect(shown).not.toContain(char);
      else expect(shown).toBe(`a${char}b`);
    }
  });

  it("with colour on, only the theme's own codes pass", () => {
    expect(safeText('\x1b[36mcyan\x1b[39m \x1b[8mhidden\x1b[0m', true)).toBe(
      '\x1b[36mcyan\x1b[39m ␛[8mhidden␛[0m',
    );
  });

  it('JSON made safe still parses to exactly the same text', () => {
    const value = { text: 'a\x1b[2J\x07\x7f\u009b\u0085\r\nz', nested: ['\u009c'] };
    const safe = safeText(JSON.stringify(value, null, 2), false);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters to catch
    expect(safe).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(JSON.parse(safe)).toEqual(value);
  });
});
