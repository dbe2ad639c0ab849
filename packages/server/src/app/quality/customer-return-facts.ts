import type { CustomerReturnFacts } from '@afterdesk/core';
import { currencyExponent, PRODUCT_COMPLAINT_REASONS } from '@afterdesk/core';
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';

export interface CustomerFacts extends CustomerReturnFacts {
  customerId: string;
  name: string | null;
  pastComplaints: number;
}

const RETURN_KINDS = ['return', 'exchange', 'refund_only'];

/**
 * What a customer's whole history says about their returns, for each customer given: one
 * statement of per-customer sub-selects, each by an index on the customer (orders, cases),
 * the case (items, inspections) or the phone and address (other accounts). Value returned
 * is the claimed refundable value in major units of each case's currency, added up
 * unconverted: a customer buys from one store, and one currency, nearly always.
 */
export async function customerReturnFacts(
  tx: Tx,
  tenantId: string,
  customerIds: string[],
): Promise<CustomerFacts[]> {
  if (customerIds.length === 0) return [];
  const faults = [...PRODUCT_COMPLAINT_REASONS];
  const { rows } = await sql<{
    id: string;
    name: string | null;
    bought: number | null;
    credited: number | null;
    returned: number | null;
    value_by_currency: Record<string, number> | null;
    contradicted: number;
    inspected: number;
    shared: number;
    complaints: number;
  }>`
    select c.id, c.name,
      (select sum(l.quantity) from orders o join order_lines l on l.order_id = o.id
        where o.tenant_id = ${tenantId} and o.customer_id = c.id and not o.credit_note)::int as bought,
      (select sum(l.quantity) from orders o join order_lines l on l.order_id = o.id
        where o.tenant_id = ${tenantId} and o.customer_id = c.id and o.credit_note)::int as credited,
      (select sum(ci.quantity) from cases k join case_items ci on ci.case_id = k.id
        where k.tenant_id = ${tenantId} and k.customer_id = c.id and k.kind in (${sql.join(RETURN_KINDS)})
          and k.status not in ('rejected', 'cancelled'))::int as returned,
      (select jsonb_object_agg(currency, minor) from (
         select coalesce(k.currency, 'XXX') as currency, sum(ci.refundable_minor)::bigint as minor
           from cases k join case_items ci on ci.case_id = k.id
          where k.tenant_id = ${tenantId} and k.customer_id = c.id and k.kind in (${sql.join(RETURN_KINDS)})
            and k.status not in ('rejected', 'cancelled')
          group by 1) v) as value_by_currency,
      (select count(*) from cases k join case_items ci on ci.case_id = k.id
         join inspection_items ii on ii.case_item_id = ci.id
        where k.tenant_id = ${tenantId} and k.customer_id = c.id and ci.reason_code in (${sql.join(faults)})
          and ii.result = 'passed' and ii.mismatch is null)::int as contradicted,
      (select count(*) from cases k join case_items ci on ci.case_id = k.id
         join inspection_items ii on ii.case_item_id = ci.id
        where k.tenant_id = ${tenantId} and k.customer_id = c.id and ci.reason_code in (${sql.join(faults)}))::int as inspected,
      (select count(distinct s.other) from (
         select other.id as other from customers other
          where other.tenant_id = ${tenantId} and c.phone is not null and other.phone = c.phone and other.id <> c.id
         union
         select theirs.customer_id from orders mine join orders theirs
             on theirs.tenant_id = ${tenantId} and theirs.shipping_address is not null
            and lower(theirs.shipping_address ->> 'line1') = lower(mine.shipping_address ->> 'line1')
            and upper(theirs.shipping_address ->> 'postalCode') = upper(mine.shipping_address ->> 'postalCode')
          where mine.tenant_id = ${tenantId} and mine.customer_id = c.id and mine.shipping_address is not null
            and theirs.customer_id <> c.id) s)::int as shared,
      (select count(*) from cases k
        where k.tenant_id = ${tenantId} and k.customer_id = c.id and k.kind in ('complaint', 'dispute'))::int as complaints
    from customers c
    where c.tenant_id = ${tenantId} and c.id in (${sql.join(customerIds)})`.execute(tx);
  return rows.map((r) => {
    const value = Object.entries(r.value_by_currency ?? {}).reduce(
      (sum, [currency, minor]) =>
        sum + Number(minor) / 10 ** (currency === 'XXX' ? 2 : currencyExponent(currency)),
      0,
    );
    return {
      customerId: r.id,
      name: r.name,
      unitsBought: Number(r.bought ?? 0),
      // Credit notes imported from the shop count as returned units too.
      unitsReturned: Number(r.returned ?? 0) + Number(r.credited ?? 0),
      valueReturned: Math.round(value * 100) / 100,
      contradictedClaims: Number(r.contradicted),
      inspectedClaims: Number(r.inspected),
      sharedAccounts: Number(r.shared),
      pastComplaints: Number(r.complaints),
    };
  });
}
