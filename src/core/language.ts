// The English language libraries behind `rel pulse`: nouns from wink-nlp (with its light English
// model) and AFINN sentiment scores from `sentiment`, with the workplace words AFINN lacks. Pure
// functions, but heavy to load (about 4 MB of model): only `rel pulse` imports this module, and
// only by a dynamic import, so that every other command starts without it.
import Sentiment from 'sentiment';
import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemToken, type ItsFunction } from 'wink-nlp';
import type { Language, Word } from './themes.js';

/**
 * Words a manager hears at work that AFINN-165 does not score (or scores as neutral), with the
 * weight they carry in a listening note. Kept to words that read as a worry in nearly every
 * sentence they appear in: "reorg" or "deadline" alone are news, not worries.
 */
export const WORKPLACE_WORDS: Record<string, number> = {
  burnout: -3,
  burned: -2,
  burnt: -2,
  overwhelmed: -3,
  overworked: -3,
  overloaded: -2,
  understaffed: -2,
  stretched: -2,
  swamped: -2,
  drained: -2,
  exhausting: -2,
  firefighting: -2,
  layoff: -3,
  layoffs: -3,
  attrition: -2,
  slipping: -2,
  slipped: -2,
  rushed: -2,
  micromanaged: -3,
  undervalued: -3,
  overlooked: -2,
  demotivated: -3,
  unmotivated: -2,
  quit: -2,
  quitting: -2,
  stressful: -2,
  sleepless: -2,
  unsure: -1,
  uncertain: -1,
  unclear: -1,
  stalled: -1,
  blocker: -1,
  blockers: -1,
};

export function englishLanguage(): Language {
  const nlp = winkNLP(model, ['pos']);
  const its = nlp.its;
  // Its declared signature differs from the other helpers' (a types slip of wink-nlp), not its use.
  const lemmaOf = its.lemma as unknown as ItsFunction<string>;
  const sentiment = new Sentiment();
  return {
    words(text) {
      const found: Word[] = [];
      // The light model takes capitalised words for proper nouns ("Tired of…" at the start of a
      // note), so it reads the text in lower case; each word is then found in the text as written.
      const lower = text.toLowerCase();
      const sameLength = lower.length === text.length;
      let cursor = 0;
      nlp
        .readDoc(lower)
        .tokens()
        .each((token: ItemToken) => {
          const word = token.out();
          const at = lower.indexOf(word, cursor);
          if (at >= 0) cursor = at + word.length;
          if (String(token.out(its.type)) !== 'word') return;
          const written = at >= 0 && sameLength ? text.slice(at, at + word.length) : word;
          found.push({ word: written, lemma: String(token.out(lemmaOf)), pos: String(token.out(its.pos)) });
        });
      return found;
    },
    score(text) {
      return sentiment.analyze(text, { extras: WORKPLACE_WORDS }).score;
    },
  };
}
