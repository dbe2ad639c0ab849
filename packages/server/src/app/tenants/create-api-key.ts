import { randomUUID } from 'node:crypto';
import { inTenant } from '../../db/scope.js';
import { hashToken, newToken } from '../auth/secrets.js';
import type { Services } from '../context.js';

/** A tenant-scoped key for integrations. Only its hash is stored; the key is shown once. */
export async function createApiKey(services: Services, tenantId: string, name: string) {
  const key = newToken('afd');
  const id = randomUUID();
  await inTenant(services.db, tenantId, (tx) =>
    tx
      .insertInto('api_keys')
      .values({ id, tenant_id: tenantId, name, prefix: key.slice(0, 10), key_hash: hashToken(key) })
      .execute(),
  );
  return { id, key };
}
