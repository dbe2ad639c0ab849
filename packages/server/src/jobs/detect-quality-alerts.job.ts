import type { Ctx, Services } from '../app/context.js';
import { type DetectAlertsOptions, detectQualityAlerts } from '../app/quality/detect-quality-alerts.js';
import { inSystem } from '../db/scope.js';

/** The job runs daily: the week it tests changes on Mondays, and late data is caught the next day. */
export const QUALITY_ALERTS_EVERY_MS = 24 * 3600 * 1000;

/**
 * Tests the last complete week of every tenant for return spikes and complaint clusters
 * (app/quality/detect-quality-alerts.ts). Each tenant in its own transactions; one failing
 * tenant is logged and the others still run. Safe to run in several processes at once: an
 * alert is one row per subject and week, written with an upsert.
 */
export async function detectQualityAlertsForAll(
  services: Services,
  options: DetectAlertsOptions & { now?: Date } = {},
): Promise<{ tenants: number; alerts: number; failed: number }> {
  const { now = services.clock(), ...detect } = options;
  const tenants = await inSystem(services.db, (tx) =>
    tx.selectFrom('tenants').select('id').orderBy('id').execute(),
  );
  let alerts = 0;
  let failed = 0;
  for (const tenant of tenants) {
    const ctx: Ctx = {
      ...services,
      clock: () => now,
      principal: { kind: 'integration', tenantId: tenant.id, apiKeyId: 'detect-quality-alerts' },
    };
    try {
      alerts += (await detectQualityAlerts(ctx, detect)).alerts;
    } catch (error) {
      failed++;
      services.log.error({ err: error, tenantId: tenant.id }, 'quality alerts failed for a tenant');
    }
  }
  return { tenants: tenants.length, alerts, failed };
}
