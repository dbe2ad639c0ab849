import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { inTenant, type Tx } from '../db/scope.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { tenantId: string; principal: string; key: string };
  }
}

function principalKey(request: FastifyRequest): string {
  const p = request.principal;
  if (!p) return 'anonymous';
  return p.kind === 'user'
    ? `user:${p.userId}`
    : p.kind === 'integration'
      ? `key:${p.apiKeyId}`
      : `customer:${p.customerId}`;
}

/**
 * `Idempotency-Key` on any POST: the same key with the same body replays the stored
 * response; the same key with another body is refused with 422. Only successful
 * responses are kept, so a corrected retry of a failed request goes through.
 */
export function registerIdempotency(app: FastifyInstance, services: Services) {
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return;
    if (key.length < 1 || key.length > 255)
      throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 255 characters.');
    const tenantId = request.principal.tenantId;
    const principal = principalKey(request);
    const body = Buffer.isBuffer(request.body)
      ? request.body.toString('base64')
      : JSON.stringify(request.body ?? null);
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${body}`)
      .digest('hex');
    const existing = await inTenant(services.db, tenantId, async (tx) => {
      const claimed = await tx
        .insertInto('idempotency_keys')
        .values({ tenant_id: tenantId, principal, key, request_hash: requestHash })
        .onConflict((oc) => oc.columns(['tenant_id', 'principal', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (claimed) return null;
      return tx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status_code', 'response'])
        .where('principal', '=', principal)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
    });
    if (!existing) {
      request.idempotency = { tenantId, principal, key };
      return;
    }
    if (existing.request_hash !== requestHash) {
      throw new AppError('idempotency_mismatch', 'This Idempotency-Key was used with a different request.');
    }
    if (existing.status_code === null) {
      throw new AppError(
        'conflict',
        'A request with this Idempotency-Key is still being processed; retry shortly.',
      );
    }
    reply.header('idempotent-replayed', 'true');
    return reply.code(existing.status_code).type('application/json').send(JSON.stringify(existing.response));
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    const ok = reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string';
    const mine = (tx: Tx) => ({
      update: tx
        .updateTable('idempotency_keys')
        .where('principal', '=', claim.principal)
        .where('key', '=', claim.key),
      delete: tx
        .deleteFrom('idempotency_keys')
        .where('principal', '=', claim.principal)
        .where('key', '=', claim.key),
    });
    try {
      await inTenant(services.db, claim.tenantId, async (tx) => {
        if (ok)
          await mine(tx)
            .update.set({ status_code: reply.statusCode, response: payload as string })
            .execute();
        else await mine(tx).delete.execute();
      });
    } catch (error) {
      // The answer stands; only its replay is lost. Free the key so a retry is not stuck.
      request.log.error({ err: error }, 'could not store the idempotent response');
      await inTenant(services.db, claim.tenantId, (tx) => mine(tx).delete.execute()).catch(() => undefined);
    }
    return payload;
  });
}
