/** What the choice of a return address needs to know of a warehouse. */
export interface ReturnWarehouseChoice {
  id: string;
  /** ISO 3166-1 alpha-2 country the warehouse stands in. */
  country: string;
  /** Customer countries this warehouse takes returns from (alpha-2). */
  servesCountries: readonly string[];
  /** The warehouse for customers no other one serves. */
  isDefault: boolean;
}

/**
 * The warehouse a customer in `customerCountry` sends a return to: one that lists
 * the country among those it serves, else one standing in that country, else the
 * default warehouse; null when the tenant has none of these. Among several that serve the
 * country, one standing in it wins (no border to cross), then the first given. A local
 * consolidation warehouse is chosen the same way: it serves the countries it gathers.
 */
export function chooseReturnWarehouse<W extends ReturnWarehouseChoice>(
  warehouses: readonly W[],
  customerCountry: string | null,
): W | null {
  const country = customerCountry?.trim().toUpperCase() ?? '';
  if (country) {
    const serving = warehouses.filter((w) => w.servesCountries.some((c) => c.toUpperCase() === country));
    const local = (w: W) => w.country.toUpperCase() === country;
    const chosen = serving.find(local) ?? serving[0] ?? warehouses.find(local);
    if (chosen) return chosen;
  }
  return warehouses.find((w) => w.isDefault) ?? null;
}

/** Whether the parcel crosses a border on its way back: customs papers may be needed. */
export function isCrossBorderReturn(customerCountry: string | null, warehouseCountry: string): boolean {
  return customerCountry !== null && customerCountry.toUpperCase() !== warehouseCountry.toUpperCase();
}
