import { findCase } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import { renderReturnLabelPdf } from '../../files/index.js';
import { isSelfShip, type PickupWindow } from '../../integrations/carriers/index.js';
import { requireOwnership, requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import type { StoredReturnAddress } from './plan-return-shipment.js';
import { findReturnShipment, readJson } from './return-shipment-view.js';

const NOT_YET: Record<string, string> = {
  requested: 'The carrier has not answered with a waybill yet; try again in a minute.',
  awaiting_waybill: 'The shop has not entered the waybill of this return yet.',
  failed: 'The carrier could not issue a waybill; the shop has been told.',
};

/**
 * The printable return label (PDF, 4 × 6 in) of a case: for the customer who owns it
 * and for staff. There is none until the shipment has a waybill (409).
 */
export async function getReturnLabelPdf(ctx: Ctx, caseId: string): Promise<Uint8Array> {
  requirePermission(ctx, 'cases:read');
  const content = await inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const found = await findCase(tx, caseId);
    if (!found) throw notFound('The case');
    requireOwnership(ctx, found.customer_id, 'The case');
    const shipment = await findReturnShipment(tx, caseId);
    if (!shipment) throw notFound('A return shipment for this case');
    if (!shipment.waybill_number || !found.return_code)
      throw conflict(NOT_YET[shipment.state] ?? 'This return has no waybill yet.');
    const parties = await tx
      .selectFrom('tenants')
      .leftJoin('customers', (join) => join.on('customers.id', '=', found.customer_id))
      .leftJoin('stores', (join) => join.on('stores.id', '=', found.store_id))
      .leftJoin('return_carriers', (join) => join.on('return_carriers.id', '=', shipment.carrier_id))
      .select([
        'tenants.name as merchant',
        'customers.name as customer_name',
        'customers.email as customer_email',
        'customers.country as customer_country',
        'stores.name as store_name',
        'stores.country as store_country',
        'return_carriers.name as carrier_name',
      ])
      .where('tenants.id', '=', ctx.principal.tenantId)
      .executeTakeFirstOrThrow();
    return { found, shipment, parties };
  });
  const { found, shipment, parties } = content;
  const to = readJson<StoredReturnAddress>(shipment.return_address);
  const pickup = readJson<PickupWindow>(shipment.pickup);
  return renderReturnLabelPdf({
    waybillNumber: shipment.waybill_number as string,
    returnCode: found.return_code as string,
    caseNumber: Number(found.number),
    carrier: parties.carrier_name ?? (isSelfShip(shipment.carrier) ? 'Self-ship' : shipment.carrier),
    from: {
      name: parties.customer_name ?? parties.customer_email ?? 'Customer',
      lines: [],
      country: parties.customer_country?.trim() ?? null,
    },
    // Without a warehouse set up, the parcel goes to the shop by the name customers know.
    to: to
      ? {
          name: to.name,
          lines: [...to.addressLines, [to.postalCode, to.city].filter(Boolean).join(' ')],
          country: to.country,
        }
      : {
          name: parties.store_name ?? parties.merchant,
          lines: [],
          country: parties.store_country?.trim() ?? null,
        },
    postagePaidBy: shipment.postage_paid_by === 'merchant' ? 'merchant' : 'customer',
    merchantName: parties.merchant,
    consolidation: to?.consolidation ?? false,
    pickup: pickup ? { ...pickup, reference: shipment.pickup_reference } : null,
    createdAt: shipment.issued_at ? new Date(shipment.issued_at) : ctx.clock(),
  });
}
