// The collection rel asks for once an encrypted journal's text is made from its pieces
// (store/heap.ts): the garbage goes at once, not at V8's next full collection.
import { describe, expect, it } from 'vitest';
import { collectAfter } from '../../src/store/heap.js';

describe('collectAfter', () => {
  it('collects what nothing holds any more after a large text is made', async () => {
    const garbage = new WeakRef({ pieces: Array.from({ length: 1000 }, (_, i) => `piece ${i}`) });
    // A WeakRef's target is held until the end of the job that made it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await collectAfter('x'.repeat(8 << 20));
    expect(garbage.deref()).toBeUndefined();
  });
});
