// A plain journal read in full and not to be changed: its bytes, garbage once decoded, are
// collected before the parse (store/heap.ts), so that the peak of a large read holds the text and
// the journal, not the file's bytes as well. A read to be changed keeps the bytes for its write,
// and collects nothing.
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readJournal } from '../../src/store/codec.js';
import { largeJournalText, writeJournal } from '../helpers/journal.js';
import { tempDir } from '../helpers/rel.js';

const collected = vi.hoisted(() => [] as number[]);
vi.mock('../../src/store/heap.js', async (original) => {
  const heap = await original<typeof import('../../src/store/heap.js')>();
  return {
    collectAfter: (text: string) => {
      collected.push(text.length);
      return heap.collectAfter(text);
    },
  };
});

describe('the full read of a large plain journal', () => {
  beforeEach(() => {
    collected.length = 0;
  });

  const large = () => {
    const file = path.join(tempDir('read-collect'), 'journal.json');
    const { text, conversations } = largeJournalText(9);
    writeJournal(file, text);
    return { file, text, conversations };
  };

  it('collects the bytes before the parse, with or without the tag taken of them', async () => {
    const { file, text, conversations } = large();
    for (const tag of [false, true]) {
      const read = await readJournal(file, 'journal.json', undefined, undefined, tag);
      expect(read?.parsed.journal.conversations).toHaveLength(conversations);
      expect(read?.parsed.text).toBe(text);
    }
    expect(collected).toEqual([text.length, text.length]);
  });

  it('collects nothing when the bytes are kept for the write that follows', async () => {
    const { file } = large();
    const stamp = () => undefined;
    await readJournal(file, 'journal.json', undefined, stamp, false, true);
    expect(collected).toEqual([]);
  });
});
