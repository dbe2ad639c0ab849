import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppProviders, createQueryClient } from './AppProviders';
import { bundledResources, createI18n } from './i18n';

const resources = bundledResources(import.meta.glob('../locales/*/*.json', { eager: true }));

/** Renders a component with the app's providers, in a language (English by default). */
export function renderWithProviders(ui: ReactElement, { language = 'en', namespace = 'portal' } = {}) {
  const i18n = createI18n(resources, namespace, language);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  return {
    i18n,
    queryClient,
    ...render(
      <AppProviders i18n={i18n} queryClient={queryClient}>
        {ui}
      </AppProviders>,
    ),
  };
}

/** Renders a page at a path of a one-route router (`pattern` like '/cases/$caseId'), for pages that read params or link. */
export function renderPage(
  component: () => ReactElement | null,
  {
    pattern,
    path,
    language = 'en',
    namespace = 'portal',
  }: { pattern: string; path: string; language?: string; namespace?: string },
) {
  const root = createRootRoute();
  const route = createRoute({ getParentRoute: () => root, path: pattern, component });
  const router = createRouter({
    routeTree: root.addChildren([route]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  return { router, ...renderWithProviders(<RouterProvider router={router} />, { language, namespace }) };
}

/** A fetch double answering by "METHOD /api/v1/path" (query string ignored); records the calls. */
export function fakeApi(
  routes: Record<string, (body: unknown, url: URL) => { status?: number; body: unknown }>,
) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    calls.push({ method, path: url.pathname, body });
    const key = Object.keys(routes).find((k) => {
      const [m, pattern] = k.split(' ');
      const regex = new RegExp(`^${(pattern ?? '').replace(/:[^/]+/g, '[^/]+')}$`);
      return m === method && regex.test(url.pathname);
    });
    if (!key)
      return new Response(JSON.stringify({ title: 'Not Found', status: 404, code: 'not_found' }), {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
      });
    const answer = (routes[key] as (b: unknown, u: URL) => { status?: number; body: unknown })(body, url);
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: {
        'content-type':
          answer.status && answer.status >= 400 ? 'application/problem+json' : 'application/json',
      },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}
