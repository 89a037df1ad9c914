// The key of the language's answers that `rel pulse` keeps (src/core/language-answers.ts): the
// versions of the language libraries and the text of src/core/language.ts, which together give
// those answers. Put in by the build (REL_LANGUAGE_KEY) and by vitest.config.ts for the tests that
// load the source: answers kept under another key are asked again, never taken.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const LIBRARIES = ['wink-nlp', 'wink-eng-lite-web-model', 'sentiment'];

export function languageKey() {
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256');
  for (const name of LIBRARIES) hash.update(`${name}@${require(`${name}/package.json`).version}\n`);
  hash.update(readFileSync(new URL('../src/core/language.ts', import.meta.url)));
  return hash.digest('hex').slice(0, 16);
}
