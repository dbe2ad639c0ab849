import type { OrderInput } from '@afterdesk/contract';

let counter = 0;

/** A delivered two-line EUR order; `deliveredDaysAgo` places it relative to `now`. */
export function sampleOrder(
  now: Date,
  options: { deliveredDaysAgo?: number | null; email?: string; storeCode?: string } = {},
): OrderInput {
  counter += 1;
  const id = `T${Date.now().toString(36)}${counter}`;
  const delivered = options.deliveredDaysAgo === undefined ? 2 : options.deliveredDaysAgo;
  const day = 86_400_000;
  return {
    externalId: id,
    storeCode: options.storeCode ?? 'eu',
    number: `#${id}`,
    placedAt: new Date(now.getTime() - ((delivered ?? 0) + 4) * day).toISOString(),
    currency: 'EUR',
    shippingMinor: 499,
    customer: {
      email: options.email ?? `buyer-${id.toLowerCase()}@example.com`,
      name: 'Erika Mustermann',
      language: 'de',
      country: 'DE',
    },
    lines: [
      {
        externalId: 'l1',
        sku: 'SHOE-42-BLK',
        title: 'Trail shoe',
        category: 'fashion_shoes',
        attributes: { size: '42', colour: 'black' },
        quantity: 2,
        unitPriceMinor: 5999,
        discountMinor: 1000,
      },
      {
        externalId: 'l2',
        sku: 'SOCK-3P',
        title: 'Socks, 3 pairs',
        category: 'fashion_accessories',
        quantity: 1,
        unitPriceMinor: 1299,
      },
    ],
    payments: [{ method: 'card', reference: `pi_${id}`, capturedMinor: 2 * 5999 - 1000 + 1299 + 499 }],
    shipments:
      delivered === null
        ? [
            {
              carrier: 'DHL',
              trackingNumber: `JD${id}`,
              shippedAt: new Date(now.getTime() - 2 * day).toISOString(),
            },
          ]
        : [
            {
              carrier: 'DHL',
              trackingNumber: `JD${id}`,
              shippedAt: new Date(now.getTime() - (delivered + 2) * day).toISOString(),
              deliveredAt: new Date(now.getTime() - delivered * day).toISOString(),
            },
          ],
  };
}

export const NO_REASON_CONDITIONS = [
  'unused',
  'original_packaging',
  'accessories_complete',
  'resalable',
] as const;

/** The body of a no-reason return of `quantity` units of the order's first line. */
export function noReasonReturn(order: { id: string; lines: { id: string }[] }, quantity = 1) {
  return {
    kind: 'return',
    orderId: order.id,
    items: [
      {
        orderLineId: order.lines[0]?.id,
        quantity,
        reasonCode: 'no_reason',
        conditions: [...NO_REASON_CONDITIONS],
      },
    ],
  };
}

/** The body of a quality-defect return of one unit of the order's second line. */
export function qualityReturn(
  order: { id: string; lines: { id: string }[] },
  description: string,
  evidenceIds?: string[],
) {
  return {
    kind: 'return',
    orderId: order.id,
    items: [
      {
        orderLineId: order.lines[1]?.id,
        quantity: 1,
        reasonCode: 'quality_defect',
        description,
        ...(evidenceIds ? { evidenceIds } : {}),
      },
    ],
  };
}

/** What a phone writes into a photo: the owner, the camera's serial and where it was taken. */
export const PHONE_EXIF = {
  IFD0: { Copyright: 'SECRET-COPYRIGHT', Artist: 'SECRET-ARTIST', Make: 'Phone', Model: 'X1' },
  IFD2: { BodySerialNumber: 'SECRET-SERIAL' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '48/1 51/1 2400/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '2/1 21/1 0/1',
  },
};
