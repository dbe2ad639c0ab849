import { describe, expect, it } from 'vitest';
import { classifyAutomatedEmail, type MailHeaders } from './automated-email.js';

const customer = 'Jana Nováková <jana.novakova@gmail.com>';
const plain = 'text/plain; charset=UTF-8';

describe('classifyAutomatedEmail: bounces', () => {
  it('recognises a delivery status notification from Gmail', () => {
    const headers: MailHeaders = {
      from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      'auto-submitted': 'auto-replied',
      'x-failed-recipients': 'jana.novakova@gmial.com',
      'content-type': 'multipart/report; boundary="000000000000a1b2c3"; report-type=delivery-status',
    };
    expect(classifyAutomatedEmail(headers, headers.from ?? null, null)).toEqual({
      automated: true,
      kind: 'bounce',
      reason: 'a delivery status report (multipart/report; report-type=delivery-status)',
    });
  });

  it('recognises MAILER-DAEMON and postmaster as senders whatever the content type', () => {
    expect(classifyAutomatedEmail({}, 'MAILER-DAEMON@mx1.mail.example', plain).kind).toBe('bounce');
    expect(classifyAutomatedEmail({}, 'Postmaster <postmaster@outlook.com>', plain)).toMatchObject({
      kind: 'bounce',
      reason: 'sent by postmaster',
    });
  });

  it('recognises a bounce by X-Failed-Recipients (Exim)', () => {
    expect(classifyAutomatedEmail({ 'x-failed-recipients': 'old@example.com' }, customer, plain).kind).toBe(
      'bounce',
    );
  });

  it('reads the report type whatever its case or quoting, and takes the content type from the headers', () => {
    const headers = { 'content-type': 'Multipart/Report; report-type="delivery-status"; boundary="b1"' };
    expect(classifyAutomatedEmail(headers, customer, null).kind).toBe('bounce');
  });
});

describe('classifyAutomatedEmail: auto-replies', () => {
  it('recognises an Exchange out-of-office', () => {
    const headers: MailHeaders = {
      from: customer,
      subject: 'Automatic reply: Your return [#1234]',
      'auto-submitted': 'auto-replied',
      'x-auto-response-suppress': 'All',
      'x-ms-exchange-inbox-rules-loop': 'jana.novakova@contoso.com',
    };
    expect(classifyAutomatedEmail(headers, customer, plain)).toEqual({
      automated: true,
      kind: 'auto_reply',
      reason: 'Auto-Submitted: auto-replied',
    });
  });

  it('takes every Auto-Submitted value but "no" (RFC 3834), with parameters', () => {
    expect(
      classifyAutomatedEmail({ 'auto-submitted': 'auto-replied; owner-email="x@y"' }, customer, plain).reason,
    ).toBe('Auto-Submitted: auto-replied');
    expect(classifyAutomatedEmail({ 'auto-submitted': 'auto-notified' }, customer, plain).kind).toBe(
      'auto_reply',
    );
    expect(classifyAutomatedEmail({ 'auto-submitted': 'No' }, customer, plain).automated).toBe(false);
  });

  it('recognises Precedence: auto_reply, X-Autoreply and X-Autorespond', () => {
    expect(classifyAutomatedEmail({ precedence: 'auto_reply' }, customer, plain).kind).toBe('auto_reply');
    expect(classifyAutomatedEmail({ 'x-autoreply': 'yes' }, customer, plain).kind).toBe('auto_reply');
    expect(classifyAutomatedEmail({ 'x-autorespond': 'Out of office' }, customer, plain).kind).toBe(
      'auto_reply',
    );
  });

  it('recognises X-Auto-Response-Suppress of All, OOF or AutoReply, but not DR alone', () => {
    expect(classifyAutomatedEmail({ 'x-auto-response-suppress': 'DR, OOF' }, customer, plain).kind).toBe(
      'auto_reply',
    );
    expect(classifyAutomatedEmail({ 'x-auto-response-suppress': 'AutoReply' }, customer, plain).kind).toBe(
      'auto_reply',
    );
    expect(classifyAutomatedEmail({ 'x-auto-response-suppress': 'DR' }, customer, plain).automated).toBe(
      false,
    );
  });

  it('counts a read receipt as an auto-reply, not a bounce', () => {
    const type = 'multipart/report; report-type=disposition-notification; boundary="rr"';
    expect(classifyAutomatedEmail({}, customer, type).kind).toBe('auto_reply');
  });

  it('counts an empty Return-Path alone as an auto-reply', () => {
    expect(classifyAutomatedEmail({ 'return-path': '<>' }, customer, plain)).toEqual({
      automated: true,
      kind: 'auto_reply',
      reason: 'an empty Return-Path (<>)',
    });
  });
});

describe('classifyAutomatedEmail: bulk mail', () => {
  it('recognises mailing lists and newsletters', () => {
    expect(
      classifyAutomatedEmail({ 'list-id': '<deals.marketplace.example>' }, 'deals@marketplace.example', plain)
        .kind,
    ).toBe('bulk');
    expect(
      classifyAutomatedEmail(
        { 'list-unsubscribe': '<https://mail.example/u/8f3a>' },
        'news@brand.example',
        plain,
      ).kind,
    ).toBe('bulk');
  });

  it('recognises Precedence bulk, junk and list', () => {
    for (const precedence of ['bulk', 'junk', 'list', 'Bulk']) {
      expect(classifyAutomatedEmail({ precedence }, customer, plain).kind).toBe('bulk');
    }
  });

  it('counts Auto-Submitted: auto-generated as bulk: a notification, not a reply', () => {
    expect(
      classifyAutomatedEmail({ 'auto-submitted': 'auto-generated' }, 'no-reply@carrier.example', plain).kind,
    ).toBe('bulk');
  });
});

describe('classifyAutomatedEmail: people', () => {
  it('lets a customer’s mail through', () => {
    const headers: MailHeaders = {
      from: customer,
      'return-path': '<jana.novakova@gmail.com>',
      'content-type': 'multipart/alternative; boundary="000000000000f00d"',
      'auto-submitted': 'no',
    };
    expect(classifyAutomatedEmail(headers, customer, null)).toEqual({
      automated: false,
      kind: null,
      reason: null,
    });
  });

  it('does not take a postmaster-like display name or another local part for a daemon', () => {
    expect(classifyAutomatedEmail({}, 'Postmaster General <jane@example.com>', plain).automated).toBe(false);
    expect(classifyAutomatedEmail({}, 'postmaster.fan@example.com', plain).automated).toBe(false);
    expect(classifyAutomatedEmail({}, null, null).automated).toBe(false);
  });
});
