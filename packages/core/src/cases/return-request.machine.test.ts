import { describe, expect, it } from 'vitest';
import { CASE_ACTION_TYPES, type CaseActionType } from './case-action.js';
import { CASE_STATUSES, type CaseStatus } from './case-status.js';
import { act, customer, expectError, expectOk, run, snapshot } from './cases.test-helpers.js';
import { RETURN_KINDS, type ReturnKind } from './kinds.js';
import { allowedActions, transition } from './transition.js';

// The life cycle as written in the brief, kept apart from the machine tables on
// purpose: the tables are checked against this, not against themselves.
const ALL = RETURN_KINDS;
const PARCEL: ReturnKind[] = ['return', 'exchange', 'repair'];
type Arrow = [kinds: readonly ReturnKind[], from: CaseStatus, action: CaseActionType, to: CaseStatus];
const SPEC: Arrow[] = [
  [ALL, 'submitted', 'start_review', 'under_review'],
  [ALL, 'submitted', 'request_info', 'pending_info'],
  [ALL, 'submitted', 'approve', 'approved'],
  [ALL, 'submitted', 'reject', 'rejected'],
  [ALL, 'submitted', 'cancel', 'cancelled'],
  [ALL, 'under_review', 'request_info', 'pending_info'],
  [ALL, 'under_review', 'approve', 'approved'],
  [ALL, 'under_review', 'reject', 'rejected'],
  [ALL, 'under_review', 'cancel', 'cancelled'],
  [ALL, 'pending_info', 'provide_info', 'under_review'],
  [ALL, 'pending_info', 'cancel', 'cancelled'],
  [ALL, 'rejected', 'close', 'closed'],
  [ALL, 'approved', 'cancel', 'cancelled'],
  [PARCEL, 'approved', 'issue_label', 'awaiting_return'],
  [PARCEL, 'awaiting_return', 'ship', 'in_transit'],
  [PARCEL, 'awaiting_return', 'receive', 'received'],
  [PARCEL, 'awaiting_return', 'cancel', 'cancelled'],
  [PARCEL, 'in_transit', 'receive', 'received'],
  [PARCEL, 'received', 'pass_inspection', 'inspection_passed'],
  [PARCEL, 'received', 'fail_inspection', 'inspection_failed'],
  [PARCEL, 'inspection_failed', 'refuse', 'closed'],
  [PARCEL, 'inspection_failed', 'settle', 'refunded'],
  [['return'], 'inspection_passed', 'refund', 'refunded'],
  [['exchange'], 'inspection_passed', 'ship_replacement', 'replacement_shipped'],
  [['repair'], 'inspection_passed', 'complete_repair', 'repaired'],
  [['refund_only'], 'approved', 'refund', 'refunded'],
  [ALL, 'refunded', 'close', 'closed'],
  [['exchange'], 'replacement_shipped', 'close', 'closed'],
  [['repair'], 'repaired', 'close', 'closed'],
];

function specified(kind: ReturnKind, from: CaseStatus, action: CaseActionType): CaseStatus | null {
  const arrow = SPEC.find(([kinds, f, a]) => kinds.includes(kind) && f === from && a === action);
  return arrow?.[3] ?? null;
}

describe.each(RETURN_KINDS)('the %s machine', (kind) => {
  it.each(CASE_STATUSES)(
    'from %s, allows exactly the specified actions and leads where specified',
    (from) => {
      const expectedAllowed = CASE_ACTION_TYPES.filter((a) => specified(kind, from, a) !== null);
      expect([...allowedActions(kind, from)].sort()).toEqual([...expectedAllowed].sort());
      for (const action of CASE_ACTION_TYPES) {
        const result = transition(snapshot(kind, from), act(action));
        const to = specified(kind, from, action);
        if (to === null) {
          expect(result, `${from} --${action}-->`).toEqual({
            ok: false,
            error: { code: 'illegal_transition', kind, from, action, allowed: allowedActions(kind, from) },
          });
        } else {
          expect(result, `${from} --${action}-->`).toMatchObject({ ok: true, status: to, version: 2 });
        }
      }
    },
  );
});

describe('the happy path of each kind', () => {
  it('takes a return from request to refund and closes it', () => {
    const path: CaseActionType[] = ['start_review', 'approve', 'issue_label', 'ship', 'receive'];
    expect(run('return', [...path, 'pass_inspection', 'refund', 'close'])).toEqual({
      status: 'closed',
      version: 8,
    });
  });

  it('takes an exchange through inspection to a shipped replacement', () => {
    const path: CaseActionType[] = ['start_review', 'approve', 'issue_label', 'ship', 'receive'];
    expect(run('exchange', [...path, 'pass_inspection', 'ship_replacement', 'close']).status).toBe('closed');
  });

  it('takes a repair through inspection to a completed repair', () => {
    const path: CaseActionType[] = ['start_review', 'approve', 'issue_label', 'ship', 'receive'];
    expect(run('repair', [...path, 'pass_inspection', 'complete_repair', 'close']).status).toBe('closed');
  });

  it('refunds a refund-only case with no parcel at all', () => {
    expect(run('refund_only', ['start_review', 'approve', 'refund', 'close'])).toEqual({
      status: 'closed',
      version: 4,
    });
  });
});

