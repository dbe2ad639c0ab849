import { type OrderCsvMapping, OrderCsvMappingError } from '../order-csv-mapping.js';
import { olistMapping } from './olist.js';
import { onlineRetailMapping } from './online-retail.js';

/** Ready-made mappings by name, for `afterdesk import --mapping <name>`. */
export const BUILT_IN_MAPPINGS: Readonly<Record<string, OrderCsvMapping>> = {
  olist: olistMapping,
  'online-retail': onlineRetailMapping,
};

/** The built-in mapping of that name; the error lists the names there are. */
export function getBuiltInMapping(name: string): OrderCsvMapping {
  const mapping = BUILT_IN_MAPPINGS[name];
  if (!mapping) {
    throw new OrderCsvMappingError(
      `no built-in mapping "${name}"; there are: ${Object.keys(BUILT_IN_MAPPINGS).join(', ')} (or give a JSON file)`,
    );
  }
  return mapping;
}

export { olistMapping, onlineRetailMapping };
