import { DEFAULT_RISK_THRESHOLDS, type RiskThresholds } from '@afterdesk/core';
import { readSetting } from '../../db/repositories/settings.repository.js';
import type { Tx } from '../../db/scope.js';

/** The `tenant_settings` key of the risk thresholds. */
export const RISK_SETTINGS_KEY = 'risk_thresholds';

/**
 * The tenant's risk thresholds: what it stored over the core's defaults (R-13.2: orders
 * above 5,000, customers with 2 past complaints; abuse score 60).
 */
export async function loadRiskThresholds(tx: Tx): Promise<RiskThresholds> {
  const stored = (await readSetting<Partial<RiskThresholds>>(tx, RISK_SETTINGS_KEY)) ?? {};
  return {
    ...DEFAULT_RISK_THRESHOLDS,
    ...stored,
    signals: { ...DEFAULT_RISK_THRESHOLDS.signals, ...stored.signals },
  };
}
