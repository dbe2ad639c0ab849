import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders, createQueryClient } from '../../ui/AppProviders';
import { bundledResources, createI18n } from '../../ui/i18n';
import { createPortalRouter } from './router';

const i18n = createI18n(
  bundledResources(import.meta.glob('../../locales/*/{common,portal}.json', { eager: true })),
  'portal',
);
const queryClient = createQueryClient();
const router = createPortalRouter(queryClient);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
