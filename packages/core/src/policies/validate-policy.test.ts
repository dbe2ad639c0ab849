import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REASON_CODES, defaultPolicy } from './default-policy.js';
import { PolicyDocument } from './policy.schema.js';
import { validatePolicy } from './validate-policy.js';

function errorsOf(doc: unknown) {
  const result = validatePolicy(doc);
  if (result.ok) throw new Error('expected the document to be invalid');
  return result.errors;
}

describe('the default policy', () => {
  it('validates', () => {
    expect(validatePolicy(defaultPolicy())).toEqual({ ok: true, value: defaultPolicy() });
  });

  it('has the figures of the requirements: 7-day window, 7 days to ship back, no-reason returns automatic', () => {
    const policy = defaultPolicy();
    expect(policy.returnWindowDays).toBe(7);
    expect(policy.shipBackDays).toBe(7);
    expect(policy.autoApproval).toMatchObject({ enabled: true, reasons: ['no_reason'], kinds: ['return'] });
  });

  it('catalogues every default reason, no-reason returns needing the item as it left', () => {
    const policy = defaultPolicy();
    expect(policy.reasons.map((reason) => reason.code)).toEqual([...DEFAULT_REASON_CODES]);
    const noReason = policy.reasons.find((reason) => reason.code === 'no_reason');
    expect(noReason?.requiredConditions).toEqual([
      'unused',
      'original_packaging',
      'accessories_complete',
      'resalable',
    ]);
    expect(noReason?.fault).toBe('customer');
  });

  it('is a fresh copy each time', () => {
    const first = defaultPolicy();
    first.reasons[0]?.kinds.push('repair');
    first.autoApproval.reasons.push('other');
    expect(defaultPolicy()).not.toEqual(first);
  });
});

describe('validatePolicy', () => {
  it('fills missing fields from the defaults, so an empty document is the default policy', () => {
    expect(validatePolicy({})).toEqual({ ok: true, value: defaultPolicy() });
  });

  it('merges a partial settings section with its defaults', () => {
    const result = validatePolicy({ returnWindowDays: 14, autoApproval: { enabled: false } });
    expect(result.ok && result.value.returnWindowDays).toBe(14);
    expect(result.ok && result.value.autoApproval).toEqual({
      ...defaultPolicy().autoApproval,
      enabled: false,
    });
  });

  it('replaces a currency map as a whole instead of merging it', () => {
    const result = validatePolicy({ autoApproval: { maxOrderValueMinor: { EUR: 10000 } } });
    expect(result.ok && result.value.autoApproval.maxOrderValueMinor).toEqual({ EUR: 10000 });
  });

  it('does not modify the document it is given', () => {
    const doc = { exchange: { allowHigherPrice: true } };
    validatePolicy(doc);
    expect(doc).toEqual({ exchange: { allowHigherPrice: true } });
  });

  it('points at a negative window', () => {
    expect(errorsOf({ returnWindowDays: -1 })).toEqual([
      { field: '/returnWindowDays', message: 'Expected integer to be greater or equal to 0' },
    ]);
  });

  it('points at a window given as text', () => {
    expect(errorsOf({ returnWindowDays: '7' })).toEqual([
      { field: '/returnWindowDays', message: 'Expected integer' },
    ]);
  });

  it('refuses unknown fields, which are usually typos', () => {
    expect(errorsOf({ returnWindowDay: 7 })).toEqual([
      { field: '/returnWindowDay', message: 'Unexpected property' },
    ]);
  });

  it('lists the allowed values of an enumeration', () => {
    const policy = defaultPolicy() as unknown as {
      reasons: { fault: string; requiredConditions: string[] }[];
    };
    const [first] = policy.reasons;
    if (first) {
      first.fault = 'nobody';
      first.requiredConditions = ['shiny'];
    }
    expect(errorsOf(policy)).toEqual([
      { field: '/reasons/0/fault', message: 'must be one of: merchant, customer' },
      {
        field: '/reasons/0/requiredConditions/0',
        message:
          'must be one of: unused, unwashed, unworn, unopened, original_packaging, accessories_complete, resalable',
      },
    ]);
  });

  it('refuses a currency that is not an ISO 4217 code', () => {
    expect(errorsOf({ shipping: { customerReturnShippingMinor: { eur: 695 } } })).toEqual([
      { field: '/shipping/customerReturnShippingMinor/eur', message: 'Unexpected property' },
    ]);
  });

  it('refuses an amount that is not in minor units', () => {
    expect(errorsOf({ shipping: { customerReshippingMinor: { EUR: 6.95 } } })).toEqual([
      { field: '/shipping/customerReshippingMinor/EUR', message: 'Expected integer' },
    ]);
  });

  it('refuses a reason code used twice', () => {
    const policy = defaultPolicy();
    const [first] = defaultPolicy().reasons;
    if (first) policy.reasons.push(first);
    expect(errorsOf(policy)).toEqual([
      { field: '/reasons/9/code', message: 'duplicate reason code quality_defect' },
    ]);
  });

  it('refuses automatic approval or compensation for a reason not in the catalogue', () => {
    expect(errorsOf({ autoApproval: { reasons: ['bored'] }, compensation: { lost: 'actual_loss' } })).toEqual(
      [
        { field: '/autoApproval/reasons/0', message: 'unknown reason code bored' },
        { field: '/compensation/lost', message: 'unknown reason code lost' },
      ],
    );
  });

  it('refuses something that is not an object', () => {
    expect(errorsOf([])).toEqual([{ field: '', message: 'must be an object' }]);
    expect(errorsOf(null)).toEqual([{ field: '', message: 'must be an object' }]);
  });
});

describe('validatePolicy: the returnless ("keep it") rule', () => {
  it('is off in the default policy, so no tenant gives goods away unasked', () => {
    expect(defaultPolicy().returnless).toEqual({
      enabled: false,
      labelCostMinor: { EUR: 495, USD: 595, GBP: 395, CNY: 1200, BRL: 2000 },
      maxLabelShare: 0.5,
    });
  });

  it('is switched on with one flag, the label costs and share coming from the defaults', () => {
    const result = validatePolicy({ returnless: { enabled: true } });
    expect(result.ok && result.value.returnless).toEqual({ ...defaultPolicy().returnless, enabled: true });
  });

  it('accepts a stored version-1 document written before the rule existed', () => {
    const stored: Partial<ReturnType<typeof defaultPolicy>> = defaultPolicy();
    delete stored.returnless;
    expect(Value.Check(PolicyDocument, stored)).toBe(true);
    expect(validatePolicy(stored).ok).toBe(true);
  });

  it('points at a share that is not between 0 and 1', () => {
    expect(errorsOf({ returnless: { maxLabelShare: 50 } })).toEqual([
      { field: '/returnless/maxLabelShare', message: 'Expected number to be less or equal to 1' },
    ]);
    expect(errorsOf({ returnless: { maxLabelShare: -0.1 } })).toEqual([
      { field: '/returnless/maxLabelShare', message: 'Expected number to be greater or equal to 0' },
    ]);
  });

  it('points at a label cost that is not in minor units', () => {
    expect(errorsOf({ returnless: { labelCostMinor: { EUR: 4.95 } } })).toEqual([
      { field: '/returnless/labelCostMinor/EUR', message: 'Expected integer' },
    ]);
  });

  it('refuses an enabled rule with no label cost, which would never keep anything', () => {
    expect(errorsOf({ returnless: { enabled: true, labelCostMinor: {} } })).toEqual([
      {
        field: '/returnless/labelCostMinor',
        message: 'set the label cost for at least one currency, or disable the rule',
      },
    ]);
  });
});
