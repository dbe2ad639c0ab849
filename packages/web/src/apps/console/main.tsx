import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders, createQueryClient } from '../../ui/AppProviders';
import { bundledResources, createI18n } from '../../ui/i18n';
import { createConsoleRouter } from './router';

const i18n = createI18n(
  bundledResources(import.meta.glob('../../locales/*/{common,console,admin}.json', { eager: true })),
  'console',
);
const queryClient = createQueryClient();
const router = createConsoleRouter(queryClient);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
