import { DEFAULT_SLA_POLICY, type SlaPolicy } from '@afterdesk/core';
import { readSetting, SETTING_KEYS } from '../../db/repositories/settings.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';

/** The tenant's service levels, and whether they are still the built-in ones. */
export async function getSlaPolicy(ctx: Ctx) {
  requireStaff(ctx, 'cases:read');
  const stored = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    readSetting<SlaPolicy>(tx, SETTING_KEYS.slaPolicy),
  );
  return { policy: stored ?? DEFAULT_SLA_POLICY, isDefault: stored === null };
}
