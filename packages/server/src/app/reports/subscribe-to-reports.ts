import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { requireStaff } from '../staff.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Adds an address that receives the weekly report; adding it again reactivates it. */
export async function subscribeToReports(ctx: Ctx, input: { email: string }) {
  requireStaff(ctx, 'reports:manage');
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254)
    throw invalid('Not an e-mail address.', [{ field: '/email', message: 'Must be an e-mail address.' }]);
  const tenantId = ctx.principal.tenantId;
  const row = await inTenant(ctx.db, tenantId, (tx) =>
    tx
      .insertInto('report_subscriptions')
      .values({ id: randomUUID(), tenant_id: tenantId, email })
      .onConflict((oc) => oc.columns(['tenant_id', 'email']).doUpdateSet({ active: sql`true` }))
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return toSubscriptionView(row);
}

export function toSubscriptionView(row: { id: string; email: string; active: boolean; created_at: Date }) {
  return {
    id: row.id,
    email: row.email,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
