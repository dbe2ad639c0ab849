import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderPage } from '../../ui/render.test-helpers';
import { CasePage } from './CasePage';
import type { CaseView } from './case-api';
import { caseView, ME_AGENT, stubBrowser } from './test-fixtures';

const ME_LOGISTICS = {
  ...ME_AGENT,
  role: 'logistics',
  permissions: [
    'orders:read',
    'cases:read',
    'cases:logistics',
    'cases:fulfil',
    'evidence:upload',
    'messages:write',
  ],
};

function setup({
  me = ME_AGENT,
  view = caseView(),
  routes = {},
}: {
  me?: typeof ME_AGENT;
  view?: CaseView;
  routes?: Parameters<typeof fakeApi>[0];
} = {}) {
  const api = fakeApi({
    'GET /api/v1/auth/me': () => ({ body: me }),
    'GET /api/v1/agents': () => ({ body: { items: [] } }),
    'GET /api/v1/teams': () => ({ body: { items: [] } }),
    'GET /api/v1/macros': () => ({ body: { items: [] } }),
    'GET /api/v1/orders': () => ({ body: { items: [] } }),
    'GET /api/v1/cases': () => ({ body: { items: [], nextCursor: null } }),
    'GET /api/v1/cases/:id': () => ({ body: view }),
    'GET /api/v1/cases/:id/messages': () => ({ body: { items: [] } }),
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  renderPage(CasePage, { pattern: '/cases/$caseId', path: `/cases/${view.id}`, namespace: 'console' });
  return api;
}

beforeEach(() => stubBrowser(vi.stubGlobal));
afterEach(() => vi.unstubAllGlobals());

describe('the case page', () => {
  it('offers an agent only the allowed actions their role may take', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: /Case #1042/ });
    expect(screen.getByTestId('case-status')).toHaveAttribute('data-status', 'under_review');
    for (const action of ['approve', 'reject', 'request-info', 'close'])
      expect(screen.getByTestId(`action-${action}`)).toBeInTheDocument();
    // Allowed by the case, not by the agent's role: receiving is logistics', refunding needs refunds:create.
    expect(screen.queryByTestId('action-receive')).not.toBeInTheDocument();
    expect(screen.queryByTestId('action-refund')).not.toBeInTheDocument();
  });

  it('offers logistics the receipt and not the approval', async () => {
    setup({ me: ME_LOGISTICS });
    await screen.findByTestId('action-receive');
    expect(screen.queryByTestId('action-approve')).not.toBeInTheDocument();
  });

  it('shows the policy decision rule by rule', async () => {
    setup();
    const trace = await screen.findByTestId('rule-trace');
    const rules = within(trace).getAllByTestId('trace-rule');
    expect(rules).toHaveLength(2);
    expect(rules[0]).toHaveAttribute('data-passed', 'true');
    expect(rules[1]).toHaveAttribute('data-passed', 'false');
    expect(rules[1]).toHaveTextContent('SHOE-42 is on the recall list.');
    expect(screen.getByTestId('refundable-total')).toHaveTextContent('€49.90');
  });

  it('will not send a reply with a forbidden phrase', async () => {
    const user = userEvent.setup();
    const api = setup({
      routes: {
        'POST /api/v1/replies/check': () => ({
          body: {
            blocked: true,
            language: 'en',
            promises: [],
            findings: [
              {
                kind: 'forbidden_phrase',
                severity: 'block',
                messageKey: 'reply.forbidden_phrase',
                message: 'Forbidden phrase',
                phrase: 'this is not our problem',
                index: 7,
                length: 23,
              },
            ],
          },
        }),
      },
    });
    const box = await screen.findByLabelText('Reply to the customer');
    await user.type(box, 'Sorry, this is not our problem.');
    await waitFor(() =>
      expect(screen.getByTestId('reply-findings')).toHaveTextContent('this is not our problem'),
    );
    expect(screen.getByTestId('send-reply')).toBeDisabled();
    expect(screen.getByTestId('reply-highlight').querySelector('mark')).toHaveTextContent(
      'this is not our problem',
    );
    const check = api.calls.find((c) => c.path === '/api/v1/replies/check');
    expect(check?.body).toMatchObject({ caseId: caseView().id, language: 'de' });
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toBe(false);
  });

  it('says why an approval was refused when the case changed meanwhile, and reloads it', async () => {
    const user = userEvent.setup();
    const api = setup({
      routes: {
        'POST /api/v1/cases/:id/actions/approve': () => ({
          status: 409,
          body: {
            title: 'Conflict',
            status: 409,
            code: 'conflict',
            detail: 'Someone else moved this case first.',
          },
        }),
      },
    });
    await user.click(await screen.findByTestId('action-approve'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent(
      'Someone else moved this case first.',
    );
    const approve = api.calls.find((c) => c.path.endsWith('/actions/approve'));
    expect(approve?.body).toEqual({ version: 3 });
    await waitFor(() =>
      expect(
        api.calls.filter((c) => c.method === 'GET' && c.path === `/api/v1/cases/${caseView().id}`),
      ).toHaveLength(2),
    );
  });

  it('asks for a reason before rejecting', async () => {
    const user = userEvent.setup();
    const api = setup({
      routes: { 'POST /api/v1/cases/:id/actions/reject': () => ({ body: caseView({ status: 'rejected' }) }) },
    });
    await user.click(await screen.findByTestId('action-reject'));
    const reason = await screen.findByLabelText(/Reason/);
    await user.type(reason, 'Worn shoes');
    fireEvent.click(screen.getByTestId('action-confirm'));
    await waitFor(() =>
      expect(api.calls.find((c) => c.path.endsWith('/actions/reject'))?.body).toEqual({
        version: 3,
        reason: 'Worn shoes',
      }),
    );
  });
});
