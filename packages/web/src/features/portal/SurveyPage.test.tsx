import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderPage } from '../../ui/render.test-helpers';
import { stubBrowser } from './portal.test-helpers';
import { SurveyPage } from './SurveyPage';

const TOKEN = 'svy_abcdefghijklmnopqrstuvwxyz';

beforeEach(() => stubBrowser());
afterEach(() => vi.unstubAllGlobals());

describe('the survey page', () => {
  it('answers the mailed survey once, without logging in', async () => {
    const fake = fakeApi({
      'GET /api/v1/surveys/:token': () => ({
        body: { caseNumber: 1008, language: 'en', answered: false, score: null, comment: null },
      }),
      'POST /api/v1/surveys/:token': (body) => ({
        body: { caseNumber: 1008, language: 'en', answered: true, comment: null, ...(body as object) },
      }),
    });
    vi.stubGlobal('fetch', fake.fetch);
    const user = userEvent.setup();
    renderPage(SurveyPage, { pattern: '/survey/$token', path: `/survey/${TOKEN}` });
    expect(await screen.findByText(/request no. 1008/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '5 of 5 stars' }));
    expect(screen.getByText('Very happy')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send rating' }));
    expect(await screen.findByText('Thank you for your feedback!')).toBeInTheDocument();
    await waitFor(() => expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(fake.calls.find((c) => c.method === 'POST')?.body).toEqual({ score: 5 });
  });

  it('says so when the link is not valid', async () => {
    vi.stubGlobal('fetch', fakeApi({}).fetch);
    renderPage(SurveyPage, { pattern: '/survey/$token', path: `/survey/${TOKEN}` });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This survey link is not valid or has expired.',
    );
  });
});
