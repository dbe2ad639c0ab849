import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../cases/case-status.js';
import { RETURN_MACHINE } from '../cases/return-request.machine.js';
import { isParcelOverdue } from './parcel-exceptions.js';
import { returnParcelStep } from './return-parcel.js';
import { SHIPMENT_STATUSES } from './shipment-state.js';

describe('returnParcelStep', () => {
  it('ships a waiting case on the first scan and receives it on delivery', () => {
    expect(returnParcelStep('awaiting_return', 'shipped')).toBe('ship');
    expect(returnParcelStep('awaiting_return', 'out_for_delivery')).toBe('ship');
    expect(returnParcelStep('in_transit', 'delivered')).toBe('receive');
  });

  it('receives a waiting case whose first news is the delivery', () => {
    expect(returnParcelStep('awaiting_return', 'delivered')).toBe('receive');
  });

  it('never moves a case that is already further on', () => {
    for (const status of ['received', 'inspection_passed', 'refunded', 'closed'] as const)
      for (const scan of SHIPMENT_STATUSES) expect(returnParcelStep(status, scan)).toBeNull();
    expect(returnParcelStep('in_transit', 'in_transit')).toBeNull();
  });

  it('only ever proposes steps the return machine allows', () => {
    for (const status of CASE_STATUSES)
      for (const scan of SHIPMENT_STATUSES) {
        const step = returnParcelStep(status, scan);
        if (step) expect(RETURN_MACHINE[status]?.[step]).toBeDefined();
      }
  });
});

describe('isParcelOverdue', () => {
  const estimatedAt = new Date('2024-05-03T18:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('calls a parcel late a day after its estimated delivery', () => {
    const parcel = { status: 'in_transit', deliveredAt: null, estimatedAt };
    expect(isParcelOverdue(parcel, at('2024-05-04T17:00:00Z'))).toBe(false);
    expect(isParcelOverdue(parcel, at('2024-05-04T19:00:00Z'))).toBe(true);
  });

  it('never calls a delivered or unpromised parcel late', () => {
    const late = at('2024-06-01T00:00:00Z');
    expect(isParcelOverdue({ status: 'delivered', deliveredAt: null, estimatedAt }, late)).toBe(false);
    expect(isParcelOverdue({ status: null, deliveredAt: estimatedAt, estimatedAt }, late)).toBe(false);
    expect(isParcelOverdue({ status: 'in_transit', deliveredAt: null, estimatedAt: null }, late)).toBe(false);
  });
});
