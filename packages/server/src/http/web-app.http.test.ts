import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDatabaseKind } from '../testing/harness.test-helpers.js';

describe(`the web app's pages (${testDatabaseKind()})`, () => {
  let app: TestApp;
  const shop = randomUUID();
  const get = (path: string) => fetch(`${app.server.url}${path}`);

  beforeAll(async () => {
    app = await startTestApp({
      adapt: (services) => ({ ...services, config: { ...services.config, portalTenant: shop } }),
    });
  });
  afterAll(() => app.close());

  it.each(['/', '/orders/1', `/cases/${randomUUID()}`, '/survey/abc'])(
    'answers the portal path %s with the portal page, never cached',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it.each(['/console', '/console/', '/console/cases/x', '/console/admin/policy'])(
    'answers %s with the console page',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    },
  );

  it('names the configured shop in the portal page, so a shopper needs no link with ?tenant=', async () => {
    const html = await (await get('/')).text();
    if (html.includes('<script')) {
      expect(html).toContain(`<meta name="afterdesk-tenant" content="${shop}" />`);
    } else {
      expect(html).toMatch(/npm run build/);
    }
  });

  it('leaves unknown paths and the API to their 404 problems', async () => {
    for (const path of ['/nope', '/api/v1/nope', '/orders']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});
