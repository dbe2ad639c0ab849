import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithProviders } from '../../ui/render.test-helpers';
import { ApiKeysPage } from './ApiKeysPage';

const me = {
  tenantId: 't',
  kind: 'user',
  id: 'u',
  name: 'Ada',
  role: 'admin',
  permissions: ['users:manage'],
};
const existing = {
  id: 'k1',
  name: 'ERP',
  prefix: 'afd_abc',
  createdAt: '2026-11-01T10:00:00Z',
  revokedAt: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('ApiKeysPage', () => {
  it('shows a new key once, with a copy button and a warning, and never again', async () => {
    const items: Record<string, unknown>[] = [existing];
    const api = fakeApi({
      'GET /api/v1/auth/me': () => ({ body: me }),
      'GET /api/v1/api-keys': () => ({ body: { items } }),
      'POST /api/v1/api-keys': (body) => {
        const created = {
          id: 'k2',
          name: (body as { name: string }).name,
          prefix: 'afd_new',
          createdAt: '2026-11-23T10:00:00Z',
          revokedAt: null,
        };
        items.push(created);
        return { status: 201, body: { ...created, key: 'afd_new_SECRET_123' } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ApiKeysPage />, { namespace: 'admin' });
    await userEvent.type(await screen.findByLabelText(/^Name/), 'Shopify sync');
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));

    expect(await screen.findByText('afd_new_SECRET_123')).toBeInTheDocument();
    expect(screen.getByText(/shown only once/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Shopify sync' });
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getByText('Shopify sync')).toBeInTheDocument());
    expect(within(table).queryByText(/SECRET/)).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByText('afd_new_SECRET_123')).not.toBeInTheDocument();
  });

  it('revokes a key only after confirming', async () => {
    const api = fakeApi({
      'GET /api/v1/auth/me': () => ({ body: me }),
      'GET /api/v1/api-keys': () => ({ body: { items: [existing] } }),
      'DELETE /api/v1/api-keys/:id': () => ({ status: 204, body: null }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ApiKeysPage />, { namespace: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke ERP' }));
    expect(api.calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke' }));
    await waitFor(() =>
      expect(api.calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/api-keys/k1')).toBe(true),
    );
  });
});
