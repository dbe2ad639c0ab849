import { isRole } from '@afterdesk/core';
import { inSystem } from '../../db/scope.js';
import type { Principal, Services } from '../context.js';
import { hashToken } from './secrets.js';

// API keys are checked on every integration call; a short cache spares the database
// that lookup. Revoking a key evicts it here at once; other server processes still
// honour their cached answer for at most this long.
const API_KEY_CACHE_MS = 30_000;
const apiKeyCache = new Map<string, { principal: Principal | null; until: number }>();

/** Resolves a bearer token (API key or customer token) or a session cookie to a principal. */
export async function authenticate(services: Services, token: string): Promise<Principal | null> {
  const now = services.clock();
  if (token.startsWith('afd_')) return apiKeyPrincipal(services, token, now.getTime());
  if (!token.startsWith('ses_') && !token.startsWith('cus_')) return null;
  const session = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('sessions')
      .leftJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.tenant_id',
        'sessions.user_id',
        'sessions.customer_id',
        'sessions.expires_at',
        'users.role',
        'users.name',
        'users.active',
      ])
      .where('sessions.token_hash', '=', hashToken(token))
      .executeTakeFirst(),
  );
  if (!session || session.expires_at <= now) return null;
  if (session.customer_id)
    return { kind: 'customer', tenantId: session.tenant_id, customerId: session.customer_id };
  if (!session.user_id || !session.active || !session.role || !isRole(session.role)) return null;
  return {
    kind: 'user',
    tenantId: session.tenant_id,
    userId: session.user_id,
    role: session.role,
    name: session.name ?? '',
  };
}

/** Drops a key's cached answer, so a key revoked in this process is refused at once. */
export function forgetApiKey(keyHash: string): void {
  apiKeyCache.delete(keyHash);
}

async function apiKeyPrincipal(services: Services, key: string, now: number): Promise<Principal | null> {
  const keyHash = hashToken(key);
  const cached = apiKeyCache.get(keyHash);
  if (cached && cached.until > now) return cached.principal;
  const row = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('api_keys')
      .select(['id', 'tenant_id', 'revoked_at'])
      .where('key_hash', '=', keyHash)
      .executeTakeFirst(),
  );
  const principal: Principal | null =
    row && !row.revoked_at ? { kind: 'integration', tenantId: row.tenant_id, apiKeyId: row.id } : null;
  if (apiKeyCache.size > 10_000) apiKeyCache.clear();
  apiKeyCache.set(keyHash, { principal, until: now + API_KEY_CACHE_MS });
  return principal;
}
