import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../app/context.js';
import { inSystem } from '../db/scope.js';

/** Where `npm run build` puts the web app (packages/web/dist). */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

// The portal's client-side pages (packages/web/src/apps/portal/router.tsx): a link in a mail
// (a case's status, a survey) must open on the page, not on a 404.
const PORTAL_PATHS = ['/', '/orders/:orderId', '/cases/:caseId', '/survey/:token'];

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Afterdesk</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Afterdesk</h1><p>The web app is not built yet: run <code>npm run build</code> (or <code>npm start</code>, which builds it when it is missing).</p>
<p>The API is up: <a href="/docs">documentation</a>.</p></body></html>`;

/**
 * The shop the portal at / belongs to: the configured one, else the only tenant there is
 * (a self-hosted shop, the demo). With several shops and none configured, each shop links
 * to the portal with ?tenant=.
 */
async function portalTenant(services: Services): Promise<string | null> {
  if (services.config.portalTenant) return services.config.portalTenant;
  const tenants = await inSystem(services.db, (tx) =>
    tx.selectFrom('tenants').select('id').limit(2).execute(),
  );
  return tenants.length === 1 ? (tenants[0]?.id ?? null) : null;
}

/**
 * Serves the built web app: the portal at / and its pages, the console at /console and
 * below. Hashed assets are cached for a year; the pages themselves are never cached, so a
 * new build shows at the next load. The portal page names its shop in a meta tag.
 */
export async function registerWebApp(app: FastifyInstance, services: Services, dist = WEB_DIST) {
  const built = existsSync(join(dist, 'index.html'));
  const page = (file: string) => (built ? readFileSync(join(dist, file), 'utf8') : NOT_BUILT);
  const portal = page('index.html');
  const console = page('console/index.html');
  if (built) {
    await app.register(fastifyStatic, {
      root: join(dist, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  }
  const html = (reply: FastifyReply, body: string) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(body);
  for (const path of PORTAL_PATHS) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) => {
      const tenant = await portalTenant(services);
      return html(
        reply,
        tenant
          ? portal.replace('<head>', `<head>\n    <meta name="afterdesk-tenant" content="${tenant}" />`)
          : portal,
      );
    });
  }
  app.get('/console', { schema: { hide: true } }, (_request, reply) => html(reply, console));
  app.get('/console/*', { schema: { hide: true } }, (_request, reply) => html(reply, console));
}
