import { randomUUID } from 'node:crypto';
import { defaultPolicy } from '@afterdesk/core';
import { insertPolicy } from '../../db/repositories/policies.repository.js';
import { inSystem, inTenant } from '../../db/scope.js';
import type { Services } from '../context.js';
import { createApiKey } from './create-api-key.js';

export interface StoreInput {
  code: string;
  name: string;
  country: string;
  currency: string;
  timeZone: string;
  languages: string[];
}

const DEFAULT_STORE: StoreInput = {
  code: 'main',
  name: 'Main store',
  country: 'US',
  currency: 'USD',
  timeZone: 'America/New_York',
  languages: ['en'],
};

/** A new merchant: its stores, the default policy as version 1, and a first API key. */
export async function createTenant(services: Services, input: { name: string; stores?: StoreInput[] }) {
  const tenantId = randomUUID();
  await inSystem(services.db, (tx) =>
    tx.insertInto('tenants').values({ id: tenantId, name: input.name }).execute(),
  );
  await inTenant(services.db, tenantId, async (tx) => {
    const stores = input.stores?.length ? input.stores : [DEFAULT_STORE];
    await tx
      .insertInto('stores')
      .values(
        stores.map((s) => ({
          id: randomUUID(),
          tenant_id: tenantId,
          code: s.code,
          name: s.name,
          country: s.country,
          currency: s.currency,
          time_zone: s.timeZone,
          languages: s.languages,
        })),
      )
      .execute();
    await insertPolicy(tx, tenantId, 1, defaultPolicy(), 'system');
  });
  const apiKey = await createApiKey(services, tenantId, 'default');
  return { tenantId, apiKey: apiKey.key };
}
