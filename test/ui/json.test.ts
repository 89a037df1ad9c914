// printJson writes long lists in pieces; what it prints must be JSON.stringify's text exactly.
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/ui/io.js';
import { printJson } from '../../src/ui/json.js';

function printed(value: unknown): { text: string; writes: number } {
  const pieces: string[] = [];
  const out = (text: string) => {
    pieces.push(text.endsWith('\n') ? text : `${text}\n`);
  };
  const io = { out } as Partial<Io> as Io;
  printJson(io, value);
  return { text: pieces.join(''), writes: pieces.length };
}

describe('printJson', () => {
  it.each<[string, unknown]>([
    ['an object', { a: 1, b: [1, { c: 'x' }], d: null }],
    ['an empty list', []],
    ['a list of scalars', [1, 'two', true, null]],
    [
      'a list of nested records',
      [
        { id: 'a', with: ['x', 'y'], about: { notes: [] } },
        { id: 'b', with: [] },
      ],
    ],
    ['text with newlines, quotes and control characters', [{ note: 'line 1\nline 2 "quoted"\t\u001b[31m' }]],
    ['values JSON writes as null in a list', [undefined, () => 1, Symbol('s')]],
    ['a string', 'just text'],
    [
      'a list of several hundred mixed items, nulls at the edges of the runs it is turned in',
      Array.from({ length: 777 }, (_, i) =>
        i % 255 === 0 ? undefined : i % 3 ? { id: `c${i}`, with: [i, { deep: [] }], note: 'a\nb' } : [i, 'x'],
      ),
    ],
  ])('%s: the same text as JSON.stringify(value, null, 2)', (_, value) => {
    expect(printed(value).text).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('a long list goes out in several pieces, together the same text', () => {
    const hits = Array.from({ length: 5000 }, (_, i) => ({
      id: `c${i}`,
      text: 'We talked about the roadmap.',
    }));
    const { text, writes } = printed(hits);
    expect(text).toBe(`${JSON.stringify(hits, null, 2)}\n`);
    expect(writes).toBeGreaterThan(1);
  });
});
