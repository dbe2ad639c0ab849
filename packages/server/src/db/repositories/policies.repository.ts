import type { Tx } from '../scope.js';

export async function currentPolicy(tx: Tx): Promise<{ version: number; document: unknown } | undefined> {
  return tx
    .selectFrom('policies')
    .select(['version', 'document'])
    .orderBy('version', 'desc')
    .limit(1)
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

// Published versions never change, so a process may keep every document it has read.
const documents = new Map<string, unknown>();

/** The document of one policy version, from memory after the first read. */
export async function policyDocument(tx: Tx, tenantId: string, version: number): Promise<unknown> {
  const key = `${tenantId}:${version}`;
  if (documents.has(key)) return documents.get(key);
  const row = await tx
    .selectFrom('policies')
    .select('document')
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  if (documents.size >= 10_000) documents.clear();
  documents.set(key, row.document);
  return row.document;
}
