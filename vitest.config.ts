import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Index building of real regions is CPU-bound; two cores, two workers.
    maxWorkers: 2,
  },
});
