import { findCase } from '../../db/repositories/cases.repository.js';
import { appendEvents } from '../../db/repositories/events.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';

/** Links two cases (both ways) so each shows the other: related matters, or a duplicate. */
export async function linkCases(
  ctx: Ctx,
  caseId: string,
  input: { caseId: string; relation?: 'related' | 'duplicate_of' | undefined },
) {
  requirePermission(ctx, 'cases:review');
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const [a, b] = await Promise.all([findCase(tx, caseId), findCase(tx, input.caseId)]);
    if (!a || !b) throw notFound('The case');
    if (a.id === b.id) throw conflict('A case cannot be linked to itself.');
    const relation = input.relation ?? 'related';
    await tx
      .insertInto('case_links')
      .values([
        { tenant_id: tenantId, case_id: a.id, linked_case_id: b.id, relation },
        { tenant_id: tenantId, case_id: b.id, linked_case_id: a.id, relation: 'related' },
      ])
      .onConflict((oc) =>
        oc
          .columns(['case_id', 'linked_case_id'])
          .doUpdateSet({ relation: (eb) => eb.ref('excluded.relation') }),
      )
      .execute();
    const actor = actorOf(ctx.principal);
    await appendEvents(tx, [
      {
        tenant_id: tenantId,
        stream: 'case',
        stream_id: a.id,
        type: 'case.linked',
        actor_type: actor.type,
        actor_id: actor.id,
        reason: null,
        data: { caseId: b.id, caseNumber: b.number, relation },
      },
    ]);
    return { caseId: a.id, linkedCaseId: b.id, relation };
  });
}
