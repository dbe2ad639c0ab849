import type { ExchangeRatesInput, ExchangeRatesView } from '@afterdesk/contract';
import { sql } from 'kysely';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { REPORTING_CURRENCY_SETTING } from './exchange-rates.js';
import { listExchangeRates } from './list-exchange-rates.js';

/**
 * Sets the tenant's reporting currency and upserts its rates (one per currency and
 * valid-from day; a rate given again replaces the old one). Rates only convert at query
 * time, so no rollup needs recomputing.
 */
export async function setExchangeRates(ctx: Ctx, input: ExchangeRatesInput): Promise<ExchangeRatesView> {
  requirePermission(ctx, 'helpdesk:manage');
  const errors = input.rates.flatMap((r, i) =>
    Number.isNaN(Date.parse(`${r.validFrom}T00:00:00Z`))
      ? [{ field: `/rates/${i}/validFrom`, message: 'Must be a real day.' }]
      : r.currency === input.reportingCurrency
        ? [
            {
              field: `/rates/${i}/currency`,
              message: 'The reporting currency converts at 1; give no rate for it.',
            },
          ]
        : [],
  );
  if (errors.length > 0) throw invalid('Some rates are not valid.', errors);
  const tenantId = ctx.principal.tenantId;
  await inTenant(ctx.db, tenantId, async (tx) => {
    await tx
      .insertInto('tenant_settings')
      .values({
        tenant_id: tenantId,
        key: REPORTING_CURRENCY_SETTING,
        value: JSON.stringify(input.reportingCurrency),
      })
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'key'])
          .doUpdateSet({ value: JSON.stringify(input.reportingCurrency), updated_at: sql`now()` }),
      )
      .execute();
    const seen = new Set<string>();
    const rows = input.rates
      .filter((r) => {
        const key = `${r.currency}|${r.validFrom}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((r) => ({
        tenant_id: tenantId,
        currency: r.currency,
        reporting_currency: input.reportingCurrency,
        valid_from: r.validFrom,
        rate: String(r.rate),
      }));
    for (let at = 0; at < rows.length; at += 1000)
      await tx
        .insertInto('exchange_rates')
        .values(rows.slice(at, at + 1000))
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'reporting_currency', 'currency', 'valid_from'])
            .doUpdateSet({ rate: (eb) => eb.ref('excluded.rate'), updated_at: sql`now()` }),
        )
        .execute();
  });
  return listExchangeRates(ctx);
}
