import { defineConfig } from 'vitest/config';

// One runner for the whole monorepo. Workspace packages resolve to their TypeScript
// sources (the "source" export condition), so tests never need a build first.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
