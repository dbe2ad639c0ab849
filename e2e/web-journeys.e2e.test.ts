import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, type RunningAfterdesk, root, startAfterdesk } from './afterdesk-server.js';
import {
  describeViolations,
  desktopPage,
  launchBrowser,
  phonePage,
  screenshot,
  seriousViolations,
} from './browser.js';

const DEMO = { order: 'EU-10001', email: 'lena.fischer@example.com', password: 'afterdesk-demo' };
// The return form's line cards (return-line-<SKU>), not their checkboxes (return-line-select).
const RETURN_LINES = '[data-testid^="return-line-"]:not([data-testid="return-line-select"])';
const portalText = (language: string) =>
  JSON.parse(readFileSync(join(root, 'packages/web/src/locales', language, 'portal.json'), 'utf8'));

// The journeys of the web app in Debian's Chromium against `npm start`, one server for all:
// a shopper on a phone and an agent at a desk, each in their own browser context.
describe('the web app in a real browser', () => {
  let server: RunningAfterdesk;
  let browser: Browser;
  let caseId: string;
  let customerPage: Page;
  let agentPage: Page;

  beforeAll(async () => {
    server = await startAfterdesk({ AFTERDESK_DEMO_HISTORY_WEEKS: '12' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const findOrder = async (page: Page) => {
    await page.getByTestId('find-order-number').fill(DEMO.order);
    await page.getByTestId('find-order-contact').fill(DEMO.email);
    await page.getByTestId('find-order-submit').click();
    await page.getByTestId('start-return').waitFor();
  };

  const logIn = async (page: Page, email: string) => {
    await page.goto(`${server.url}/console`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(DEMO.password);
    await page.getByTestId('login-submit').click();
    await page.getByRole('navigation').waitFor();
  };

  const status = (page: Page) => page.getByTestId('case-status').getAttribute('data-status');

  // Clicks an action on the case page, confirms its dialog if it has one, and waits for the
  // case to move on.
  const act = async (page: Page, action: string) => {
    const before = await status(page);
    await page.getByTestId(`action-${action}`).click();
    const confirm = page.getByTestId('action-confirm').or(page.getByTestId('inspection-submit'));
    if (await confirm.isVisible({ timeout: 1_500 }).catch(() => false)) await confirm.click();
    await expect.poll(() => status(page), { timeout: 20_000 }).not.toBe(before);
  };

  it('(a) a shopper files a return on a phone; an agent approves, receives, inspects and refunds it; the shopper sees it refunded and rates the service', async () => {
    customerPage = await phonePage(browser);
    await customerPage.goto(server.url);
    await findOrder(customerPage);
    await customerPage.getByTestId('start-return').click();

    const line = customerPage.locator(RETURN_LINES).first();
    await line.getByTestId('return-line-select').check();
    await line.getByTestId('return-reason').selectOption('other');
    await customerPage.getByTestId('return-description').fill('The colour is not what the photo showed.');
    // The policy's answer shows before anything is filed: a reason other than "no reason"
    // goes to an agent, and the refund estimate is there in the order's currency.
    const eligibility = customerPage.locator('[data-testid="eligibility"][data-outcome]');
    await eligibility.waitFor({ timeout: 20_000 });
    expect(await eligibility.getAttribute('data-outcome')).toBe('review');
    expect(await customerPage.getByTestId('eligibility-refund').textContent()).toMatch(/€/);
    await screenshot(customerPage, 'a-1-return-form-phone');
    await customerPage.getByTestId('return-submit').click();

    await customerPage.waitForURL(/\/cases\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    caseId = customerPage.url().split('/').pop() as string;
    expect(await status(customerPage)).toMatch(/submitted|under_review/);

    agentPage = await desktopPage(browser);
    await logIn(agentPage, 'manager@demo.afterdesk.dev');
    // The new case is in the inbox, a link to its page.
    const row = agentPage.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await agentPage.getByTestId('rule-trace').waitFor();
    await act(agentPage, 'approve');
    if (await agentPage.getByTestId('action-receive').isVisible()) {
      await act(agentPage, 'receive');
      await act(agentPage, 'pass-inspection');
    }
    // A passed inspection refunds at once; a case that still waits for it offers the refund.
    if ((await status(agentPage)) !== 'refunded') await act(agentPage, 'refund');
    expect(await status(agentPage)).toBe('refunded');
    await screenshot(agentPage, 'a-2-agent-refunded');

    // The shopper's page follows the case live: no reload.
    await expect.poll(() => status(customerPage), { timeout: 30_000 }).toBe('refunded');
    const rating = customerPage.getByTestId('rating');
    await rating.locator('label').filter({ hasText: /^5/ }).click();
    await customerPage.getByTestId('rating-comment').fill('Quick and friendly.');
    await customerPage.getByTestId('rating-submit').click();
    await customerPage.getByTestId('rating-thanks').waitFor();
    await screenshot(customerPage, 'a-3-customer-refunded-rated');

    const view = await apiOf(server)('GET', `/api/v1/cases/${caseId}`);
    expect(view.body.status).toBe('refunded');
    expect(view.body.rating).toMatchObject({ score: 5, comment: 'Quick and friendly.' });
    expect(view.body.refunds).toHaveLength(1);
  });

  it('(b) an agent’s reply appears in the shopper’s open chat without a reload', async () => {
    await customerPage.goto(`${server.url}/cases/${caseId}`);
    await customerPage.getByTestId('chat-input').fill('Where do I find the refund on my statement?');
    await customerPage.getByTestId('chat-send').click();
    const customerMessages = customerPage.getByTestId('chat-message');
    await expect
      .poll(() => customerMessages.allTextContents())
      .toContainEqual(expect.stringContaining('Where do I find the refund'));

    await agentPage.goto(`${server.url}/console/cases/${caseId}`);
    await agentPage
      .getByTestId('message')
      .filter({ hasText: 'Where do I find the refund' })
      .waitFor({ timeout: 20_000 });
    const reply = 'Hello Lena, it shows as a credit from our shop within five working days. Best regards';
    await agentPage.getByTestId('reply-body').fill(reply);
    await agentPage.getByTestId('send-reply').click();
    // A warning (greeting, closing, language) turns the button into "send anyway".
    if (await agentPage.getByTestId('send-reply').isEnabled()) {
      const sent = agentPage.getByTestId('message').filter({ hasText: 'five working days' });
      if (!(await sent.isVisible({ timeout: 2_000 }).catch(() => false))) {
        await agentPage.getByTestId('send-reply').click();
      }
    }

    await expect
      .poll(() => customerMessages.allTextContents(), { timeout: 20_000 })
      .toContainEqual(expect.stringContaining('five working days'));
    await screenshot(customerPage, 'b-customer-chat');
  });

  it('(c) the portal speaks Chinese and German, with amounts in the order’s currency', async () => {
    const chinese = await phonePage(browser, 'zh-CN');
    await chinese.goto(server.url);
    const zh = portalText('zh-CN');
    await chinese.getByRole('heading', { level: 1 }).waitFor();
    expect(await chinese.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await chinese.getByTestId('find-order-submit').textContent()).toContain(zh.find.submit);
    await findOrder(chinese);
    await chinese.getByTestId('start-return').click();
    // The order's other line: (a) sent the first one back.
    const zhLine = chinese.locator(RETURN_LINES).last();
    await zhLine.getByTestId('return-line-select').check();
    await zhLine.getByTestId('return-reason').selectOption('no_reason');
    for (const condition of ['unused', 'original_packaging', 'accessories_complete', 'resalable']) {
      await zhLine.getByTestId(`return-condition-${condition}`).check();
    }
    // The policy's answer, before anything is filed, in Chinese.
    const answer = chinese.locator('[data-testid="eligibility"][data-outcome]');
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.getAttribute('data-outcome')).toBe('approve');
    expect(await chinese.getByTestId('eligibility-outcome').textContent()).toContain(
      zh.eligibility.outcome.approve,
    );
    await screenshot(chinese, 'c-1-portal-chinese');

    // German from the browser's language, amounts as Germans write them.
    const german = await phonePage(browser, 'de-DE');
    await german.goto(server.url);
    const de = portalText('de');
    expect(await german.getAttribute('html', 'lang')).toBe('de');
    expect(await german.getByTestId('find-order-submit').textContent()).toContain(de.find.submit);
    await findOrder(german);
    expect(await german.locator('main').textContent()).toMatch(/\d+,\d{2}\s?€/);
    await screenshot(german, 'c-2-portal-german');
    await chinese.context().close();
    await german.context().close();
  });

  it('(d) a shopper finds their order and starts a return with the keyboard alone', async () => {
    const page = await phonePage(browser);
    await page.goto(server.url);
    const focused = () => page.evaluate(() => (globalThis as any).document.activeElement?.dataset?.testid);
    const tabTo = async (testId: string) => {
      for (let i = 0; i < 25 && (await focused()) !== testId; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(testId);
    };
    await tabTo('find-order-number');
    await page.keyboard.type(DEMO.order);
    await tabTo('find-order-contact');
    await page.keyboard.type(DEMO.email);
    await page.keyboard.press('Enter');
    await page.getByTestId('start-return').waitFor();
    await tabTo('start-return');
    await page.keyboard.press('Enter');
    await page.getByTestId('return-form').waitFor();
    await tabTo('return-line-select');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('return-line-select').first().isChecked()).toBe(true);
    await screenshot(page, 'd-0-keyboard-return-form');
    await page.context().close();
  });

  it('(d) the main pages have no serious or critical accessibility violations', async () => {
    const scanned: string[] = [];
    const scan = async (page: Page, name: string) => {
      await page.waitForLoadState('networkidle');
      const violations = await seriousViolations(page);
      expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
      scanned.push(name);
    };

    const shopper = await phonePage(browser);
    await shopper.goto(server.url);
    await scan(shopper, 'portal: find your order');
    await findOrder(shopper);
    await scan(shopper, 'portal: the order');
    await shopper.getByTestId('start-return').click();
    const line = shopper.locator(RETURN_LINES).first();
    await line.getByTestId('return-line-select').check();
    await scan(shopper, 'portal: the return form');
    await shopper.goto(`${server.url}/cases/${caseId}`);
    await shopper.getByTestId('case-status').waitFor();
    await scan(shopper, 'portal: the case status');
    await screenshot(shopper, 'd-1-portal-case');

    const agent = await desktopPage(browser);
    await agent.goto(`${server.url}/console`);
    await agent.getByTestId('login-email').waitFor();
    await scan(agent, 'console: login');
    await logIn(agent, 'admin@demo.afterdesk.dev');
    await agent.getByTestId('case-list').waitFor();
    await scan(agent, 'console: inbox');
    await agent.goto(`${server.url}/console/cases/${caseId}`);
    await agent.getByTestId('rule-trace').waitFor();
    await scan(agent, 'console: case');
    for (const path of [
      'dashboards',
      'admin/policy',
      'admin/service-levels',
      'admin/agents',
      'admin/templates',
      'admin/api-keys',
    ]) {
      await agent.goto(`${server.url}/console/${path}`);
      await agent.getByRole('heading', { level: 1 }).waitFor();
      await scan(agent, `console: ${path}`);
      if (path === 'dashboards') await screenshot(agent, 'd-3-console-dashboards');
    }
    await screenshot(agent, 'd-2-console-api-keys');
    expect(scanned).toHaveLength(13);
  });
});
