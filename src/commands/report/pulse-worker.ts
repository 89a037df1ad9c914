// The language side of `rel pulse`, on a worker thread: it loads the language libraries (about as
// long as reading a large journal takes) while the main thread reads the journal, then answers the
// questions it is sent: the words of each text, tagged, and each text's sentiment score (see
// src/core/language-answers.ts). A separate entry point of the build (scripts/build.mjs).
import { parentPort } from 'node:worker_threads';
import { englishLanguage } from '../../core/language.js';
import { answer, type LanguageQuestions } from '../../core/language-answers.js';

const language = englishLanguage();
parentPort?.on('message', (questions: LanguageQuestions) => {
  parentPort?.postMessage(answer(language, questions));
});
