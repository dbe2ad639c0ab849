import { describe, expect, it } from 'vitest';
import { ACTION_PERMISSION, can, canPerform, PERMISSIONS, type PrincipalKind } from './permissions.js';

// The whole matrix, written out: a change to who may do what shows up here as a diff.
const MATRIX: Record<PrincipalKind, string> = {
  //            orders:r orders:w cases:r create review logist inspect settle fulfil cancel close refund upload pol:r pol:w users msg:w disp:d desk meas rep
  agent: 'r . r c v . . . . x z . u p . . m . . . .',
  logistics: 'r . r . . l . . f . . . u . . . m . . . .',
  quality: 'r . r . . . i . . . . . u . . . m . . M .',
  manager: 'r w r c v l i s f x z $ u p P . m d H M R',
  admin: 'r w r c v l i s f x z $ u p P U m d H M R',
  integration: 'r w r c v l i s f x z $ u p P . m d H M R',
  customer: 'r . r c . . . . . x . . u . . . m . . . .',
};

describe('permissions', () => {
  for (const [principal, row] of Object.entries(MATRIX) as [PrincipalKind, string][]) {
    const cells = row.split(' ');
    PERMISSIONS.forEach((permission, i) => {
      const expected = cells[i] !== '.';
      it(`${principal} ${expected ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(principal, permission)).toBe(expected);
      });
    });
  }

  it('names a permission for every case action', () => {
    for (const permission of Object.values(ACTION_PERMISSION)) expect(PERMISSIONS).toContain(permission);
  });

  it('leaves dispute decisions to managers, admins and integrations', () => {
    expect(canPerform('agent', 'decide')).toBe(false);
    expect(canPerform('manager', 'decide')).toBe(true);
    expect(canPerform('agent', 'refer_to_arbitration')).toBe(true);
  });

  it('lets a customer appeal a decision once it is made, but not make it', () => {
    expect(canPerform('customer', 'appeal')).toBe(true);
    expect(canPerform('customer', 'decide')).toBe(false);
    expect(canPerform('customer', 'solve')).toBe(false);
  });

  it('lets a customer answer, ship and cancel their case but not approve it', () => {
    expect(canPerform('customer', 'provide_info')).toBe(true);
    expect(canPerform('customer', 'ship')).toBe(true);
    expect(canPerform('customer', 'cancel')).toBe(true);
    expect(canPerform('customer', 'approve')).toBe(false);
    expect(canPerform('customer', 'refund')).toBe(false);
  });

  it('keeps refunds away from agents, logistics and quality', () => {
    expect(canPerform('agent', 'refund')).toBe(false);
    expect(canPerform('logistics', 'refund')).toBe(false);
    expect(canPerform('quality', 'refund')).toBe(false);
    expect(canPerform('manager', 'refund')).toBe(true);
  });

  it('lets quality inspect but not receive parcels, and logistics the reverse', () => {
    expect(canPerform('quality', 'pass_inspection')).toBe(true);
    expect(canPerform('quality', 'receive')).toBe(false);
    expect(canPerform('logistics', 'receive')).toBe(true);
    expect(canPerform('logistics', 'pass_inspection')).toBe(false);
  });

  it('refuses an unknown action to everyone', () => {
    expect(canPerform('admin', 'teleport')).toBe(false);
  });
});
