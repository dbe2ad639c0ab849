import type { ReturnShipmentView } from '@afterdesk/contract';
import { findCase } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { findReturnShipment, toReturnShipmentView } from './return-shipment-view.js';

/** The case's return shipment: carrier, waybill (once there is one), warehouse, pick-up, and why a carrier failed. */
export async function getReturnShipment(ctx: Ctx, caseId: string): Promise<ReturnShipmentView> {
  requirePermission(ctx, 'cases:read');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const found = await findCase(tx, caseId);
    if (!found) throw notFound('The case');
    requireOwnership(ctx, found.customer_id, 'The case');
    const shipment = await findReturnShipment(tx, caseId);
    if (!shipment) throw notFound('A return shipment for this case');
    const view = toReturnShipmentView(shipment);
    // A carrier's error text is for the shop's people, not for the customer.
    return ctx.principal.kind === 'customer' ? { ...view, lastError: null } : view;
  });
}
