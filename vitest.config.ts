import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { languageKey } from './scripts/language-key.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // What scripts/build.mjs puts in at build time, for tests that load the source.
  define: { REL_VERSION: JSON.stringify(version), REL_LANGUAGE_KEY: JSON.stringify(languageKey()) },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // End-to-end and terminal tests spawn real processes; two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});
