import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmailSender, smtpSender } from '../channels/email/index.js';
import { startTestApp, type TestApp } from '../testing/harness.test-helpers.js';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.test-helpers.js';
import { duePeriod, runWeeklyReports } from './weekly-reports.job.js';

describe('duePeriod', () => {
  it('is the week just ended from Monday 06:00 in the time zone on, and the week before until then', () => {
    // Monday 30 March 2026 in Shanghai (UTC+8): 05:59 and 06:00.
    expect(duePeriod(new Date('2026-03-29T21:59:00Z'), 'Asia/Shanghai')).toEqual({
      from: '2026-03-16',
      to: '2026-03-23',
    });
    expect(duePeriod(new Date('2026-03-29T22:00:00Z'), 'Asia/Shanghai')).toEqual({
      from: '2026-03-23',
      to: '2026-03-30',
    });
    // Later in the week, and on Sunday night, it stays the week that ended last Monday.
    expect(duePeriod(new Date('2026-04-05T15:00:00Z'), 'Asia/Shanghai')).toEqual({
      from: '2026-03-23',
      to: '2026-03-30',
    });
    // Berlin changed to summer time on Sunday 29 March: 06:00 there is 04:00 UTC.
    expect(duePeriod(new Date('2026-03-30T03:59:00Z'), 'Europe/Berlin')).toEqual({
      from: '2026-03-16',
      to: '2026-03-23',
    });
    expect(duePeriod(new Date('2026-03-30T04:00:00Z'), 'Europe/Berlin')).toEqual({
      from: '2026-03-23',
      to: '2026-03-30',
    });
  });
});

describe('the weekly-reports job', () => {
  let app: TestApp;
  let sink: SmtpSink;
  let sender: EmailSender;
  const clock = { now: new Date('2026-03-29T21:30:00Z') };
  const boss = `boss-${Date.now().toString(36)}@shop.example`;
  const run = () => runWeeklyReports(app.services, sender, { tenantIds: [app.tenant.tenantId] });
  const mailsToBoss = () => sink.messages.filter((m) => m.to.some((t) => t.address === boss));

  beforeAll(async () => {
    app = await startTestApp({ adapt: (s) => ({ ...s, clock: () => clock.now }) });
    sink = await startSmtpSink();
    sender = smtpSender(sink.url);
    expect((await app.api('POST', '/api/v1/report-subscriptions', { email: boss })).status).toBe(201);
  });
  afterAll(async () => {
    await sender?.close();
    await sink?.close();
    await app?.close();
  });

  it('before Monday 06:00 (the first store’s time zone) reports the week before, and mails it', async () => {
    // Monday 05:30 in Shanghai: the week that just ended is not due yet.
    expect(await run()).toEqual({ tenants: 1, generated: 1, mailed: 1, failed: 0 });
    const list = await app.api('GET', '/api/v1/reports');
    expect(list.body.items.map((r: { from: string }) => r.from)).toEqual(['2026-03-16']);
  });

  it('from Monday 06:00 reports the week just ended once, mailed with the PDF and the workbook', async () => {
    clock.now = new Date('2026-03-29T22:05:00Z');
    expect(await run()).toEqual({ tenants: 1, generated: 1, mailed: 1, failed: 0 });
    await sink.waitFor(2);
    const mail = mailsToBoss().at(-1);
    expect(mail?.subject).toBe('Test Shop: weekly quality report 2026-03-23 – 2026-03-29');
    expect(mail?.html).toContain('<h1>Weekly quality report');
    expect(mail?.html).toContain('No returns recorded in this period.');
    expect(mail?.text).toContain('Return rate (units): –');
    expect(mail?.headers['auto-submitted']).toBe('auto-generated');
    expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['weekly-report-2026-03-23-2026-03-30.pdf', 'application/pdf'],
      [
        'weekly-report-2026-03-23-2026-03-30.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    ]);
    expect(mail?.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');

    // Later runs the same week make and send nothing more.
    clock.now = new Date('2026-04-01T09:00:00Z');
    expect(await run()).toEqual({ tenants: 1, generated: 0, mailed: 0, failed: 0 });
    expect(mailsToBoss()).toHaveLength(2);
    const reports = (await app.api('GET', '/api/v1/reports')).body.items;
    expect(reports.map((r: { from: string; mailedTo: number }) => [r.from, r.mailedTo])).toEqual([
      ['2026-03-23', 1],
      ['2026-03-16', 1],
    ]);
  });

  it('tries the mail again at the next run when the mail server refused it', async () => {
    clock.now = new Date('2026-04-05T22:10:00Z');
    sink.failNext(1);
    expect(await run()).toEqual({ tenants: 1, generated: 1, mailed: 0, failed: 0 });
    const pending = (await app.api('GET', '/api/v1/reports')).body.items[0];
    expect(pending).toMatchObject({ from: '2026-03-30', mailedAt: null, mailedTo: 0 });
    expect(await run()).toEqual({ tenants: 1, generated: 0, mailed: 1, failed: 0 });
    expect(mailsToBoss().at(-1)?.subject).toContain('2026-03-30 – 2026-04-05');
  });
});
