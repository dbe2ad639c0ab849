import type { Decision } from '@afterdesk/core';

const OUTCOMES: readonly Decision['outcome'][] = ['approve', 'review', 'reject'];
const CHANGED_SHOWN = 200;

/** One replayed case: what its stored decision said and what the draft says. */
export interface Replayed {
  caseId: string;
  number: number;
  currency: string;
  current: { outcome: string; refundMinor: number };
  draft: { outcome: string; refundMinor: number };
}

/** What a policy would pay out alone on a decision: the refundable total when it approves. */
export const refundOf = (outcome: string, refundableTotalMinor: number | undefined) =>
  outcome === 'approve' ? (refundableTotalMinor ?? 0) : 0;

/**
 * Running figures of a policy preview, case by case, so a long replay keeps only the
 * counts and the biggest changes in memory.
 */
export class PreviewTally {
  private cases = 0;
  private readonly outcomes = { current: new Map<string, number>(), draft: new Map<string, number>() };
  private readonly refunds = { current: new Map<string, number>(), draft: new Map<string, number>() };
  private changed: Replayed[] = [];
  private changedCount = 0;

  add(c: Replayed): void {
    this.cases += 1;
    for (const side of ['current', 'draft'] as const) {
      const { outcome, refundMinor } = c[side];
      this.outcomes[side].set(outcome, (this.outcomes[side].get(outcome) ?? 0) + 1);
      this.refunds[side].set(c.currency, (this.refunds[side].get(c.currency) ?? 0) + refundMinor);
    }
    if (c.current.outcome === c.draft.outcome && c.current.refundMinor === c.draft.refundMinor) return;
    this.changedCount += 1;
    this.changed.push(c);
    if (this.changed.length > 4 * CHANGED_SHOWN) this.changed = biggestFirst(this.changed);
  }

  result(from: Date, to: Date) {
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      cases: this.cases,
      current: this.figures('current'),
      draft: this.figures('draft'),
      changed: biggestFirst(this.changed).map((c) => ({
        caseId: c.caseId,
        number: c.number,
        currentOutcome: c.current.outcome,
        draftOutcome: c.draft.outcome,
        currentRefundMinor: c.current.refundMinor,
        draftRefundMinor: c.draft.refundMinor,
        currency: c.currency,
      })),
      changedCount: this.changedCount,
    };
  }

  private figures(side: 'current' | 'draft') {
    const outcomes: Record<string, number> = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
    for (const [outcome, n] of this.outcomes[side]) outcomes[outcome] = n;
    const automated = (outcomes.approve ?? 0) + (outcomes.reject ?? 0);
    return {
      outcomes,
      automatedShare: this.cases === 0 ? 0 : automated / this.cases,
      // Every currency seen on either side, so the two lists line up.
      refundMinor: [...new Set([...this.refunds.current.keys(), ...this.refunds.draft.keys()])]
        .sort()
        .map((currency) => ({ currency, amountMinor: this.refunds[side].get(currency) ?? 0 })),
    };
  }
}

// The biggest refund difference first; an outcome change with no money moved after those
// that move money; then the newest case.
function biggestFirst(changed: Replayed[]): Replayed[] {
  const delta = (c: Replayed) => Math.abs(c.draft.refundMinor - c.current.refundMinor);
  return changed.sort((a, b) => delta(b) - delta(a) || b.number - a.number).slice(0, CHANGED_SHOWN);
}
