import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Two pages, two bundles: the portal (/) stays small for shoppers on phones; the console
// (/console) loads its heavier parts (charts, admin) on demand. `npm run dev` proxies the
// API to a server started with `npm start`.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The dashboards' lazy chunk carries ECharts (~620 KB, ~210 KB gzipped); nothing else is near.
    chunkSizeWarningLimit: 700,
    rollupOptions: { input: { portal: here('index.html'), console: here('console/index.html') } },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
