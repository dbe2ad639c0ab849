// The parts of a policy document the form edits. The full shape and its checks live in
// packages/core/src/policies/policy.schema.ts; the server validates every publish, so the
// web app mirrors only what it shows (the JSON editor carries everything else).

export type Payer = 'merchant' | 'customer';
export type CurrencyAmounts = Record<string, number>;

export interface ShippingRule {
  returnShipping: Payer;
  reshipping: Payer;
  refundOriginalShipping: boolean;
}

export interface PolicyDocument {
  schemaVersion?: 1;
  returnWindowDays?: number;
  categoryWindows?: Record<string, number>;
  nonReturnableCategories?: string[];
  reasons?: { code: string; labels?: Record<string, string>; fault?: Payer }[];
  shipping?: {
    byFault?: { merchant?: ShippingRule; customer?: ShippingRule };
    customerReturnShippingMinor?: CurrencyAmounts;
    customerReshippingMinor?: CurrencyAmounts;
    deductFromRefund?: boolean;
  };
  exchange?: { allowHigherPrice?: boolean };
  autoApproval?: {
    enabled?: boolean;
    reasons?: string[];
    kinds?: string[];
    requiredConditions?: string[];
    maxOrderValueMinor?: CurrencyAmounts;
  };
  shipBackDays?: number;
  returnless?: { enabled?: boolean; labelCostMinor?: CurrencyAmounts; maxLabelShare?: number };
  [field: string]: unknown;
}

export interface PolicyVersion {
  version: number;
  document: PolicyDocument;
}

/** Same lists as packages/core (RETURN_KINDS, CONDITIONS): the choices the schema accepts. */
export const RETURN_KINDS = ['return', 'exchange', 'refund_only', 'repair'] as const;
export const CONDITIONS = [
  'unused',
  'unwashed',
  'unworn',
  'unopened',
  'original_packaging',
  'accessories_complete',
  'resalable',
] as const;

/** A copy of `doc` with the value at `path` replaced; the objects on the way are copied, not changed. */
export function setIn<T extends Record<string, unknown>>(doc: T, path: string[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  const child = (doc[head] ?? {}) as Record<string, unknown>;
  return { ...doc, [head]: rest.length === 0 ? value : setIn(child, rest, value) };
}

/** What the preview endpoint answers: the last N days decided under the current and the draft policy. */
export interface PolicyPreviewSide {
  outcomes: Record<string, number>;
  automatedShare: number | null;
  refundMinor: { currency: string; amountMinor: number }[];
}
export interface PolicyPreview {
  from: string;
  to: string;
  cases: number;
  current: PolicyPreviewSide;
  draft: PolicyPreviewSide;
  changed: {
    caseId: string;
    number: number;
    currentOutcome: string;
    draftOutcome: string;
    currentRefundMinor: number;
    draftRefundMinor: number;
    currency: string;
  }[];
  changedCount: number;
}
