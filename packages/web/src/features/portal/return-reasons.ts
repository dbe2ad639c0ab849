import type { ReturnReason } from './portal-api';

// The default catalogue (packages/core/src/policies/default-policy.ts), used only while the
// server does not answer GET /return-reasons; the labels come from portal.json (reason.<code>).
export const FALLBACK_REASONS: Omit<ReturnReason, 'label'>[] = [
  { code: 'quality_defect', kinds: ['return'], requiredConditions: [], evidenceRequired: true },
  { code: 'not_as_described', kinds: ['return'], requiredConditions: [], evidenceRequired: true },
  { code: 'damaged_in_transit', kinds: ['return'], requiredConditions: [], evidenceRequired: true },
  { code: 'wrong_item', kinds: ['return'], requiredConditions: [], evidenceRequired: true },
  {
    code: 'size_not_fit',
    kinds: ['return'],
    requiredConditions: ['unworn', 'unwashed', 'resalable'],
    evidenceRequired: false,
  },
  {
    code: 'style_not_expected',
    kinds: ['return'],
    requiredConditions: ['unworn', 'unwashed', 'resalable'],
    evidenceRequired: false,
  },
  {
    code: 'no_reason',
    kinds: ['return'],
    requiredConditions: ['unused', 'original_packaging', 'accessories_complete', 'resalable'],
    evidenceRequired: false,
  },
  { code: 'safety_legal', kinds: ['return'], requiredConditions: [], evidenceRequired: true },
  { code: 'other', kinds: ['return'], requiredConditions: [], evidenceRequired: false },
];

/** The conditions a customer can declare of an item (ConditionSchema in the contract). */
export const CONDITIONS = [
  'unused',
  'unworn',
  'unwashed',
  'unopened',
  'original_packaging',
  'accessories_complete',
  'resalable',
] as const;
