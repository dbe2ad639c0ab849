import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, CASE_ACTION_TYPES, type CaseAction } from './case-action.js';
import { CASE_STATUSES, type CaseStatus, INITIAL_CASE_STATUS, isTerminal } from './case-status.js';
import { AT } from './cases.test-helpers.js';
import { RETURN_KINDS, type ReturnKind } from './kinds.js';
import { type MachineTable, machineOf } from './return-request.machine.js';
import { allowedActions, type CaseSnapshot, type MachineOptions, transition } from './transition.js';

// Every return kind's machine, and the returnless return's beside the plain return's.
const MACHINES: [name: string, kind: ReturnKind, options: MachineOptions][] = [
  ...RETURN_KINDS.map((kind): [string, ReturnKind, MachineOptions] => [kind, kind, {}]),
  ['returnless return', 'return', { returnless: true }],
];
const statusesOf = (table: MachineTable) => Object.keys(table) as CaseStatus[];

const actorArb: fc.Arbitrary<Actor> = fc.record({
  type: fc.constantFrom('customer', 'agent', 'system', 'integration'),
  id: fc.option(fc.string(), { nil: null }),
});

// Any action at all, including ones that break guards, so both failure kinds are exercised.
const actionArb: fc.Arbitrary<CaseAction> = fc.record(
  {
    type: fc.constantFrom(...CASE_ACTION_TYPES),
    by: actorArb,
    at: fc.constant(AT),
    reason: fc.constantFrom('', ' ', 'damaged', 'missing photo'),
    data: fc.record({ amountMinor: fc.oneof(fc.nat(), fc.integer({ min: -5, max: -1 }), fc.double()) }),
  },
  { requiredKeys: ['type', 'by', 'at'] },
);

function reachable(table: MachineTable, from: CaseStatus): Set<CaseStatus> {
  const seen = new Set<CaseStatus>([from]);
  const queue = [from];
  for (let s = queue.pop(); s !== undefined; s = queue.pop()) {
    for (const next of Object.values(table[s] ?? {})) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

// Half the steps pick one of the actions the machine offers, so walks get past review
// and into the parcel and money statuses instead of bouncing off `submitted`.
const stepArb = fc.record({ action: actionArb, pickOffered: fc.boolean(), pick: fc.nat() });

describe('any sequence of actions', () => {
  it('stays inside the machine, moves the version by exactly one per success, and stops at terminal statuses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RETURN_KINDS),
        fc.boolean(),
        fc.array(stepArb, { maxLength: 40 }),
        (kind, returnless, steps) => {
          let c: CaseSnapshot = { id: 'c', kind, status: INITIAL_CASE_STATUS, version: 0, returnless };
          const table = machineOf(kind, { returnless });
          for (const step of steps) {
            const offered = allowedActions(kind, c.status, c);
            const type = step.pickOffered ? offered[step.pick % offered.length] : undefined;
            const action = { ...step.action, type: type ?? step.action.type };
            const result = transition(c, action);
            if (result.ok) {
              expect(isTerminal(c.status)).toBe(false);
              expect(result.version).toBe(c.version + 1);
              expect(statusesOf(table)).toContain(result.status);
              expect(result.event).toMatchObject({ from: c.status, to: result.status, action: action.type });
              c = { ...c, status: result.status, version: result.version };
            } else {
              expect(result.error.allowed).toEqual(allowedActions(kind, c.status, c));
              if (result.error.code === 'illegal_transition') {
                expect(result.error.allowed).not.toContain(action.type);
              } else {
                expect(result.error.allowed).toContain(action.type);
              }
            }
          }
        },
      ),
    );
  });
});

describe.each(MACHINES)('the %s table', (_name, kind, options) => {
  const table = machineOf(kind, options);
  const offered = (status: CaseStatus) => allowedActions(kind, status, options);

  it('leads only to statuses it knows', () => {
    for (const actions of Object.values(table)) {
      for (const to of Object.values(actions)) expect(statusesOf(table)).toContain(to);
    }
  });

  it('offers at least one action from every status but the terminal ones, which offer none', () => {
    for (const status of statusesOf(table)) {
      expect(offered(status).length === 0).toBe(isTerminal(status));
    }
  });

  it('includes both terminal statuses and starts at submitted', () => {
    expect(statusesOf(table)).toEqual(expect.arrayContaining(['submitted', 'closed', 'cancelled']));
  });

  it('reaches every one of its statuses from submitted', () => {
    expect([...reachable(table, INITIAL_CASE_STATUS)].sort()).toEqual(statusesOf(table).sort());
  });

  it('has no dead end: closed is reachable from every status that is not over', () => {
    for (const status of statusesOf(table).filter((s) => !isTerminal(s))) {
      expect(reachable(table, status).has('closed'), status).toBe(true);
    }
  });

  it('allows nothing from a status outside it', () => {
    for (const status of CASE_STATUSES.filter((s) => !statusesOf(table).includes(s))) {
      expect(offered(status)).toEqual([]);
    }
  });
});
