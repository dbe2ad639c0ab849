import type { Fee } from '../policies/decision.js';

/** Who pays a return label's postage. */
export type PostagePayer = 'merchant' | 'customer';

/**
 * Who pays the return parcel's postage, as the policy's decision settled it:
 * the payer of its `return_shipping` fee. A decision without that fee (no known item, no
 * decision at all) leaves the postage with the sender, which is what a carrier assumes of
 * a parcel without a prepaid mark.
 */
export function returnPostagePayer(
  fees: readonly Pick<Fee, 'code' | 'payer'>[] | null | undefined,
): PostagePayer {
  return fees?.find((f) => f.code === 'return_shipping')?.payer ?? 'customer';
}
