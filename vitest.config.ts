import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One runner for the whole monorepo. Workspace packages resolve to their TypeScript
// sources (the "source" export condition), so tests never need a build first.
// Two projects: the server side in Node, the web app's components in jsdom.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'server', include: ['packages/{core,contract,server}/src/**/*.test.ts'] },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['packages/web/src/test-setup.ts'],
        },
      },
    ],
  },
});
