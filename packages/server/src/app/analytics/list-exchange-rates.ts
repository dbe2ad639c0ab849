import type { ExchangeRatesView } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { loadRates, reportingCurrency } from './exchange-rates.js';

/** The tenant's reporting currency and the rates into it, by currency and valid-from day. */
export async function listExchangeRates(ctx: Ctx): Promise<ExchangeRatesView> {
  requirePermission(ctx, 'measures:read');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const reporting = await reportingCurrency(tx, ctx.principal.tenantId);
    return { reportingCurrency: reporting, rates: await loadRates(tx, ctx.principal.tenantId, reporting) };
  });
}
