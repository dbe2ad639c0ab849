/** Every kind of after-sales case. The help-desk kinds are stored today and get their flows later. */
export const CASE_KINDS = [
  'return',
  'exchange',
  'refund_only',
  'repair',
  'inquiry',
  'complaint',
  'logistics',
  'dispute',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** The kinds whose life cycle runs through the return machine. */
export const RETURN_KINDS = ['return', 'exchange', 'refund_only', 'repair'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

export function isReturnKind(kind: string): kind is ReturnKind {
  return (RETURN_KINDS as readonly string[]).includes(kind);
}
