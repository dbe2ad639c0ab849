import { casePriority, isVip, type Priority, type PriorityReason } from '@afterdesk/core';
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { loadHelpDeskSettings } from '../settings/help-desk-settings.js';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** What the help desk knows of a customer when a case opens: VIP or not, and how upset before. */
export interface CustomerStanding {
  vip: boolean;
  dedicatedAgentId: string | null;
  pastComplaints: number;
}

/** One statement: the customer's spend and orders of the last year, past complaints, dedicated agent. */
export async function customerStanding(tx: Tx, customerId: string, at: Date): Promise<CustomerStanding> {
  const since = new Date(at.getTime() - YEAR_MS);
  const row = await tx
    .selectFrom('customers as c')
    .select((eb) => [
      'c.dedicated_agent_id',
      eb
        .selectFrom('orders as o')
        .select(sql<number>`coalesce(sum(o.total_minor), 0)::bigint`.as('spend'))
        .whereRef('o.customer_id', '=', 'c.id')
        .where('o.placed_at', '>=', since)
        .as('spend'),
      eb
        .selectFrom('orders as o')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('o.customer_id', '=', 'c.id')
        .where('o.placed_at', '>=', since)
        .as('orders'),
      eb
        .selectFrom('cases as k')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('k.customer_id', '=', 'c.id')
        .where('k.kind', 'in', ['complaint', 'dispute'])
        .as('complaints'),
    ])
    .where('c.id', '=', customerId)
    .executeTakeFirst();
  const settings = await loadHelpDeskSettings(tx);
  return {
    vip: isVip(
      { yearlySpendMinor: Number(row?.spend ?? 0), orderCount: Number(row?.orders ?? 0) },
      settings.vipRule,
    ),
    dedicatedAgentId: row?.dedicated_agent_id ?? null,
    pastComplaints: Number(row?.complaints ?? 0),
  };
}

/** The priority a new case starts at, and why. */
export function startingPriority(
  standing: CustomerStanding,
  orderTotalMinor: number | null,
  negativeSentiment = false,
): { priority: Priority; reasons: PriorityReason[] } {
  return casePriority({
    base: 'normal',
    vip: standing.vip,
    negativeSentiment,
    orderTotalMinor,
    pastComplaints: standing.pastComplaints,
  });
}
