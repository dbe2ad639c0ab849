import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithProviders } from '../../ui/render.test-helpers';
import { PolicyPage } from './PolicyPage';

const me = {
  tenantId: 't',
  kind: 'user',
  id: 'u',
  name: 'Ada',
  role: 'admin',
  permissions: ['policies:write'],
};
const document = {
  schemaVersion: 1,
  returnWindowDays: 7,
  categoryWindows: {},
  nonReturnableCategories: [],
  reasons: [{ code: 'no_reason', fault: 'customer' }],
  autoApproval: {
    enabled: true,
    reasons: ['no_reason'],
    kinds: ['return'],
    requiredConditions: [],
    maxOrderValueMinor: { EUR: 50000 },
  },
  shipBackDays: 7,
};

function stub(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    'GET /api/v1/auth/me': () => ({ body: me }),
    'GET /api/v1/policy': () => ({ body: { version: 3, document } }),
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

afterEach(() => vi.unstubAllGlobals());

describe('PolicyPage', () => {
  it('refuses invalid JSON with an inline error and keeps Publish and Preview off', async () => {
    stub({});
    renderWithProviders(<PolicyPage />, { namespace: 'admin' });
    const json = await screen.findByLabelText('Whole policy document (JSON)');
    fireEvent.change(json, { target: { value: '{ "returnWindowDays": 14,' } });
    expect(await screen.findByText(/This is not valid JSON/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Preview the effect' })).toBeDisabled();
  });

  it('keeps the form and the JSON in step both ways', async () => {
    stub({});
    renderWithProviders(<PolicyPage />, { namespace: 'admin' });
    const json = (await screen.findByLabelText('Whole policy document (JSON)')) as HTMLTextAreaElement;
    fireEvent.change(json, { target: { value: JSON.stringify({ ...document, returnWindowDays: 30 }) } });
    expect(screen.getByLabelText(/Return window \(days\)/)).toHaveValue('30');
    fireEvent.change(screen.getByLabelText(/Return window \(days\)/), { target: { value: '45' } });
    await waitFor(() => expect(JSON.parse(json.value).returnWindowDays).toBe(45));
  });

  it('shows the server’s field errors by path when publishing is refused', async () => {
    const api = stub({
      'POST /api/v1/policy/versions': () => ({
        status: 400,
        body: {
          title: 'Bad Request',
          status: 400,
          code: 'validation_failed',
          detail: 'The policy document is not valid.',
          errors: [{ field: '/returnWindowDays', message: 'must be <= 3650' }],
        },
      }),
    });
    renderWithProviders(<PolicyPage />, { namespace: 'admin' });
    const json = await screen.findByLabelText('Whole policy document (JSON)');
    fireEvent.change(json, { target: { value: JSON.stringify({ ...document, returnWindowDays: 9999 }) } });
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('/returnWindowDays')).toBeInTheDocument();
    expect(screen.getByText(/must be <= 3650/)).toBeInTheDocument();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ document: { returnWindowDays: 9999 }, basedOnVersion: 3 });
  });

  it('previews the draft: outcomes, automation share and refunds, current against draft', async () => {
    const api = stub({
      'POST /api/v1/policy/preview': () => ({
        body: {
          from: '2026-08-25',
          to: '2026-11-23',
          cases: 120,
          current: {
            outcomes: { approve: 80, review: 30, reject: 10 },
            automatedShare: 0.5,
            refundMinor: [{ currency: 'EUR', amountMinor: 123400 }],
          },
          draft: {
            outcomes: { approve: 95, review: 15, reject: 10 },
            automatedShare: 0.75,
            refundMinor: [{ currency: 'EUR', amountMinor: 150000 }],
          },
          changed: [
            {
              caseId: 'c-1',
              number: 1042,
              currentOutcome: 'review',
              draftOutcome: 'approve',
              currentRefundMinor: 0,
              draftRefundMinor: 2599,
              currency: 'EUR',
            },
          ],
          changedCount: 15,
        },
      }),
    });
    renderWithProviders(<PolicyPage />, { namespace: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: 'Preview the effect' }));
    const outcomes = (await screen.findByText('Outcomes, published policy against the draft')).closest(
      'table',
    ) as HTMLElement;
    const approved = within(outcomes).getByRole('row', { name: /Approved/ });
    expect(
      within(approved)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['80', '95', '+15']);
    expect(within(outcomes).getByRole('row', { name: /Decided automatically/ })).toHaveTextContent(
      /50%.*75%/,
    );
    const refunds = screen.getByText('Refundable amounts per currency').closest('table') as HTMLElement;
    expect(within(refunds).getByRole('row', { name: /EUR/ })).toHaveTextContent(
      /€1,234\.00.*€1,500\.00.*\+€266\.00/,
    );
    expect(screen.getByText('15 requests would be decided differently')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '#1042' })).toHaveAttribute('href', '/console/cases/c-1');
    expect(api.calls.find((c) => c.path === '/api/v1/policy/preview')?.body).toMatchObject({
      days: 90,
      document: { returnWindowDays: 7 },
    });
  });

  it('tells a role without policies:write that it may not edit the policy', async () => {
    stub({ 'GET /api/v1/auth/me': () => ({ body: { ...me, permissions: ['cases:read'] } }) });
    renderWithProviders(<PolicyPage />, { namespace: 'admin' });
    expect(await screen.findByText('Not allowed')).toBeInTheDocument();
    expect(screen.queryByLabelText('Whole policy document (JSON)')).not.toBeInTheDocument();
  });
});