describe('the other roads', () => {
  it('lets the policy engine approve a no-reason return on submission (R-5.4)', () => {
    expect(run('return', ['approve', 'issue_label']).status).toBe('awaiting_return');
  });

  it('pauses review for information and resumes it when the customer answers, as often as needed', () => {
    const actions: CaseActionType[] = ['start_review', 'request_info', 'provide_info', 'request_info'];
    expect(run('return', [...actions, 'provide_info', 'approve']).status).toBe('approved');
  });

  it('asks for information straight from submission', () => {
    expect(run('exchange', ['request_info', 'provide_info']).status).toBe('under_review');
  });

  it('accepts a parcel that arrives without ever being tracked', () => {
    expect(run('return', ['approve', 'issue_label', 'receive']).status).toBe('received');
  });

  it('closes a rejected request', () => {
    expect(run('repair', ['start_review', 'reject', 'close']).status).toBe('closed');
  });

  it.each(['return', 'exchange', 'repair'] as const)('lets a failed %s be refused and closed', (kind) => {
    const actions: CaseActionType[] = ['approve', 'issue_label', 'ship', 'receive', 'fail_inspection'];
    expect(run(kind, [...actions, 'refuse']).status).toBe('closed');
  });

  it.each(['return', 'exchange', 'repair'] as const)('lets a failed %s be settled with a refund', (kind) => {
    const actions: CaseActionType[] = ['approve', 'issue_label', 'ship', 'receive', 'fail_inspection'];
    expect(run(kind, [...actions, 'settle', 'close']).status).toBe('closed');
  });
});

describe('a returnless return ("keep it": the label would cost more than the goods are worth)', () => {
  const keeping = (status: CaseStatus, version = 1) => ({
    ...snapshot('return', status, version),
    returnless: true,
  });

  it('is refunded straight from approved and closed, with no parcel at all', () => {
    let c = keeping('submitted', 0);
    for (const type of ['approve', 'refund', 'close'] as const) {
      const result = transition(c, act(type));
      expectOk(result, `${c.status} --${type}-->`);
      c = { ...c, status: result.status, version: result.version };
    }
    expect(c).toMatchObject({ status: 'closed', version: 3 });
  });

  it('offers the refund beside the label, so an agent who wants the goods back can still ask', () => {
    expect(allowedActions('return', 'approved', { returnless: true })).toEqual([
      'issue_label',
      'cancel',
      'refund',
    ]);
    expect(transition(keeping('approved'), act('issue_label'))).toMatchObject({
      ok: true,
      status: 'awaiting_return',
    });
  });

  it('runs as any return everywhere else', () => {
    for (const from of CASE_STATUSES) {
      for (const action of CASE_ACTION_TYPES) {
        const plain = transition(snapshot('return', from), act(action));
        const kept = transition(keeping(from), act(action));
        if (from !== 'approved') expect(kept, `${from} --${action}-->`).toEqual(plain);
        else if (action !== 'refund') expect(kept.ok && kept.status).toBe(plain.ok && plain.status);
      }
    }
  });

  it('is the only return refunded before its goods are inspected', () => {
    const result = transition(snapshot('return', 'approved'), act('refund'));
    expectError(result);
    expect(result.error).toMatchObject({ code: 'illegal_transition', allowed: ['issue_label', 'cancel'] });
  });

  it.each(['exchange', 'repair'] as const)('means nothing to a %s, which needs the goods', (kind) => {
    const result = transition({ ...snapshot(kind, 'approved'), returnless: true }, act('refund'));
    expectError(result);
    expect(result.error.code).toBe('illegal_transition');
  });
});

describe('cancel', () => {
  const before: CaseStatus[] = ['submitted', 'under_review', 'pending_info', 'approved', 'awaiting_return'];

  it.each(before)('is allowed to the customer from %s, before the parcel leaves', (from) => {
    const result = transition(snapshot('return', from), act('cancel', { by: customer }));
    expectOk(result);
    expect(result.status).toBe('cancelled');
    expect(result.event.type).toBe('case.cancelled');
  });

  it('is allowed from approved for a refund-only case, which has no parcel', () => {
    expect(transition(snapshot('refund_only', 'approved'), act('cancel'))).toMatchObject({ ok: true });
  });

  it.each([
    ['in_transit', ['receive']],
    ['received', ['pass_inspection', 'fail_inspection']],
    ['inspection_failed', ['refuse', 'settle']],
    ['refunded', ['close']],
    ['closed', []],
  ] as const)('is refused once the parcel is on its way: from %s only %j is allowed', (from, allowed) => {
    const result = transition(snapshot('return', from), act('cancel', { by: customer }));
    expectError(result);
    expect(result.error).toEqual({
      code: 'illegal_transition',
      kind: 'return',
      from,
      action: 'cancel',
      allowed,
    });
  });
});
