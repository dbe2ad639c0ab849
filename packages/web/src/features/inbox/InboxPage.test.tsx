import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderPage } from '../../ui/render.test-helpers';
import { caseView, ME_AGENT, stubBrowser } from '../case/test-fixtures';
import { InboxPage } from './InboxPage';

const overdue = caseView();
const later = caseView({
  id: '00000000-0000-4000-8000-000000000c02',
  number: 1043,
  version: 7,
  slaDueAt: new Date(Date.now() + 5 * 3_600_000).toISOString(),
  priority: 'normal',
});

function setup(actions: Record<string, { status?: number; body: unknown }> = {}) {
  const listUrls: URL[] = [];
  const api = fakeApi({
    'GET /api/v1/auth/me': () => ({ body: ME_AGENT }),
    'GET /api/v1/agents': () => ({ body: { items: [] } }),
    'GET /api/v1/saved-views': () => ({ body: { items: [] } }),
    'GET /api/v1/cases': (_b, url) => {
      listUrls.push(url);
      return { body: { items: [overdue, later], nextCursor: null } };
    },
    'POST /api/v1/cases/:id/actions/approve': (_b, url) =>
      actions[url.pathname.split('/')[4] ?? ''] ?? { body: caseView({ status: 'approved' }) },
  });
  vi.stubGlobal('fetch', api.fetch);
  renderPage(InboxPage, { pattern: '/', path: '/', namespace: 'console' });
  return { api, listUrls };
}

beforeEach(() => stubBrowser(vi.stubGlobal));
afterEach(() => vi.unstubAllGlobals());

describe('the inbox', () => {
  it('lists open cases by service-level risk and marks the overdue ones', async () => {
    const { listUrls } = setup();
    const rows = await screen.findAllByTestId('case-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveAttribute('data-case-number', '1042');
    expect(listUrls[0]?.searchParams.get('sort')).toBe('sla');
    expect(listUrls[0]?.searchParams.get('open')).toBe('true');
    const badge = within(rows[0] as HTMLElement).getByTestId('sla-badge');
    expect(badge).toHaveAttribute('data-risk', 'overdue');
    expect(badge).toHaveTextContent(/overdue 3 hr/);
    expect(badge).toHaveAccessibleName(/overdue/);
    expect(within(rows[1] as HTMLElement).getByTestId('sla-badge')).toHaveAttribute('data-risk', 'later');
  });

  it('asks again with a filter when one is chosen', async () => {
    const { listUrls } = setup();
    await screen.findAllByTestId('case-row');
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'email' } });
    await waitFor(() => expect(listUrls.some((u) => u.searchParams.get('channel') === 'email')).toBe(true));
    const last = listUrls.at(-1) as URL;
    expect(last.searchParams.get('sort')).toBe('sla');
  });

  it('approves every selected case with its version and says which one failed and why', async () => {
    const user = userEvent.setup();
    const { api } = setup({
      [later.id]: {
        status: 409,
        body: {
          title: 'Conflict',
          status: 409,
          code: 'conflict',
          detail: 'The case changed since version 7.',
        },
      },
    });
    await screen.findAllByTestId('case-row');
    await user.click(screen.getByLabelText('Select all shown'));
    expect(screen.getByText('2 cases selected')).toBeInTheDocument();
    await user.click(screen.getByTestId('bulk-approve'));
    await waitFor(() => expect(screen.getByTestId('bulk-progress')).toHaveTextContent('2 of 2 done'));
    const approvals = api.calls.filter((c) => c.method === 'POST');
    expect(approvals).toEqual([
      { method: 'POST', path: `/api/v1/cases/${overdue.id}/actions/approve`, body: { version: 3 } },
      { method: 'POST', path: `/api/v1/cases/${later.id}/actions/approve`, body: { version: 7 } },
    ]);
    expect(screen.getByTestId('bulk-failures')).toHaveTextContent('#1043: The case changed since version 7.');
    expect(screen.getByTestId('bulk-succeeded')).toHaveTextContent('#1042');
  });

  it('moves with j and k and selects with x', async () => {
    setup();
    const rows = await screen.findAllByTestId('case-row');
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(rows[0]).toHaveFocus();
    fireEvent.keyDown(rows[0] as HTMLElement, { key: 'j' });
    expect(rows[1]).toHaveFocus();
    fireEvent.keyDown(rows[1] as HTMLElement, { key: 'x' });
    expect(screen.getByLabelText('Select case #1043')).toBeChecked();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(screen.getByLabelText('Search')).toHaveFocus();
  });
});
