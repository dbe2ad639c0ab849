import type { Macro } from '@afterdesk/core';
import { sql } from 'kysely';
import type { Tx } from '../scope.js';

export interface MacroRecord extends Macro {
  id: string;
  category: string | null;
  createdAt: string;
  updatedAt: string;
}

function selectMacros(tx: Tx) {
  return tx.selectFrom('macros').select(['id', 'name', 'category', 'variants', 'created_at', 'updated_at']);
}

type MacroRow = Awaited<ReturnType<ReturnType<typeof selectMacros>['executeTakeFirstOrThrow']>>;

const toRecord = (row: MacroRow): MacroRecord => ({
  id: row.id,
  name: row.name,
  category: row.category,
  variants: row.variants as Macro['variants'],
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function listMacros(tx: Tx): Promise<MacroRecord[]> {
  return (await selectMacros(tx).orderBy('name').execute()).map(toRecord);
}

export async function findMacro(tx: Tx, macroId: string): Promise<MacroRecord | undefined> {
  const row = await selectMacros(tx).where('id', '=', macroId).executeTakeFirst();
  return row && toRecord(row);
}

/** For a macro just written in the same transaction. */
export async function findMacroOrThrow(tx: Tx, macroId: string): Promise<MacroRecord> {
  return toRecord(await selectMacros(tx).where('id', '=', macroId).executeTakeFirstOrThrow());
}

export interface MacroFields extends Macro {
  category: string | null;
}

export async function insertMacro(
  tx: Tx,
  macro: MacroFields & { id: string; tenantId: string },
): Promise<void> {
  await tx
    .insertInto('macros')
    .values({
      id: macro.id,
      tenant_id: macro.tenantId,
      name: macro.name,
      category: macro.category,
      variants: JSON.stringify(macro.variants),
    })
    .execute();
}

/** Whether a macro of the transaction's tenant was there to replace. */
export async function updateMacro(tx: Tx, macroId: string, macro: MacroFields): Promise<boolean> {
  const result = await tx
    .updateTable('macros')
    .set({
      name: macro.name,
      category: macro.category,
      variants: JSON.stringify(macro.variants),
      updated_at: sql`now()`,
    })
    .where('id', '=', macroId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The deleted macro's name, or undefined when the tenant has no such macro. */
export async function deleteMacro(tx: Tx, macroId: string): Promise<string | undefined> {
  const row = await tx.deleteFrom('macros').where('id', '=', macroId).returning('name').executeTakeFirst();
  return row?.name;
}
