import { inTenant } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

/** The bytes of one evidence file, for the people allowed to see its case. */
export async function getEvidence(ctx: Ctx, evidenceId: string) {
  requirePermission(ctx, 'cases:read');
  const row = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx
      .selectFrom('evidence_files')
      .leftJoin('cases', 'cases.id', 'evidence_files.case_id')
      .select([
        'evidence_files.storage_key',
        'evidence_files.content_type',
        'evidence_files.uploaded_by_id',
        'evidence_files.uploaded_by_type',
        'cases.customer_id',
      ])
      .where('evidence_files.id', '=', evidenceId)
      .executeTakeFirst(),
  );
  if (!row) throw notFound('The file');
  const owner = row.customer_id ?? (row.uploaded_by_type === 'customer' ? row.uploaded_by_id : null);
  requireOwnership(ctx, owner, 'The file');
  const file = await ctx.files.get(row.storage_key);
  if (!file) throw notFound('The file');
  return { bytes: file.bytes, contentType: row.content_type };
}
