import { type SlaPolicy, validateSlaPolicy } from '@afterdesk/core';
import { SETTING_KEYS, writeSetting } from '../../db/repositories/settings.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { toFieldErrors } from '../field-errors.js';
import { recordChange } from '../record-change.js';

/**
 * Replaces the tenant's SLA policy. Clocks already running keep the targets they started
 * with; the new policy applies from the next clock on.
 */
export async function updateSlaPolicy(ctx: Ctx, policy: unknown) {
  requirePermission(ctx, 'helpdesk:manage');
  const errors = validateSlaPolicy(policy);
  if (errors.length > 0)
    throw invalid('The SLA policy is not valid.', toFieldErrors(errors, '/policy', 'policy'));
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    await writeSetting(tx, tenantId, SETTING_KEYS.slaPolicy, policy);
    await recordChange(tx, ctx, {
      stream: 'settings',
      streamId: tenantId,
      type: 'sla_policy.updated',
      data: { rules: (policy as SlaPolicy).rules.length },
    });
    return { policy: policy as SlaPolicy, isDefault: false };
  });
}
