import type { Tx } from '../../db/scope.js';

/** One rate: 1 unit of `currency` = `rate` units of the reporting currency from `validFrom` on. */
export interface ExchangeRate {
  currency: string;
  rate: number;
  validFrom: string;
}

/** The tenant setting that names the reporting currency. */
export const REPORTING_CURRENCY_SETTING = 'reporting_currency';

/**
 * The reporting currency: the one asked for, else the tenant's setting, else the currency
 * of the tenant's first store (by code), else EUR for a tenant without stores.
 */
export async function reportingCurrency(tx: Tx, tenantId: string, asked?: string): Promise<string> {
  if (asked) return asked.toUpperCase();
  const setting = await tx
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', REPORTING_CURRENCY_SETTING)
    .executeTakeFirst();
  if (typeof setting?.value === 'string') return setting.value;
  const store = await tx
    .selectFrom('stores')
    .select('currency')
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  return store?.currency.trim() ?? 'EUR';
}

export async function loadRates(tx: Tx, tenantId: string, reporting: string): Promise<ExchangeRate[]> {
  const rows = await tx
    .selectFrom('exchange_rates')
    .select(['currency', 'rate', 'valid_from'])
    .where('tenant_id', '=', tenantId)
    .where('reporting_currency', '=', reporting)
    .orderBy('currency')
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({
    currency: r.currency.trim(),
    rate: Number(r.rate),
    validFrom: dayOf(r.valid_from),
  }));
}

/** 'YYYY-MM-DD' of a date column, whichever way the driver returned it. */
export function dayOf(value: unknown): string {
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  return String(value).slice(0, 10);
}

/**
 * Converts money in minor units of `currency`, paid on `day`, to major units of the
 * reporting currency at the latest rate valid on that day; null when there is none.
 */
export function convertMinor(
  amountMinor: number,
  currency: string,
  day: string,
  reporting: string,
  rates: ExchangeRate[],
): number | null {
  const major = amountMinor / 10 ** minorDigits(currency);
  if (currency === reporting) return major;
  let rate: number | null = null;
  for (const r of rates) if (r.currency === currency && r.validFrom <= day) rate = r.rate;
  return rate === null ? null : major * rate;
}

const digits = new Map<string, number>();
/** Decimal places of a currency's minor unit (JPY 0, EUR 2, KWD 3), from ICU. */
export function minorDigits(currency: string): number {
  let d = digits.get(currency);
  if (d === undefined) {
    try {
      d =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digits.set(currency, d);
  }
  return d;
}

/** Rounds a major-unit amount to the reporting currency's minor unit. */
export function roundMoney(amount: number, currency: string): number {
  const f = 10 ** minorDigits(currency);
  return Math.round(amount * f) / f;
}
