import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // End-to-end and terminal tests spawn real processes; two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});
