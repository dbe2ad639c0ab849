import { describe, expect, it } from 'vitest';
import type { ReturnCarrier, ReturnShipmentRequest } from './return-carrier.js';

/** A request as the job would build it; `n` makes shipment and case distinct. */
export function sampleShipmentRequest(n = 1, pickup = false): ReturnShipmentRequest {
  return {
    shipmentId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    tenantId: '00000000-0000-4000-8000-00000000aaaa',
    case: {
      id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
      number: 1000 + n,
      returnCode: `RMA-00${n}`,
    },
    from: { name: 'Élodie Martin', email: 'elodie@example.com', phone: null, country: 'FR' },
    to: {
      name: 'Acme Returns Lyon',
      addressLines: ['12 Rue de la Gare'],
      postalCode: '69007',
      city: 'Lyon',
      country: 'FR',
      consolidation: true,
    },
    postagePaidBy: 'merchant',
    pickup: pickup ? { date: '2026-11-25', from: '09:00', to: '12:00' } : null,
    items: [{ sku: 'SHOE-42-BLK', quantity: 1 }],
  };
}

/**
 * The behaviour every {@link ReturnCarrier} must have. Each adapter's test file calls this
 * once with a factory for a working carrier (a generic one pointed at a live test bridge).
 */
export function describeReturnCarrier(
  name: string,
  factory: () => ReturnCarrier | Promise<ReturnCarrier>,
): void {
  describe(`${name} (ReturnCarrier contract)`, () => {
    it('has a code a shipment can store', async () => {
      expect((await factory()).code).toMatch(/^[a-z0-9][a-z0-9_-]{0,39}$/);
    });

    it('answers a request with a waybill, a wait for one, or a failure, and never throws', async () => {
      const carrier = await factory();
      const answer = await carrier.createShipment(sampleShipmentRequest(1, carrier.booksPickup));
      expect(['issued', 'awaiting_waybill']).toContain(answer.kind);
      if (answer.kind === 'issued') expect(answer.waybillNumber).toMatch(/^[A-Za-z0-9-]{3,60}$/);
    });

    it('answers at once the same kind it answers when asked, or leaves asking to the job', async () => {
      const carrier = await factory();
      const atOnce = carrier.answerAtOnce();
      if (atOnce === null) return;
      const asked = await carrier.createShipment(sampleShipmentRequest(2));
      expect(asked.kind).toBe(atOnce.kind);
    });

    it('gives two shipments two different waybills', async () => {
      const carrier = await factory();
      const [a, b] = await Promise.all([
        carrier.createShipment(sampleShipmentRequest(3)),
        carrier.createShipment(sampleShipmentRequest(4)),
      ]);
      if (a.kind === 'issued' && b.kind === 'issued') expect(a.waybillNumber).not.toBe(b.waybillNumber);
      else expect([a.kind, b.kind]).toEqual(['awaiting_waybill', 'awaiting_waybill']);
    });
  });
}
