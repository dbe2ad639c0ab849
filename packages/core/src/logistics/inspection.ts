/** One item the case asked to send back, as the warehouse checks it. */
export interface ExpectedItem {
  caseItemId: string;
  sku: string;
  quantity: number;
}

/** The warehouse's finding on one item. */
export interface InspectedItem {
  caseItemId: string;
  result: 'passed' | 'failed';
  /** Units found in the parcel; the case's quantity when not counted. */
  receivedQuantity?: number | undefined;
  /** The SKU found, when the inspector scanned it. */
  receivedSku?: string | undefined;
}

/** Why an item did not pass: the inspector failed it, or the parcel did not match the case. */
export type ItemFailure = 'failed' | 'wrong_item' | 'missing_quantity';

/** The verdict on a whole parcel: it passes only when every item does. */
export type InspectionVerdict =
  | { kind: 'passed'; items: { caseItemId: string; failure: null }[] }
  | {
      kind: 'failed';
      items: { caseItemId: string; failure: ItemFailure | null }[];
      /** One sentence per failed item, for the agent who decides what happens next. */
      reasons: string[];
    }
  | { kind: 'incomplete'; problems: { index: number | null; message: string }[] };

/**
 * Judges an inspection against the case: every item inspected exactly once, none
 * foreign. A different SKU or fewer units than asked fails the item even when the
 * inspector passed it, so a mismatch can never lead to a refund.
 */
export function judgeInspection(
  expected: readonly ExpectedItem[],
  inspected: readonly InspectedItem[],
): InspectionVerdict {
  const byId = new Map(expected.map((e) => [e.caseItemId, e]));
  const seen = new Set<string>();
  const problems: { index: number | null; message: string }[] = [];
  inspected.forEach((item, index) => {
    if (!byId.has(item.caseItemId)) problems.push({ index, message: 'This item is not part of the case.' });
    else if (seen.has(item.caseItemId)) problems.push({ index, message: 'This item is inspected twice.' });
    seen.add(item.caseItemId);
  });
  for (const e of expected)
    if (!seen.has(e.caseItemId))
      problems.push({ index: null, message: `Item ${e.caseItemId} (${e.sku}) is not inspected.` });
  if (problems.length > 0) return { kind: 'incomplete', problems };

  const items = inspected.map((item) => {
    const want = byId.get(item.caseItemId) as ExpectedItem;
    return { caseItemId: item.caseItemId, failure: failureOf(want, item), want, item };
  });
  const failed = items.filter((i) => i.failure !== null);
  const plain = items.map(({ caseItemId, failure }) => ({ caseItemId, failure }));
  if (failed.length === 0) return { kind: 'passed', items: plain.map((i) => ({ ...i, failure: null })) };
  return { kind: 'failed', items: plain, reasons: failed.map((i) => reasonOf(i.want, i.item, i.failure)) };
}

function failureOf(want: ExpectedItem, item: InspectedItem): ItemFailure | null {
  if (item.receivedSku !== undefined && item.receivedSku.trim() !== want.sku) return 'wrong_item';
  if (item.receivedQuantity !== undefined && item.receivedQuantity < want.quantity) return 'missing_quantity';
  return item.result === 'failed' ? 'failed' : null;
}

function reasonOf(want: ExpectedItem, item: InspectedItem, failure: ItemFailure | null): string {
  switch (failure) {
    case 'wrong_item':
      return `${want.sku}: a different item arrived (${item.receivedSku}).`;
    case 'missing_quantity':
      return `${want.sku}: ${item.receivedQuantity} of ${want.quantity} units arrived.`;
    default:
      return `${want.sku}: failed the inspection.`;
  }
}
