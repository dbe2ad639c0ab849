import { sql } from 'kysely';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { toAlertView } from './alert-view.js';

/**
 * Someone has seen the alert and owns the follow-up. Acknowledging twice is harmless; a
 * closed alert stays closed.
 */
export async function acknowledgeQualityAlert(ctx: Ctx, alertId: string) {
  requirePermission(ctx, 'measures:read');
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const found = await tx
      .selectFrom('quality_alerts')
      .selectAll()
      .where('id', '=', alertId)
      .forUpdate()
      .executeTakeFirst();
    if (!found) throw notFound('The alert');
    if (found.status === 'closed') throw conflict('The alert is closed.');
    if (found.status === 'acknowledged') return toAlertView(found);
    const actor = actorOf(ctx.principal);
    const updated = await tx
      .updateTable('quality_alerts')
      .set({
        status: 'acknowledged',
        acknowledged_by: `${actor.type}:${actor.id}`,
        acknowledged_at: ctx.clock(),
        updated_at: sql`now()`,
      })
      .where('id', '=', alertId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, ctx, {
      stream: 'quality_alert',
      streamId: alertId,
      type: 'quality_alert.acknowledged',
      data: { kind: found.kind, subjectType: found.subject_type, subject: found.subject, week: found.week },
    });
    return toAlertView(updated);
  });
}
