import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderPage } from '../../ui/render.test-helpers';
import { CaseStatusPage } from './CaseStatusPage';
import { caseView, FakeSocket, logIn, message, stubBrowser } from './portal.test-helpers';

const CASE = caseView();
const path = `/cases/${CASE.id}`;
const render = (language = 'en') => renderPage(CaseStatusPage, { pattern: '/cases/$caseId', path, language });

beforeEach(() => {
  stubBrowser();
  logIn();
});
afterEach(() => vi.unstubAllGlobals());

describe('the case status page', () => {
  it('shows the return code with its QR code and the next steps', async () => {
    const fake = fakeApi({
      'GET /api/v1/cases/:id': () => ({ body: CASE }),
      'GET /api/v1/cases/:id/return-code.png': () => ({ body: 'png' }),
      'GET /api/v1/cases/:id/return-label.pdf': () => ({ body: 'pdf' }),
    });
    vi.stubGlobal('fetch', fake.fetch);
    render();
    expect(await screen.findByTestId('return-code')).toHaveTextContent('5F3Z-6FKZ');
    expect(
      await screen.findByRole('img', { name: 'QR code of the return code 5F3Z-6FKZ' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('next-steps')).toHaveTextContent(
      'Hand the parcel to the carrier by Nov 30, 2026.',
    );
    expect(await screen.findByRole('link', { name: 'Download the return label (PDF)' })).toBeInTheDocument();
    expect(fake.calls.map((c) => c.path)).toContain(`/api/v1/cases/${CASE.id}/return-code.png`);
    const status = screen.getByTestId('case-status');
    expect(status).toHaveAttribute('data-status', 'awaiting_return');
    expect(status).toHaveAttribute('role', 'status');
    expect(screen.getByRole('list', { name: 'Progress of your return' })).toBeInTheDocument();
    expect(screen.getByText('Approved').closest('li')).toHaveAttribute('aria-current', 'step');
  });

  it('follows the case live: a status change refetches it, messages appear once and in order', async () => {
    let current = CASE;
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/cases/:id': () => ({ body: current }) }).fetch);
    render();
    const status = await screen.findByTestId('case-status');
    await waitFor(() =>
      expect(FakeSocket.current().sent).toContainEqual({ type: 'subscribe', caseId: CASE.id, after: 0 }),
    );
    expect(FakeSocket.current().url.toString()).toContain('token=cus_test');

    current = caseView({ status: 'in_transit', version: 4, allowedActions: [] });
    act(() => FakeSocket.current().push({ type: 'case', caseId: CASE.id, status: 'in_transit', version: 4 }));
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'in_transit'));
    expect(status).toHaveTextContent('Parcel on its way');

    act(() => {
      FakeSocket.current().push({ type: 'message', caseId: CASE.id, message: message(2, 'Second') });
      FakeSocket.current().push({ type: 'message', caseId: CASE.id, message: message(1, 'First') });
      FakeSocket.current().push({ type: 'message', caseId: CASE.id, message: message(2, 'Second') });
    });
    const chat = screen.getByTestId('chat');
    const log = within(chat).getByRole('log');
    // LiveConnection drops what it already saw (seq 1 after 2); the page keeps each seq once.
    await waitFor(() => expect(within(log).getAllByTestId('chat-message')).toHaveLength(1));
    act(() => FakeSocket.current().push({ type: 'message', caseId: CASE.id, message: message(3, 'Third') }));
    await waitFor(() =>
      expect(
        within(log)
          .getAllByTestId('chat-message')
          .map((m) => m.dataset.seq),
      ).toEqual(['2', '3']),
    );
  });

  it('sends a chat message over the socket', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/cases/:id': () => ({ body: CASE }) }).fetch);
    const user = userEvent.setup();
    render();
    const input = await screen.findByRole('textbox', { name: 'Your message' });
    await waitFor(() => expect(FakeSocket.current()).toBeTruthy());
    await user.type(input, 'Where is my label?');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(FakeSocket.current().sent).toContainEqual(
      expect.objectContaining({ type: 'send', caseId: CASE.id, body: 'Where is my label?' }),
    );
    expect(input).toHaveValue('');
  });

  it('shows what the shop asked and sends the answer as a message, then provide-info with the version', async () => {
    const asked = caseView({
      status: 'pending_info',
      version: 5,
      returnCode: null,
      returnShipment: null,
      timeline: [
        {
          id: 1,
          type: 'case.info_requested',
          at: '2026-11-23T05:00:00Z',
          actorType: 'user',
          actorId: null,
          reason: 'Please send a photo of the label.',
          data: {},
        },
      ],
    });
    const fake = fakeApi({
      'GET /api/v1/cases/:id': () => ({ body: asked }),
      'POST /api/v1/cases/:id/messages': () => ({ status: 201, body: {} }),
      'POST /api/v1/cases/:id/actions/provide-info': () => ({ body: asked }),
    });
    vi.stubGlobal('fetch', fake.fetch);
    const user = userEvent.setup();
    render();
    expect(await screen.findByTestId('info-question')).toHaveTextContent('Please send a photo of the label.');
    await user.type(screen.getByRole('textbox', { name: /Your answer/ }), 'It is attached.');
    await user.click(screen.getByRole('button', { name: 'Send answer' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.path.endsWith('/actions/provide-info'))?.body).toEqual({ version: 5 }),
    );
    expect(fake.calls.find((c) => c.path.endsWith('/messages'))?.body).toMatchObject({
      body: 'It is attached.',
    });
  });

  it('lets the customer rate a finished case once, then thanks them', async () => {
    let current = caseView({ status: 'refunded', allowedActions: ['close'], returnShipment: null });
    const fake = fakeApi({
      'GET /api/v1/cases/:id': () => ({ body: current }),
      'POST /api/v1/cases/:id/rating': (body) => {
        current = {
          ...current,
          rating: { ...(body as { score: number }), comment: 'Quick', answeredAt: '2026-11-24T00:00:00Z' },
        };
        return { status: 201, body: current.rating };
      },
    });
    vi.stubGlobal('fetch', fake.fetch);
    const user = userEvent.setup();
    render();
    const rating = await screen.findByTestId('rating');
    await user.click(within(rating).getByRole('radio', { name: '4 of 5 stars' }));
    await user.type(within(rating).getByRole('textbox', { name: /Comment/ }), 'Quick');
    const submit = within(rating).getByRole('button', { name: 'Send rating' });
    await user.dblClick(submit);
    expect(await within(rating).findByText('Thank you for your feedback!')).toBeInTheDocument();
    const posts = fake.calls.filter((c) => c.path.endsWith('/rating'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ score: 4, comment: 'Quick' });
  });

  it('cancels while cancel is allowed', async () => {
    const fake = fakeApi({
      'GET /api/v1/cases/:id': () => ({ body: CASE }),
      'POST /api/v1/cases/:id/actions/cancel': () => ({ body: caseView({ status: 'cancelled' }) }),
    });
    vi.stubGlobal('fetch', fake.fetch);
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Cancel this request' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.path.endsWith('/actions/cancel'))?.body).toEqual({ version: 3 }),
    );
  });

  it('asks who the customer is when there is no session', async () => {
    sessionStorage.clear();
    vi.stubGlobal('fetch', fakeApi({}).fetch);
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Check your request' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Order number/ })).toBeInTheDocument();
  });

  it('speaks German and Chinese', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/cases/:id': () => ({ body: CASE }) }).fetch);
    const { unmount } = render('de');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Rücksendung Nr. 1008' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('case-status')).toHaveTextContent('Genehmigt: Wir warten auf Ihr Paket');
    expect(screen.getByRole('heading', { name: 'Ihr Rücksendecode' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Ihre Nachricht' })).toBeInTheDocument();
    unmount();
    render('zh-CN');
    expect(await screen.findByRole('heading', { level: 1, name: '退货 第 1008 号' })).toBeInTheDocument();
    expect(screen.getByTestId('case-status')).toHaveTextContent('已批准：等待您寄回包裹');
    expect(screen.getByRole('button', { name: '发送' })).toBeInTheDocument();
  });
});
