import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './default-policy.js';
import { evaluatePolicy } from './evaluate-policy.js';
import {
  berlinDay,
  DELIVERED_AT,
  defectItem,
  inputFixture,
  noReasonItem,
  orderFixture,
} from './policies.test-helpers.js';

const failedRules = (decision: ReturnType<typeof evaluatePolicy>) =>
  decision.trace.filter((entry) => !entry.passed).map((entry) => entry.rule);

describe('evaluatePolicy: review by an agent', () => {
  it('sends a quality defect reported after the window to an agent instead of refusing it', () => {
    const decision = evaluatePolicy(inputFixture({ now: berlinDay(20), items: [defectItem()] }));
    expect(decision.outcome).toBe('review');
    expect(failedRules(decision)).toContain('within_window');
  });

  it('asks for evidence of a quality defect', () => {
    const decision = evaluatePolicy(inputFixture({ items: [defectItem({ evidenceCount: 0 })] }));
    expect(decision.outcome).toBe('review');
    expect(decision.reasons).toContainEqual({
      code: 'evidence_provided',
      message: 'Please add photos or other evidence for “Quality problem (broken or not working)”.',
    });
  });

  it('reviews a quality defect even with evidence, since evidence is for a person to judge', () => {
    const decision = evaluatePolicy(inputFixture({ items: [defectItem()] }));
    expect(decision.outcome).toBe('review');
    expect(failedRules(decision)).toEqual([
      'auto_approval_reason',
      'auto_approval_conditions',
      'auto_approval_evidence',
    ]);
  });

  it('reviews a no-reason return whose packaging and accessories are not confirmed', () => {
    const decision = evaluatePolicy(inputFixture({ items: [noReasonItem({ conditions: ['unused'] })] }));
    expect(decision.outcome).toBe('review');
    expect(decision.reasons).toEqual([
      {
        code: 'conditions_met',
        message:
          'The item must also be: in its original packaging, complete with accessories, manual and warranty card, resalable; an agent will check it.',
      },
    ]);
  });

  it('reviews a reason that is not in the catalogue', () => {
    const decision = evaluatePolicy(inputFixture({ items: [noReasonItem({ reasonCode: 'bored' })] }));
    expect(decision.outcome).toBe('review');
    expect(failedRules(decision)).toEqual(['reason_known', 'auto_approval_reason']);
  });

  it('reviews a reason used for a kind it does not apply to', () => {
    const decision = evaluatePolicy(inputFixture({ kind: 'exchange' }));
    expect(decision.outcome).toBe('review');
    expect(decision.reasons[0]).toEqual({
      code: 'reason_allowed_for_kind',
      message:
        '“Changed my mind (no-reason return)” is not accepted for exchange requests; an agent will check it.',
    });
  });

  it('reviews an order that has not been delivered, with no request deadline yet', () => {
    const decision = evaluatePolicy(inputFixture({ order: { ...orderFixture(), deliveredAt: null } }));
    expect(decision.outcome).toBe('review');
    expect(failedRules(decision)).toEqual(['order_delivered']);
    expect(decision.trace.some((entry) => entry.rule === 'within_window')).toBe(false);
    expect(decision.deadlines).toEqual({ requestBy: null, shipBackBy: null });
  });

  it('reviews a blocked customer', () => {
    expect(failedRules(evaluatePolicy(inputFixture({ customer: { blocked: true } })))).toEqual([
      'customer_not_blocked',
    ]);
  });

  it('reviews an order at the automatic-approval limit', () => {
    const order = { ...orderFixture(), totalMinor: 50000 };
    expect(evaluatePolicy(inputFixture({ order })).reasons).toEqual([
      {
        code: 'order_value_limit',
        message: 'The order value €500.00 is at or above the automatic-approval limit of €500.00.',
      },
    ]);
  });

  it('reviews an order in a currency without a limit or a shipping fee', () => {
    const order = { ...orderFixture(), currency: 'CHF' };
    const decision = evaluatePolicy(inputFixture({ order }));
    expect(decision.outcome).toBe('review');
    expect(failedRules(decision)).toEqual(['shipping_fee_known', 'order_value_limit']);
    expect(decision.fees).toEqual([]);
  });

  it('reviews a condition the policy needs for automatic approval only', () => {
    const policy = defaultPolicy();
    policy.autoApproval.requiredConditions = ['unopened'];
    const decision = evaluatePolicy(inputFixture({ policy }));
    expect(decision.reasons).toEqual([
      {
        code: 'auto_approval_conditions',
        message: "An agent checks the item's condition (not confirmed: unopened).",
      },
    ]);
  });

  it('reviews everything when automatic approval is off, without tracing the automatic rules', () => {
    const policy = defaultPolicy();
    policy.autoApproval.enabled = false;
    const decision = evaluatePolicy(inputFixture({ policy }));
    expect(decision.outcome).toBe('review');
    expect(
      decision.trace.filter((entry) => entry.rule.startsWith('auto_')).map((entry) => entry.rule),
    ).toEqual(['auto_approval_enabled']);
  });

  it('allows a longer window for a category', () => {
    const policy = { ...defaultPolicy(), categoryWindows: { fashion_tops: 30 } };
    const decision = evaluatePolicy(inputFixture({ policy, now: berlinDay(20) }));
    expect(decision.outcome).toBe('approve');
    expect(decision.deadlines.requestBy).toBe('2025-04-02T23:59:59.999+02:00');
  });

  it('tells the earliest deadline when lines have different windows', () => {
    const policy = { ...defaultPolicy(), categoryWindows: { fashion_tops: 30 } };
    const items = [noReasonItem(), noReasonItem({ lineId: 'L3' })];
    expect(evaluatePolicy(inputFixture({ policy, items })).deadlines.requestBy).toBe(
      '2025-03-10T23:59:59.999+01:00',
    );
  });
});

