export { type BacktestOptions, type BacktestResult, backtest } from './backtest.js';
export {
  CLUSTER_DEFAULTS,
  type ClusterOptions,
  type ComplaintCluster,
  type ComplaintCounts,
  detectComplaintClusters,
  PRODUCT_COMPLAINT_INTENTS,
  PRODUCT_COMPLAINT_REASONS,
} from './complaint-cluster.js';
export {
  type ForecastModel,
  type ForecastOptions,
  type ForecastPoint,
  fitForecastModel,
  forecastSeries,
} from './forecast.js';
export {
  ABUSE_SIGNALS,
  type AbuseReason,
  type AbuseSignal,
  assessOrderRisk,
  type CustomerReturnFacts,
  DEFAULT_RISK_THRESHOLDS,
  type OrderRiskReason,
  orderValueThresholdMinor,
  type RiskThresholds,
  scoreCustomerAbuse,
  validateRiskThresholds,
} from './risk.js';
export {
  baselineBeta,
  detectSpikes,
  SPIKE_DEFAULTS,
  type SpikeCandidate,
  type SpikeOptions,
  type SpikeResult,
  spikePValue,
} from './spike.js';
export { benjaminiHochberg, betaBinomialUpperTail, binomialUpperTail, normalQuantile } from './statistics.js';
