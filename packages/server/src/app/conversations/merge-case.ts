import type { CaseKind, CaseStatus } from '@afterdesk/core';
import { sql } from 'kysely';
import { type CaseViewRow, findCaseView } from '../../db/repositories/case-view.repository.js';
import { findCase } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import { requireAction } from '../access.js';
import { advanceCase } from '../cases/advance-case.js';
import { toCaseView } from '../cases/case-view.js';
import { actorOf, type Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { updateCaseClocks } from '../sla/case-clocks.js';

/**
 * Merges a duplicate conversation into the case that carries on: its messages move over
 * (numbered after the target's), both are linked, and the duplicate closes. Later mail on
 * the old thread lands on the target. Only cases of the same customer merge.
 */
export async function mergeCase(
  ctx: Ctx,
  caseId: string,
  input: { intoCaseId: string; reason?: string | undefined },
) {
  requireAction(ctx, 'merge');
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const [source, target] = await Promise.all([findCase(tx, caseId), findCase(tx, input.intoCaseId)]);
    if (!source) throw notFound('The case');
    if (!target) throw notFound('The case to merge into');
    if (source.id === target.id) throw conflict('A case cannot be merged into itself.');
    if (source.customer_id !== target.customer_id)
      throw conflict('Only cases of the same customer can be merged.');
    if (target.closed_at) throw conflict(`Case ${target.number} is closed; merge into an open case.`);
    const at = ctx.clock();
    await advanceCase(
      tx,
      tenantId,
      {
        id: source.id,
        kind: source.kind as CaseKind,
        status: source.status as CaseStatus,
        version: source.version,
      },
      {
        type: 'merge',
        by: actorOf(ctx.principal),
        at: at.toISOString(),
        reason: input.reason ?? `Merged into case ${target.number}.`,
        data: { intoCaseId: target.id, intoCaseNumber: target.number },
      },
    );
    // Renumbered after the target's own messages, in their original order, in one statement.
    await sql`
      with moved as (
        update messages m set case_id = ${target.id}, seq = o.n + t.last_message_seq
          from (select id, row_number() over (order by seq) as n from messages where case_id = ${source.id}) o,
               (select last_message_seq from cases where id = ${target.id}) t
         where m.id = o.id
        returning m.id)
      update cases set last_message_seq = last_message_seq + (select count(*) from moved), updated_at = now()
       where id = ${target.id}`.execute(tx);
    await tx
      .updateTable('cases')
      .set({ merged_into_id: target.id, last_message_seq: 0 })
      .where('id', '=', source.id)
      .execute();
    await tx
      .insertInto('case_links')
      .values([
        { tenant_id: tenantId, case_id: source.id, linked_case_id: target.id, relation: 'merged_into' },
        { tenant_id: tenantId, case_id: target.id, linked_case_id: source.id, relation: 'related' },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
    await updateCaseClocks(tx, source, {
      type: 'status_changed',
      from: source.status as CaseStatus,
      to: 'closed',
      at,
    });
    return toCaseView((await findCaseView(tx, target.id)) as CaseViewRow);
  });
}
