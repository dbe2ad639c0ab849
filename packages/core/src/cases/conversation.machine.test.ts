import { describe, expect, it } from 'vitest';
import { CASE_ACTION_TYPES, type CaseActionType } from './case-action.js';
import { CASE_STATUSES, type CaseStatus } from './case-status.js';
import { act, customer, expectError, expectOk, run, snapshot } from './cases.test-helpers.js';
import { type CaseKind, CONVERSATION_KINDS } from './kinds.js';
import { nextStatus, transition } from './transition.js';

// The help-desk life cycles as the brief states them, kept apart
// from the tables so the tables are checked against this and not against themselves.
const TALK: CaseKind[] = ['inquiry', 'complaint', 'logistics'];
type Arrow = [kinds: readonly CaseKind[], from: CaseStatus, action: CaseActionType, to: CaseStatus];
const SPEC: Arrow[] = [
  [TALK, 'open', 'request_info', 'pending_info'],
  [TALK, 'open', 'solve', 'solved'],
  [TALK, 'open', 'merge', 'closed'],
  [TALK, 'open', 'close', 'closed'],
  [TALK, 'pending_info', 'provide_info', 'open'],
  [TALK, 'pending_info', 'solve', 'solved'],
  [TALK, 'pending_info', 'merge', 'closed'],
  [TALK, 'pending_info', 'close', 'closed'],
  [TALK, 'solved', 'reopen', 'open'],
  [TALK, 'solved', 'merge', 'closed'],
  [TALK, 'solved', 'close', 'closed'],
  [['dispute'], 'open', 'start_review', 'under_review'],
  [['dispute'], 'open', 'request_info', 'pending_info'],
  [['dispute'], 'open', 'merge', 'closed'],
  [['dispute'], 'open', 'close', 'closed'],
  [['dispute'], 'pending_info', 'provide_info', 'under_review'],
  [['dispute'], 'pending_info', 'close', 'closed'],
  [['dispute'], 'under_review', 'request_info', 'pending_info'],
  [['dispute'], 'under_review', 'negotiate', 'negotiation'],
  [['dispute'], 'under_review', 'refer_to_arbitration', 'in_arbitration'],
  [['dispute'], 'under_review', 'decide', 'decided'],
  [['dispute'], 'under_review', 'record_mediation', 'under_review'],
  [['dispute'], 'negotiation', 'request_info', 'pending_info'],
  [['dispute'], 'negotiation', 'refer_to_arbitration', 'in_arbitration'],
  [['dispute'], 'negotiation', 'decide', 'decided'],
  [['dispute'], 'negotiation', 'record_mediation', 'negotiation'],
  [['dispute'], 'in_arbitration', 'decide', 'decided'],
  [['dispute'], 'in_arbitration', 'record_mediation', 'in_arbitration'],
  [['dispute'], 'decided', 'appeal', 'appealed'],
  [['dispute'], 'decided', 'close', 'closed'],
  [['dispute'], 'decided', 'record_mediation', 'decided'],
  [['dispute'], 'appealed', 'decide', 'appeal_decided'],
  [['dispute'], 'appealed', 'record_mediation', 'appealed'],
  [['dispute'], 'appeal_decided', 'close', 'closed'],
  [['dispute'], 'appeal_decided', 'record_mediation', 'appeal_decided'],
];

const DISPUTE_DATA = { group: 'legal', mediator: 'Consumer Arbitration Board', intoCaseId: 'case_2' };

describe('the help-desk machines', () => {
  it('offer exactly the arrows of the brief, and nothing else', () => {
    for (const kind of CONVERSATION_KINDS) {
      for (const from of CASE_STATUSES) {
        for (const action of CASE_ACTION_TYPES) {
          const arrow = SPEC.find(([kinds, f, a]) => kinds.includes(kind) && f === from && a === action);
          expect(nextStatus(kind, from, action), `${kind}: ${from} --${action}-->`).toBe(arrow?.[3] ?? null);
        }
      }
    }
  });

  it('lets a customer reopen what was solved, and then solve it again', () => {
    expect(run('inquiry', ['solve', 'reopen', 'solve', 'close'], 'open').status).toBe('closed');
  });

  it('walks a dispute from review through arbitration to a decision and one appeal', () => {
    const steps: CaseActionType[] = [
      'start_review',
      'negotiate',
      'refer_to_arbitration',
      'decide',
      'appeal',
      'decide',
    ];
    let c = snapshot('dispute', 'open');
    for (const type of steps) {
      const result = transition(c, act(type, { data: DISPUTE_DATA }));
      expectOk(result, type);
      c = { ...c, status: result.status, version: result.version };
    }
    expect(c.status).toBe('appeal_decided');
  });

  it('refuses a second appeal: the appeal decision is final', () => {
    const result = transition(snapshot('dispute', 'appeal_decided'), act('appeal', { by: customer }));
    expectError(result);
    expect(result.error.allowed).toEqual(['close', 'record_mediation']);
  });

  it('records third-party mediation without moving the dispute', () => {
    const result = transition(
      snapshot('dispute', 'negotiation'),
      act('record_mediation', { reason: 'Both sides accept a 50 % refund.', data: DISPUTE_DATA }),
    );
    expectOk(result);
    expect(result.status).toBe('negotiation');
    expect(result.event.type).toBe('case.mediation_recorded');
  });

  it('needs a written decision, and compensation in whole minor units', () => {
    const dispute = snapshot('dispute', 'in_arbitration');
    expectError(transition(dispute, act('decide', { reason: ' ' })));
    expectError(transition(dispute, act('decide', { data: { compensationMinor: 12.5 } })));
    expectOk(transition(dispute, act('decide', { data: { compensationMinor: 2500 } })));
    expectOk(transition(dispute, act('decide', { data: {} })));
  });

  it('sends a dispute only to a known arbitration group', () => {
    const dispute = snapshot('dispute', 'under_review');
    const refused = transition(dispute, act('refer_to_arbitration', { data: { group: 'finance' } }));
    expectError(refused);
    expect(refused.error).toMatchObject({ guard: 'data_invalid' });
    expectOk(transition(dispute, act('refer_to_arbitration', { data: { group: 'product' } })));
  });

  it('needs to know who mediated, and the case a merged one carries on in', () => {
    const noMediator = transition(snapshot('dispute', 'decided'), act('record_mediation', { data: {} }));
    expectError(noMediator);
    expect(noMediator.error).toMatchObject({ code: 'guard_failed', guard: 'data_invalid' });
    expectError(transition(snapshot('complaint', 'open'), act('merge', { data: {} })));
  });
});
