import { detectSpikes, SPIKE_DEFAULTS, type SpikeOptions } from './spike.js';

/** Reason codes and intents that say the product itself is at fault. */
export const PRODUCT_COMPLAINT_REASONS: readonly string[] = [
  'quality_defect',
  'not_as_described',
  'wrong_item',
  'safety_legal',
];
export const PRODUCT_COMPLAINT_INTENTS: readonly string[] = [
  'product_defect',
  'not_as_described',
  'wrong_item',
];

/**
 * Product complaints of one product in the window and before: complaint cases and return
 * items with a product-fault reason, and negative reviews whose text says the same. Each
 * complaint counts once per delivered unit it is about.
 */
export interface ComplaintCounts {
  subject: string;
  complaints: number;
  delivered: number;
  baselineComplaints: number;
  baselineDelivered: number;
  /** Complaints per delivered unit in the product's category (or the tenant), 0..1. */
  priorRate: number;
  /** Complaints in the window per reason or intent. */
  byReason: Readonly<Record<string, number>>;
}

export interface ClusterOptions extends SpikeOptions {
  /** A cluster at this multiple of the baseline or more asks for a recall, below it an improvement. Default 3. */
  recallRatio?: number;
}

export interface ComplaintCluster {
  subject: string;
  /** recall: stop selling and check the stock; improvement: fix the product or its description. */
  plan: 'recall' | 'improvement';
  complaints: number;
  delivered: number;
  rate: number;
  baseline: number;
  pValue: number;
  qValue: number;
  /** Reasons in the window, most frequent first. */
  topReasons: Array<{ reason: string; count: number }>;
}

export const CLUSTER_DEFAULTS = { ...SPIKE_DEFAULTS, minReturned: 3, minRatio: 2, recallRatio: 3 };

/**
 * Products whose complaints cluster in the window: the same volume-aware test as return
 * spikes (beta-binomial tail against a shrunk baseline, Benjamini–Hochberg over all the
 * products tested), a complaint standing for a returned unit. A safety complaint, or a rate
 * `recallRatio` times the baseline, turns the improvement plan into a recall.
 */
export function detectComplaintClusters(
  products: readonly ComplaintCounts[],
  options: ClusterOptions = {},
): ComplaintCluster[] {
  const { recallRatio, ...spike } = { ...CLUSTER_DEFAULTS, ...options };
  const results = detectSpikes(
    products.map((p) => ({
      subject: p.subject,
      // Several complaints about one unit (a case and a review) cannot exceed the units.
      returned: Math.min(p.complaints, p.delivered),
      delivered: p.delivered,
      baselineReturned: Math.min(p.baselineComplaints, p.baselineDelivered),
      baselineDelivered: p.baselineDelivered,
      priorRate: p.priorRate,
    })),
    spike,
  );
  return results.flatMap((r, i) => {
    const p = products[i] as ComplaintCounts;
    if (!r.alarm || r.rate === null) return [];
    const topReasons = Object.entries(p.byReason)
      .filter(([, count]) => count > 0)
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    const safety = (p.byReason.safety_legal ?? 0) > 0;
    return [
      {
        subject: p.subject,
        plan: safety || r.rate >= recallRatio * r.baseline ? 'recall' : 'improvement',
        complaints: p.complaints,
        delivered: p.delivered,
        rate: r.rate,
        baseline: r.baseline,
        pValue: r.pValue as number,
        qValue: r.qValue as number,
        topReasons,
      } satisfies ComplaintCluster,
    ];
  });
}
