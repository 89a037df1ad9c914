import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../src/core/seeded.js';
import {
  fitLines,
  glueDates,
  ONE_COLUMN_EACH,
  visibleWidth,
  widestWord,
  wrapText,
} from '../../src/ui/wrap.js';

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

/**
 * Wrapping word by word, as wrapText did for every text before it wrapped one-column text a line
 * at a time: the oracle for that line-at-a-time wrap (dates aside, which glue a date's words first).
 */
function wrapWordByWord(text: string, width: number, firstRoom: number): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let limit = Math.max(1, firstRoom);
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
    used = 0;
    limit = room;
  };
  for (const word of text.split(' ')) {
    const w = visibleWidth(word);
    const gap = line === '' && used === 0 ? 0 : 1;
    if (used + gap + w <= limit) {
      line += (gap ? ' ' : '') + word;
      used += gap + w;
      continue;
    }
    if (used > 0) push();
    if (w <= limit) {
      line = word;
      used = w;
      continue;
    }
    const pieces: string[] = [];
    let piece = '';
    for (const char of word) {
      if (piece.length + 1 > (pieces.length ? room : limit) && piece.length > 0) {
        pieces.push(piece);
        piece = '';
      }
      piece += char;
    }
    pieces.push(piece);
    for (const p of pieces.slice(0, -1)) {
      line = p;
      push();
    }
    line = pieces.at(-1)!;
    used = visibleWidth(line);
  }
  lines.push(line.trimEnd());
  // A separator a break left at the start of a line is dropped: the break parts the two sides.
  return lines
    .map((l) => l.replaceAll('\uE000', ' '))
    .map((l, i) => (i > 0 && l.startsWith('· ') ? l.slice(2) : l));
}

describe('wrapText', () => {
  it.each([
    ['due in 12 days · 18 Dec', 15, ['due in 12 days', '18 Dec']],
    // A separator before the break stays at the end of its line.
    ['Ana Silva · Platform · report', 12, ['Ana Silva ·', 'Platform ·', 'report']],
    ['a · b', 80, ['a · b']],
  ])('no line begins with a separator: %j at %d', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });

  it('wraps one-column text to the same lines as word by word: runs of spaces, long words, any room', () => {
    const random = seeded(23);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    // Spaces in runs, a no-break space (trimmed at a line's end as spaces are), the glue of a
    // date's words (shown as a space), and words up to three times the widest room.
    const chars = ['a', 'b', 'é', '·', '-', '\u00a0', '\uE000'];
    const wrong: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const words = Math.floor(random() * 12);
      for (let w = 0; w < words; w++) {
        text += ' '.repeat(pick([0, 1, 1, 1, 1, 2, 3]));
        const length = random() < 0.1 ? Math.floor(random() * 40) : Math.floor(random() * 8);
        for (let c = 0; c < length; c++) text += random() < 0.9 ? 'x' : pick(chars);
      }
      if (random() < 0.3) text += ' '.repeat(pick([1, 2, 5]));
      const width = pick([-1, 0, 1, 2, 3, 5, 8, 13, 20]);
      const firstRoom = random() < 0.5 ? width : pick([-3, 0, 1, 4, 9, 17]);
      const got = wrapText(text, width, firstRoom);
      const want = wrapWordByWord(text, width, firstRoom);
      if (JSON.stringify(got) !== JSON.stringify(want))
        wrong.push(JSON.stringify({ text, width, firstRoom }));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('keeps a date whole, a line at a time as word by word', () => {
    const text = 'You promised: send the notes · Ana Silva · was due 6 Dec 2016 · 9199f5b11511';
    // "6 Dec 2016" would end at column 61: it goes to the next line whole.
    expect(wrapText(text, 58)).toEqual([
      'You promised: send the notes · Ana Silva · was due',
      '6 Dec 2016 · 9199f5b11511',
    ]);
    expect(wrapText(text, 30, 20)).toEqual([
      'You promised: send',
      'the notes · Ana Silva · was',
      'due 6 Dec 2016 · 9199f5b11511',
    ]);
  });
});

/** fitLines as it was, a line at a time: the oracle for the text it now gives back whole. */
function fitLineByLine(text: string, width: number): string {
  if (!(width > 0)) return text;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (visibleWidth(line) <= width) {
      out.push(line);
      continue;
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is skipped
    const lead = /^(\s*)((?:[•*-]|\d+\.) )?/.exec(line.replace(/\u001b\[[0-9;]*m/g, ''))!;
    let indent = ' '.repeat(lead[0].length);
    if (indent.length > width / 2) indent = '';
    const head = line.slice(0, lead[1]!.length);
    const rest = line.slice(lead[1]!.length);
    const wrapped = wrapText(rest, width - indent.length, width - head.length);
    out.push(head + wrapped[0], ...wrapped.slice(1).map((l) => indent + l));
  }
  return out.join('\n');
}

describe('fitLines', () => {
  it('fits random text as line by line: lines that fit, lines too long, colour codes, wide characters', () => {
    const random = seeded(41);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const pieces = [
      'word',
      'a',
      ' ',
      '  ',
      '· 6 Nov',
      '• ',
      '- ',
      '\u001b[2m',
      '\u001b[22m',
      '中',
      '😀',
      'é',
      'x'.repeat(25),
    ];
    const wrong: string[] = [];
    for (let n = 0; n < 5_000; n++) {
      const lines = Array.from({ length: Math.floor(random() * 6) }, () => {
        let line = '';
        const count = Math.floor(random() * 12);
        for (let p = 0; p < count; p++) line += pick(pieces);
        return line;
      });
      const text = lines.join('\n');
      const width = pick([0, 1, 4, 10, 20, 40, 80]);
      if (fitLines(text, width) !== fitLineByLine(text, width)) wrong.push(JSON.stringify({ text, width }));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('widestWord', () => {
  it('finds the widest word of random text as measuring every word does', () => {
    const random = seeded(59);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const pieces = [
      'word',
      'a',
      ' ',
      '  ',
      '6 Nov',
      'in 3 days',
      '2 weeks ago',
      '·',
      '\u001b[1m',
      '中文',
      '😀',
      'e\u0301',
      'x'.repeat(20),
    ];
    const wrong: string[] = [];
    for (let n = 0; n < 5_000; n++) {
      let text = '';
      const count = Math.floor(random() * 10);
      for (let p = 0; p < count; p++) text += pick(pieces);
      const want = glueDates(text)
        .split(' ')
        .reduce((widest, word) => Math.max(widest, visibleWidth(word)), 0);
      if (widestWord(text) !== want) wrong.push(JSON.stringify(text));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
