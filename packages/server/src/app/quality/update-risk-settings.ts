import { RiskSettingsInput } from '@afterdesk/contract';
import { DEFAULT_RISK_THRESHOLDS, type RiskThresholds, validateRiskThresholds } from '@afterdesk/core';
import { writeSetting } from '../../db/repositories/settings.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { schemaErrors } from '../field-errors.js';
import { recordChange } from '../record-change.js';
import { loadRiskThresholds, RISK_SETTINGS_KEY } from './risk-settings.js';

/**
 * Replaces the tenant's risk thresholds. Fields left out take the defaults; the whole
 * document is checked (weights adding up to 100, each ramp rising) before it is stored.
 */
export async function updateRiskSettings(ctx: Ctx, input: RiskSettingsInput) {
  requirePermission(ctx, 'helpdesk:manage');
  const shape = schemaErrors(RiskSettingsInput, input);
  if (shape.length > 0) throw invalid('The risk settings are not valid.', shape);
  const next = {
    ...DEFAULT_RISK_THRESHOLDS,
    ...input,
    signals: { ...DEFAULT_RISK_THRESHOLDS.signals, ...input.signals },
  } as RiskThresholds;
  const errors = validateRiskThresholds(next);
  if (errors.length > 0) throw invalid('The risk settings are not valid.', errors);
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    await writeSetting(tx, tenantId, RISK_SETTINGS_KEY, input);
    await recordChange(tx, ctx, {
      stream: 'settings',
      streamId: tenantId,
      type: 'risk_settings.updated',
      data: { changed: Object.keys(input) },
    });
    return loadRiskThresholds(tx);
  });
}
