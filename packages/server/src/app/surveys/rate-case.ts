import { randomUUID } from 'node:crypto';
import type { CaseRatingInput } from '@afterdesk/contract';
import { RATEABLE_STATUSES } from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import { inTenant } from '../../db/scope.js';
import { hashToken } from '../auth/secrets.js';
import type { Ctx } from '../context.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';

/**
 * The customer rates their finished case from the portal, once. The rating is a survey
 * answer like the e-mailed one's (it answers that survey if one is waiting), so CSAT and
 * the agent's score count it the same way.
 */
export async function rateCase(ctx: Ctx, caseId: string, input: CaseRatingInput) {
  const principal = ctx.principal;
  if (principal.kind !== 'customer') throw forbidden('Only the customer rates their case.');
  const comment = input.comment?.trim() || null;
  const answeredAt = ctx.clock();
  return inTenant(ctx.db, principal.tenantId, async (tx) => {
    // Locked, so two ratings sent at once cannot both find the case unrated.
    const found = await tx
      .selectFrom('cases')
      .select(['id', 'customer_id', 'status', 'assignee_id', 'language', 'number'])
      .where('id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!found || found.customer_id !== principal.customerId) throw notFound('The case');
    if (!(RATEABLE_STATUSES as readonly string[]).includes(found.status))
      throw new AppError(
        'conflict',
        `Case ${found.number} is ${found.status}; it can be rated once it is done.`,
        {
          userMessage: 'You can rate this request once it is done.',
        },
      );
    const surveys = await tx
      .selectFrom('surveys')
      .select(['id', 'answered_at'])
      .where('case_id', '=', caseId)
      .orderBy('sent_at', 'desc')
      .execute();
    if (surveys.some((s) => s.answered_at !== null))
      throw conflict(`Case ${found.number} was already rated.`);
    const answer = { score: input.score, comment, answered_at: answeredAt };
    const waiting = surveys[0];
    if (waiting) {
      await tx.updateTable('surveys').set(answer).where('id', '=', waiting.id).execute();
    } else {
      // No survey was mailed: an answered one is written, its token known to nobody.
      await tx
        .insertInto('surveys')
        .values({
          id: randomUUID(),
          tenant_id: principal.tenantId,
          case_id: caseId,
          agent_id: found.assignee_id,
          token_hash: hashToken(Buffer.from(ctx.randomBytes(24)).toString('base64url')),
          language: found.language,
          sent_at: answeredAt,
          ...answer,
        })
        .execute();
    }
    await appendEvents(tx, [
      {
        tenant_id: principal.tenantId,
        stream: 'case',
        stream_id: caseId,
        type: 'survey.answered',
        actor_type: 'customer',
        actor_id: principal.customerId,
        reason: null,
        data: { score: input.score, hasComment: comment !== null },
      },
    ]);
    return { score: input.score, comment, answeredAt: answeredAt.toISOString() };
  });
}
