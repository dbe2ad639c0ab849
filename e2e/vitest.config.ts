import { defineConfig } from 'vitest/config';

// End-to-end: the built server started as a user starts it. One journey at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
