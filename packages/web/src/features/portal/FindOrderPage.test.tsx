import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderPage } from '../../ui/render.test-helpers';
import { getCustomerSession } from './customer-session';
import { FindOrderPage } from './FindOrderPage';
import { stubBrowser } from './portal.test-helpers';

const TENANT = '8440371c-6f02-492e-8a06-813911edd430';

beforeEach(() => {
  stubBrowser();
  const meta = document.createElement('meta');
  meta.name = 'afterdesk-tenant';
  meta.content = TENANT;
  document.head.append(meta);
});
afterEach(() => {
  document.head.querySelector('meta[name="afterdesk-tenant"]')?.remove();
  vi.unstubAllGlobals();
});

async function fill(orderNumber: string, contact: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByRole('textbox', { name: /order number/i }), orderNumber);
  await user.type(screen.getByRole('textbox', { name: /e-mail or phone/i }), contact);
  await user.click(screen.getByRole('button', { name: 'Find my order' }));
}

describe('finding an order', () => {
  it('asks for a token with the order number and e-mail, keeps it for the tab and opens the order', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/customer-token': () => ({
        body: { token: 'cus_abc', expiresAt: '2099-01-01T00:00:00.000Z', customerId: 'c-1' },
      }),
      'GET /api/v1/orders': (_b, url) => ({
        body: { items: [{ id: 'o-1', number: url.searchParams.get('number') }] },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderPage(FindOrderPage, { pattern: '/', path: '/' });
    await fill('EU-10001', 'lena.fischer@example.com');
    await waitFor(() => expect(router.state.location.pathname).toBe('/orders/o-1'));
    expect(api.calls[0]).toEqual({
      method: 'POST',
      path: '/api/v1/auth/customer-token',
      body: { orderNumber: 'EU-10001', tenantId: TENANT, email: 'lena.fischer@example.com' },
    });
    expect(getCustomerSession()?.token).toBe('cus_abc');
  });

  it('sends a phone number as a phone', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/customer-token': () => ({ status: 401, body: { code: 'unauthenticated' } }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderPage(FindOrderPage, { pattern: '/', path: '/' });
    await fill('EU-10001', '+49 170 1234567');
    await screen.findByRole('alert');
    expect(api.calls[0]?.body).toMatchObject({ phone: '+49 170 1234567' });
  });

  it('says clearly when the number and the contact do not match (401)', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'POST /api/v1/auth/customer-token': () => ({
          status: 401,
          body: {
            title: 'Unauthorized',
            detail: 'No order matches this number and contact.',
            code: 'unauthenticated',
          },
        }),
      }).fetch,
    );
    renderPage(FindOrderPage, { pattern: '/', path: '/' });
    await fill('EU-10001', 'someone@example.com');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Order not found');
    expect(alert).toHaveTextContent('No order matches this number with this e-mail or phone number');
    expect(getCustomerSession()).toBeNull();
  });

  it('shows a field error of a 400 beside the field', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'POST /api/v1/auth/customer-token': () => ({
          status: 400,
          body: {
            title: 'Bad Request',
            errors: [{ field: 'body/email', message: 'must match format "email"' }],
          },
        }),
      }).fetch,
    );
    renderPage(FindOrderPage, { pattern: '/', path: '/' });
    await fill('EU-10001', 'lena@');
    const field = screen.getByRole('textbox', { name: /e-mail or phone/i });
    await waitFor(() => expect(field).toHaveAccessibleDescription(/must match format "email"/));
  });

  it('asks for both fields before calling the API', async () => {
    const api = fakeApi({});
    vi.stubGlobal('fetch', api.fetch);
    renderPage(FindOrderPage, { pattern: '/', path: '/' });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Find my order' }));
    expect(await screen.findByText('Enter your order number.')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it('speaks German and Chinese', async () => {
    renderPage(FindOrderPage, { pattern: '/', path: '/', language: 'de' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Bestellung finden' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Bestellnummer/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bestellung finden' })).toBeInTheDocument();
  });

  it('speaks Chinese', async () => {
    renderPage(FindOrderPage, { pattern: '/', path: '/', language: 'zh-CN' });
    expect(await screen.findByRole('heading', { level: 1, name: '查找您的订单' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /订单号/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '查找我的订单' })).toBeInTheDocument();
  });
});