describe('evaluatePolicy: language', () => {
  it('writes the trace in Simplified Chinese for zh', () => {
    const decision = evaluatePolicy(inputFixture({ language: 'zh', now: berlinDay(9) }));
    expect(decision.reasons).toEqual([
      { code: 'within_window', message: '收货后第 9 天申请，退货期限为 7 天。' },
    ]);
    for (const entry of decision.trace) expect(entry.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reads each tag as the closest language the portal speaks, and anything else as English', () => {
    const messageIn = (language: string) => evaluatePolicy(inputFixture({ language })).trace[1]?.message;
    expect(messageIn('zh-Hans')).toBe('已于 2025-03-03 签收。');
    expect(messageIn('zh-CN')).toBe('已于 2025-03-03 签收。');
    expect(messageIn('de-AT')).toBe('Zugestellt am 2025-03-03.');
    expect(messageIn('es-MX')).toBe('Entregado el 2025-03-03.');
    expect(messageIn('fr-CA')).toBe('Livrée le 2025-03-03.');
    expect(messageIn('pt-PT')).toBe('Entregue em 2025-03-03.');
    expect(messageIn('ja-JP')).toBe('2025-03-03 に配達済みです。');
    expect(messageIn('it')).toBe('Delivered on 2025-03-03.');
  });

  it('writes the reasons and the whole trace in German for de', () => {
    const decision = evaluatePolicy(inputFixture({ language: 'de', now: berlinDay(9) }));
    expect(decision.reasons).toEqual([
      {
        code: 'within_window',
        message: 'Ihre Anfrage ging 9 Tage nach der Zustellung ein; die Frist beträgt 7 Tage.',
      },
    ]);
    const english = evaluatePolicy(inputFixture({ now: berlinDay(9) })).trace;
    decision.trace.forEach((entry, i) => {
      expect(entry.rule).toBe(english[i]?.rule);
      expect(entry.message).not.toBe(english[i]?.message);
    });
  });

  it('writes the reasons and the whole trace in Japanese for ja', () => {
    const decision = evaluatePolicy(inputFixture({ language: 'ja', now: berlinDay(9) }));
    expect(decision.reasons).toEqual([
      { code: 'within_window', message: '配達から9日後のお申し込みです。受付期間は7日間です。' },
    ]);
    for (const entry of decision.trace) expect(entry.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('quotes the English reason label where the policy has none in the customer’s language', () => {
    const decision = evaluatePolicy(
      inputFixture({ language: 'de', items: [defectItem({ evidenceCount: 0 })] }),
    );
    expect(decision.reasons).toContainEqual({
      code: 'evidence_provided',
      message:
        'Bitte fügen Sie Fotos oder andere Nachweise für „Quality problem (broken or not working)“ hinzu.',
    });
  });

  it('interpolates amounts in Chinese too', () => {
    const order = { ...orderFixture(), totalMinor: 60000 };
    expect(evaluatePolicy(inputFixture({ language: 'zh-CN', order })).reasons[0]?.message).toBe(
      '订单金额 €600.00 达到或超过自动审核上限 €500.00。',
    );
  });

  it('formats amounts the way the customer’s language writes them', () => {
    const order = { ...orderFixture(), totalMinor: 60000 };
    expect(evaluatePolicy(inputFixture({ language: 'de', order })).reasons[0]?.message).toBe(
      'Der Bestellwert von 600,00\u00a0€ erreicht oder übersteigt die Grenze für die automatische Genehmigung (500,00\u00a0€).',
    );
  });
});

describe('evaluatePolicy: compensation notes (R-3.6)', () => {
  it('notes actual-loss compensation for a quality defect', () => {
    expect(evaluatePolicy(inputFixture({ items: [defectItem()] })).compensation).toEqual([
      {
        reasonCode: 'quality_defect',
        rule: 'actual_loss',
        message:
          'Quality problem (broken or not working): the actual loss will be compensated; an agent sets the amount.',
      },
    ]);
  });

  it('notes merchant liability for damage in transit, and nothing when rejected', () => {
    const damaged = defectItem({ reasonCode: 'damaged_in_transit' });
    expect(evaluatePolicy(inputFixture({ items: [damaged] })).compensation[0]?.rule).toBe('merchant_liable');
    const cancelled = { ...orderFixture(), status: 'cancelled', deliveredAt: DELIVERED_AT };
    expect(evaluatePolicy(inputFixture({ items: [damaged], order: cancelled })).compensation).toEqual([]);
  });
});
