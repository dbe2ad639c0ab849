import { randomUUID } from 'node:crypto';
import { inTenant, type Tx } from '../../db/scope.js';
import { hashToken, newToken } from '../auth/secrets.js';
import type { Services } from '../context.js';

/** A tenant-scoped key for integrations. Only its hash is stored; the key is shown once. */
export async function createApiKey(services: Services, tenantId: string, name: string) {
  return inTenant(services.db, tenantId, (tx) => insertApiKey(tx, tenantId, name));
}

/** `createApiKey` in the caller's tenant transaction. */
export async function insertApiKey(tx: Tx, tenantId: string, name: string) {
  const key = newToken('afd');
  const row = await tx
    .insertInto('api_keys')
    .values({
      id: randomUUID(),
      tenant_id: tenantId,
      name,
      prefix: key.slice(0, 10),
      key_hash: hashToken(key),
    })
    .returning(['id', 'name', 'prefix', 'created_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
  return { ...row, key };
}
