import { isIP } from 'node:net';
import type {
  ReturnCarrierInput,
  ReturnCarrierView,
  WarehouseInput,
  WarehouseView,
} from '@afterdesk/contract';
import type { Selectable } from 'kysely';
import type { ReturnCarriersTable, WarehousesTable } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import type { Services } from '../context.js';
import { invalid } from '../errors.js';
import { isPrivateAddress, parseWebhookUrl, WebhookTargetError } from '../webhooks/webhook-target.js';

export function toReturnCarrierView(row: Selectable<ReturnCarriersTable>): ReturnCarrierView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    adapter: row.adapter,
    url: row.url,
    waybillPointer: row.waybill_pointer,
    pickupPointer: row.pickup_pointer,
    isDefault: row.is_default,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function toWarehouseView(row: Selectable<WarehousesTable>): WarehouseView {
  return {
    id: row.id,
    name: row.name,
    addressLines: row.address_lines,
    postalCode: row.postal_code,
    city: row.city,
    country: row.country.trim(),
    servesCountries: row.serves_countries.map((c) => c.trim()),
    consolidation: row.consolidation,
    isDefault: row.is_default,
    carrierId: row.carrier_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/**
 * The columns of a carrier connection from its input, checked beyond the schema: a
 * generic carrier needs a URL that may be called and a waybill pointer; a manual one
 * takes neither. `secret` is the one to keep when the input brings none.
 */
export function carrierColumns(services: Services, input: ReturnCarrierInput, secret: string | null) {
  if (input.adapter === 'manual') {
    const extra = (['url', 'secret', 'waybillPointer', 'pickupPointer'] as const).filter((k) => input[k]);
    if (extra.length > 0)
      throw invalid(
        'A manual carrier is not called; it takes no URL, secret or pointers.',
        extra.map((k) => ({ field: `/${k}`, message: 'Only for the generic adapter.' })),
      );
    return base(input, { url: null, secret: null, waybill_pointer: null, pickup_pointer: null });
  }
  const missing = (['url', 'waybillPointer'] as const).filter((k) => !input[k]);
  if (missing.length > 0)
    throw invalid(
      'A generic carrier needs the URL to call and where its answer holds the waybill.',
      missing.map((k) => ({ field: `/${k}`, message: 'Required for the generic adapter.' })),
    );
  checkCarrierUrl(input.url as string, services.config.webhooksAllowPrivate);
  return base(input, {
    url: input.url as string,
    secret: input.secret ?? secret ?? `whsec_${Buffer.from(services.randomBytes(24)).toString('base64url')}`,
    waybill_pointer: input.waybillPointer as string,
    pickup_pointer: input.pickupPointer ?? null,
  });
}

interface ConnectionColumns {
  url: string | null;
  secret: string | null;
  waybill_pointer: string | null;
  pickup_pointer: string | null;
}

function base(input: ReturnCarrierInput, rest: ConnectionColumns) {
  return {
    code: input.code,
    name: input.name,
    adapter: input.adapter,
    is_default: input.isDefault ?? false,
    ...rest,
  };
}

// What can be told without DNS, as for webhooks; the carrier call checks resolved addresses again.
function checkCarrierUrl(url: string, allowPrivate: boolean) {
  try {
    const host = parseWebhookUrl(url).hostname.replace(/^\[|\]$/g, '');
    if (!allowPrivate && (host === 'localhost' || (isIP(host) && isPrivateAddress(host))))
      throw new WebhookTargetError('Carriers may not be called at a private or loopback address.');
  } catch (error) {
    if (error instanceof WebhookTargetError)
      throw invalid('The carrier URL cannot be used.', [{ field: '/url', message: error.message }]);
    throw error;
  }
}

/** The columns of a warehouse from its input; the carrier, when named, must be the tenant's. */
export async function warehouseColumns(tx: Tx, input: WarehouseInput) {
  if (input.carrierId) {
    const found = await tx
      .selectFrom('return_carriers')
      .select('id')
      .where('id', '=', input.carrierId)
      .executeTakeFirst();
    if (!found)
      throw invalid('No such carrier.', [{ field: '/carrierId', message: 'Not a carrier of this shop.' }]);
  }
  return {
    name: input.name,
    address_lines: input.addressLines,
    postal_code: input.postalCode ?? null,
    city: input.city,
    country: input.country,
    serves_countries: input.servesCountries ?? [],
    consolidation: input.consolidation ?? false,
    is_default: input.isDefault ?? false,
    carrier_id: input.carrierId ?? null,
  };
}
