// A full garbage collection, for the moment rel asks for it: a journal's text was just made,
// before its parse. An encrypted journal's from the pieces it was decrypted in (crypto.ts
// decipherBody), a plain one's from the file's bytes (files.ts readVersionedText). That garbage
// (the pieces, moved to V8's old generation while the file was read; the bytes, memory outside
// V8's heap that only a full collection frees) V8 would keep through the parse that follows (it
// collects the old generation only once that has grown well past its size now): the file's size
// again at the peak of the command. Collected before the parse, while the heap holds little
// besides the text, it costs a few milliseconds.

import { v8FlagsFromBinding } from '../v8-flags.js';

/** From this many characters of text the memory freed is worth the collection's time. */
const WORTH_FROM = 8 << 20;

let collect: (() => void) | undefined;

/** Collects the garbage left by the making of `text`, when it is large enough to matter. */
export async function collectAfter(text: string): Promise<void> {
  if (text.length < WORTH_FROM) return;
  if (!collect) {
    const setFlagsFromString = v8FlagsFromBinding() ?? (await import('node:v8')).setFlagsFromString;
    const { runInNewContext } = await import('node:vm');
    // V8's gc(), which --expose-gc puts in every context made after it is set (the main one was
    // made before): taken from a new, empty one.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
