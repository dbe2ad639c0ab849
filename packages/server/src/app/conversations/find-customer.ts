import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { invalid } from '../errors.js';

/** Someone who wrote in: known by e-mail or phone, maybe with a name and a language. */
export interface Contact {
  email?: string | null | undefined;
  phone?: string | null | undefined;
  name?: string | null | undefined;
  language?: string | null | undefined;
}

/**
 * The customer behind an e-mail address or phone number, created on first contact with
 * the same derived external id the order import uses, so a later order import finds them.
 */
export async function findOrCreateCustomer(tx: Tx, tenantId: string, contact: Contact): Promise<string> {
  const email = contact.email?.trim().toLowerCase() || null;
  const phone = contact.phone?.replace(/[^\d+]/g, '') || null;
  if (!email && !phone)
    throw invalid('Say who the customer is.', [
      { field: '/customer', message: 'An e-mail address or a phone number with digits is needed.' },
    ]);
  const found = await tx
    .selectFrom('customers')
    .select('id')
    .where((eb) => (email ? eb(sql`lower(email)`, '=', email) : eb('phone', '=', phone as string)))
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (found) return found.id;
  const row = await tx
    .insertInto('customers')
    .values({
      id: randomUUID(),
      tenant_id: tenantId,
      external_id: email ? `email:${email}` : `phone:${phone}`,
      email,
      phone,
      name: contact.name ?? null,
      language: contact.language ?? null,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'external_id']).doUpdateSet({ updated_at: sql`now()` }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
