import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderPage } from '../../ui/render.test-helpers';
import { OrderPage } from './OrderPage';
import { decision, logIn, ORDER, stubBrowser } from './portal.test-helpers';

const TEE = ORDER.lines[1];

function api(outcome: 'approve' | 'review' | 'reject' = 'approve') {
  return fakeApi({
    'GET /api/v1/orders/:id': () => ({ body: ORDER }),
    'GET /api/v1/cases': () => ({
      body: {
        items: [
          {
            id: 'case-old',
            number: 1001,
            kind: 'return',
            status: 'refunded',
            createdAt: '2026-11-20T10:00:00Z',
            returnCode: null,
          },
        ],
      },
    }),
    'GET /api/v1/return-reasons': () => ({
      body: {
        items: [
          {
            code: 'no_reason',
            label: 'Changed my mind',
            kinds: ['return'],
            requiredConditions: ['unused'],
            evidenceRequired: false,
          },
          {
            code: 'quality_defect',
            label: 'It is broken',
            kinds: ['return', 'repair'],
            requiredConditions: [],
            evidenceRequired: true,
          },
          {
            code: 'repair_only',
            label: 'Only repairs',
            kinds: ['repair'],
            requiredConditions: [],
            evidenceRequired: false,
          },
        ],
      },
    }),
    'POST /api/v1/cases/eligibility': () => ({ body: decision(outcome) }),
    'POST /api/v1/evidence': () => ({ status: 201, body: { id: 'e0000000-0000-4000-8000-000000000001' } }),
    'POST /api/v1/cases': () => ({ status: 201, body: { id: 'case-new' } }),
  });
}

beforeEach(() => {
  stubBrowser();
  logIn();
});
afterEach(() => vi.unstubAllGlobals());

async function openReturnForm() {
  const user = userEvent.setup();
  const page = renderPage(OrderPage, { pattern: '/orders/$orderId', path: `/orders/${ORDER.id}` });
  await user.click(await screen.findByRole('button', { name: 'Start a return' }));
  const line = screen.getByTestId(`return-line-${TEE?.sku}`);
  await user.click(within(line).getByRole('checkbox', { name: /T-Shirt aus Bio-Baumwolle/ }));
  await user.selectOptions(within(line).getByRole('combobox', { name: 'How many to return' }), '2');
  await user.selectOptions(
    within(line).getByRole('combobox', { name: /Reason for the return/ }),
    'no_reason',
  );
  await user.click(within(line).getByRole('checkbox', { name: 'Unused' }));
  return { user, line, ...page };
}

