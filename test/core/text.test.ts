import { describe, expect, it } from 'vitest';
import { article, displaySafe, normalize, slugify } from '../../src/core/text.js';

describe('text', () => {
  it.each([
    ['Ana Silva', 'ana-silva'],
    ['José Álvarez', 'jose-alvarez'],
    ["Seán O'Brien", 'sean-o-brien'],
    ['  Dr.  Kim  ', 'dr-kim'],
    ['李雷', 'person'],
    // Letters Unicode does not decompose: written as people type them without the accent.
    ['Søren Østergaard', 'soren-ostergaard'],
    ['Łukasz Wałęsa', 'lukasz-walesa'],
    ['Jürgen Weiß', 'jurgen-weiss'],
    ['Æsa Þórsdóttir', 'aesa-thorsdottir'],
  ])('slugs %s as %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('compares without case, accents, invisible characters or extra spaces', () => {
    expect(normalize('  ÁNA\u200B  Silva ')).toBe('ana silva');
    expect(normalize('SØREN')).toBe(normalize('soren'));
  });

  it('never lets control sequences reach the terminal', () => {
    const hostile = 'Eve\u001b]0;pwned\u0007\u001b[31m\u009b\u202Egnp.exe';
    const shown = displaySafe(hostile);
    const unsafe = [...shown].filter((c) => {
      const code = c.codePointAt(0)!;
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x202e;
    });
    expect(unsafe).toEqual([]);
    expect(shown).toContain('␛]0;pwned␇');
    expect(shown).toContain('<U+202E>');
    expect(displaySafe('line one\nline two')).toBe('line one line two');
    expect(displaySafe('line one\nline two', { multiline: true })).toBe('line one\nline two');
    expect(displaySafe('👩‍👩‍👧 café')).toBe('👩‍👩‍👧 café');
  });
});

describe('a or an before a kind', () => {
  it.each([
    ['1:2:1', 'a'],
    ['1:1', 'a'],
    ['coffee', 'a'],
    ['meeting', 'a'],
    ['all-hands', 'an'],
    ['All-hands', 'an'],
    ['email', 'an'],
    ['e-mail', 'an'],
    ['offsite', 'an'],
    ['interview', 'an'],
    ['one-on-one', 'a'],
    ['user interview', 'a'],
    ['hour-long call', 'an'],
    ['8-week review', 'an'],
    ['11:00', 'an'],
    ['18-month review', 'an'],
    ['80th birthday', 'an'],
    ['121', 'a'],
    ['1-2-1', 'a'],
  ])('%s takes %s', (word, expected) => {
    expect(article(word)).toBe(expected);
  });
});
