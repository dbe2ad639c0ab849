import { randomUUID } from 'node:crypto';
import { findCase } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import { inspectUpload } from '../../files/index.js';
import { requireOwnership, requirePermission } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';

const REFUSAL = {
  too_large: 'payload_too_large',
  unsupported_type: 'unsupported_media_type',
  empty: 'validation_failed',
} as const;

/**
 * Stores one evidence file (photo, screenshot, PDF). Its type is sniffed from the bytes
 * and images lose their metadata (GPS!) before anything is written. Without a case it
 * waits to be named by a new case's items.
 */
export async function uploadEvidence(
  ctx: Ctx,
  upload: { bytes: Uint8Array; fileName?: string | undefined; caseId?: string | undefined },
) {
  requirePermission(ctx, 'evidence:upload');
  const inspected = await inspectUpload(upload.bytes);
  if (!inspected.ok) throw new AppError(REFUSAL[inspected.code], inspected.message);
  const tenantId = ctx.principal.tenantId;
  const id = randomUUID();
  const storageKey = `${tenantId}/${id}.${inspected.extension}`;
  const actor = actorOf(ctx.principal);
  return inTenant(ctx.db, tenantId, async (tx) => {
    if (upload.caseId) {
      const found = await findCase(tx, upload.caseId);
      if (!found) throw notFound('The case');
      requireOwnership(ctx, found.customer_id, 'The case');
    }
    // The file goes first: a row never points at bytes that are not there.
    await ctx.files.put(storageKey, inspected.bytes, inspected.contentType);
    await tx
      .insertInto('evidence_files')
      .values({
        id,
        tenant_id: tenantId,
        case_id: upload.caseId ?? null,
        storage_key: storageKey,
        content_type: inspected.contentType,
        size_bytes: inspected.size,
        original_name: upload.fileName?.slice(0, 255) ?? null,
        uploaded_by_type: actor.type,
        uploaded_by_id: actor.id,
      })
      .execute();
    return {
      id,
      contentType: inspected.contentType,
      sizeBytes: inspected.size,
      caseId: upload.caseId ?? null,
    };
  });
}
