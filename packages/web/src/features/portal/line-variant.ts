import type { OrderLine } from './portal-api';

/** "39 · Blau": the variant's attribute values, as the shop wrote them. */
export function lineVariant(line: Pick<OrderLine, 'attributes'>): string {
  return Object.values(line.attributes ?? {}).join(' · ');
}
