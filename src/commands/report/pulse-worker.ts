// The language side of `rel pulse`, on a worker thread: it loads the language libraries (about as
// long as reading a large journal takes) while the main thread reads the journal, then reads the
// notes it is sent. A separate entry point of the build (scripts/build.mjs).
import { parentPort } from 'node:worker_threads';
import { englishLanguage } from '../../core/language.js';
import { readNotes } from '../../core/themes.js';

const language = englishLanguage();
parentPort?.once('message', ({ notes, names }) => {
  parentPort?.postMessage(readNotes(notes, names, language));
});
