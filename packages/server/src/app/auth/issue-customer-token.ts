import { inSystem, inTenant } from '../../db/scope.js';
import type { Services } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { hashToken, newToken } from './secrets.js';

export interface CustomerTokenRequest {
  tenantId: string;
  orderNumber: string;
  email?: string | undefined;
  phone?: string | undefined;
}

const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * A shopper proves who they are with an order number plus the e-mail or phone on it, and
 * gets a short-lived token that reaches only their own orders and cases.
 */
export async function issueCustomerToken(services: Services, request: CustomerTokenRequest) {
  if (!request.email && !request.phone) {
    throw invalid('Give the e-mail or the phone number used for the order.', [
      { field: '/email', message: 'E-mail or phone is required.' },
    ]);
  }
  const matches = await inTenant(services.db, request.tenantId, (tx) =>
    tx
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['customers.id', 'customers.email', 'customers.phone'])
      .where('orders.number', '=', request.orderNumber)
      .execute(),
  );
  const customer = matches.find(
    (c) =>
      (request.email && c.email && c.email.toLowerCase() === request.email.toLowerCase()) ||
      (request.phone && c.phone && digits(c.phone) === digits(request.phone)),
  );
  // One message for both cases, so the answer does not confirm that an order number exists.
  if (!customer) throw new AppError('unauthenticated', 'No order matches this number and contact.');
  const token = newToken('cus');
  const expiresAt = new Date(services.clock().getTime() + services.config.customerTokenMinutes * 60_000);
  await inSystem(services.db, (tx) =>
    tx
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        tenant_id: request.tenantId,
        customer_id: customer.id,
        expires_at: expiresAt,
      })
      .execute(),
  );
  return { token, expiresAt: expiresAt.toISOString(), customerId: customer.id };
}
