import type { ColumnType } from 'kysely';

/**
 * Kysely types of the analytics tables (migration 0014). The rollup tables themselves are
 * generated from app/analytics/rollup-lattice.ts and read and written with SQL built from
 * that description, so they are not listed here.
 */
export interface RollupTables {
  exchange_rates: ExchangeRatesTable;
}

/** 1 unit of `currency` = `rate` units of `reporting_currency`, from `valid_from` on. */
export interface ExchangeRatesTable {
  tenant_id: string;
  currency: string;
  reporting_currency: string;
  /** A day, 'YYYY-MM-DD'. */
  valid_from: ColumnType<string, string, string>;
  /** numeric: read as a string by the PostgreSQL driver. */
  rate: ColumnType<string | number, string | number, string | number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
