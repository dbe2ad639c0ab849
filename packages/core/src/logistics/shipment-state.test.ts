import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareTrackingUpdates,
  foldShipmentState,
  nextShipmentState,
  SHIPMENT_STATUSES,
  type TrackingUpdate,
} from './shipment-state.js';

const at = (iso: string) => new Date(`2024-05-0${iso}Z`);

describe('nextShipmentState', () => {
  it('takes the first event of a parcel as its state', () => {
    expect(nextShipmentState(null, { status: 'shipped', occurredAt: at('1T08:00:00') })).toEqual({
      status: 'shipped',
      statusAt: at('1T08:00:00'),
    });
  });

  it('lets a later event win, even a step back such as a new in-transit scan after an exception', () => {
    const held = { status: 'exception' as const, statusAt: at('2T10:00:00') };
    expect(nextShipmentState(held, { status: 'in_transit', occurredAt: at('2T12:00:00') })?.status).toBe(
      'in_transit',
    );
  });

  it('never moves a parcel back for an older event', () => {
    const delivered = { status: 'delivered' as const, statusAt: at('3T15:00:00') };
    expect(
      nextShipmentState(delivered, { status: 'out_for_delivery', occurredAt: at('3T08:00:00') }),
    ).toBeNull();
  });

  it('at the same instant keeps the further status', () => {
    const out = { status: 'out_for_delivery' as const, statusAt: at('3T08:00:00') };
    expect(nextShipmentState(out, { status: 'in_transit', occurredAt: at('3T08:00:00') })).toBeNull();
    expect(nextShipmentState(out, { status: 'delivered', occurredAt: at('3T08:00:00') })?.status).toBe(
      'delivered',
    );
  });

  it('changes nothing for an event it has already applied', () => {
    const event = { status: 'in_transit' as const, occurredAt: at('2T09:00:00') };
    const state = nextShipmentState(null, event);
    expect(nextShipmentState(state, event)).toBeNull();
  });
});

const update = fc.record({
  status: fc.constantFrom(...SHIPMENT_STATUSES),
  // A narrow range of whole minutes, so ties in time are common.
  occurredAt: fc.integer({ min: 0, max: 20 }).map((m) => new Date(Date.UTC(2024, 4, 1, 8, m))),
});

describe('the order events arrive in', () => {
  it('does not change the final state', () => {
    fc.assert(
      fc.property(fc.array(update, { maxLength: 12 }), fc.infiniteStream(fc.nat()), (events, seeds) => {
        const shuffled = [...events];
        const stream = seeds[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (stream.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as TrackingUpdate, shuffled[i] as TrackingUpdate];
        }
        expect(foldShipmentState(null, shuffled)).toEqual(foldShipmentState(null, events));
      }),
    );
  });

  it('ends in the greatest event by time, then by status', () => {
    fc.assert(
      fc.property(fc.array(update, { minLength: 1, maxLength: 12 }), (events) => {
        const last = [...events].sort(compareTrackingUpdates).at(-1) as TrackingUpdate;
        expect(foldShipmentState(null, events)).toEqual({ status: last.status, statusAt: last.occurredAt });
      }),
    );
  });

  it('is unaffected by an event applied twice', () => {
    fc.assert(
      fc.property(fc.array(update, { maxLength: 8 }), update, (events, repeated) => {
        const once = foldShipmentState(null, [...events, repeated]);
        expect(nextShipmentState(once, repeated)).toBeNull();
        expect(foldShipmentState(null, [...events, repeated, repeated])).toEqual(once);
      }),
    );
  });
});
