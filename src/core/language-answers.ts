// What the language libraries answered for the texts of a pulse (the words of a text, tagged; a
// sentiment score), kept so that the next pulse reads the same notes without loading them: the
// libraries take far longer to load than every answer a period needs takes to look up. Pure.
import { type Language, type NoteReading, readNotes, type Word } from './themes.js';

/** The language's answers, by the exact text it was asked about. */
export interface LanguageAnswers {
  words: Map<string, Word[]>;
  scores: Map<string, number>;
}

/** The texts the language must still be asked about. */
export interface LanguageQuestions {
  words: string[];
  scores: string[];
}

export function noAnswers(): LanguageAnswers {
  return { words: new Map(), scores: new Map() };
}

/** Both sets of answers in one (the second's win, though a text has one answer). */
export function mergeAnswers(a: LanguageAnswers, b: LanguageAnswers): LanguageAnswers {
  return { words: new Map([...a.words, ...b.words]), scores: new Map([...a.scores, ...b.scores]) };
}

/**
 * readNotes with a language that answers from `answers` alone: the reading, the answers it used,
 * and the texts it lacked an answer for (`questions`); the reading stands only when there are
 * none. The texts a reading asks about depend on the notes alone, never on an answer, so once
 * those are answered the next call reads exactly as readNotes with the language itself.
 */
export function readFromAnswers(
  notes: { text: string; personId: string | null }[],
  names: string[],
  answers: LanguageAnswers,
): { reading: NoteReading; used: LanguageAnswers; questions: LanguageQuestions | undefined } {
  const used = noAnswers();
  const missing = { words: new Set<string>(), scores: new Set<string>() };
  const language: Language = {
    words(text) {
      const words = answers.words.get(text);
      if (words === undefined) missing.words.add(text);
      else used.words.set(text, words);
      return words ?? [];
    },
    score(text) {
      const score = answers.scores.get(text);
      if (score === undefined) missing.scores.add(text);
      else used.scores.set(text, score);
      return score ?? 0;
    },
  };
  const reading = readNotes(notes, names, language);
  const complete = missing.words.size === 0 && missing.scores.size === 0;
  return {
    reading,
    used,
    questions: complete ? undefined : { words: [...missing.words], scores: [...missing.scores] },
  };
}

/** The language's answers to these questions (on the worker thread, or here should it fail). */
export function answer(language: Language, questions: LanguageQuestions): LanguageAnswers {
  return {
    words: new Map(questions.words.map((text) => [text, language.words(text)])),
    scores: new Map(questions.scores.map((text) => [text, language.score(text)])),
  };
}
