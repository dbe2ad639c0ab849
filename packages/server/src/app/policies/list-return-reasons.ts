import type { ReasonDefinition } from '@afterdesk/core';
import { currentPolicy } from '../../db/repositories/policies.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

/**
 * The reasons a customer may pick from, each with its label in the asked language
 * where the shop wrote one (English otherwise) and what it asks of the customer. Open to
 * whoever may file a case: the portal shows it before the shopper has chosen anything.
 */
export async function listReturnReasons(ctx: Ctx, language = 'en') {
  requirePermission(ctx, 'cases:create');
  const policy = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => currentPolicy(tx));
  if (!policy) throw notFound('The policy');
  const reasons = (policy.document as { reasons: ReasonDefinition[] }).reasons;
  const chinese = language.toLowerCase().startsWith('zh');
  return {
    items: reasons.map((r) => ({
      code: r.code,
      label: chinese ? r.labels['zh-CN'] : r.labels.en,
      fault: r.fault,
      kinds: r.kinds,
      requiredConditions: r.requiredConditions,
      evidenceRequired: r.evidenceRequired,
    })),
  };
}
