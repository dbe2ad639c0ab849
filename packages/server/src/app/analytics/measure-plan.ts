import type { FieldError } from '../errors.js';
import { MEASURES, type MeasureName, type MeasureSource, RETURN_ONLY_DIMS } from './measure-catalog.js';
import {
  FAMILY_DIMS,
  type Family,
  type RollupDimension,
  type RollupTable,
  smallestTable,
} from './rollup-lattice.js';

/** A family read for a query: which table, which of the query's dimensions it keys by. */
export interface FamilyRead {
  family: Family;
  table: RollupTable;
  /** The month table used for whole months of the period, if any. */
  month?: RollupTable;
  /** Query dimensions this family groups and filters by (the others it does not carry). */
  dims: RollupDimension[];
  /** Whether the family's rows define the result rows (a loose denominator does not). */
  strict: boolean;
}

export interface Plan {
  reads: FamilyRead[];
  sources: Partial<Record<MeasureName, Omit<MeasureSource, 'value'>>>;
}

const covers = (family: Family, dims: RollupDimension[]) =>
  dims.every((d) => FAMILY_DIMS[family].includes(d));

/**
 * Chooses, for each measure, the first source whose families carry the query's
 * dimensions (store and time are carried by all), and for each family the smallest rollup
 * table keyed by all of them. A measure no source can split that way is a field error.
 */
export function planMeasures(
  measures: MeasureName[],
  dims: RollupDimension[],
  options: { monthsUsable: boolean },
): { plan: Plan } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const sources: Plan['sources'] = {};
  const families = new Map<Family, boolean>();
  for (const measure of measures) {
    const candidates = MEASURES[measure] as Array<Omit<MeasureSource, 'value'>>;
    const found = candidates.find(
      (s) =>
        s.strict.every((f) => covers(f, dims)) &&
        (s.loose ?? []).every((f) =>
          covers(
            f,
            dims.filter((d) => !RETURN_ONLY_DIMS.includes(d)),
          ),
        ),
    );
    if (!found) {
      const sets = candidates.map((s): RollupDimension[] =>
        FAMILY_DIMS[s.strict[0] as Family].filter((d) => d !== 'currency'),
      );
      const kept = sets.map((set) => `store, time, ${set.join(', ')}`).join(' — or by ');
      const missing = dims.filter((d) => !sets.some((set) => set.includes(d)));
      errors.push({
        field: '/measures',
        message: `${measure} cannot be split or filtered by ${missing.length ? missing.join(', ') : `${dims.join(', ')} together`}; it is kept by ${kept} (see docs/metrics.md).`,
      });
      continue;
    }
    sources[measure] = found;
    for (const f of found.strict) families.set(f, true);
    for (const f of found.loose ?? []) if (!families.has(f)) families.set(f, false);
  }
  if (errors.length > 0) return { errors };
  const reads: FamilyRead[] = [...families].map(([family, strict]) => {
    const own = dims.filter((d) => FAMILY_DIMS[family].includes(d));
    const table = dayTable(family, own);
    const month = options.monthsUsable ? smallestTable(family, own, 'month') : undefined;
    return { family, table, ...(month ? { month } : {}), dims: own, strict };
  });
  return { plan: { reads, sources } };
}

/** The smallest day table of a family keyed by every given dimension. */
export function dayTable(family: Family, dims: RollupDimension[]): RollupTable {
  const table = smallestTable(family, dims, 'day');
  if (!table) throw new Error(`No ${family} rollup keyed by ${dims.join(', ')}`);
  return table;
}

/**
 * Splits [from, to) into whole calendar months (read from month tables) and the days
 * before and after them (read from day tables). Days are 'YYYY-MM-DD'.
 */
export function splitByMonths(
  from: string,
  to: string,
): { months: [string, string] | null; days: Array<[string, string]> } {
  const firstMonth = from.endsWith('-01') ? from : monthAfter(from);
  const lastMonth = `${to.slice(0, 7)}-01`;
  if (firstMonth >= lastMonth) return { months: null, days: [[from, to]] };
  const days: Array<[string, string]> = [];
  if (from < firstMonth) days.push([from, firstMonth]);
  if (lastMonth < to) days.push([lastMonth, to]);
  return { months: [firstMonth, lastMonth], days };
}

function monthAfter(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
