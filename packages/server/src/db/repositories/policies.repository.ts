import type { Tx } from '../scope.js';

export async function currentPolicy(tx: Tx): Promise<{ version: number; document: unknown } | undefined> {
  return tx
    .selectFrom('policies')
    .select(['version', 'document'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function policyVersion(tx: Tx, version: number) {
  return tx
    .selectFrom('policies')
    .select(['version', 'document', 'created_at', 'created_by'])
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertPolicy(
  tx: Tx,
  tenantId: string,
  version: number,
  document: unknown,
  createdBy: string | null,
) {
  await tx
    .insertInto('policies')
    .values({ tenant_id: tenantId, version, document: JSON.stringify(document), created_by: createdBy })
    .execute();
}