describe('the order page', () => {
  it('lists the lines with prices in the order currency and the existing cases', async () => {
    vi.stubGlobal('fetch', api().fetch);
    renderPage(OrderPage, { pattern: '/orders/$orderId', path: `/orders/${ORDER.id}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Order EU-10001' })).toBeInTheDocument();
    const tee = screen.getByTestId(`order-line-${TEE?.sku}`);
    expect(tee).toHaveTextContent('M · Weiß');
    expect(tee).toHaveTextContent('Quantity: 2');
    expect(tee).toHaveTextContent('€39.90');
    expect(await screen.findByRole('link', { name: 'Return no. 1001' })).toHaveAttribute(
      'href',
      '/cases/case-old',
    );
  });
});

describe('the return form', () => {
  it('shows the policy’s answer before submitting and posts the chosen lines, quantities, reasons and conditions', async () => {
    const fake = api('approve');
    vi.stubGlobal('fetch', fake.fetch);
    const { user, line, router } = await openReturnForm();
    // Only the shop's reasons for returns are offered.
    expect(within(line).queryByRole('option', { name: 'Only repairs' })).toBeNull();

    const panel = screen.getByTestId('eligibility');
    await waitFor(() => expect(panel).toHaveAttribute('data-outcome', 'approve'), { timeout: 3000 });
    expect(panel).toHaveTextContent('Your return can be approved right away');
    expect(within(panel).getByTestId('eligibility-refund')).toHaveTextContent('€13.00');
    expect(panel).toHaveTextContent('Return shipping');
    expect(panel).toHaveTextContent('€6.95');
    expect(within(panel).getByTestId('eligibility-ship-back-by')).toHaveTextContent('Nov 30, 2026');

    const asked = fake.calls.filter((c) => c.path === '/api/v1/cases/eligibility').at(-1);
    expect(asked?.body).toEqual({
      kind: 'return',
      orderId: ORDER.id,
      language: 'en',
      items: [
        {
          orderLineId: TEE?.id,
          quantity: 2,
          reasonCode: 'no_reason',
          conditions: ['unused'],
          evidenceIds: [],
        },
      ],
    });

    await user.type(screen.getByRole('textbox', { name: /Describe the problem/ }), 'Too small');
    await user.click(screen.getByRole('button', { name: 'Send return request' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/cases/case-new'));
    const filed = fake.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/cases');
    expect(filed?.body).toEqual({
      kind: 'return',
      orderId: ORDER.id,
      language: 'en',
      channel: 'web',
      description: 'Too small',
      items: [
        {
          orderLineId: TEE?.id,
          quantity: 2,
          reasonCode: 'no_reason',
          conditions: ['unused'],
          evidenceIds: [],
        },
      ],
    });
  });

  it('says when the policy refuses, and does not let the customer file it', async () => {
    vi.stubGlobal('fetch', api('reject').fetch);
    await openReturnForm();
    const panel = screen.getByTestId('eligibility');
    await waitFor(() => expect(panel).toHaveAttribute('data-outcome', 'reject'), { timeout: 3000 });
    expect(panel).toHaveTextContent('This return cannot be accepted');
    expect(panel).toHaveTextContent('Requested 30 days after delivery.');
    expect(screen.getByRole('button', { name: 'Send return request' })).toBeDisabled();
  });

  it('uploads photos, shows them and passes their ids', async () => {
    const fake = api('review');
    vi.stubGlobal('fetch', fake.fetch);
    const { user, line } = await openReturnForm();
    await user.selectOptions(
      within(line).getByRole('combobox', { name: /Reason for the return/ }),
      'quality_defect',
    );
    expect(within(line).getByText(/Required for this reason/)).toBeInTheDocument();
    const photo = new File(['png'], 'broken.png', { type: 'image/png' });
    await user.upload(within(line).getByLabelText(/Photos/), photo);
    expect(await within(line).findByRole('img', { name: 'Photo broken.png' })).toBeInTheDocument();
    await waitFor(() => {
      const asked = fake.calls.filter((c) => c.path === '/api/v1/cases/eligibility').at(-1);
      expect(asked?.body).toMatchObject({
        items: [{ evidenceIds: ['e0000000-0000-4000-8000-000000000001'] }],
      });
    });
    expect(fake.calls.find((c) => c.path === '/api/v1/evidence')?.body).toBeInstanceOf(FormData);
  });

  it('shows the field errors of a 400 beside the fields', async () => {
    const fake = fakeApi({
      'GET /api/v1/orders/:id': () => ({ body: ORDER }),
      'GET /api/v1/cases': () => ({ body: { items: [] } }),
      'POST /api/v1/cases/eligibility': () => ({ body: decision('approve') }),
      'POST /api/v1/cases': () => ({
        status: 400,
        body: {
          title: 'Bad Request',
          code: 'validation_failed',
          errors: [{ field: '/items/0/quantity', message: 'Only 1 unit can still be returned.' }],
        },
      }),
    });
    vi.stubGlobal('fetch', fake.fetch);
    const { user, line } = await openReturnForm();
    // The reasons endpoint is missing (404): the default catalogue is offered with the portal's labels.
    expect(
      within(line).getByRole('option', { name: 'Changed my mind (no-reason return)' }),
    ).toBeInTheDocument();
    await waitFor(
      () => expect(screen.getByTestId('eligibility')).toHaveAttribute('data-outcome', 'approve'),
      {
        timeout: 3000,
      },
    );
    await user.click(screen.getByRole('button', { name: 'Send return request' }));
    const quantity = within(line).getByRole('combobox', { name: 'How many to return' });
    await waitFor(() => expect(quantity).toHaveAccessibleDescription('Only 1 unit can still be returned.'));
    expect(screen.getByTestId('return-error')).toHaveTextContent('Please correct the fields marked above.');
  });
});
