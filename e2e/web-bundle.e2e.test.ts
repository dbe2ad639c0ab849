import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { root } from './afterdesk-server.js';

const dist = join(root, 'packages', 'web', 'dist');

/** The scripts a browser loads for a page before anything lazy: its entry and modulepreloads. */
function firstLoadScripts(page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
}

function gzippedBytes(scripts: string[]): number {
  return scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src))).length, 0);
}

// The build is there: the journeys before this file started the server with npm start,
// which builds the web app when it is missing.
describe('the web app build', () => {
  it('keeps the portal’s first load within 250 KB of gzipped JavaScript', () => {
    const scripts = firstLoadScripts('index.html');
    console.log(
      `portal first load: ${(gzippedBytes(scripts) / 1024).toFixed(1)} KB gzipped in ${scripts.length} scripts`,
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(gzippedBytes(scripts)).toBeLessThanOrEqual(250 * 1024);
  });

  it('loads the charts only on the dashboards', () => {
    const first = [...firstLoadScripts('index.html'), ...firstLoadScripts('console/index.html')];
    for (const src of first) expect(readFileSync(join(dist, src), 'utf8')).not.toContain('echarts');
  });
});
