import { describe, expect, it } from 'vitest';
import { CASE_ACTION_TYPES, CASE_EVENT_TYPES } from './case-action.js';
import { CASE_STATUS_LABELS, CASE_STATUSES, isCaseStatus, isTerminal } from './case-status.js';
import {
  AT,
  act,
  agent,
  customer,
  expectError,
  expectOk,
  integration,
  snapshot,
  system,
} from './cases.test-helpers.js';
import { transition } from './transition.js';

describe('guards', () => {
  it.each(['reject', 'request_info'] as const)('refuses to %s without a reason', (type) => {
    for (const reason of [undefined, '', '   ']) {
      const result = transition(snapshot('return', 'under_review'), act(type, { reason }));
      expectError(result);
      expect(result.error).toMatchObject({ code: 'guard_failed', guard: 'reason_required', action: type });
    }
  });

  it('refuses goods that failed inspection only with a reason', () => {
    const result = transition(snapshot('exchange', 'inspection_failed'), act('refuse', { reason: '' }));
    expectError(result);
    expect(result.error).toMatchObject({ code: 'guard_failed', guard: 'reason_required' });
  });

  it.each([system, integration])('does not let a $type actor cancel', (by) => {
    const result = transition(snapshot('return', 'submitted'), act('cancel', { by }));
    expectError(result);
    expect(result.error).toMatchObject({
      code: 'guard_failed',
      guard: 'actor_not_allowed',
      from: 'submitted',
      allowed: ['start_review', 'request_info', 'approve', 'reject', 'cancel'],
    });
  });

  it('lets an agent cancel on behalf of the customer', () => {
    expect(transition(snapshot('return', 'pending_info'), act('cancel', { by: agent }))).toMatchObject({
      ok: true,
      status: 'cancelled',
    });
  });

  it.each([
    ['missing', {}],
    ['negative', { amountMinor: -1 }],
    ['fractional', { amountMinor: 12.5 }],
    ['a string', { amountMinor: '1500' }],
    ['not finite', { amountMinor: Number.POSITIVE_INFINITY }],
  ])('refuses a settlement whose amountMinor is %s', (_, data) => {
    const result = transition(snapshot('return', 'inspection_failed'), act('settle', { data }));
    expectError(result);
    expect(result.error).toMatchObject({ code: 'guard_failed', guard: 'amount_invalid' });
  });

  it('settles for nothing when that is what was negotiated', () => {
    const result = transition(
      snapshot('repair', 'inspection_failed'),
      act('settle', { data: { amountMinor: 0 } }),
    );
    expectOk(result);
    expect(result.event).toMatchObject({ type: 'case.settled', to: 'refunded', data: { amountMinor: 0 } });
  });

  it('reports an illegal transition before a broken guard', () => {
    const result = transition(snapshot('return', 'closed'), act('reject', { reason: '' }));
    expectError(result);
    expect(result.error.code).toBe('illegal_transition');
  });

  it('does not ask for a reason where none is needed', () => {
    expect(transition(snapshot('return', 'submitted'), act('approve', { reason: undefined }))).toMatchObject({
      ok: true,
    });
  });
});

describe('the event of a transition', () => {
  it('records who did what, when, from where to where, and why', () => {
    const alternatives = ['store_credit', 'repair'];
    const result = transition(
      { id: 'case_42', kind: 'return', status: 'under_review', version: 7 },
      { type: 'reject', by: agent, at: AT, reason: '  Worn after 30 days  ', data: { alternatives } },
    );
    expect(result).toEqual({
      ok: true,
      status: 'rejected',
      version: 8,
      event: {
        type: 'case.rejected',
        caseId: 'case_42',
        from: 'under_review',
        to: 'rejected',
        action: 'reject',
        actor: agent,
        at: AT,
        reason: 'Worn after 30 days',
        data: { alternatives },
      },
    });
  });

  it('has a null reason and empty data when none were given', () => {
    const result = transition(snapshot('return', 'submitted'), { type: 'start_review', by: system, at: AT });
    expectOk(result);
    expect(result.event).toMatchObject({ reason: null, data: {} });
  });

  it('cannot be rewritten by later changes to the action it came from', () => {
    const data: Record<string, unknown> = { waybillNumber: 'AD48213390574' };
    const by = { ...customer };
    const result = transition(snapshot('return', 'approved'), act('issue_label', { by, data }));
    data.waybillNumber = 'changed';
    by.id = 'someone_else';
    expectOk(result);
    expect(result.event.data).toEqual({ waybillNumber: 'AD48213390574' });
    expect(result.event.actor.id).toBe('cus_1');
  });

  it('names every event in the past tense under case.', () => {
    for (const action of CASE_ACTION_TYPES) expect(CASE_EVENT_TYPES[action]).toMatch(/^case\.[a-z_]+$/);
    expect(new Set(Object.values(CASE_EVENT_TYPES)).size).toBe(CASE_ACTION_TYPES.length);
  });
});

describe('statuses', () => {
  it('treats closed and cancelled, and only those, as terminal', () => {
    expect(CASE_STATUSES.filter(isTerminal)).toEqual(['closed', 'cancelled']);
  });

  it('recognises known statuses in data read from outside', () => {
    expect(isCaseStatus('in_transit')).toBe(true);
    expect(isCaseStatus('shipped')).toBe(false);
  });

  it('has an English and a Chinese label for every status', () => {
    for (const status of CASE_STATUSES) {
      expect(CASE_STATUS_LABELS[status].en).not.toBe('');
      expect(CASE_STATUS_LABELS[status]['zh-CN']).toMatch(/\p{Script=Han}/u);
    }
  });
});
