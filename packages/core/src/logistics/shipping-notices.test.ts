import { describe, expect, it } from 'vitest';
import { NOTICE_LANGUAGES } from '../notifications/index.js';
import { renderShippingNotice, SHIPPING_NOTICE_KINDS, shippingNoticeKind } from './shipping-notices.js';

const facts = { orderNumber: '#1042', carrier: 'DHL', trackingNumber: 'JD0123' };

describe('shippingNoticeKind', () => {
  it('tells at dispatch, out for delivery and on delivery', () => {
    expect(shippingNoticeKind(null, 'shipped')).toBe('shipment.shipped');
    expect(shippingNoticeKind('in_transit', 'out_for_delivery')).toBe('shipment.out_for_delivery');
    expect(shippingNoticeKind('out_for_delivery', 'delivered')).toBe('shipment.delivered');
  });

  it('says "on its way" only when in transit is the first news of the parcel', () => {
    expect(shippingNoticeKind(null, 'in_transit')).toBe('shipment.in_transit');
    expect(shippingNoticeKind('shipped', 'in_transit')).toBeNull();
    expect(shippingNoticeKind('exception', 'in_transit')).toBeNull();
  });

  it('leaves exceptions to the agents', () => {
    expect(shippingNoticeKind('in_transit', 'exception')).toBeNull();
  });
});

describe('renderShippingNotice', () => {
  it.each(SHIPPING_NOTICE_KINDS.flatMap((kind) => NOTICE_LANGUAGES.map((language) => [kind, language])))(
    'fills every placeholder of %s in %s',
    (kind, language) => {
      const notice = renderShippingNotice(kind as (typeof SHIPPING_NOTICE_KINDS)[number], language, facts);
      expect(notice.language).toBe(language);
      expect(`${notice.subject} ${notice.body}`).not.toContain('{{');
      expect(notice.subject).toContain('#1042');
      expect(notice.body).toContain('DHL');
    },
  );

  it('writes to a German customer in German, with the tracking link', () => {
    const notice = renderShippingNotice('shipment.shipped', 'de-AT', {
      ...facts,
      trackingUrl: 'https://track.example/JD0123',
    });
    expect(notice.subject).toBe('Ihre Bestellung #1042 ist verschickt');
    expect(notice.body).toContain('Sendungsnummer: JD0123');
    expect(notice.body).toContain('Sendung verfolgen: https://track.example/JD0123');
  });

  it('falls back to English for a language it does not write, and leaves out a link it was not given', () => {
    const notice = renderShippingNotice('shipment.delivered', 'ko', facts);
    expect(notice.language).toBe('en');
    expect(notice.body).not.toContain('Follow your parcel');
  });
});
